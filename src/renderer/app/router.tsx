/**
 * Hash routing: the web host serves only index.html, and Electron loads a file, so the route lives
 * after "#" (e.g. #/athletes?q=ann). One route per section, under the app frame.
 */
import { Button, NonIdealState } from '@blueprintjs/core';
import { createHashRouter, Navigate, useNavigate, useRouteError } from 'react-router';
import { AthletesPage } from '../features/athletes';
import { DashboardPage } from '../features/dashboard';
import { ExercisesPage } from '../features/exercises';
import { SettingsPage, usePreferences } from '../features/settings';
import { AppFrame } from './AppFrame';
import { CalendarPage } from '../features/calendar';
import { ProgramBuilderPage, ProgramsPage } from '../features/programs';
import { TemplatesPage } from '../features/templates';
import { WorkoutsPage } from '../features/workouts';
import { ExerciseHistoryPage } from '../features/workouts/ExerciseHistoryPage';
import { HistoryPage } from '../features/workouts/HistoryPage';
import { HistorySessionPage } from '../features/workouts/HistorySessionPage';
import { AnalyticsPage } from './comingNextPages';
import { sectionFor } from './sections';

/** Opening the app (no route yet) lands on the default view from the preferences. */
function DefaultView() {
  const { preferences, isLoaded } = usePreferences();
  if (!isLoaded) return null;
  return <Navigate to={sectionFor(preferences.defaultView).path} replace />;
}

function NotFoundPage() {
  const navigate = useNavigate();
  return (
    <NonIdealState
      icon="search"
      title="Nothing here"
      description="This address does not match any part of Lift Tracker."
      action={<Button text="Go to the dashboard" onClick={() => navigate('/dashboard')} />}
    />
  );
}

/** A render error in a page: the frame stays usable, and the message says what happened. */
function PageError() {
  const error = useRouteError();
  return (
    <NonIdealState
      icon="error"
      title="This screen failed to show"
      description={error instanceof Error ? error.message : 'An unexpected error occurred.'}
      action={<Button icon="refresh" text="Reload" onClick={() => window.location.reload()} />}
    />
  );
}

export function createAppRouter() {
  return createHashRouter([
    {
      path: '/',
      element: <AppFrame />,
      children: [
        {
          errorElement: <PageError />,
          children: [
            { index: true, element: <DefaultView /> },
            { path: 'dashboard', element: <DashboardPage /> },
            { path: 'calendar', element: <CalendarPage /> },
            { path: 'programs', element: <ProgramsPage /> },
            // The template library, and a template open in it (#/programs/templates/<id>).
            { path: 'programs/templates/*', element: <TemplatesPage /> },
            { path: 'programs/:programId', element: <ProgramBuilderPage /> },
            { path: 'workouts', element: <WorkoutsPage /> },
            // Everything already done: the history, one workout of it, one exercise's sessions.
            { path: 'workouts/history', element: <HistoryPage /> },
            { path: 'workouts/history/:sessionId', element: <HistorySessionPage /> },
            { path: 'workouts/exercises/:exerciseId', element: <ExerciseHistoryPage /> },
            { path: 'analytics', element: <AnalyticsPage /> },
            // The exercise library may nest its own routes (e.g. an exercise's detail).
            { path: 'exercises/*', element: <ExercisesPage /> },
            { path: 'athletes', element: <AthletesPage /> },
            { path: 'settings', element: <SettingsPage /> },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
