/**
 * How the history screens write what was done: dates in the user's locale, sets and best sets in
 * the user's unit, record badges, and moving through table rows with the keyboard across the
 * pages of a paged list.
 */
import { parseISO } from 'date-fns';
import type { KeyboardEvent } from 'react';
import { estimateOneRepMax } from '../../../shared/calc/e1rm';
import type { PersonalRecord, WorkoutSet } from '../../../shared/domain/workout';
import { formatWeight, roundForDisplay, weightFromKg, type WeightUnit } from '../../components/units';

const sessionDay = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const clockTime = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

/** "Thu, 3 Dec 2026" (in the locale's order). */
export function formatSessionDay(isoTimestamp: string): string {
  return sessionDay.format(parseISO(isoTimestamp));
}

/** "17:05" or "5:05 PM". */
export function formatClockTime(isoTimestamp: string): string {
  return clockTime.format(parseISO(isoTimestamp));
}

/** A weight without its unit, as in "100 × 5": "102.5", "225". */
export function weightNumber(kg: number, unit: WeightUnit): string {
  return String(roundForDisplay(weightFromKg(kg, unit)));
}

/** "100 kg × 5"; an empty side shows as an en dash. */
export function describeBestSet(best: { weightKg: number; reps: number } | null, unit: WeightUnit): string {
  return best ? `${formatWeight(best.weightKg, unit)} × ${best.reps}` : '–';
}

/** One set, short: "100 × 5 @ 8", a warm-up marked "W". */
export function describeSet(set: WorkoutSet, unit: WeightUnit): string {
  const weight = set.weightKg !== null ? weightNumber(set.weightKg, unit) : '–';
  const reps = set.reps !== null ? String(set.reps) : '–';
  const head = `${set.setType === 'warmup' ? 'W ' : ''}${weight} × ${reps}`;
  return set.rpe !== null ? `${head} @ ${set.rpe}` : head;
}

/** The Epley estimate of a set (null for a warm-up, an undone set, or more than 12 reps). */
export function setE1rmKg(set: WorkoutSet): number | null {
  if (!set.completed || set.setType === 'warmup' || set.weightKg === null || set.reps === null) return null;
  return estimateOneRepMax(set.weightKg, set.reps);
}

/** "e1RM 120 kg", "5RM 100 kg", "Volume 2,400 kg": a record as a badge says it. */
export function recordBadge(record: PersonalRecord, unit: WeightUnit): string {
  if (record.kind === 'e1rm') return `e1RM ${formatWeight(record.valueKg, unit)}`;
  if (record.kind === 'weight') return `${record.reps}RM ${formatWeight(record.valueKg, unit)}`;
  return `Volume ${formatWeight(record.valueKg, unit)}`;
}

/** Records in a stable order: by exercise, then e1RM, rep records (fewest reps first), volume. */
export function sortRecords(records: readonly PersonalRecord[]): PersonalRecord[] {
  const order = { e1rm: 0, weight: 1, volume: 2 } as const;
  return [...records].sort(
    (a, b) =>
      a.exerciseName.localeCompare(b.exerciseName) || order[a.kind] - order[b.kind] || a.reps - b.reps,
  );
}

/** "1 workout", "3 workouts". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}

/**
 * Keyboard use of a paged table whose rows are focusable (marked data-row): Enter opens the row;
 * the arrows move to the row above or below, across the pages (one <tbody> each); Home and End go
 * to the first and last row loaded. Keys pressed inside a control in the row are that control's.
 */
export function onPagedRowKeyDown(event: KeyboardEvent<HTMLTableRowElement>, open: () => void): void {
  if (event.target !== event.currentTarget) return;
  if (event.key === 'Enter') {
    event.preventDefault();
    open();
    return;
  }
  const moves: Record<string, (index: number, count: number) => number> = {
    ArrowDown: (index, count) => Math.min(index + 1, count - 1),
    ArrowUp: (index) => Math.max(index - 1, 0),
    Home: () => 0,
    End: (_index, count) => count - 1,
  };
  const move = moves[event.key];
  const table = event.currentTarget.closest('table');
  if (!move || !table) return;
  event.preventDefault();
  const rows = Array.from(table.querySelectorAll<HTMLTableRowElement>('tbody tr[data-row]'));
  const index = rows.indexOf(event.currentTarget);
  rows[move(index, rows.length)]?.focus();
}
