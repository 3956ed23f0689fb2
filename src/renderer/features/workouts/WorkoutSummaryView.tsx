/**
 * What a finished workout did: duration, volume (completed working sets, not warm-ups), sets,
 * exercises, and the personal records it set. Shown after Finish, and at #/workouts?finished=<id>
 * (so a reload keeps it).
 */
import { Button, Callout, Card, Classes, Icon, Intent } from '@blueprintjs/core';
import { Link } from 'react-router';
import type { PersonalRecord } from '../../../shared/domain/workout';
import { ErrorCallout } from '../../components/ErrorCallout';
import { formatWeightTotal } from '../../components/units';
import { useUnits } from '../../components/useUnits';
import { useWorkoutSummaryQuery } from './api';
import { formatDuration } from './setPlan';
import { describeRecord } from './useSetActions';

const KIND_ORDER = { e1rm: 0, weight: 1, volume: 2 } as const;

/** By exercise, then the estimated 1RM, the rep records (fewest reps first), the volume. */
function sortRecords(records: readonly PersonalRecord[]): PersonalRecord[] {
  return [...records].sort(
    (a, b) =>
      a.exerciseName.localeCompare(b.exerciseName) ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      a.reps - b.reps,
  );
}

export function WorkoutSummaryView({ workoutId, onDone }: { workoutId: string; onDone: () => void }) {
  const { weightUnit: unit } = useUnits();
  const { data: summary, error, refetch } = useWorkoutSummaryQuery({ id: workoutId });
  if (error)
    return (
      <ErrorCallout title="The summary could not be shown" error={error} onRetry={() => void refetch()} />
    );

  const facts = summary
    ? [
        ['Duration', summary.durationSeconds !== null ? formatDuration(summary.durationSeconds) : '–'],
        ['Volume', formatWeightTotal(summary.volumeKg, unit)],
        ['Sets', String(summary.completedSets)],
        ['Exercises', String(summary.exerciseCount)],
      ]
    : [];

  return (
    <section className="lt-wo-summary" aria-labelledby="wo-summary-title" aria-busy={!summary}>
      <h2 id="wo-summary-title" className={`${Classes.HEADING} ${summary ? '' : Classes.SKELETON}`}>
        <Icon icon="flag" intent={Intent.SUCCESS} size={20} />{' '}
        {summary ? `${summary.name || 'Workout'} done` : 'Workout done'}
      </h2>
      <dl className="lt-wo-summary__facts">
        {(summary
          ? facts
          : [
              ['Duration', ''],
              ['Volume', ''],
              ['Sets', ''],
              ['Exercises', ''],
            ]
        ).map(([term, value]) => (
          <Card key={term} compact className="lt-wo-summary__fact">
            <dt className={Classes.TEXT_MUTED}>{term}</dt>
            <dd className={summary ? undefined : Classes.SKELETON}>{value || '0'}</dd>
          </Card>
        ))}
      </dl>
      {summary && summary.records.length > 0 && (
        <Callout
          intent={Intent.SUCCESS}
          icon="crown"
          title={`Personal records today (${summary.records.length})`}
        >
          <ul className="lt-wo-summary__records">
            {sortRecords(summary.records).map((record) => (
              <li key={`${record.exerciseId}-${record.kind}-${record.reps}`}>
                {describeRecord(record, unit)}
              </li>
            ))}
          </ul>
        </Callout>
      )}
      {summary && summary.records.length === 0 && (
        <p className={Classes.TEXT_MUTED}>No new personal records this time.</p>
      )}
      <div className="lt-wo-summary__actions">
        <Button size="large" intent={Intent.PRIMARY} text="Done" autoFocus onClick={onDone} />
        <Link className={`${Classes.BUTTON} ${Classes.LARGE}`} to={`/workouts/history/${workoutId}`}>
          Open in history
        </Link>
      </div>
    </section>
  );
}
