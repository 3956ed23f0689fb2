/**
 * What each set row of an exercise shows and logs: the set as saved, else what is planned for it
 * (the prescription's target, the progression suggestion for working sets, last time's set). The
 * planned values are what Enter (or a tap on ✓) logs when nothing was typed, so logging the set
 * as planned takes one action. Pure: the screen and its tests share it.
 */
import type { SetType } from '../../../shared/domain/prescription';
import { rpe as rpeSchema } from '../../../shared/domain/prescription';
import {
  setReps,
  setWeightKg,
  type SetTarget,
  type WorkoutEntry,
  type WorkoutSet,
} from '../../../shared/domain/workout';
import {
  formatWeight,
  roundForDisplay,
  weightFromKg,
  weightToKg,
  type WeightUnit,
} from '../../components/units';

export type GhostSet = NonNullable<WorkoutEntry['lastTime']>['sets'][number];

export interface SetRowPlan {
  /** Stable across the set being created from its plan: the entry and the row's place. */
  key: string;
  index: number;
  /** The saved set; null for a prescribed set nothing has been logged for yet. */
  set: WorkoutSet | null;
  setType: SetType;
  target: SetTarget | null;
  ghost: GhostSet | null;
  plannedWeightKg: number | null;
  plannedReps: number | null;
  targetRpe: number | null;
}

export const SET_TYPE_LABELS: Record<SetType, string> = {
  warmup: 'Warm-up',
  working: 'Working',
  drop: 'Drop set',
  failure: 'To failure',
};

const SET_TYPE_ORDER: readonly SetType[] = ['warmup', 'working', 'drop', 'failure'];

export function nextSetType(type: SetType): SetType {
  return SET_TYPE_ORDER[(SET_TYPE_ORDER.indexOf(type) + 1) % SET_TYPE_ORDER.length]!;
}

export function rowKey(entryId: string, index: number): string {
  return `${entryId}:${index}`;
}

/** The rows of an exercise: its saved sets in order, then the prescribed sets not saved yet. */
export function planSets(entry: WorkoutEntry): SetRowPlan[] {
  const ghosts = entry.lastTime?.sets ?? [];
  // The saved sets are the rows (a workout started from a prescription saves its sets at once, so
  // a deleted one stays deleted). With none, the plan: the prescribed sets, else last time's, else
  // one set ready to log.
  const count =
    entry.sets.length > 0 ? entry.sets.length : entry.targets.length || Math.max(ghosts.length, 1);
  const rows: SetRowPlan[] = [];
  for (let index = 0; index < count; index += 1) {
    const set = entry.sets[index] ?? null;
    const target = entry.targets[index] ?? null;
    const setType = set?.setType ?? target?.setType ?? 'working';
    const ghost = ghosts.find((candidate) => candidate.setNumber === index + 1) ?? ghosts[index] ?? null;
    const isWork = setType === 'working' || setType === 'failure';
    const suggestion = isWork ? entry.suggestion : null;
    rows.push({
      key: rowKey(entry.id, index),
      index,
      set,
      setType,
      target,
      ghost,
      plannedWeightKg: set?.weightKg ?? suggestion?.weightKg ?? target?.weightKg ?? ghost?.weightKg ?? null,
      plannedReps: set?.reps ?? suggestion?.reps ?? target?.repsMin ?? target?.repsMax ?? ghost?.reps ?? null,
      targetRpe: target?.rpe ?? null,
    });
  }
  return rows;
}

/** "W", "1", "2", "D", "F": working sets are numbered, the others say what they are. */
export function setLabels(rows: readonly { setType: SetType }[]): string[] {
  let working = 0;
  return rows.map((row) => {
    if (row.setType === 'warmup') return 'W';
    if (row.setType === 'drop') return 'D';
    if (row.setType === 'failure') return 'F';
    working += 1;
    return String(working);
  });
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

function parseNumber(text: string): number | null | 'nan' {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : 'nan';
}

/** A weight typed in the user's unit, as kg; empty is null. */
export function parseWeight(text: string, unit: WeightUnit): Parsed<number | null> {
  const value = parseNumber(text);
  if (value === 'nan') return { ok: false, message: `Weight must be a number (in ${unit})` };
  if (value === null) return { ok: true, value: null };
  const result = setWeightKg.safeParse(weightToKg(value, unit));
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, message: result.error.issues[0]!.message };
}

