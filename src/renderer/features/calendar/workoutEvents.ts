/**
 * Scheduled workouts as FullCalendar events, and FullCalendar's dates back as the contract's
 * 'YYYY-MM-DD' and 'HH:MM'. The calendar runs in local time; a workout without a start time is an
 * all-day event (the week and day views show it in their "Any time" row).
 */
import type { EventInput } from '@fullcalendar/core';
import { format } from 'date-fns';
import type { ScheduledWorkout, ScheduleStatus } from '../../../shared/domain/schedule';

/** What each event carries, read back by its content, menu and drag handlers. */
export interface WorkoutEventProps {
  workout: ScheduledWorkout;
  athleteName: string;
  /** Palette index of the athlete's colour (athleteColors.ts). */
  athleteColor: number;
  /** The athlete's position among those shown, so a day lists athletes in the same order. */
  athleteOrder: number;
}

/** Started and finished workouts stay where they happened. */
export const LOCKED_STATUSES: readonly ScheduleStatus[] = ['in_progress', 'completed'];

export function isLocked(workout: ScheduledWorkout): boolean {
  return LOCKED_STATUSES.includes(workout.status);
}

export interface ShownAthlete {
  id: string;
  name: string;
  color: number;
}

/**
 * A day's workouts beyond what its cell can show, as one chip ("+28 more") with how many of them
 * are in each status. FullCalendar's own "+more" would still render and measure every hidden event
 * (over a second for a 1,000-workout month); this keeps a busy month to what is on screen.
 */
export interface DayDigest {
  date: string;
  count: number;
  byStatus: Partial<Record<ScheduleStatus, number>>;
}

/** Sorts after every workout of its day (eventOrder is athleteOrder, then start). */
const DIGEST_ORDER = Number.MAX_SAFE_INTEGER;

function toEvent(
  workout: ScheduledWorkout,
  athletes: Map<string, ShownAthlete & { order: number }>,
): EventInput {
  const athlete = athletes.get(workout.athleteId);
  const extendedProps: WorkoutEventProps = {
    workout,
    athleteName: athlete?.name ?? '',
    athleteColor: athlete?.color ?? 0,
    athleteOrder: athlete?.order ?? 0,
  };
  return {
    id: workout.id,
    title: workout.templateName,
    start: workout.startTime ? `${workout.date}T${workout.startTime}` : workout.date,
    allDay: workout.startTime === null,
    startEditable: !isLocked(workout),
    classNames: ['lt-cal-event', `lt-cal-event--${workout.status}`],
    extendedProps,
  };
}

function toDigestEvent(date: string, hidden: readonly ScheduledWorkout[]): EventInput {
  const byStatus: DayDigest['byStatus'] = {};
  for (const workout of hidden) byStatus[workout.status] = (byStatus[workout.status] ?? 0) + 1;
  const digest: DayDigest = { date, count: hidden.length, byStatus };
  return {
    id: `digest-${date}`,
    title: `${hidden.length} more`,
    start: date,
    allDay: true,
    editable: false,
    classNames: ['lt-cal-digest'],
    extendedProps: { digest, athleteOrder: DIGEST_ORDER },
  };
}

/**
 * The calendar's events. With `perDay`, a day holding more workouts than that shows the first
 * `perDay - 1` (in the calendar's order: athlete, then time) and a digest of the rest.
 */
export function toEvents(
  workouts: readonly ScheduledWorkout[],
  athletes: readonly ShownAthlete[],
  perDay: number | null = null,
): EventInput[] {
  const byId = new Map(athletes.map((athlete, order) => [athlete.id, { ...athlete, order }]));
  if (perDay === null) return workouts.map((workout) => toEvent(workout, byId));

  const days = new Map<string, ScheduledWorkout[]>();
  for (const workout of workouts) {
    const day = days.get(workout.date);
    if (day) day.push(workout);
    else days.set(workout.date, [workout]);
  }
  const orderOf = (workout: ScheduledWorkout) => byId.get(workout.athleteId)?.order ?? 0;
  const events: EventInput[] = [];
  for (const [date, dayWorkouts] of days) {
    if (dayWorkouts.length <= perDay) {
      for (const workout of dayWorkouts) events.push(toEvent(workout, byId));
      continue;
    }
    dayWorkouts.sort(
      (a, b) => orderOf(a) - orderOf(b) || (a.startTime ?? '').localeCompare(b.startTime ?? ''),
    );
    const shown = Math.max(0, perDay - 1);
    for (const workout of dayWorkouts.slice(0, shown)) events.push(toEvent(workout, byId));
    events.push(toDigestEvent(date, dayWorkouts.slice(shown)));
  }
  return events;
}

export function digestOf(event: { extendedProps: Record<string, unknown> }): DayDigest | null {
  return (event.extendedProps.digest as DayDigest | undefined) ?? null;
}

/** Events built by toEvents (not skeletons, not a template being dragged in). */
export function isWorkoutEvent(event: { extendedProps: Record<string, unknown> }): boolean {
  return event.extendedProps.workout !== undefined;
}

export function workoutOf(event: { extendedProps: Record<string, unknown> }): WorkoutEventProps {
  return event.extendedProps as unknown as WorkoutEventProps;
}

export function toIsoDate(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

export function toClockTime(date: Date): string {
  return format(date, 'HH:mm');
}

/** Where an event or a drop landed: its date, and its time unless it landed on a whole day. */
export function placementOf(start: Date, allDay: boolean): { date: string; startTime: string | null } {
  return { date: toIsoDate(start), startTime: allDay ? null : toClockTime(start) };
}
