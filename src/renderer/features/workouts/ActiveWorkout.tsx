/**
 * The workout in progress: its header (name, time so far, sets and volume, the tools, Finish), the
 * rest timer (always in view), the exercises in order with their sets, and the exercise picker.
 * Everything shown comes from the database (workouts.get), so reopening the app returns here
 * exactly as it was. Keyboard first: Enter logs a set and moves on, arrows move, and the screen's
 * shortcuts are in the "?" list; on a touch screen, targets are large and rows swipe.
 */
import { Alert, Intent } from '@blueprintjs/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { WorkoutDetail, WorkoutSummary } from '../../../shared/domain/workout';
import { useAppDispatch } from '../../app/store';
import { useToaster } from '../../app/toaster';
import { ErrorCallout, errorMessage } from '../../components/ErrorCallout';
import { useUnits } from '../../components/useUnits';
import { ExercisePicker } from '../exercises';
import { usePreferences } from '../settings';
import {
  useDeleteWorkoutMutation,
  useFinishWorkoutMutation,
  useGetWorkoutQuery,
  useRestoreWorkoutMutation,
  useRestTimerMutation,
  workoutsApi,
} from './api';
import { primeAudio } from './beep';
import { RestTimer } from './RestTimer';
import { RpeDialog, type RpeStart } from './RpeTools';
import { describeGhost, nextRowToDo, planSets, setLabels } from './setPlan';
import type { SetField } from './SetRow';
import { useExerciseActions } from './useExerciseActions';
import { useSetActions } from './useSetActions';
import { VoiceNotes } from './VoiceNotes';
import { WorkoutNotes } from './WorkoutNotes';
import { useWorkoutHotkeys, type LocatedSet, type RestCommand } from './useWorkoutHotkeys';
import { WorkoutExerciseList } from './WorkoutExerciseList';
import { WorkoutHeader } from './WorkoutHeader';
import { WorkoutSkeleton } from './WorkoutParts';

export function ActiveWorkout({
  workoutId,
  onFinished,
  onDiscarded,
}: {
  workoutId: string;
  onFinished: (summary: WorkoutSummary) => void;
  onDiscarded: () => void;
}) {
  const { data: detail, error, refetch } = useGetWorkoutQuery({ id: workoutId });
  if (error && !detail)
    return (
      <ErrorCallout title="The workout could not be opened" error={error} onRetry={() => void refetch()} />
    );
  if (!detail) return <WorkoutSkeleton />;
  return <WorkoutScreen detail={detail} onFinished={onFinished} onDiscarded={onDiscarded} />;
}

