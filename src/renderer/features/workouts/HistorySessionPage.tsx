/**
 * One workout from the history (#/workouts/history/<id>): its totals and the records it holds (both
 * from the backend, so they follow every edit), its name, times and notes, and every exercise
 * with its sets, all editable in place. Delete takes it out of the history with Undo in the toast.
 */
import { Button, Callout, Card, Classes, Icon, Intent, NonIdealState, useHotkeys } from '@blueprintjs/core';
import { useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isAppErrorShape } from '../../../shared/contract/errors';
import { useToaster } from '../../app/toaster';
import { ErrorCallout, errorMessage } from '../../components/ErrorCallout';
import { formatWeightTotal } from '../../components/units';
import { useUnits } from '../../components/useUnits';
import {
  useDeleteWorkoutMutation,
  useGetWorkoutQuery,
  useRestoreWorkoutMutation,
  useWorkoutSummaryQuery,
} from './api';
import { formatClockTime, formatSessionDay, recordBadge, sortRecords } from './HistoryFormat';
import { SessionEditFields } from './SessionEditFields';
import { SessionEditSets } from './SessionEditSets';
import { formatDuration } from './setPlan';
import './History.css';

export function HistorySessionPage() {
  const { sessionId = '' } = useParams();
  const navigate = useNavigate();
  const { weightUnit: unit } = useUnits();
  const { data: detail, error, refetch } = useGetWorkoutQuery({ id: sessionId });
  const { data: summary } = useWorkoutSummaryQuery({ id: sessionId });
  const remove = useDeleteWithUndo();

  const hotkeys = useMemo(
    () => [
      {
        combo: 'backspace',
        label: 'Back to the history',
        group: 'Workout history',
        global: true,
        onKeyDown: () => navigate('/workouts/history'),
      },
    ],
    [navigate],
  );
  useHotkeys(hotkeys);

  const back = (
    <Link to="/workouts/history" className="lt-session__back">
      <Icon icon="arrow-left" size={14} /> History
    </Link>
  );

  if (error && !detail) {
    const missing = isAppErrorShape(error) && error.code === 'not_found';
    return (
      <div className="lt-page lt-session">
        <header className="lt-page-header">{back}</header>
        {missing ? (
          <NonIdealState
            icon="search"
            title="This workout is not in the history"
            description="It may have been deleted."
            action={<Button text="Back to the history" onClick={() => navigate('/workouts/history')} />}
          />
        ) : (
          <ErrorCallout title="The workout could not be loaded" error={error} onRetry={refetch} />
        )}
      </div>
    );
  }

  const facts: [string, string][] = [
    ['Date', detail ? `${formatSessionDay(detail.startedAt)}, ${formatClockTime(detail.startedAt)}` : ''],
    ['Duration', summary?.durationSeconds != null ? formatDuration(summary.durationSeconds) : '–'],
    ['Volume', summary ? formatWeightTotal(summary.volumeKg, unit) : ''],
    ['Sets', summary ? String(summary.completedSets) : ''],
    ['Exercises', summary ? String(summary.exerciseCount) : ''],
  ];
  const records = sortRecords(detail?.records ?? []);

  return (
    <div className="lt-page lt-session" aria-busy={!detail}>
      <header className="lt-page-header">
        {back}
        <h1 className={`${Classes.HEADING} ${detail ? '' : Classes.SKELETON}`}>
          {detail ? detail.name || 'Workout' : 'Loading workout'}
        </h1>
        {detail && <span className="lt-page-header__meta">{detail.athleteName}</span>}
        <div className="lt-page-header__spacer" />
        <Button
          icon="trash"
          intent={Intent.DANGER}
          variant="outlined"
          text="Delete workout"
          disabled={!detail}
          onClick={() => detail && remove(detail.id, detail.name || 'Workout')}
        />
      </header>

      <dl className="lt-session__facts" aria-label="Totals">
        {facts.map(([term, value]) => (
          <Card key={term} compact className="lt-session__fact">
            <dt className={Classes.TEXT_MUTED}>{term}</dt>
            <dd className={value ? undefined : Classes.SKELETON}>{value || '0'}</dd>
          </Card>
        ))}
      </dl>

      {records.length > 0 && (
        <Callout
          intent={Intent.SUCCESS}
          icon="crown"
          compact
          className="lt-session__records"
          title={`Personal records this workout holds (${records.length})`}
        >
          <ul>
            {records.map((record) => (
              <li key={`${record.exerciseId}-${record.kind}-${record.reps}`}>
                {record.exerciseName}: {recordBadge(record, unit)}
              </li>
            ))}
          </ul>
        </Callout>
      )}

      {detail ? (
        <>
          <SessionEditFields key={detail.id} detail={detail} />
          <SessionEditSets detail={detail} unit={unit} />
        </>
      ) : (
        <div className={`${Classes.SKELETON} lt-session__skeleton`} />
      )}
    </div>
  );
}

/** Deletes the workout, goes back to the history, and offers Undo (which brings it back). */
function useDeleteWithUndo(): (id: string, name: string) => void {
  const [deleteWorkout] = useDeleteWorkoutMutation();
  const [restoreWorkout] = useRestoreWorkoutMutation();
  const toaster = useToaster();
  const navigate = useNavigate();

  return (id, name) => {
    void deleteWorkout({ id }).then((result) => {
      if (result.error) {
        toaster.show({
          intent: Intent.DANGER,
          icon: 'error',
          message: `Not deleted: ${errorMessage(result.error)}`,
        });
        return;
      }
      navigate('/workouts/history');
      toaster.show({
        icon: 'trash',
        timeout: 8000,
        message: `Deleted “${name}”; its records and totals no longer count`,
        action: {
          text: 'Undo',
          onClick: () => {
            void restoreWorkout({ id }).then((undone) => {
              if (undone.error)
                toaster.show({
                  intent: Intent.DANGER,
                  icon: 'error',
                  message: `Not restored: ${errorMessage(undone.error)}`,
                });
            });
          },
        },
      });
    });
  };
}
