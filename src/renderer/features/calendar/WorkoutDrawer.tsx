/**
 * One scheduled workout, opened from the calendar: who, when, its status, the program and week it
 * belongs to, what it prescribes, its notes (saved as they are typed) and, once done, what the
 * session did. Actions: skip or unskip, move, delete (with Undo). A started or finished workout
 * belongs to its session: the drawer says so instead of offering changes.
 */
import { Button, Callout, Classes, Drawer, Icon, Intent, Tag, TextArea, Tooltip } from '@blueprintjs/core';
import { useEffect, useRef, useState } from 'react';
import type { ScheduledWorkoutDetail } from '../../../shared/domain/schedule';
import { ErrorCallout, errorMessage } from '../../components/ErrorCallout';
import { STATUS_LABELS, statusChipStyle, useStatusTheme } from '../../components/statusColors';
import { formatWeightTotal } from '../../components/units';
import { useUnits } from '../../components/useUnits';
import { useGetScheduledWorkoutQuery, useUpdateScheduledWorkoutMutation } from './api';
import { formatClockTime, formatLongDay, formatTimestamp } from './dateFormat';
import { PrescriptionTable } from './PrescriptionTable';
import type { WorkoutActions } from './useWorkoutActions';

const NOTES_SAVE_DELAY_MS = 700;

interface WorkoutDrawerProps {
  workoutId: string | null;
  actions: WorkoutActions;
  onMove(workout: ScheduledWorkoutDetail): void;
  onClose(): void;
}

export function WorkoutDrawer({ workoutId, actions, onMove, onClose }: WorkoutDrawerProps) {
  const { data, error, isLoading, isFetching, refetch } = useGetScheduledWorkoutQuery(
    { id: workoutId ?? '' },
    { skip: workoutId === null },
  );
  const workout = data && data.id === workoutId ? data : undefined;
  return (
    <Drawer
      isOpen={workoutId !== null}
      onClose={onClose}
      size={560}
      className="lt-cal-drawer"
      title={workout ? workout.templateName : isLoading || isFetching ? 'Loading workout…' : 'Workout'}
      icon="calendar"
      hasBackdrop={false}
      canOutsideClickClose
    >
      {/* Not modal (the calendar stays usable beside it): a region named by the workout. */}
      <section
        className={`${Classes.DRAWER_BODY} lt-cal-drawer__body`}
        aria-label={workout ? `Workout: ${workout.templateName}` : 'Workout'}
      >
        {error ? (
          <ErrorCallout title="This workout could not be loaded" error={error} onRetry={refetch} />
        ) : workout ? (
          <WorkoutDetail
            key={workout.id}
            workout={workout}
            actions={actions}
            onMove={() => onMove(workout)}
            onDeleted={onClose}
          />
        ) : (
          <DetailSkeleton />
        )}
      </section>
    </Drawer>
  );
}

function DetailSkeleton() {
  return (
    <div aria-busy className="lt-cal-drawer__skeleton">
      {Array.from({ length: 6 }, (_, index) => (
        <div key={index} className={Classes.SKELETON}>
          Loading
        </div>
      ))}
    </div>
  );
}

interface WorkoutDetailProps {
  workout: ScheduledWorkoutDetail;
  actions: WorkoutActions;
  onMove(): void;
  onDeleted(): void;
}

