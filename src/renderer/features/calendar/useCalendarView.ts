/**
 * What the calendar shows — the view (month, week, day, list), the date it is on, the athletes
 * picked and the workout open — kept in the address (#/calendar?view=week&date=2026-07-13&athletes=a,b
 * &workout=w) so a reload, the back button or a shared link returns to it.
 *
 * As in the roster (useRosterView), React state is the source and the address follows it, replacing
 * the entry: a control shows its new value at once rather than after the router's transition; a
 * link to the calendar followed while it is open moves the view to it.
 * No `athletes` in the address means "the athlete picked in the app frame".
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { isoDate } from '../../../shared/domain/dates';
import { MAX_CALENDAR_ATHLETES } from '../../../shared/domain/schedule';

export const CALENDAR_VIEWS = ['month', 'week', 'day', 'list'] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

/** FullCalendar's view for each of ours. */
export const FULLCALENDAR_VIEWS: Record<CalendarView, string> = {
  month: 'dayGridMonth',
  week: 'timeGridWeek',
  day: 'timeGridDay',
  // A week's agenda: a month of a squad is a thousand rows.
  list: 'listWeek',
};

export const VIEW_LABELS: Record<CalendarView, string> = {
  month: 'Month',
  week: 'Week',
  day: 'Day',
  list: 'List',
};

export interface CalendarViewState {
  view: CalendarView;
  /** A day inside the period shown; null = today. */
  date: string | null;
  /** Athletes picked in the calendar; empty = the app frame's current athlete. */
  athleteIds: string[];
  /** The workout open in the drawer. */
  workoutId: string | null;
}

/** Athlete and workout ids are UUIDs. */
const ATHLETE_ID = /^[0-9a-f-]{36}$/i;

function viewFromParams(params: URLSearchParams): CalendarViewState {
  const view = params.get('view');
  const date = params.get('date');
  const athleteIds = (params.get('athletes') ?? '')
    .split(',')
    .filter((value) => ATHLETE_ID.test(value))
    .slice(0, MAX_CALENDAR_ATHLETES);
  const workoutId = params.get('workout');
  return {
    view: CALENDAR_VIEWS.includes(view as CalendarView) ? (view as CalendarView) : 'month',
    date: date && isoDate.safeParse(date).success ? date : null,
    athleteIds: [...new Set(athleteIds)],
    workoutId: workoutId && ATHLETE_ID.test(workoutId) ? workoutId : null,
  };
}

function sameView(a: CalendarViewState, b: CalendarViewState): boolean {
  return (
    a.view === b.view &&
    a.date === b.date &&
    a.athleteIds.join(',') === b.athleteIds.join(',') &&
    a.workoutId === b.workoutId
  );
}

export function useCalendarView(): [CalendarViewState, (change: Partial<CalendarViewState>) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const [view, setView] = useState(() => viewFromParams(searchParams));
  // Addresses this hook wrote (or saw agree with the view) since they last agreed. Any other
  // address is a link followed while the calendar is open (a toast's "See the calendar"): the
  // view follows it rather than writing itself back over it.
  const known = useRef(new Set<string>());

  useEffect(() => {
    const address = searchParams.toString();
    const fromAddress = viewFromParams(searchParams);
    if (sameView(fromAddress, view)) {
      known.current = new Set([address]);
      return;
    }
    if (known.current.size > 0 && !known.current.has(address)) {
      known.current = new Set([address]);
      setView(fromAddress);
      return;
    }
    known.current.add(address);
    setSearchParams(
      (params) => {
        params.set('view', view.view);
        if (view.date) params.set('date', view.date);
        else params.delete('date');
        if (view.athleteIds.length > 0) params.set('athletes', view.athleteIds.join(','));
        else params.delete('athletes');
        if (view.workoutId) params.set('workout', view.workoutId);
        else params.delete('workout');
        known.current.add(params.toString());
        return params;
      },
      { replace: true },
    );
  }, [view, searchParams, setSearchParams]);

  const update = useCallback((change: Partial<CalendarViewState>) => {
    setView((current) => {
      const next = { ...current, ...change };
      return sameView(current, next) ? current : next;
    });
  }, []);
  return [view, update];
}
