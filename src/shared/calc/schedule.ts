/**
 * Where a program's days fall on a calendar. An application has a start date, the ISO weekdays
 * the athlete trains on, and training dates to skip; the program's k-th training day (week by
 * week, day slot by day slot) lands on the k-th such date. So a skipped date moves everything
 * after it by one training day, and a shorter list of weekdays than days a week simply takes
 * longer. Rest days take their training date and leave it empty.
 */
import { addDays, format, getISODay, parseISO } from 'date-fns';

export interface CalendarProgram {
  daysPerWeek: number;
  /** In order: week 1 first. */
  weeks: readonly {
    id: string;
    days: readonly { id: string; dayIndex: number; templateId: string | null }[];
  }[];
}

export interface CalendarAssignment {
  startDate: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: readonly number[];
  skippedDates?: readonly string[];
}

export interface ProgramDate {
  weekId: string;
  weekNumber: number;
  dayId: string;
  dayIndex: number;
  templateId: string;
  date: string;
}

export function toIsoDate(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

/** The day `days` after an ISO date (before it when negative), as an ISO date. */
export function addIsoDays(date: string, days: number): string {
  return toIsoDate(addDays(parseISO(date), days));
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormatFor(timeZone: string): Intl.DateTimeFormat {
  let dayFormat = dayFormats.get(timeZone);
  if (!dayFormat) {
    try {
      dayFormat = new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
    } catch {
      // An unknown zone (a bad sync or import) falls back to UTC rather than failing a whole job.
      dayFormat = dayFormatFor('UTC');
    }
    dayFormats.set(timeZone, dayFormat);
  }
  return dayFormat;
}

/**
 * An athlete's "today": the calendar date ('YYYY-MM-DD') on the athlete's clock (an IANA time
 * zone) at the instant `now`. Workouts are "past" or "future" against this, never against UTC.
 */
export function athleteToday(timeZone: string, now: Date): string {
  const parts = dayFormatFor(timeZone).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((item) => item.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The first `count` training dates from `startDate` on, in order. */
export function trainingDates(assignment: CalendarAssignment, count: number): string[] {
  // Only ISO weekdays 1–7 can ever match: anything else would leave the search below endless.
  const weekdays = new Set(
    assignment.weekdays.filter((day) => Number.isInteger(day) && day >= 1 && day <= 7),
  );
  if (weekdays.size === 0 || count <= 0) return [];
  const skipped = new Set(assignment.skippedDates ?? []);
  const dates: string[] = [];
  let day = parseISO(assignment.startDate);
  while (dates.length < count) {
    const iso = toIsoDate(day);
    if (weekdays.has(getISODay(day)) && !skipped.has(iso)) dates.push(iso);
    day = addDays(day, 1);
  }
  return dates;
}

/** The training dates from `from` (inclusive) up to `until` (exclusive), skipped ones left out. */
export function trainingDatesBetween(
  assignment: Pick<CalendarAssignment, 'weekdays' | 'skippedDates'>,
  from: string,
  until: string,
): string[] {
  const weekdays = new Set(assignment.weekdays);
  const skipped = new Set(assignment.skippedDates ?? []);
  const dates: string[] = [];
  for (let day = parseISO(from); toIsoDate(day) < until; day = addDays(day, 1)) {
    const iso = toIsoDate(day);
    if (weekdays.has(getISODay(day)) && !skipped.has(iso)) dates.push(iso);
  }
  return dates;
}

/** Each workout day of the program (rest days left out) with its date, in calendar order. */
export function programDates(program: CalendarProgram, assignment: CalendarAssignment): ProgramDate[] {
  const slots = program.weeks.length * program.daysPerWeek;
  const dates = trainingDates(assignment, slots);
  const result: ProgramDate[] = [];
  program.weeks.forEach((week, weekIndex) => {
    const days = [...week.days].sort((a, b) => a.dayIndex - b.dayIndex);
    for (const day of days) {
      if (day.templateId === null || day.dayIndex >= program.daysPerWeek) continue;
      const date = dates[weekIndex * program.daysPerWeek + day.dayIndex];
      if (date === undefined) continue;
      result.push({
        weekId: week.id,
        weekNumber: weekIndex + 1,
        dayId: day.id,
        dayIndex: day.dayIndex,
        templateId: day.templateId,
        date,
      });
    }
  });
  return result;
}

/** The last training date the program uses (rest days included), or null for an empty program. */
export function programEndDate(program: CalendarProgram, assignment: CalendarAssignment): string | null {
  const dates = trainingDates(assignment, program.weeks.length * program.daysPerWeek);
  return dates.at(-1) ?? null;
}

/** The weekday list a program suggests: its days spread over the week (3 → Mon, Wed, Fri). */
export function suggestedWeekdays(daysPerWeek: number): number[] {
  const patterns: Record<number, number[]> = {
    1: [1],
    2: [1, 4],
    3: [1, 3, 5],
    4: [1, 2, 4, 5],
    5: [1, 2, 3, 4, 5],
    6: [1, 2, 3, 4, 5, 6],
    7: [1, 2, 3, 4, 5, 6, 7],
  };
  return patterns[daysPerWeek] ?? [1, 3, 5];
}
