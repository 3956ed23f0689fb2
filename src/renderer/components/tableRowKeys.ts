import type { KeyboardEvent } from 'react';

/**
 * Keyboard use of a table whose rows are focusable (the roster, programs, templates): Enter opens
 * the row, the arrows move to the row above or below, and any other keys given do their action.
 * Keys pressed inside a control in the row (a button, a menu) are that control's.
 */
export function onTableRowKeyDown(
  event: KeyboardEvent<HTMLTableRowElement>,
  actions: { Enter: () => void } & Partial<Record<string, () => void>>,
): void {
  if (event.target !== event.currentTarget) return;
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    const sibling =
      event.key === 'ArrowDown'
        ? event.currentTarget.nextElementSibling
        : event.currentTarget.previousElementSibling;
    (sibling as HTMLElement | null)?.focus();
    return;
  }
  const action = actions[event.key];
  if (!action) return;
  event.preventDefault();
  action();
}