export function parseReps(text: string): Parsed<number | null> {
  const value = parseNumber(text);
  if (value === 'nan') return { ok: false, message: 'Reps must be a whole number' };
  if (value === null) return { ok: true, value: null };
  const result = setReps.safeParse(value);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, message: result.error.issues[0]!.message };
}

export function parseRpe(text: string): Parsed<number | null> {
  const value = parseNumber(text);
  if (value === 'nan') return { ok: false, message: 'RPE must be between 1 and 10, in half steps' };
  if (value === null) return { ok: true, value: null };
  const result = rpeSchema.safeParse(value);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, message: result.error.issues[0]!.message };
}

/** A weight in kg as typed in the user's unit: "102.5", "225". */
export function weightText(kg: number | null, unit: WeightUnit): string {
  return kg === null ? '' : String(roundForDisplay(weightFromKg(kg, unit)));
}

/** "5", "8–12". */
export function repsText(min: number | null, max: number | null): string {
  if (min === null) return max === null ? '' : String(max);
  return max === null || max === min ? String(min) : `${min}–${max}`;
}

/** The prescription of one set, short: "5 × 100 kg @ RPE 8", "8–12 @ 75%". */
export function describeTarget(target: SetTarget, unit: WeightUnit): string {
  const reps = repsText(target.repsMin, target.repsMax);
  const load =
    target.weightKg !== null
      ? formatWeight(target.weightKg, unit)
      : target.percentOneRepMax !== null
        ? `${target.percentOneRepMax}%`
        : '';
  const effort = target.rpe !== null ? `RPE ${target.rpe}` : target.rir !== null ? `${target.rir} RIR` : '';
  const head = [reps && load ? `${reps} × ${load}` : reps || load].filter(Boolean).join('');
  return [head, effort].filter(Boolean).join(' @ ');
}

/** Last time's set, short: "100 kg × 5 @ 8". */
export function describeGhost(ghost: GhostSet, unit: WeightUnit): string {
  const weight = ghost.weightKg !== null ? formatWeight(ghost.weightKg, unit) : '';
  const reps = ghost.reps !== null ? String(ghost.reps) : '';
  const head = weight && reps ? `${weight} × ${reps}` : weight || (reps ? `${reps} reps` : '–');
  return ghost.rpe !== null ? `${head} @ ${ghost.rpe}` : head;
}

/** A duration as a clock: "1:05", "12:00", "1:02:03". */
export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** "1 h 5 min", "42 min". */
export function formatDuration(totalSeconds: number): string {
  const minutes = Math.max(0, Math.round(totalSeconds / 60));
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? `${hours} h ${minutes % 60} min` : `${minutes} min`;
}

interface EntryRows {
  entryId: string;
  supersetGroup: string | null;
  rows: readonly { key: string; done: boolean }[];
}

/**
 * Where focus goes after a set is logged: in a superset, the next exercise of the group that still
 * has a set to do (the lifter alternates); otherwise the next set to do in this exercise, then in
 * the exercises after it. Null when every set is done.
 */
export function nextRowToDo(entries: readonly EntryRows[], fromKey: string): string | null {
  const entryIndex = entries.findIndex((entry) => entry.rows.some((row) => row.key === fromKey));
  if (entryIndex < 0) return null;
  const current = entries[entryIndex]!;
  const firstToDo = (entry: EntryRows) =>
    entry.rows.find((row) => !row.done && row.key !== fromKey)?.key ?? null;
  if (current.supersetGroup !== null) {
    const group = entries.filter((entry) => entry.supersetGroup === current.supersetGroup);
    const at = group.indexOf(current);
    for (let step = 1; step <= group.length; step += 1) {
      const key = firstToDo(group[(at + step) % group.length]!);
      if (key) return key;
    }
  } else {
    const fromIndex = current.rows.findIndex((row) => row.key === fromKey);
    const later = current.rows.slice(fromIndex + 1).find((row) => !row.done);
    if (later) return later.key;
    const key = firstToDo(current);
    if (key) return key;
  }
  for (let step = 1; step < entries.length; step += 1) {
    const key = firstToDo(entries[(entryIndex + step) % entries.length]!);
    if (key) return key;
  }
  return null;
}
