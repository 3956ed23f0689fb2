/**
 * The workout in progress: its header (name, time so far, sets and volume, the tools, Finish), the
 * rest timer (always in view), the exercises in order with their sets, and the exercise picker.
 * Everything shown comes from the database (workouts.get), so reopening the app returns here
 * exactly as it was. Keyboard first: Enter logs a set and moves on, arrows move, and the screen's
 * shortcuts are in the "?" list; on a touch screen, targets are large and rows swipe.
 */
import { Alert, Button, Classes, EditableText, Intent, NonIdealState, useHotkeys } from '@blueprintjs/core';
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { WorkoutDetail, WorkoutSummary } from '../../../shared/domain/workout';
import { useToaster } from '../../app/toaster';
import { ErrorCallout, errorMessage } from '../../components/ErrorCallout';
import { formatWeightTotal } from '../../components/units';
import { useUnits } from '../../components/useUnits';
import { ExercisePicker } from '../exercises';
import { usePreferences } from '../settings';
import {
  useDeleteWorkoutMutation,
  useFinishWorkoutMutation,
  useGetWorkoutQuery,
  useRestoreWorkoutMutation,
  useRestTimerMutation,
  useUpdateWorkoutMutation,
} from './api';
import { primeAudio } from './beep';
import { ExerciseCard } from './ExerciseCard';
import { RestTimer } from './RestTimer';
import { RpeDialog, type RpeStart } from './RpeTools';
import { describeGhost, nextRowToDo, nextSetType, planSets, setLabels, type SetRowPlan } from './setPlan';
import type { SetField } from './SetRow';
import { entryLabels, useExerciseActions } from './useExerciseActions';
import { useSetActions } from './useSetActions';
import { VoiceNotes } from './VoiceNotes';
import { WorkoutNotes } from './WorkoutNotes';
import { useElapsedSeconds, WorkoutSkeleton } from './WorkoutParts';
import { formatDuration } from './setPlan';

const INSTRUCTIONS =
  'To reorder, press Space or Enter on the handle to pick the exercise up, move it with the arrow ' +
  'keys, and press Space or Enter to drop it, or Escape to put it back.';