function WorkoutScreen({
  detail,
  onFinished,
  onDiscarded,
}: {
  detail: WorkoutDetail;
  onFinished: (summary: WorkoutSummary) => void;
  onDiscarded: () => void;
}) {
  const { weightUnit: unit } = useUnits();
  const { preferences } = usePreferences();
  const toaster = useToaster();
  const [announcement, setAnnouncement] = useState('');
  const announce = useCallback((message: string) => setAnnouncement(message), []);
  const setActions = useSetActions(detail, unit);
  const exerciseActions = useExerciseActions(detail, announce);
  const [restTimer] = useRestTimerMutation();
  const [finishWorkout, finishing] = useFinishWorkoutMutation();
  const [deleteWorkout] = useDeleteWorkoutMutation();
  const [restoreWorkout] = useRestoreWorkoutMutation();
  const [confirmFinish, setConfirmFinish] = useState(false);
  const [rpeStart, setRpeStart] = useState<RpeStart | null>(null);
  const pickerRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLOListElement>(null);

  const plans = useMemo(() => detail.entries.map((entry) => planSets(entry)), [detail.entries]);
  const flatRows = useMemo(
    () =>
      plans.flatMap((rows, entryIndex) => {
        const names = setLabels(rows);
        return rows.map((row, at): LocatedSet => ({ entryIndex, row, label: names[at]! }));
      }),
    [plans],
  );
  const doneSets = flatRows.filter(({ row }) => row.set?.completed);
  const volumeKg = doneSets.reduce(
    (sum, { row }) =>
      row.setType === 'warmup' ? sum : sum + (row.set!.weightKg ?? 0) * (row.set!.reps ?? 0),
    0,
  );
  const toDoCount = flatRows.length - doneSets.length;

  /** Focuses a set's field: at once when the row is shown, else after the render that shows it. */
  const focusRow = useCallback((key: string, field: SetField = 'weight', onlyIfUnfocused = false) => {
    const attempt = () => {
      if (onlyIfUnfocused && document.activeElement !== document.body && document.activeElement !== null)
        return true;
      const input = listRef.current?.querySelector<HTMLInputElement>(
        `[data-set-key="${key}"] [data-field="${field}"]`,
      );
      if (!input) return false;
      input.focus();
      input.select();
      return true;
    };
    pendingFocus.current = attempt() ? null : attempt;
  }, []);
  // A row not shown yet (an exercise just added) gets the focus when a render shows it.
  const pendingFocus = useRef<(() => boolean) | null>(null);
  useEffect(() => {
    if (pendingFocus.current?.()) pendingFocus.current = null;
  });

  const onMove = useCallback(
    (key: string, step: 1 | -1, field: SetField) => {
      const at = flatRows.findIndex(({ row }) => row.key === key);
      const next = flatRows[at + step];
      if (next) focusRow(next.row.key, field);
    },
    [flatRows, focusRow],
  );

  const entriesForFocus = useMemo(
    () =>
      detail.entries.map((entry, index) => ({
        entryId: entry.id,
        supersetGroup: entry.supersetGroup,
        rows: plans[index]!.map((row) => ({ key: row.key, done: row.set?.completed ?? false })),
      })),
    [detail.entries, plans],
  );

  const onLogged = useCallback(
    (key: string) => {
      primeAudio();
      const next = nextRowToDo(entriesForFocus, key);
      if (next) focusRow(next);
      else {
        announce('Every planned set is logged. Add a set, an exercise, or finish the workout.');
        // After this key press is over, so its Enter does not also press Finish.
        requestAnimationFrame(() => document.querySelector<HTMLElement>('.lt-wo-finish')?.focus());
      }
    },
    [announce, entriesForFocus, focusRow],
  );

  // Opening the workout puts the keyboard on the first set to do, so Enter logs it.
  const firstToDo = flatRows.find(({ row }) => !row.set?.completed)?.row.key ?? null;
  const focusedOnOpen = useRef(false);
  useEffect(() => {
    if (focusedOnOpen.current || firstToDo === null) return;
    focusedOnOpen.current = true;
    focusRow(firstToDo, 'weight', true);
  }, [firstToDo, focusRow]);

  const nextUp = useMemo(() => {
    const next = flatRows.find(({ row }) => !row.set?.completed);
    if (!next) return null;
    const entry = detail.entries[next.entryIndex]!;
    const plan =
      next.row.plannedWeightKg !== null
        ? ` (${describeGhost({ setNumber: 0, setType: next.row.setType, weightKg: next.row.plannedWeightKg, reps: next.row.plannedReps, rpe: null }, unit)})`
        : '';
    return `${entry.exerciseName}, set ${next.label}${plan}`;
  }, [detail.entries, flatRows, unit]);

  // What the shortcuts act on, read at the key press (so the shortcuts register once, not per render).
  const latest = useRef({ flatRows, doneSets, entries: detail.entries });
  latest.current = { flatRows, doneSets, entries: detail.entries };
  const focused = useCallback((): LocatedSet | null => {
    const key = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-set-key]')
      ?.dataset.setKey;
    return latest.current.flatRows.find(({ row }) => row.key === key) ?? null;
  }, []);

  const dispatch = useAppDispatch();
  /** ±15 s, skip, start: shown at once (the cached workout's timer is patched), then saved. */
  const rest = useCallback(
    async (input: RestCommand) => {
      primeAudio();
      const patch = (edit: (draft: WorkoutDetail) => void) =>
        dispatch(workoutsApi.util.updateQueryData('getWorkout', { id: detail.id }, edit));
      const optimistic = patch((draft) => {
        if (input.action === 'skip') draft.rest = null;
        else if (input.action === 'adjust' && draft.rest)
          draft.rest.seconds = Math.max(0, draft.rest.seconds + input.deltaSeconds);
      });
      const result = await restTimer({ sessionId: detail.id, ...input });
      if (result.error) {
        optimistic.undo();
        toaster.show({
          intent: Intent.DANGER,
          icon: 'error',
          message: `Rest timer: ${errorMessage(result.error)}`,
        });
        return;
      }
      patch((draft) => {
        draft.rest = result.data;
      });
    },
    [detail.id, dispatch, restTimer, toaster],
  );

  const finish = async () => {
    setConfirmFinish(false);
    const result = await finishWorkout({ id: detail.id });
    if (result.error) {
      toaster.show({
        intent: Intent.DANGER,
        icon: 'error',
        message: `The workout was not finished: ${errorMessage(result.error)}`,
      });
      return;
    }
    onFinished(result.data);
  };

  const discard = async () => {
    const result = await deleteWorkout({ id: detail.id });
    if (result.error) {
      toaster.show({
        intent: Intent.DANGER,
        icon: 'error',
        message: `The workout was not discarded: ${errorMessage(result.error)}`,
      });
      return;
    }
    onDiscarded();
    toaster.show({
      icon: 'trash',
      timeout: 10_000,
      message: `Discarded “${detail.name || 'Workout'}”`,
      action: { text: 'Undo', onClick: () => void restoreWorkout({ id: detail.id }) },
    });
  };

  const openRpe = useCallback(() => {
    const { doneSets: done } = latest.current;
    const at = focused() ?? done[done.length - 1] ?? null;
    const set = at?.row.set;
    setRpeStart({
      weightKg: set?.weightKg ?? at?.row.plannedWeightKg ?? null,
      reps: set?.reps ?? at?.row.plannedReps ?? null,
      rpe: set?.rpe ?? at?.row.targetRpe ?? null,
    });
  }, [focused]);

  const entriesNow = useCallback(() => latest.current.entries, []);
  const focusPicker = useCallback(() => pickerRef.current?.focus(), []);
  const requestFinish = useCallback(() => setConfirmFinish(true), []);
  useWorkoutHotkeys({ focused, entries: entriesNow, setActions, rest, openRpe, focusPicker, requestFinish });

  const lastRestEntry = detail.entries.find((entry) => entry.id === detail.rest?.entryId);

  return (
    <div className="lt-wo">
      <WorkoutHeader
        detail={detail}
        doneCount={doneSets.length}
        setCount={flatRows.length}
        volumeKg={volumeKg}
        unit={unit}
        finishing={finishing.isLoading}
        onRpe={openRpe}
        onDiscard={() => void discard()}
        onFinish={() => (toDoCount > 0 ? setConfirmFinish(true) : void finish())}
      />
      <RestTimer
        rest={detail.rest}
        defaultSeconds={
          lastRestEntry?.restSeconds ?? detail.entries[0]?.restSeconds ?? preferences.restSeconds
        }
        sound={preferences.restSound}
        nextUp={nextUp}
        onAdjust={(deltaSeconds) => void rest({ action: 'adjust', deltaSeconds })}
        onSkip={() => void rest({ action: 'skip' })}
        onStart={() => void rest({ action: 'start' })}
      />
      <WorkoutExerciseList
        detail={detail}
        unit={unit}
        listRef={listRef}
        setActions={setActions}
        exerciseActions={exerciseActions}
        onMove={onMove}
        onLogged={onLogged}
      />
      <div className="lt-wo-add">
        <ExercisePicker
          inputRef={pickerRef}
          label="Add exercise"
          placeholder="Add exercise: type a name, Enter adds it (Alt+A)"
          className="lt-wo-picker"
          onPick={(exercise) =>
            void exerciseActions.add(exercise.id, exercise.name).then((entryId) => {
              if (entryId) focusRow(`${entryId}:0`);
            })
          }
        />
      </div>
      <div className="lt-wo-notes-row">
        <WorkoutNotes detail={detail} />
        <VoiceNotes sessionId={detail.id} notes={detail.voiceNotes} className="lt-wo-voice" />
      </div>
      <RpeDialog
        isOpen={rpeStart !== null}
        onClose={() => setRpeStart(null)}
        start={rpeStart ?? { weightKg: null, reps: null, rpe: null }}
        unit={unit}
      />
      <Alert
        isOpen={confirmFinish}
        intent={Intent.SUCCESS}
        icon="flag"
        confirmButtonText="Finish the workout"
        cancelButtonText="Keep going"
        onConfirm={() => void finish()}
        onCancel={() => setConfirmFinish(false)}
      >
        {toDoCount > 0 ? (
          <p>
            {toDoCount === 1 ? 'One planned set is' : `${toDoCount} planned sets are`} not logged. Finish
            anyway? Sets not logged do not count.
          </p>
        ) : (
          <p>Finish the workout?</p>
        )}
      </Alert>
      <div role="status" aria-live="polite" className="lt-visually-hidden">
        {announcement}
      </div>
    </div>
  );
}
