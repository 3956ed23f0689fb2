/**
 * Workouts (#/workouts): for the athlete picked in the frame, the workout in progress if there is
 * one (workouts.offer says so, from the database: reopening the app lands back in it), else the
 * start screen; after Finish, the summary (#/workouts?finished=<id>).
 */
import { useSearchParams } from 'react-router';
import { useAppDispatch } from '../../app/store';
import { ErrorCallout } from '../../components/ErrorCallout';
import { SectionTabs, type SectionTab } from '../../components/SectionTabs';
import { useAthletesQuery } from '../athletes';
import { usePreferences } from '../settings';
import { ActiveWorkout } from './ActiveWorkout';
import { useWorkoutOfferQuery, workoutsApi } from './api';
import { NoAthlete, StartWorkout } from './StartWorkout';
import { WorkoutSkeleton } from './WorkoutParts';
import { WorkoutSummaryView } from './WorkoutSummaryView';
import './workouts.css';
import './workout-start.css';
import './workout-tools.css';

export const WORKOUTS_TABS: readonly SectionTab[] = [
  { label: 'Workout', to: '/workouts', end: true },
  { label: 'History', to: '/workouts/history' },
];

export function WorkoutsPage() {
  const { preferences, isLoaded } = usePreferences();
  const athleteId = preferences.currentAthleteId;
  const [params, setParams] = useSearchParams();
  const finishedId = params.get('finished');

  return (
    <div className="lt-page lt-workouts">
      <header className="lt-page-header">
        <h1 className="lt-visually-hidden">Workouts</h1>
        <SectionTabs tabs={WORKOUTS_TABS} label="Workout and history" asTitle />
      </header>
      {finishedId ? (
        <WorkoutSummaryView workoutId={finishedId} onDone={() => setParams({})} />
      ) : !isLoaded ? (
        <WorkoutSkeleton />
      ) : athleteId === null ? (
        <NoAthlete />
      ) : (
        <AthleteWorkout
          key={athleteId}
          athleteId={athleteId}
          onFinished={(id) => setParams({ finished: id })}
        />
      )}
    </div>
  );
}

function AthleteWorkout({ athleteId, onFinished }: { athleteId: string; onFinished: (id: string) => void }) {
  const dispatch = useAppDispatch();
  const { data: offer, error, refetch } = useWorkoutOfferQuery({ athleteId });
  const { data: athletes } = useAthletesQuery({ text: '', includeArchived: false });
  const athleteName = athletes?.items.find((athlete) => athlete.id === athleteId)?.name ?? 'this athlete';

  if (error && !offer)
    return <ErrorCallout title="Workouts could not be loaded" error={error} onRetry={() => void refetch()} />;
  if (!offer) return <WorkoutSkeleton />;
  if (offer.inProgress)
    return (
      <ActiveWorkout
        key={offer.inProgress.id}
        workoutId={offer.inProgress.id}
        onFinished={(summary) => onFinished(summary.id)}
        onDiscarded={() => void refetch()}
      />
    );
  return (
    <StartWorkout
      athleteId={athleteId}
      athleteName={athleteName}
      today={offer.today}
      onStarted={(detail) => {
        // Straight into the workout, without waiting for the offer to be asked again.
        dispatch(workoutsApi.util.upsertQueryData('getWorkout', { id: detail.id }, detail));
        dispatch(
          workoutsApi.util.updateQueryData('workoutOffer', { athleteId }, (draft) => {
            draft.inProgress = { id: detail.id, name: detail.name, startedAt: detail.startedAt };
          }),
        );
      }}
    />
  );
}
