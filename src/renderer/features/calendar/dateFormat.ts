/** Dates as the calendar writes them, in the user's locale (UX.md principle 4). */
import { parseISO } from 'date-fns';

const shortDay = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const longDay = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const clock = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

const shortDays = new Map<string, string>();

/** "Tue, Jul 14" (or "Tue 14 Jul", by locale); memoised, as every chip's name holds one. */
export function formatShortDay(isoDate: string): string {
  let text = shortDays.get(isoDate);
  if (text === undefined) {
    text = shortDay.format(parseISO(isoDate));
    shortDays.set(isoDate, text);
  }
  return text;
}

/** "Tuesday, July 14, 2026". */
export function formatLongDay(isoDate: string): string {
  return longDay.format(parseISO(isoDate));
}

/** "18:00" → "6:00 PM" (or "18:00", by locale). */
export function formatClockTime(time: string): string {
  return clock.format(parseISO(`2000-01-01T${time}`));
}

/** An ISO timestamp as a day and a time. */
export function formatTimestamp(timestamp: string): string {
  const date = new Date(timestamp);
  return `${shortDay.format(date)}, ${clock.format(date)}`;
}

const compactClock = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const compactTimes = new Map<string, string>();

/**
 * A chip's time, as short as the locale allows: "7a", "5:30p" (24-hour locales keep "07:00", "17:30"), memoised:
 * a month shows the same few training times hundreds of times.
 */
export function shortClockTime(time: string): string {
  let text = compactTimes.get(time);
  if (text === undefined) {
    const full = compactClock.format(parseISO(`2000-01-01T${time}`));
    const twelveHour = /^(\d{1,2})(:\d\d)?\s?([AaPp])\.?\s?[Mm]\.?$/.exec(full.replace(':00', ''));
    text = twelveHour ? `${twelveHour[1]}${twelveHour[2] ?? ''}${twelveHour[3]!.toLowerCase()}` : full;
    compactTimes.set(time, text);
  }
  return text;
}