function WorkoutDetail({ workout, actions, onMove, onDeleted }: WorkoutDetailProps) {
  const theme = useStatusTheme();
  const { weightUnit } = useUnits();
  const skipped = workout.status === 'skipped';
  const locked = workout.locked !== null;

  return (
    <>
      <dl className="lt-cal-facts">
        <dt>Status</dt>
        <dd>
          <Tag className="lt-cal-status-tag" style={statusChipStyle(workout.status, theme)}>
            {STATUS_LABELS[workout.status]}
          </Tag>
        </dd>
        <dt>Athlete</dt>
        <dd>{workout.athleteName}</dd>
        <dt>When</dt>
        <dd>
          {formatLongDay(workout.date)}
          {workout.startTime ? `, ${formatClockTime(workout.startTime)}` : ''}
          {workout.datePinned && (
            <Tooltip content="Moved by hand: program changes keep it on this date">
              <Icon icon="pin" size={12} className="lt-cal-facts__pin" aria-label="Moved by hand" />
            </Tooltip>
          )}
        </dd>
        {workout.programId && (
          <>
            <dt>Program</dt>
            <dd>
              {workout.programName}
              {workout.weekNumber !== null && ` · week ${workout.weekNumber}`}
              {workout.dayIndex !== null && `, day ${workout.dayIndex + 1}`}
            </dd>
          </>
        )}
      </dl>

      {locked ? (
        <Callout icon="lock" intent={Intent.NONE} className="lt-cal-drawer__locked">
          {workout.locked}
        </Callout>
      ) : (
        <div className="lt-cal-drawer__actions">
          <Button
            icon={skipped ? 'undo' : 'disable'}
            text={skipped ? 'Unskip' : 'Skip'}
            onClick={() => void actions.setSkipped(workout, !skipped)}
          />
          <Button icon="move" text="Move…" onClick={onMove} />
          <Button
            icon="trash"
            intent={Intent.DANGER}
            variant="outlined"
            text="Delete"
            onClick={() => void actions.remove(workout).then((deleted) => deleted && onDeleted())}
          />
        </div>
      )}

      {workout.session && (
        <section className="lt-cal-drawer__section" aria-label="Session">
          <h3 className={Classes.HEADING}>Session</h3>
          <dl className="lt-cal-facts">
            <dt>Started</dt>
            <dd>{formatTimestamp(workout.session.startedAt)}</dd>
            {workout.session.completedAt && (
              <>
                <dt>Finished</dt>
                <dd>{formatTimestamp(workout.session.completedAt)}</dd>
              </>
            )}
            <dt>Done</dt>
            <dd>
              {workout.session.exerciseCount} exercises · {workout.session.completedSets} sets
            </dd>
            <dt>Volume</dt>
            <dd>{formatWeightTotal(workout.session.volumeKg, weightUnit)}</dd>
          </dl>
        </section>
      )}

      <section className="lt-cal-drawer__section" aria-label="Prescription">
        <h3 className={Classes.HEADING}>Prescription</h3>
        <PrescriptionTable prescription={workout.prescription} />
      </section>

      <section className="lt-cal-drawer__section">
        <h3 className={Classes.HEADING}>
          <label htmlFor="workout-notes">Notes</label>
        </h3>
        <WorkoutNotes workoutId={workout.id} saved={workout.notes} />
      </section>
    </>
  );
}

/** Saved a moment after typing stops, and on leaving the field; never lost on close. */
function WorkoutNotes({ workoutId, saved }: { workoutId: string; saved: string }) {
  const [notes, setNotes] = useState(saved);
  const [updateWorkout, { isLoading, error, isSuccess }] = useUpdateScheduledWorkoutMutation();
  const timer = useRef<number | undefined>(undefined);
  const pending = useRef<string | null>(null);

  function save() {
    window.clearTimeout(timer.current);
    if (pending.current === null) return;
    const text = pending.current;
    pending.current = null;
    void updateWorkout({ id: workoutId, notes: text });
  }

  // Save what is still pending when the drawer closes or another workout opens.
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  useEffect(() => () => saveRef.current(), []);

  return (
    <>
      <TextArea
        id="workout-notes"
        fill
        rows={3}
        value={notes}
        placeholder="Notes for this day: how it went, what to change"
        onChange={(event) => {
          setNotes(event.target.value);
          pending.current = event.target.value;
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(save, NOTES_SAVE_DELAY_MS);
        }}
        onBlur={save}
      />
      <div className={`lt-cal-notes-status ${Classes.TEXT_MUTED}`} aria-live="polite">
        {error ? (
          <span className="lt-cal-notes-status--error">Not saved: {errorMessage(error)}</span>
        ) : isLoading ? (
          'Saving…'
        ) : isSuccess ? (
          'Saved'
        ) : (
          ''
        )}
      </div>
    </>
  );
}
