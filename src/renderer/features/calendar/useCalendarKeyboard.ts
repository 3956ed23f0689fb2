/**
 * The calendar by keyboard (UX.md: every drag has a keyboard path, focus always visible):
 * - day cells are one tab stop (a roving tabindex); arrow keys move between days, Enter or Space
 *   adds a workout on the focused day;
 * - on a focused workout, Enter opens it (FullCalendar's own), and the context-menu key or
 *   Shift+F10 opens its menu; the "…" button inside it opens the same menu by click or key;
 * - a right click on a workout opens its menu where the pointer is.
 * The "…" button's clicks and keys are caught in the capture phase, before FullCalendar's own
 * listeners would take them for a click on the workout (and open its drawer) or a drag.
 */
import { useEffect, type RefObject } from 'react';
import type { ScheduledWorkout } from '../../../shared/domain/schedule';
import type { WorkoutMenuRequest } from './WorkoutCalendar';
import { MENU_BUTTON_CLASS } from './workoutEventContent';

const DAY_CELL = '.fc-daygrid-day[data-date]';
const WORKOUT_EVENT = '.fc-event[data-workout-id]';
const MENU_BUTTON = `.${MENU_BUTTON_CLASS}`;

interface CalendarKeyboardHandlers {
  onDateChosen(date: string): void;
  onMenu(request: WorkoutMenuRequest): void;
  workoutById(id: string): ScheduledWorkout | null;
}

const ARROW_STEPS: Record<string, (columns: number) => number> = {
  ArrowLeft: () => -1,
  ArrowRight: () => 1,
  ArrowUp: (columns) => -columns,
  ArrowDown: (columns) => columns,
};

function dayCells(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(DAY_CELL)];
}

/** Make `cell` the day cells' single tab stop. */
export function makeTabStop(container: HTMLElement, cell: HTMLElement): void {
  for (const other of dayCells(container)) if (other !== cell) other.tabIndex = -1;
  cell.tabIndex = 0;
}

/** After a view change: today's cell is the tab stop, or the first day of the period. */
export function ensureDayTabStop(container: HTMLElement): void {
  const cells = dayCells(container);
  if (cells.length === 0 || cells.some((cell) => cell.tabIndex === 0)) return;
  const first = cells.find((cell) => !cell.classList.contains('fc-day-other')) ?? cells[0]!;
  makeTabStop(container, first);
}

export function useCalendarKeyboard(
  containerRef: RefObject<HTMLElement | null>,
  handlers: CalendarKeyboardHandlers,
): void {
  const { onDateChosen, onMenu, workoutById } = handlers;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;

    function openMenuFor(eventEl: Element, left: number, top: number) {
      const id = (eventEl as HTMLElement).dataset.workoutId;
      const workout = id ? workoutById(id) : null;
      if (workout) onMenu({ workout, left, top });
    }

    function openMenuBelow(target: Element) {
      const eventEl = target.closest(WORKOUT_EVENT);
      if (!eventEl) return;
      const rect = target.getBoundingClientRect();
      openMenuFor(eventEl, rect.left, rect.bottom);
    }

    function onKeyDownCapture(event: KeyboardEvent) {
      const target = event.target as HTMLElement;
      const menuButton = target.closest(MENU_BUTTON);
      if (menuButton && (event.key === 'Enter' || event.key === ' ')) {
        event.preventDefault();
        event.stopPropagation();
        openMenuBelow(menuButton);
      }
    }

    function onKeyDown(event: KeyboardEvent) {
      const target = event.target as HTMLElement;
      if (target.matches(WORKOUT_EVENT)) {
        if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
          event.preventDefault();
          event.stopPropagation();
          openMenuBelow(target);
        }
        return;
      }
      if (!target.matches(DAY_CELL)) return;
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        event.stopPropagation();
        onDateChosen(target.dataset.date!);
        return;
      }
      const step = ARROW_STEPS[event.key];
      if (!step || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
      // Arrows move between days here, not between periods (the page's ← → shortcuts).
      event.preventDefault();
      event.stopPropagation();
      const cells = dayCells(container!);
      const next = cells[cells.indexOf(target) + step(7)];
      if (next) {
        makeTabStop(container!, next);
        next.focus();
      }
    }

    function onClickCapture(event: MouseEvent) {
      const menuButton = (event.target as HTMLElement).closest(MENU_BUTTON);
      if (!menuButton) return;
      event.preventDefault();
      event.stopPropagation();
      openMenuBelow(menuButton);
    }

    /** FullCalendar starts a drag on mousedown; not from the "…" button. */
    function onPointerDownCapture(event: Event) {
      if ((event.target as HTMLElement).closest(MENU_BUTTON)) event.stopPropagation();
    }

    function onContextMenu(event: MouseEvent) {
      const eventEl = (event.target as HTMLElement).closest(WORKOUT_EVENT);
      if (!eventEl) return;
      event.preventDefault();
      openMenuFor(eventEl, event.clientX, event.clientY);
    }

    function onFocusIn(event: FocusEvent) {
      const target = event.target as HTMLElement;
      if (target.matches(DAY_CELL)) makeTabStop(container!, target);
    }

    container.addEventListener('keydown', onKeyDownCapture, true);
    container.addEventListener('keydown', onKeyDown);
    container.addEventListener('click', onClickCapture, true);
    container.addEventListener('mousedown', onPointerDownCapture, true);
    container.addEventListener('touchstart', onPointerDownCapture, true);
    container.addEventListener('contextmenu', onContextMenu);
    container.addEventListener('focusin', onFocusIn);
    return () => {
      container.removeEventListener('keydown', onKeyDownCapture, true);
      container.removeEventListener('keydown', onKeyDown);
      container.removeEventListener('click', onClickCapture, true);
      container.removeEventListener('mousedown', onPointerDownCapture, true);
      container.removeEventListener('touchstart', onPointerDownCapture, true);
      container.removeEventListener('contextmenu', onContextMenu);
      container.removeEventListener('focusin', onFocusIn);
    };
  }, [containerRef, onDateChosen, onMenu, workoutById]);
}
