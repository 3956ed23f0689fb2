/**
 * The workout screen's shortcuts, listed in the "?" dialog (group "Workout"). Those that act on a
 * set act on the set whose field has the focus. Enter, the arrows and Escape are handled by the set
 * fields themselves (SetRow.tsx) and are listed here so the dialog shows them.
 */
import { useHotkeys, type HotkeyConfig } from '@blueprintjs/core';
import { useMemo } from 'react';
import type { WorkoutEntry } from '../../../shared/domain/workout';
import { nextSetType, type SetRowPlan } from './setPlan';
import type { SetActions } from './useSetActions';

/** A set row, where it is in the workout, and its label ("1", "W"). */
export interface LocatedSet {
  entryIndex: number;
  row: SetRowPlan;
  label: string;
}

export type RestCommand =
  { action: 'adjust'; deltaSeconds: number } | { action: 'skip' } | { action: 'start' };

interface Options {
  /** The set whose field has the focus, read at the key press. */
  focused: () => LocatedSet | null;
  entries: () => readonly WorkoutEntry[];
  setActions: SetActions;
  rest: (command: RestCommand) => Promise<void>;
  openRpe: () => void;
  focusPicker: () => void;
  requestFinish: () => void;
}

export function useWorkoutHotkeys({
  focused,
  entries,
  setActions,
  rest,
  openRpe,
  focusPicker,
  requestFinish,
}: Options): void {
  const hotkeys = useMemo((): HotkeyConfig[] => {
    const onFocusedSet = (act: (located: LocatedSet, entry: WorkoutEntry) => void) => () => {
      const located = focused();
      const entry = located ? entries()[located.entryIndex] : undefined;
      if (located && entry) act(located, entry);
    };
    const shown = (combo: string, label: string): HotkeyConfig => ({
      combo,
      label,
      global: true,
      group: 'Workout',
      disabled: true,
    });
    const act = (combo: string, label: string, onKeyDown: () => void): HotkeyConfig => ({
      combo,
      label,
      global: true,
      group: 'Workout',
      allowInInput: true,
      preventDefault: true,
      onKeyDown,
    });
    return [
      shown('enter', 'Log the set: the values shown, or what you typed; then the next set'),
      shown('up', 'The set above (same field)'),
      shown('down', 'The set below (same field)'),
      shown('left', 'The field before (at the start of the text)'),
      shown('right', 'The field after (at the end of the text)'),
      shown('escape', 'Put back what you typed in a field'),
      act(
        'mod+d',
        'Duplicate the set',
        onFocusedSet((at, entry) => at.row.set && void setActions.duplicate(entry.id, at.row.set)),
      ),
      act(
        'mod+backspace',
        'Delete the set (Undo in the message)',
        onFocusedSet(
          (at, entry) =>
            at.row.set && void setActions.remove(at.row.set, `set ${at.label} of ${entry.exerciseName}`),
        ),
      ),
      act(
        'alt+n',
        'Add a set to this exercise',
        onFocusedSet((_at, entry) => void setActions.add(entry.id)),
      ),
      act(
        'alt+t',
        'Change the set type (warm-up, working, drop, failure)',
        onFocusedSet(
          (at, entry) => void setActions.save(entry.id, at.row, { setType: nextSetType(at.row.setType) }),
        ),
      ),
      act('alt+a', 'Add an exercise', focusPicker),
      act('alt+=', 'Rest: 15 seconds more', () => void rest({ action: 'adjust', deltaSeconds: 15 })),
      act('alt+minus', 'Rest: 15 seconds less', () => void rest({ action: 'adjust', deltaSeconds: -15 })),
      act('alt+s', 'Skip the rest', () => void rest({ action: 'skip' })),
      act('alt+r', 'RPE scale and calculator', openRpe),
      act('alt+f', 'Finish the workout', requestFinish),
    ];
  }, [entries, focusPicker, focused, openRpe, requestFinish, rest, setActions]);
  useHotkeys(hotkeys);
}