interface Located {
  entryIndex: number;
  row: SetRowPlan;
  label: string;
}

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
  const [updateWorkout] = useUpdateWorkoutMutation();
  const [finishWorkout, finishing] = useFinishWorkoutMutation();
  const [deleteWorkout] = useDeleteWorkoutMutation();
  const [restoreWorkout] = useRestoreWorkoutMutation();
  const [confirmFinish, setConfirmFinish] = useState(false);
  const [rpeStart, setRpeStart] = useState<RpeStart | null>(null);
  const pickerRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const elapsed = useElapsedSeconds(detail.startedAt);

  const labels = entryLabels(detail.entries);
  const plans = useMemo(() => detail.entries.map((entry) => planSets(entry)), [detail.entries]);
  const flatRows = useMemo(
    () =>
      plans.flatMap((rows, entryIndex) => {
        const names = setLabels(rows);
        return rows.map((row, at): Located => ({ entryIndex, row, label: names[at]! }));
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
  const focused = useCallback((): Located | null => {
    const key = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-set-key]')
      ?.dataset.setKey;
    return latest.current.flatRows.find(({ row }) => row.key === key) ?? null;
  }, []);

  const rest = useCallback(
    async (input: { action: 'adjust'; deltaSeconds: number } | { action: 'skip' } | { action: 'start' }) => {
      primeAudio();
      const result = await restTimer({ sessionId: detail.id, ...input } as never);
      if ('error' in result && result.error)
        toaster.show({
          intent: Intent.DANGER,
          icon: 'error',
          message: `Rest timer: ${errorMessage(result.error)}`,
        });
    },
    [detail.id, restTimer, toaster],
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

  const hotkeys = useMemo(() => {
    const onFocusedSet = (act: (located: Located) => void) => () => {
      const located = focused();
      if (located) act(located);
    };
    const entryOf = (located: Located) => latest.current.entries[located.entryIndex]!;
    const shown = (combo: string, label: string) => ({
      combo,
      label,
      global: true,
      group: 'Workout',
      disabled: true,
    });
    const act = (combo: string, label: string, onKeyDown: () => void) => ({
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
        onFocusedSet((at) => at.row.set && void setActions.duplicate(entryOf(at).id, at.row.set)),
      ),
      act(
        'mod+backspace',
        'Delete the set (Undo in the message)',
        onFocusedSet(
          (at) =>
            at.row.set &&
            void setActions.remove(at.row.set, `set ${at.label} of ${entryOf(at).exerciseName}`),
        ),
      ),
      act(
        'alt+n',
        'Add a set to this exercise',
        onFocusedSet((at) => void setActions.add(entryOf(at).id)),
      ),
      act(
        'alt+t',
        'Change the set type (warm-up, working, drop, failure)',
        onFocusedSet(
          (at) => void setActions.save(entryOf(at).id, at.row, { setType: nextSetType(at.row.setType) }),
        ),
      ),
      act('alt+a', 'Add an exercise', () => pickerRef.current?.focus()),
      act('alt+=', 'Rest: 15 seconds more', () => void rest({ action: 'adjust', deltaSeconds: 15 })),
      act('alt+minus', 'Rest: 15 seconds less', () => void rest({ action: 'adjust', deltaSeconds: -15 })),
      act('alt+s', 'Skip the rest', () => void rest({ action: 'skip' })),
      act('alt+r', 'RPE scale and calculator', openRpe),
      act('alt+f', 'Finish the workout', () => setConfirmFinish(true)),
    ];
  }, [focused, openRpe, rest, setActions]);
  useHotkeys(hotkeys);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const lastOver = useRef<string | number | null>(null);
  const nameOf = (id: string | number) =>
    detail.entries.find((entry) => entry.id === id)?.exerciseName ?? 'The exercise';
  const positionOf = (id: string | number) => detail.entries.findIndex((entry) => entry.id === id) + 1;
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const entry = detail.entries.find((candidate) => candidate.id === active.id);
    const to = detail.entries.findIndex((candidate) => candidate.id === over.id);
    if (entry && to >= 0) void exerciseActions.move(entry, to);
  };

  const lastRestEntry = detail.entries.find((entry) => entry.id === detail.rest?.entryId);
  const count = detail.entries.length;

  return (
    <div className="lt-wo">
      <header className="lt-wo-head">
        <div className="lt-wo-head__title">
          <h1 className={`${Classes.HEADING} lt-wo-head__name`}>
            <EditableText
              defaultValue={detail.name}
              placeholder="Workout"
              maxLength={120}
              aria-label="Workout name"
              onConfirm={(name) => name !== detail.name && void updateWorkout({ id: detail.id, name })}
            />
          </h1>
          <div className={`${Classes.TEXT_MUTED} lt-wo-head__meta`}>
            {detail.athleteName} · started{' '}
            {new Date(detail.startedAt).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' })}
          </div>
        </div>
        <dl className="lt-wo-stats">
          <div>
            <dt>Time</dt>
            <dd>{formatDuration(elapsed)}</dd>
          </div>
          <div>
            <dt>Sets</dt>
            <dd>
              {doneSets.length}
              <span className={Classes.TEXT_MUTED}>/{flatRows.length}</span>
            </dd>
          </div>
          <div>
            <dt>Volume</dt>
            <dd>{formatWeightTotal(volumeKg, unit)}</dd>
          </div>
        </dl>
        <div className="lt-wo-head__tools">
          <Button
            size="large"
            icon="dashboard"
            text="RPE"
            title="RPE scale and calculator (Alt+R)"
            onClick={openRpe}
          />
          <Button
            size="large"
            icon="trash"
            variant="minimal"
            aria-label="Discard the workout"
            title="Discard the workout (Undo in the message)"
            onClick={() => void discard()}
          />
          <Button
            size="large"
            className="lt-wo-finish"
            intent={Intent.SUCCESS}
            icon="flag"
            text="Finish"
            title="Finish the workout (Alt+F)"
            loading={finishing.isLoading}
            onClick={() => (toDoCount > 0 ? setConfirmFinish(true) : void finish())}
          />
        </div>
      </header>
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
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{
          screenReaderInstructions: { draggable: INSTRUCTIONS },
          announcements: {
            onDragStart: ({ active }) => {
              lastOver.current = active.id;
              return `Picked up ${nameOf(active.id)}, at position ${positionOf(active.id)} of ${count}.`;
            },
            onDragOver: ({ active, over }) => {
              // Said only when the place changes: the first "over" is the exercise's own place.
              if ((over?.id ?? null) === lastOver.current) return undefined;
              lastOver.current = over?.id ?? null;
              return over
                ? `${nameOf(active.id)} is over position ${positionOf(over.id)} of ${count}.`
                : `${nameOf(active.id)} is not over a position.`;
            },
            onDragEnd: ({ active, over }) =>
              over
                ? `Moved ${nameOf(active.id)} to position ${positionOf(over.id)} of ${count}.`
                : `${nameOf(active.id)} was put back.`,
            onDragCancel: ({ active }) =>
              `Cancelled: ${nameOf(active.id)} stays at position ${positionOf(active.id)}.`,
          },
        }}
      >
        <SortableContext
          items={detail.entries.map((entry) => entry.id)}
          strategy={verticalListSortingStrategy}
        >
          <ol className="lt-wo-entries" aria-label="Exercises" ref={listRef}>
            {detail.entries.map((entry, index) => (
              <ExerciseCard
                key={entry.id}
                entry={entry}
                index={index}
                count={count}
                label={labels[index]!}
                unit={unit}
                setActions={setActions}
                exerciseActions={exerciseActions}
                onMove={onMove}
                onLogged={onLogged}
                sessionId={detail.id}
                voiceNotes={detail.voiceNotes}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      {count === 0 && (
        <NonIdealState
          className="lt-wo-empty"
          icon="add"
          title="No exercises yet"
          description="Type an exercise’s name below and press Enter to add it."
        />
      )}
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
