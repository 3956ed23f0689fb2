/**
 * The words of a workout reminder, the same for the desktop notification and the web host's toast:
 *   "Ada: Upper A at 17:00"            (today, in the athlete's time zone)
 *   "Ada: Upper A tomorrow at 07:30"
 *   "Ken: Lower B on Thu 6 Mar at 18:00 (Tokyo time)"   (the athlete lives in another zone)
 * with a body saying how long until it starts: "Starts in 2 hours."
 */
import { differenceInCalendarDays, format, parseISO } from 'date-fns';

export interface ReminderFacts {
  athleteName: string;
  templateName: string;
  /** 'YYYY-MM-DD' and 'HH:MM' on the athlete's clock. */
  date: string;
  startTime: string;
  /** The athlete's today, 'YYYY-MM-DD'. */
  today: string;
  athleteTimeZone: string;
  /** The zone of the computer showing the reminder. */
  localTimeZone: string;
  minutesUntilStart: number;
}

export function reminderWords(facts: ReminderFacts): { title: string; body: string } {
  const days = differenceInCalendarDays(parseISO(facts.date), parseISO(facts.today));
  const when =
    days === 0
      ? `at ${facts.startTime}`
      : days === 1
        ? `tomorrow at ${facts.startTime}`
        : `on ${format(parseISO(facts.date), 'EEE d MMM')} at ${facts.startTime}`;
  const zone =
    facts.athleteTimeZone === facts.localTimeZone ? '' : ` (${zoneCity(facts.athleteTimeZone)} time)`;
  return {
    title: `${facts.athleteName}: ${facts.templateName} ${when}${zone}`,
    body: `Starts ${untilStart(facts.minutesUntilStart)}.`,
  };
}

/** "now", "in 45 minutes", "in 2 hours", "in 1 h 30 min" */
export function untilStart(minutes: number): string {
  if (minutes < 0.5) return 'now';
  const whole = Math.round(minutes);
  if (whole < 60) return `in ${whole} ${whole === 1 ? 'minute' : 'minutes'}`;
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (rest === 0) return `in ${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  return `in ${hours} h ${rest} min`;
}

/** "America/New_York" → "New York"; "UTC" stays "UTC". */
function zoneCity(timeZone: string): string {
  return (timeZone.split('/').at(-1) ?? timeZone).replace(/_/g, ' ');
}
