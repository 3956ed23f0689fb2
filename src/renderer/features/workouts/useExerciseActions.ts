/**
 * The workout's exercises: add from the library, move (drag, keyboard or menu), group into
 * supersets, change the rest, remove (with Undo). Each is saved at once; a move shows at once (the
 * cached order is patched first) and each result is announced for screen readers.
 */
import { Intent } from '@blueprintjs/core';
import { useCallback, useMemo } from 'react';
import type { WorkoutDetail, WorkoutEntry } from '../../../shared/domain/workout';
import { useAppDispatch } from '../../app/store';
import { useToaster } from '../../app/toaster';
import { errorMessage } from '../../components/ErrorCallout';
import {
  useAddWorkoutExerciseMutation,
  useMoveWorkoutExerciseMutation,
  useRemoveWorkoutExerciseMutation,
  useRestoreWorkoutExerciseMutation,
  useUpdateWorkoutExerciseMutation,
  workoutsApi,
} from './api';

const GROUP_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

export function nextFreeGroup(entries: readonly WorkoutEntry[]): string {
  const used = new Set(entries.map((entry) => entry.supersetGroup));
  return GROUP_LETTERS.find((letter) => !used.has(letter)) ?? 'Z';
}

/** "A1", "A2" for the exercises of superset A, the position number for the others. */
export function entryLabels(entries: readonly WorkoutEntry[]): string[] {
  const seen = new Map<string, number>();
  let plain = 0;
  return entries.map((entry) => {
    if (entry.supersetGroup === null) {
      plain += 1;
      return String(plain);
    }
    const count = (seen.get(entry.supersetGroup) ?? 0) + 1;
    seen.set(entry.supersetGroup, count);
    return `${entry.supersetGroup}${count}`;
  });
}

export interface ExerciseActions {
  add(exerciseId: string, name: string): Promise<string | null>;
  move(entry: WorkoutEntry, position: number): Promise<void>;
  remove(entry: WorkoutEntry): Promise<void>;
  supersetWithNext(index: number): Promise<void>;
  leaveSuperset(entry: WorkoutEntry): Promise<void>;
  setRest(entry: WorkoutEntry, seconds: number | null): Promise<void>;
}

export function useExerciseActions(
  detail: WorkoutDetail | undefined,
  announce: (message: string) => void,
): ExerciseActions {
  const dispatch = useAppDispatch();
  const toaster = useToaster();
  const [addExercise] = useAddWorkoutExerciseMutation();
  const [moveExercise] = useMoveWorkoutExerciseMutation();
  const [removeExercise] = useRemoveWorkoutExerciseMutation();
  const [restoreExercise] = useRestoreWorkoutExerciseMutation();
  const [updateExercise] = useUpdateWorkoutExerciseMutation();

  const failed = useCallback(
    (what: string, result: { error?: unknown }) => {
      if (!result.error) return false;
      toaster.show({
        intent: Intent.DANGER,
        icon: 'error',
        message: `${what}: ${errorMessage(result.error as never)}`,
      });
      return true;
    },
    [toaster],
  );

  const patch = useCallback(
    (edit: (draft: WorkoutDetail) => void) =>
      detail
        ? dispatch(workoutsApi.util.updateQueryData('getWorkout', { id: detail.id }, edit))
        : { undo: () => {} },
    [detail, dispatch],
  );

  const add = useCallback<ExerciseActions['add']>(
    async (exerciseId, name) => {
      if (!detail) return null;
      const result = await addExercise({ sessionId: detail.id, exerciseId });
      if (failed(`${name} was not added`, result)) return null;
      announce(`Added ${name} at position ${detail.entries.length + 1}.`);
      return result.data?.entryId ?? null;
    },
    [addExercise, announce, detail, failed],
  );

  const move = useCallback<ExerciseActions['move']>(
    async (entry, position) => {
      if (!detail) return;
      const optimistic = patch((draft) => {
        const from = draft.entries.findIndex((candidate) => candidate.id === entry.id);
        if (from < 0) return;
        const [moved] = draft.entries.splice(from, 1);
        draft.entries.splice(position, 0, moved!);
      });
      announce(`Moved ${entry.exerciseName} to position ${position + 1} of ${detail.entries.length}.`);
      const result = await moveExercise({ entryId: entry.id, position });
      if (failed(`${entry.exerciseName} was not moved`, result)) optimistic.undo();
    },
    [announce, detail, failed, moveExercise, patch],
  );

  const remove = useCallback<ExerciseActions['remove']>(
    async (entry) => {
      const result = await removeExercise({ entryId: entry.id });
      if (failed(`${entry.exerciseName} was not removed`, result)) return;
      announce(`Removed ${entry.exerciseName}.`);
      toaster.show({
        icon: 'trash',
        timeout: 8000,
        message: `Removed ${entry.exerciseName} and its sets`,
        action: {
          text: 'Undo',
          onClick: () =>
            void restoreExercise({ entryId: entry.id }).then((undone) =>
              failed(`${entry.exerciseName} was not put back`, undone),
            ),
        },
      });
    },
    [announce, failed, removeExercise, restoreExercise, toaster],
  );

  const supersetWithNext = useCallback<ExerciseActions['supersetWithNext']>(
    async (index) => {
      if (!detail) return;
      const entry = detail.entries[index];
      const next = detail.entries[index + 1];
      if (!entry || !next) return;
      const group = entry.supersetGroup ?? next.supersetGroup ?? nextFreeGroup(detail.entries);
      for (const member of [entry, next]) {
        if (member.supersetGroup === group) continue;
        const result = await updateExercise({ entryId: member.id, supersetGroup: group });
        if (failed('The superset was not made', result)) return;
      }
      announce(`${entry.exerciseName} and ${next.exerciseName} are superset ${group}.`);
    },
    [announce, detail, failed, updateExercise],
  );

  const leaveSuperset = useCallback<ExerciseActions['leaveSuperset']>(
    async (entry) => {
      const result = await updateExercise({ entryId: entry.id, supersetGroup: null });
      if (!failed(`${entry.exerciseName} did not leave its superset`, result))
        announce(`${entry.exerciseName} is no longer in a superset.`);
    },
    [announce, failed, updateExercise],
  );

  const setRest = useCallback<ExerciseActions['setRest']>(
    async (entry, seconds) => {
      const result = await updateExercise({ entryId: entry.id, restSeconds: seconds });
      failed(`The rest of ${entry.exerciseName} was not changed`, result);
    },
    [failed, updateExercise],
  );

  return useMemo(
    () => ({ add, move, remove, supersetWithNext, leaveSuperset, setRest }),
    [add, move, remove, supersetWithNext, leaveSuperset, setRest],
  );
}
