/**
 * One exercise for the athlete picked in the frame (#/workouts/exercises/<exerciseId>): the records
 * they hold now, the e1RM trend of their last sessions with its takeaway, and every session of the
 * exercise, newest first, a page at a time, with its sets, best set, e1RM and volume.
 */
import { Classes, HTMLTable, Icon, NonIdealState } from '@blueprintjs/core';
import { memo, useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { ExerciseSession, PersonalRecord } from '../../../shared/domain/workout';
import { useResolvedTheme } from '../../app/theme';
import { ErrorCallout } from '../../components/ErrorCallout';
import { formatWeight, formatWeightTotal, type WeightUnit } from '../../components/units';
import { useUnits } from '../../components/useUnits';
import { useAthletesQuery } from '../athletes';
import { usePreferences } from '../settings';
import { useExerciseHistoryQuery } from './api';
import { ExerciseHistoryChart } from './ExerciseHistoryChart';
import { describeBestSet, describeSet, formatSessionDay, onPagedRowKeyDown } from './HistoryFormat';
import { LoadMoreRow, PagedBody, SkeletonRows, usePageCursors } from './HistoryPaging';
import { NoAthlete } from './StartWorkout';
import './History.css';

const PAGE_SIZE = 50;
/** The chart's sessions: about a year of training on an exercise done twice a week. */
const TREND_SESSIONS = 100;
const COLUMNS = 6;

export function ExerciseHistoryPage() {
  const { exerciseId = '' } = useParams();
  const { preferences, isLoaded } = usePreferences();
  const athleteId = preferences.currentAthleteId;
  const dark = useResolvedTheme(preferences.theme) === 'dark';
  const { weightUnit: unit } = useUnits();
  const { data: athletes } = useAthletesQuery({ text: '', includeArchived: true });
  const athleteName = athletes?.items.find((athlete) => athlete.id === athleteId)?.name;
  const trend = useExerciseHistoryQuery(
    { athleteId: athleteId ?? '', exerciseId, limit: TREND_SESSIONS, cursor: null },
    { skip: athleteId === null },
  );
  const points = useMemo(
    () =>
      (trend.data?.items ?? [])
        .filter((session) => session.bestE1rmKg !== null)
        .map((session) => ({ startedAt: session.startedAt, e1rmKg: session.bestE1rmKg! }))
        .reverse(),
    [trend.data],
  );

  const back = (
    <Link to="/workouts/history" className="lt-session__back">
      <Icon icon="arrow-left" size={14} /> History
    </Link>
  );
  if (isLoaded && athleteId === null)
    return (
      <div className="lt-page lt-exercise-history">
        <header className="lt-page-header">{back}</header>
        <NoAthlete />
      </div>
    );

  return (
    <div className="lt-page lt-exercise-history">
      <header className="lt-page-header">
        {back}
        <h1 className={`${Classes.HEADING} ${trend.data ? '' : Classes.SKELETON}`}>
          {trend.data?.exercise.name ?? 'Loading exercise'}
        </h1>
        {athleteName && <span className="lt-page-header__meta">{athleteName}</span>}
      </header>
      {trend.error && !trend.data ? (
        <ErrorCallout
          title="This exercise's history could not be loaded"
          error={trend.error}
          onRetry={trend.refetch}
        />
      ) : trend.data && trend.data.items.length === 0 ? (
        <NonIdealState
          icon="history"
          title={`${athleteName ?? 'This athlete'} has not done ${trend.data.exercise.name} yet`}
          description="Its sessions, records and trend show here once a workout includes it."
        />
      ) : (
        <>
          <div className="lt-exercise-history__top">
            <RecordsTable records={trend.data?.records} unit={unit} />
            <ExerciseHistoryChart points={points} unit={unit} dark={dark} loading={!trend.data} />
          </div>
          {athleteId && <SessionsTable athleteId={athleteId} exerciseId={exerciseId} unit={unit} />}
        </>
      )}
    </div>
  );
}

/** The records held now: best e1RM, heaviest weight per rep count, best session volume. */
function RecordsTable({ records, unit }: { records: PersonalRecord[] | undefined; unit: WeightUnit }) {
  const order = { e1rm: 0, weight: 1, volume: 2 } as const;
  const sorted = [...(records ?? [])].sort((a, b) => order[a.kind] - order[b.kind] || a.reps - b.reps);
  const what = (record: PersonalRecord) =>
    record.kind === 'e1rm'
      ? 'Estimated 1RM'
      : record.kind === 'volume'
        ? 'Session volume'
        : `Heaviest ${record.reps} ${record.reps === 1 ? 'rep' : 'reps'}`;
  return (
    <section className="lt-exercise-records" aria-labelledby="exercise-records-title">
      <h2 id="exercise-records-title" className={Classes.HEADING}>
        Records
      </h2>
      <HTMLTable
        compact
        striped
        className="lt-exercise-records__table"
        aria-labelledby="exercise-records-title"
      >
        <thead>
          <tr>
            <th scope="col">Record</th>
            <th scope="col" className="lt-numeric">
              Value
            </th>
            <th scope="col" className="lt-numeric">
              Set
            </th>
            <th scope="col">Date</th>
          </tr>
        </thead>
        <tbody>
          {records === undefined ? (
            <SkeletonRows rows={4} columns={4} />
          ) : sorted.length === 0 ? (
            <tr>
              <td colSpan={4} className={Classes.TEXT_MUTED}>
                No records yet.
              </td>
            </tr>
          ) : (
            sorted.map((record) => (
              <tr key={`${record.kind}-${record.reps}`}>
                <td>{what(record)}</td>
                <td className="lt-numeric">
                  {record.kind === 'volume'
                    ? formatWeightTotal(record.valueKg, unit)
                    : formatWeight(record.valueKg, unit)}
                </td>
                <td className="lt-numeric">
                  {record.weightKg !== null && record.repsDone !== null
                    ? describeBestSet({ weightKg: record.weightKg, reps: record.repsDone }, unit)
                    : '–'}
                </td>
                <td>
                  <Link to={`/workouts/history/${record.sessionId}`}>
                    {formatSessionDay(record.achievedAt)}
                  </Link>
                </td>
              </tr>
            ))
          )}
        </tbody>
      </HTMLTable>
    </section>
  );
}

function SessionsTable({
  athleteId,
  exerciseId,
  unit,
}: {
  athleteId: string;
  exerciseId: string;
  unit: WeightUnit;
}) {
  const { cursors, addCursor } = usePageCursors(`${athleteId}/${exerciseId}`);
  return (
    <section className="lt-exercise-sessions" aria-labelledby="exercise-sessions-title">
      <h2 id="exercise-sessions-title" className={Classes.HEADING}>
        Sessions
      </h2>
      <div className="lt-table-scroll">
        <table
          className={`${Classes.HTML_TABLE} ${Classes.COMPACT} ${Classes.HTML_TABLE_STRIPED} ${Classes.INTERACTIVE} lt-exercise-sessions__table`}
          aria-labelledby="exercise-sessions-title"
        >
          <colgroup>
            <col className="lt-history-table__date" />
            <col className="lt-history-table__name" />
            <col />
            <col className="lt-history-table__volume" />
            <col className="lt-history-table__number" />
            <col className="lt-history-table__volume" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Workout</th>
              <th scope="col">Sets ({unit} × reps @ RPE)</th>
              <th scope="col" className="lt-numeric">
                Best set
              </th>
              <th scope="col" className="lt-numeric">
                e1RM
              </th>
              <th scope="col" className="lt-numeric">
                Volume
              </th>
            </tr>
          </thead>
          {cursors.map((cursor, index) => (
            <SessionPageRows
              key={cursor ?? 'first'}
              athleteId={athleteId}
              exerciseId={exerciseId}
              cursor={cursor}
              unit={unit}
              isLast={index === cursors.length - 1}
              onNext={addCursor}
            />
          ))}
        </table>
      </div>
    </section>
  );
}

function SessionPageRows(props: {
  athleteId: string;
  exerciseId: string;
  cursor: string | null;
  unit: WeightUnit;
  isLast: boolean;
  onNext: (cursor: string) => void;
}) {
  // currentData: rows of other filters never stand in while these load.
  const {
    currentData: data,
    error,
    refetch,
  } = useExerciseHistoryQuery({
    athleteId: props.athleteId,
    exerciseId: props.exerciseId,
    cursor: props.cursor,
    limit: PAGE_SIZE,
  });
  if (error && !data)
    return (
      <tbody>
        <tr>
          <td colSpan={COLUMNS}>
            <ErrorCallout title="These sessions could not be loaded" error={error} onRetry={refetch} />
          </td>
        </tr>
      </tbody>
    );
  if (!data)
    return (
      <tbody aria-busy>
        <SkeletonRows rows={props.cursor === null ? 6 : 3} columns={COLUMNS} />
      </tbody>
    );
  const nextCursor = data.nextCursor;
  return (
    <>
      <SessionRows items={data.items} unit={props.unit} />
      {props.isLast && nextCursor && (
        <LoadMoreRow columns={COLUMNS} label="Show older sessions" onLoad={() => props.onNext(nextCursor)} />
      )}
    </>
  );
}

const SessionRows = memo(function SessionRows({
  items,
  unit,
}: {
  items: readonly ExerciseSession[];
  unit: WeightUnit;
}) {
  const navigate = useNavigate();
  return (
    <PagedBody columns={COLUMNS}>
      {items.map((session) => {
        const open = () => navigate(`/workouts/history/${session.sessionId}`);
        const sets = session.sets
          .filter((set) => set.completed)
          .map((set) => describeSet(set, unit))
          .join(', ');
        return (
          <tr
            key={session.sessionId}
            data-row
            tabIndex={0}
            onClick={open}
            onKeyDown={(event) => onPagedRowKeyDown(event, open)}
          >
            <td className="lt-history-table__when">
              <time dateTime={session.startedAt}>{formatSessionDay(session.startedAt)}</time>
            </td>
            <td className="lt-history-table__title" title={session.sessionName || undefined}>
              {session.sessionName || <span className={Classes.TEXT_MUTED}>Workout</span>}
            </td>
            <td className="lt-history-table__exercises" title={sets}>
              {sets || <span className={Classes.TEXT_MUTED}>No completed sets</span>}
            </td>
            <td className="lt-numeric">{describeBestSet(session.bestSet, unit)}</td>
            <td className="lt-numeric">{formatWeight(session.bestE1rmKg, unit)}</td>
            <td className="lt-numeric">{formatWeightTotal(session.volumeKg, unit)}</td>
          </tr>
        );
      })}
    </PagedBody>
  );
});
