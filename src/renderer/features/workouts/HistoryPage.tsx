/**
 * History (#/workouts/history): the workouts of the athlete picked in the frame, newest first, a
 * page at a time, filtered by exercise and dates (kept in the address). A row opens the workout.
 */
import { Classes, NonIdealState } from '@blueprintjs/core';
import { SectionTabs } from '../../components/SectionTabs';
import { useAthletesQuery } from '../athletes';
import { usePreferences } from '../settings';
import { HistoryFilters, rangeError, useHistoryFilters } from './HistoryFilters';
import { HistoryTable } from './HistoryTable';
import { WORKOUTS_TABS } from './WorkoutsPage';
import { NoAthlete } from './StartWorkout';
import './History.css';

export function HistoryPage() {
  const { preferences, isLoaded } = usePreferences();
  const athleteId = preferences.currentAthleteId;
  const [filters, setFilters] = useHistoryFilters();
  const { data: athletes } = useAthletesQuery({ text: '', includeArchived: true });
  const athleteName = athletes?.items.find((athlete) => athlete.id === athleteId)?.name;

  return (
    <div className="lt-page lt-history">
      <header className="lt-page-header">
        <h1 className="lt-visually-hidden">Workout history</h1>
        <SectionTabs tabs={WORKOUTS_TABS} label="Workout and history" asTitle />
        {athleteName && <span className="lt-page-header__meta">{athleteName}</span>}
      </header>
      {!isLoaded ? (
        <div className={`${Classes.SKELETON} lt-history__skeleton`} />
      ) : athleteId === null ? (
        <NoAthlete />
      ) : (
        <>
          <HistoryFilters filters={filters} onChange={setFilters} />
          {rangeError(filters) ? (
            <NonIdealState icon="calendar" title="Fix the dates to see the workouts" />
          ) : (
            <HistoryTable athleteId={athleteId} filters={filters} />
          )}
        </>
      )}
    </div>
  );
}
