/**
 * What a coach does to a scheduled workout — move it, skip or unskip it, delete it — from a drag,
 * the context menu or the workout drawer alike. Moves and deletes show at once (an optimistic edit
 * of the calendar's cached range), go back with the backend's message if it refuses, and every
 * change offers Undo (UX.md: never wait, never lose).
 */
import { Intent } from '@blueprintjs/core';
import { useCallback } from 'react';
import type { InputOf } from '../../../shared/contract';
import type { ScheduledWorkout } from '../../../shared/domain/schedule';
import { useAppDispatch } from '../../app/store';
import { useToaster } from '../../app/toaster';
import { errorMessage } from '../../components/ErrorCallout';
import {
  scheduleApi,
  useDeleteScheduledWorkoutMutation,
  useRestoreScheduledWorkoutMutation,
  useUpdateScheduledWorkoutMutation,
} from './api';
import { formatClockTime, formatShortDay } from './dateFormat';

export type RangeArgs = InputOf<'schedule.range'>;

export interface Placement {
  date: string;
  startTime: string | null;
}

export interface WorkoutActions {
  /** Resolves to false when the backend refused (the calendar is back as it was). */
  move(workout: ScheduledWorkout, to: Placement): Promise<boolean>;
  setSkipped(workout: ScheduledWorkout, skipped: boolean): Promise<boolean>;
  remove(workout: ScheduledWorkout): Promise<boolean>;
}

function describePlacement({ date, startTime }: Placement): string {
  return startTime ? `${formatShortDay(date)} at ${formatClockTime(startTime)}` : formatShortDay(date);
}

export function useWorkoutActions(rangeArgs: RangeArgs | null): WorkoutActions {
  const dispatch = useAppDispatch();
  const toaster = useToaster();
  const [updateWorkout] = useUpdateScheduledWorkoutMutation();
  const [deleteWorkout] = useDeleteScheduledWorkoutMutation();
  const [restoreWorkout] = useRestoreScheduledWorkoutMutation();

  /** Edit the shown range's cached workouts now; returns how to take the edit back. */
  const editShownRange = useCallback(
    (edit: (items: ScheduledWorkout[]) => void): (() => void) => {
      if (!rangeArgs) return () => {};
      const patch = dispatch(
        scheduleApi.util.updateQueryData('scheduleRange', rangeArgs, (draft) => edit(draft.items)),
      );
      return patch.undo;
    },
    [dispatch, rangeArgs],
  );

  const showRefusal = useCallback(
    (what: string, error: Parameters<typeof errorMessage>[0]) => {
      toaster.show({ message: `${what}: ${errorMessage(error)}`, intent: Intent.DANGER, icon: 'error' });
    },
    [toaster],
  );

  const applyPlacement = useCallback(
    async (workout: ScheduledWorkout, to: Placement): Promise<boolean> => {
      const undoEdit = editShownRange((items) => {
        const item = items.find((candidate) => candidate.id === workout.id);
        if (item) Object.assign(item, to);
      });
      const input: InputOf<'schedule.update'> = { id: workout.id, date: to.date };
      if (to.startTime !== workout.startTime) input.startTime = to.startTime;
      const result = await updateWorkout(input);
      if (result.error) {
        undoEdit();
        showRefusal(`“${workout.templateName}” was not moved`, result.error);
        return false;
      }
      return true;
    },
    [editShownRange, updateWorkout, showRefusal],
  );

  const move = useCallback(
    async (workout: ScheduledWorkout, to: Placement): Promise<boolean> => {
      const from: Placement = { date: workout.date, startTime: workout.startTime };
      if (from.date === to.date && from.startTime === to.startTime) return true;
      const moved = await applyPlacement(workout, to);
      if (moved) {
        toaster.show({
          message: `Moved “${workout.templateName}” to ${describePlacement(to)}`,
          icon: 'move',
          timeout: 8000,
          action: {
            text: 'Undo',
            onClick: () => void applyPlacement({ ...workout, ...to }, from),
          },
        });
      }
      return moved;
    },
    [applyPlacement, toaster],
  );

  const setSkipped = useCallback(
    async (workout: ScheduledWorkout, skipped: boolean): Promise<boolean> => {
      const result = await updateWorkout({ id: workout.id, status: skipped ? 'skipped' : 'scheduled' });
      if (result.error) {
        showRefusal(`“${workout.templateName}” was not ${skipped ? 'skipped' : 'unskipped'}`, result.error);
        return false;
      }
      toaster.show({
        message: skipped ? `Skipped “${workout.templateName}”` : `“${workout.templateName}” is back on`,
        icon: skipped ? 'disable' : 'undo',
        timeout: 8000,
        action: {
          text: 'Undo',
          onClick: () =>
            void updateWorkout({ id: workout.id, status: skipped ? 'scheduled' : 'skipped' }).then(
              (undone) => {
                if (undone.error) showRefusal('Undo failed', undone.error);
              },
            ),
        },
      });
      return true;
    },
    [updateWorkout, toaster, showRefusal],
  );

  const remove = useCallback(
    async (workout: ScheduledWorkout): Promise<boolean> => {
      const undoEdit = editShownRange((items) => {
        const index = items.findIndex((candidate) => candidate.id === workout.id);
        if (index >= 0) items.splice(index, 1);
      });
      const result = await deleteWorkout({ id: workout.id });
      if (result.error) {
        undoEdit();
        showRefusal(`“${workout.templateName}” was not deleted`, result.error);
        return false;
      }
      toaster.show({
        message: `Deleted “${workout.templateName}” on ${formatShortDay(workout.date)}`,
        icon: 'trash',
        timeout: 8000,
        action: {
          text: 'Undo',
          onClick: () =>
            void restoreWorkout({ id: workout.id }).then((restored) => {
              if (restored.error) showRefusal('Undo failed', restored.error);
            }),
        },
      });
      return true;
    },
    [editShownRange, deleteWorkout, restoreWorkout, toaster, showRefusal],
  );

  return { move, setSkipped, remove };
}
