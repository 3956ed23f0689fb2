/**
 * Swipe on a touch screen (pointer events, touch and pen only; a mouse drags nothing): the element
 * follows the finger sideways, and past a threshold a swipe right or left fires its action. Short
 * moves spring back, and vertical moves are left to the page's scrolling (CSS touch-action: pan-y).
 */
import { useRef, type PointerEvent, type RefObject } from 'react';

const THRESHOLD_PX = 96;

interface SwipeActions {
  onSwipeRight: () => void;
  onSwipeLeft: () => void;
}

export function useSwipe(element: RefObject<HTMLElement | null>, actions: SwipeActions) {
  const start = useRef<{ x: number; y: number; id: number } | null>(null);

  const reset = () => {
    start.current = null;
    const node = element.current;
    if (!node) return;
    node.style.transform = '';
    node.classList.remove('lt-swiping-right', 'lt-swiping-left');
  };

  return {
    onPointerDown: (event: PointerEvent) => {
      if (event.pointerType === 'mouse') return;
      start.current = { x: event.clientX, y: event.clientY, id: event.pointerId };
    },
    onPointerMove: (event: PointerEvent) => {
      const from = start.current;
      const node = element.current;
      if (!from || !node || from.id !== event.pointerId) return;
      const dx = event.clientX - from.x;
      if (Math.abs(event.clientY - from.y) > Math.abs(dx) && Math.abs(dx) < 16) return;
      node.style.transform = `translateX(${dx}px)`;
      node.classList.toggle('lt-swiping-right', dx > THRESHOLD_PX);
      node.classList.toggle('lt-swiping-left', dx < -THRESHOLD_PX);
    },
    onPointerUp: (event: PointerEvent) => {
      const from = start.current;
      if (!from || from.id !== event.pointerId) return;
      const dx = event.clientX - from.x;
      reset();
      if (dx > THRESHOLD_PX) actions.onSwipeRight();
      else if (dx < -THRESHOLD_PX) actions.onSwipeLeft();
    },
    onPointerCancel: reset,
  };
}
