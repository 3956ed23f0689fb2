/**
 * Every change to a workout's sets, as the set rows call them. Each is saved at once (the database
 * is the only state: a reload shows exactly what was logged), and the cached workout is patched
 * first so a tap or an Enter shows its result without waiting: the set turns done and the rest
 * timer starts before the backend answers; a failure puts the cache back and says why. A prescribed
 * set that has no row yet is created on its first change. Deleting says Undo; a new record is
 * celebrated with a toast.
 */
import { Intent } from '@blueprintjs/core';
import { useCallback, useMemo, useRef } from 'react';
import type { SetType } from '../../../shared/domain/prescription';
import type { PersonalRecord, WorkoutDetail, WorkoutSet } from '../../../shared/domain/workout';
import { useAppDispatch } from '../../app/store';
import { useToaster } from '../../app/toaster';
import { errorMessage } from '../../components/ErrorCallout';
import { formatWeight, type WeightUnit } from '../../components/units';
import {
  useAddSetMutation,
  useCompleteSetMutation,
  useDeleteSetMutation,
  useRestoreSetMutation,
  useUncompleteSetMutation,
  useUpdateSetMutation,
  workoutsApi,
} from './api';
import type { SetRowPlan } from './setPlan';

export interface SetValues {
  weightKg?: number | null;
  reps?: number | null;
  rpe?: number | null;
  setType?: SetType;
}

export interface SetActions {
  save(entryId: string, row: SetRowPlan, values: SetValues): Promise<boolean>;
  complete(entryId: string, row: SetRowPlan, values: SetValues): Promise<boolean>;
  uncomplete(set: WorkoutSet): Promise<void>;
  add(entryId: string, setType?: SetType): Promise<void>;
  duplicate(entryId: string, set: WorkoutSet): Promise<void>;
  remove(set: WorkoutSet, description: string): Promise<void>;
}

type Failure = { error: unknown } | { data: unknown };

/** "Bench Press: best estimated 1RM, 112.5 kg (was 110 kg)". */
export function describeRecord(record: PersonalRecord, unit: WeightUnit): string {
  const what =
    record.kind === 'e1rm'
      ? 'best estimated 1RM'
      : record.kind === 'weight'
        ? `heaviest ${record.reps} ${record.reps === 1 ? 'rep' : 'reps'}`
        : 'best session volume';
  const was = record.previousValueKg !== null ? ` (was ${formatWeight(record.previousValueKg, unit)})` : '';
  return `${record.exerciseName}: ${what}, ${formatWeight(record.valueKg, unit)}${was}`;
}

