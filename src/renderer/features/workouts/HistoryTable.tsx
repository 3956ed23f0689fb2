/**
 * The athlete's workouts, newest first, as a dense table a page at a time (HistoryPaging.tsx):
 * day and time, name, exercises, duration, volume, sets and the records each one holds. A row
 * opens the workout (click or Enter); the arrows move between rows.
 */
import { Classes, Intent, NonIdealState, Tag } from '@blueprintjs/core';
import { memo } from 'react';
import { Link, useNavigate } from 'react-router';
import type { HistoryItem } from '../../../shared/domain/workout';
import { ErrorCallout } from '../../components/ErrorCallout';
import { formatWeightTotal, type WeightUnit } from '../../components/units';
import { useUnits } from '../../components/useUnits';
import { useWorkoutHistoryQuery } from './api';
import type { HistoryFilterValues } from './HistoryFilters';
import {
  describeBestSet,
  formatClockTime,
  formatSessionDay,
  onPagedRowKeyDown,
  recordBadge,
  sortRecords,
} from './HistoryFormat';
import { LoadMoreRow, PagedBody, SkeletonRows, usePageCursors } from './HistoryPaging';
import { formatDuration } from './setPlan';

export const HISTORY_PAGE_SIZE = 50;
const COLUMNS = 7;

export function HistoryTable({ athleteId, filters }: { athleteId: string; filters: HistoryFilterValues }) {
  const resetKey = JSON.stringify([athleteId, filters]);
  const { cursors, addCursor } = usePageCursors(resetKey);

  return (
    <div className="lt-table-scroll">
      <table
        className={`${Classes.HTML_TABLE} ${Classes.COMPACT} ${Classes.HTML_TABLE_STRIPED} ${Classes.INTERACTIVE} lt-history-table`}
        aria-label="Workout history"
      >
        <colgroup>
          <col className="lt-history-table__date" />
          <col className="lt-history-table__name" />
          <col />
          <col className="lt-history-table__number" />
          <col className="lt-history-table__volume" />
          <col className="lt-history-table__sets" />
          <col className="lt-history-table__records" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Workout</th>
            <th scope="col">Exercises (best set)</th>
            <th scope="col" className="lt-numeric">
              Duration
            </th>
            <th scope="col" className="lt-numeric">
              Volume
            </th>
            <th scope="col" className="lt-numeric">
              Sets
            </th>
            <th scope="col">Records</th>
          </tr>
        </thead>
        {cursors.map((cursor, index) => (
          <HistoryPageRows
            key={cursor ?? 'first'}
            athleteId={athleteId}
            filters={filters}
            cursor={cursor}
            isLast={index === cursors.length - 1}
            onNext={addCursor}
          />
        ))}
      </table>
    </div>
  );
}

interface HistoryPageRowsProps {
  athleteId: string;
  filters: HistoryFilterValues;
  cursor: string | null;
  isLast: boolean;
  onNext: (cursor: string) => void;
}

function HistoryPageRows({ athleteId, filters, cursor, isLast, onNext }: HistoryPageRowsProps) {
  const { weightUnit } = useUnits();
  // currentData: rows of other filters never stand in while these load.
  const {
    currentData: data,
    error,
    refetch,
  } = useWorkoutHistoryQuery({
    athleteId,
    cursor,
    limit: HISTORY_PAGE_SIZE,
    ...filters,
  });

  if (error && !data)
    return (
      <tbody>
        <tr>
          <td colSpan={COLUMNS}>
            <ErrorCallout title="These workouts could not be loaded" error={error} onRetry={refetch} />
          </td>
        </tr>
      </tbody>
    );
  if (!data)
    return (
      <tbody aria-busy>
        <SkeletonRows rows={cursor === null ? 8 : 3} columns={COLUMNS} />
      </tbody>
    );
  if (cursor === null && data.items.length === 0) {
    const filtered = filters.exerciseId !== null || filters.from !== null || filters.to !== null;
    return (
      <tbody>
        <tr>
          <td colSpan={COLUMNS} className={`lt-history-empty ${Classes.TEXT_MUTED}`}>
            {filtered ? (
              'No workouts match these filters.'
            ) : (
              <NonIdealState
                icon="history"
                title="No workouts yet"
                description="Finished workouts show here, newest first."
                action={
                  <Link className={`${Classes.BUTTON} ${Classes.INTENT_PRIMARY}`} to="/workouts">
                    Start a workout
                  </Link>
                }
              />
            )}
          </td>
        </tr>
      </tbody>
    );
  }

  const nextCursor = data.nextCursor;
  return (
    <>
      <HistoryRows items={data.items} unit={weightUnit} />
      {isLast && nextCursor && (
        <LoadMoreRow columns={COLUMNS} label="Show older workouts" onLoad={() => onNext(nextCursor)} />
      )}
      {isLast && !nextCursor && cursor !== null && (
        <tbody>
          <tr className="lt-history-more">
            <td colSpan={COLUMNS} className={Classes.TEXT_MUTED}>
              That is every workout.
            </td>
          </tr>
        </tbody>
      )}
    </>
  );
}

/** One page's rows; memoised, so loading page 40 does not redraw pages 1 to 39. */
const HistoryRows = memo(function HistoryRows({
  items,
  unit,
}: {
  items: readonly HistoryItem[];
  unit: WeightUnit;
}) {
  const navigate = useNavigate();
  return (
    <PagedBody columns={COLUMNS}>
      {items.map((item) => {
        const open = () => navigate(`/workouts/history/${item.id}`);
        const exercises = item.exercises
          .map((exercise) =>
            exercise.bestSet
              ? `${exercise.exerciseName} ${describeBestSet(exercise.bestSet, unit)}`
              : exercise.exerciseName,
          )
          .join(' · ');
        const records = sortRecords(item.records);
        return (
          <tr
            key={item.id}
            data-row
            tabIndex={0}
            onClick={open}
            onKeyDown={(event) => onPagedRowKeyDown(event, open)}
          >
            <td className="lt-history-table__when">
              <time dateTime={item.startedAt}>{formatSessionDay(item.startedAt)}</time>
              <span className={Classes.TEXT_MUTED}>{formatClockTime(item.startedAt)}</span>
            </td>
            <td className="lt-history-table__title" title={item.name || undefined}>
              {item.name || <span className={Classes.TEXT_MUTED}>Workout</span>}
              {item.completedAt === null && (
                <Tag minimal round intent={Intent.WARNING} className="lt-history-table__tag">
                  In progress
                </Tag>
              )}
            </td>
            <td className="lt-history-table__exercises" title={exercises}>
              {exercises || <span className={Classes.TEXT_MUTED}>No exercises</span>}
            </td>
            <td className="lt-numeric">
              {item.durationSeconds !== null ? formatDuration(item.durationSeconds) : '–'}
            </td>
            <td className="lt-numeric">{formatWeightTotal(item.volumeKg, unit)}</td>
            <td className="lt-numeric">{item.completedSets}</td>
            <td className="lt-history-table__records">
              {records.length > 0 && (
                // A native title, not a Blueprint Tooltip: fifty popovers a page make scrolling stutter.
                <Tag
                  minimal
                  intent={Intent.SUCCESS}
                  icon="crown"
                  title={records
                    .map((record) => `${record.exerciseName}: ${recordBadge(record, unit)}`)
                    .join('\n')}
                >
                  {records.length === 1 ? '1 PR' : `${records.length} PRs`}
                </Tag>
              )}
            </td>
          </tr>
        );
      })}
    </PagedBody>
  );
});
