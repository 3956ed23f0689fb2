/** Calendar days as the program screens show them, in the user's locale. */
import { addDays, nextMonday, parseISO } from 'date-fns';
import { toIsoDate } from '../../../shared/calc/schedule';

const shortDay = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const longDay = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const dayMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

/** "Mon 6 Jan" (in the locale's order). */
export function formatShortDay(iso: string): string {
  return shortDay.format(parseISO(iso));
}

/** "Monday 6 January 2026". */
export function formatLongDay(iso: string): string {
  return longDay.format(parseISO(iso));
}

/** "6 Jan". */
export function formatDayMonth(iso: string): string {
  return dayMonth.format(parseISO(iso));
}

/** The Monday after today: where a new block usually starts. */
export function nextMondayIso(today = new Date()): string {
  return toIsoDate(nextMonday(today));
}

export function todayIso(): string {
  return toIsoDate(new Date());
}

export function isoPlusDays(iso: string, days: number): string {
  return toIsoDate(addDays(parseISO(iso), days));
}