export function useSetActions(detail: WorkoutDetail | undefined, unit: WeightUnit): SetActions {
  const dispatch = useAppDispatch();
  const toaster = useToaster();
  const [addSet] = useAddSetMutation();
  const [updateSet] = useUpdateSetMutation();
  const [completeSet] = useCompleteSetMutation();
  const [uncompleteSet] = useUncompleteSetMutation();
  const [deleteSet] = useDeleteSetMutation();
  const [restoreSet] = useRestoreSetMutation();
  const workoutId = detail?.id;

  const patch = useCallback(
    (edit: (draft: WorkoutDetail) => void) => {
      if (!workoutId) return { undo: () => {} };
      return dispatch(workoutsApi.util.updateQueryData('getWorkout', { id: workoutId }, edit));
    },
    [dispatch, workoutId],
  );

  const failed = useCallback(
    (what: string, result: Failure): boolean => {
      if (!('error' in result) || !result.error) return false;
      toaster.show({
        intent: Intent.DANGER,
        icon: 'error',
        message: `${what}: ${errorMessage(result.error as never)}`,
      });
      return true;
    },
    [toaster],
  );

  // One toast per exercise, listing what the set beat; the next record of that exercise replaces it.
  const celebrate = useCallback(
    (records: readonly PersonalRecord[]) => {
      const [first] = records;
      if (!first) return;
      const what = records.map((record) => describeRecord(record, unit).slice(first.exerciseName.length + 2));
      toaster.show(
        {
          intent: Intent.SUCCESS,
          icon: 'crown',
          timeout: 8000,
          message: `New personal record${records.length > 1 ? 's' : ''}! ${first.exerciseName}: ${what.join('; ')}`,
        },
        `records-${first.exerciseId}`,
      );
    },
    [toaster, unit],
  );

  // A prescribed set being created: a second change to the same row waits for it, not adds another.
  const creating = useRef(new Map<string, Promise<WorkoutSet | null>>());

  /** The row's set, created from its plan when it has none yet. */
  const ensureSet = useCallback(
    (entryId: string, row: SetRowPlan): Promise<WorkoutSet | null> => {
      if (row.set) return Promise.resolve(row.set);
      const pending = creating.current.get(row.key);
      if (pending) return pending;
      const created = addSet({ entryId, setType: row.setType }).then((result) => {
        if (failed('The set was not added', result)) return null;
        return 'data' in result ? (result.data ?? null) : null;
      });
      creating.current.set(row.key, created);
      // Forgotten once the workout's cache shows the new set (the row then carries it).
      void created.finally(() => setTimeout(() => creating.current.delete(row.key), 2000));
      return created;
    },
    [addSet, failed],
  );

  const patchSet = useCallback(
    (entryId: string, row: SetRowPlan, edit: (set: WorkoutSet) => void) =>
      patch((draft) => {
        const entry = draft.entries.find((candidate) => candidate.id === entryId);
        const set = row.set ? entry?.sets.find((candidate) => candidate.id === row.set!.id) : undefined;
        if (set) edit(set);
      }),
    [patch],
  );

  const save = useCallback<SetActions['save']>(
    async (entryId, row, values) => {
      const set = await ensureSet(entryId, row);
      if (!set) return false;
      const optimistic = patchSet(entryId, row, (draft) => Object.assign(draft, values));
      const result = await updateSet({ id: set.id, ...values });
      if (failed('The set was not saved', result)) {
        optimistic.undo();
        return false;
      }
      if ('data' in result && result.data) celebrate(result.data.newRecords);
      return true;
    },
    [celebrate, ensureSet, failed, patchSet, updateSet],
  );

  const complete = useCallback<SetActions['complete']>(
    async (entryId, row, values) => {
      // Shown done, with the rest running, before the backend answers.
      const optimistic = patch((draft) => {
        const entry = draft.entries.find((candidate) => candidate.id === entryId);
        if (!entry) return;
        const set = row.set ? entry.sets.find((candidate) => candidate.id === row.set!.id) : undefined;
        if (set) Object.assign(set, values, { completed: true, completedAt: new Date().toISOString() });
        draft.rest = { startedAt: new Date().toISOString(), seconds: entry.restSeconds, entryId };
      });
      const set = await ensureSet(entryId, row);
      if (!set) {
        optimistic.undo();
        return false;
      }
      if (!row.set) {
        // A prescribed set just created: show it done too, ahead of the refetch.
        patch((draft) => {
          const entry = draft.entries.find((candidate) => candidate.id === entryId);
          if (entry && !entry.sets.some((candidate) => candidate.id === set.id))
            entry.sets.push({ ...set, ...values, completed: true, completedAt: new Date().toISOString() });
        });
      }
      const result = await completeSet({ id: set.id, ...values });
      if (failed('The set was not logged', result)) {
        optimistic.undo();
        return false;
      }
      if ('data' in result && result.data) {
        const rest = result.data.rest;
        patch((draft) => {
          draft.rest = rest;
        });
        celebrate(result.data.newRecords);
      }
      return true;
    },
    [celebrate, completeSet, ensureSet, failed, patch],
  );

  const uncomplete = useCallback<SetActions['uncomplete']>(
    async (set) => {
      const optimistic = patch((draft) => {
        for (const entry of draft.entries)
          for (const candidate of entry.sets) if (candidate.id === set.id) candidate.completed = false;
      });
      const result = await uncompleteSet({ id: set.id });
      if (failed('The set was not changed', result)) optimistic.undo();
    },
    [failed, patch, uncompleteSet],
  );

  const add = useCallback<SetActions['add']>(
    async (entryId, setType) => {
      const result = await addSet(setType ? { entryId, setType } : { entryId });
      failed('The set was not added', result);
    },
    [addSet, failed],
  );

  const duplicate = useCallback<SetActions['duplicate']>(
    async (entryId, set) => {
      const result = await addSet({ entryId, copyOf: set.id });
      failed('The set was not duplicated', result);
    },
    [addSet, failed],
  );

  const remove = useCallback<SetActions['remove']>(
    async (set, description) => {
      const optimistic = patch((draft) => {
        for (const entry of draft.entries)
          entry.sets = entry.sets.filter((candidate) => candidate.id !== set.id);
      });
      const result = await deleteSet({ id: set.id });
      if (failed('The set was not deleted', result)) {
        optimistic.undo();
        return;
      }
      toaster.show({
        icon: 'trash',
        message: `Deleted ${description}`,
        timeout: 8000,
        action: {
          text: 'Undo',
          onClick: () =>
            void restoreSet({ id: set.id }).then((undone) => failed('The set was not restored', undone)),
        },
      });
    },
    [deleteSet, failed, patch, restoreSet, toaster],
  );

  return useMemo(
    () => ({ save, complete, uncomplete, add, duplicate, remove }),
    [save, complete, uncomplete, add, duplicate, remove],
  );
}
