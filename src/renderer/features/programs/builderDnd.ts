/**
 * Drag and drop in the builder (dnd-kit): what can be dragged where, how a drop target is found
 * for the pointer and for the keyboard, and what a screen reader hears.
 *
 * - a library template onto a day slot (puts it there);
 * - a day onto another slot (moves it, swapping with what is there; with Alt, copies it);
 * - a week's handle onto another week (moves it there; with Alt, duplicates it after that week);
 * - an exercise onto another exercise or a day (reorders its template, or moves it to the other
 *   day's template).
 *
 * The keyboard sensor needs a coordinate getter that jumps between drop targets. dnd-kit's
 * `sortableKeyboardCoordinates` only works when the dragged item is itself a drop target (a
 * sortable list), which a library card is not, so the builder has its own: the arrow keys go to
 * the nearest target of the right kind in that direction, row by row and column by column.
 */
import {
  pointerWithin,
  rectIntersection,
  type Active,
  type ClientRect,
  type CollisionDetection,
  type KeyboardCoordinateGetter,
  type Over,
} from '@dnd-kit/core';

export type DragData =
  | { kind: 'template'; templateId: string; name: string }
  | { kind: 'day'; weekId: string; dayIndex: number; templateId: string; name: string }
  | { kind: 'week'; weekId: string }
  | {
      kind: 'exercise';
      dayId: string;
      weekId: string;
      dayIndex: number;
      templateId: string;
      exerciseId: string;
      name: string;
      position: number;
    };

export type DropData =
  | { kind: 'slot'; weekId: string; dayIndex: number }
  | { kind: 'weekrow'; weekId: string }
  | Extract<DragData, { kind: 'exercise' }>;

export const dragId = {
  template: (templateId: string) => `lib:${templateId}`,
  day: (weekId: string, dayIndex: number) => `day:${weekId}:${dayIndex}`,
  week: (weekId: string) => `week:${weekId}`,
  exercise: (dayId: string, exerciseId: string) => `ex:${dayId}:${exerciseId}`,
};

export const dropId = {
  slot: (weekId: string, dayIndex: number) => `slot:${weekId}:${dayIndex}`,
  weekRow: (weekId: string) => `weekrow:${weekId}`,
  exercise: (dayId: string, exerciseId: string) => `exdrop:${dayId}:${exerciseId}`,
};

const ACCEPTS: Record<DragData['kind'], readonly DropData['kind'][]> = {
  template: ['slot'],
  day: ['slot'],
  week: ['weekrow'],
  exercise: ['exercise', 'slot'],
};

export function dragDataOf(active: Active | null | undefined): DragData | undefined {
  return active?.data.current as DragData | undefined;
}

export function dropDataOf(over: Over | null | undefined): DropData | undefined {
  return over?.data.current as DropData | undefined;
}

function accepts(drag: DragData | undefined, drop: DropData | undefined): boolean {
  return Boolean(drag && drop && ACCEPTS[drag.kind].includes(drop.kind));
}

/**
 * Only targets that take what is dragged. A pointer drop goes where the pointer is (nothing when
 * it is over no target, so letting go over the library cancels); a keyboard drag has no pointer
 * and takes the target its rectangle was moved onto (the arrow keys centre it on one), so a
 * template just picked up in the library is over nothing yet. Over an exercise inside a day, the
 * exercise (the smaller target) wins.
 */
export const builderCollisionDetection: CollisionDetection = (args) => {
  const drag = args.active.data.current as DragData | undefined;
  const droppableContainers = args.droppableContainers.filter((container) =>
    accepts(drag, container.data.current as DropData | undefined),
  );
  if (args.pointerCoordinates) {
    const hits = pointerWithin({ ...args, droppableContainers });
    const exerciseHit = hits.find(
      (hit) => (hit.data?.droppableContainer?.data.current as DropData | undefined)?.kind === 'exercise',
    );
    return exerciseHit ? [exerciseHit] : hits;
  }
  return rectIntersection({ ...args, droppableContainers });
};

const center = (rect: ClientRect) => ({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });

/** The arrow keys move the dragged thing onto the nearest target of its kind in that direction. */
export const builderKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  const direction = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] }[
    event.code
  ] as [number, number] | undefined;
  if (!direction) return undefined;
  event.preventDefault();
  const { active, collisionRect, droppableRects, droppableContainers, over } = context;
  if (!active || !collisionRect) return undefined;
  const drag = active.data.current as DragData | undefined;
  const fromRect = (over ? droppableRects.get(over.id) : undefined) ?? collisionRect;
  const from = center(fromRect);
  const [dx, dy] = direction;

  let best: { rect: ClientRect; score: number } | null = null;
  for (const container of droppableContainers.getEnabled()) {
    if (container.id === over?.id) continue;
    if (!accepts(drag, container.data.current as DropData | undefined)) continue;
    const rect = droppableRects.get(container.id);
    if (!rect) continue;
    const to = center(rect);
    const along = (to.x - from.x) * dx + (to.y - from.y) * dy;
    if (along <= 1) continue;
    const across = Math.abs((to.x - from.x) * dy) + Math.abs((to.y - from.y) * dx);
    // Stay in the row (or column) when there is a target in it: sideways distance costs more.
    const score = along + across * 3;
    if (!best || score < best.score) best = { rect, score };
  }
  if (!best) return undefined;
  const to = center(best.rect);
  return { x: to.x - collisionRect.width / 2, y: to.y - collisionRect.height / 2 };
};

export const SCREEN_READER_INSTRUCTIONS =
  'To pick up a day, a week, a template or an exercise, press Space. While it is picked up, the ' +
  'arrow keys move it, C switches between moving and copying, Space drops it and Escape cancels. ' +
  'On a day, Shift+F10 opens its menu with Move to and Copy to.';
