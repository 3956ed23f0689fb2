/**
 * Personal records from logged sets, computed from scratch: the backend keeps them incrementally
 * (workout-records.ts) and its property test checks it against this. Records count completed sets
 * that are not warm-ups, with weight > 0 and reps ≥ 1:
 * - 'e1rm': the best Epley e1RM (sets of up to 12 reps), reps 0;
 * - 'weight': the heaviest weight for exactly N reps, N from 1 to 20, reps N;
 * - 'volume': the best session volume (Σ weight × reps of those sets), reps 0, no set; its time is
 *   the latest of that session's counted sets (the volume was reached with the last one).
 * Ties go to the earliest (achievedAt, then setId; sessionId for volume).
 */
import { estimateOneRepMax } from './e1rm';
import type { LoggedSet } from './volume';

export type RecordKind = 'e1rm' | 'weight' | 'volume';

export interface RecordSet {
  setId: string;
  sessionId: string;
  achievedAt: string;
  setType: LoggedSet['setType'];
  weightKg: number | null;
  reps: number | null;
  completed: boolean;
}

export interface PersonalRecord {
  kind: RecordKind;
  /** 0 for 'e1rm' and 'volume'; the rep count (1..20) for 'weight'. */
  reps: number;
  valueKg: number;
  weightKg: number | null;
  repsDone: number | null;
  setId: string | null;
  sessionId: string;
  achievedAt: string;
}

/** Weight records are kept for 1 to this many reps. */
export const WEIGHT_RECORD_MAX_REPS = 20;

type CountedSet = RecordSet & { weightKg: number; reps: number };

export function countsForRecords(set: RecordSet): set is CountedSet {
  return (
    set.completed &&
    set.setType !== 'warmup' &&
    set.weightKg !== null &&
    set.weightKg > 0 &&
    set.reps !== null &&
    Number.isInteger(set.reps) &&
    set.reps >= 1
  );
}

export function recordsFromSets(sets: readonly RecordSet[]): PersonalRecord[] {
  const counted = sets.filter(countsForRecords);
  let e1rm: PersonalRecord | null = null;
  const weight = new Map<number, PersonalRecord>();
  const sessions = new Map<string, CountedSet[]>();

  for (const set of counted) {
    const estimate = estimateOneRepMax(set.weightKg, set.reps);
    if (estimate !== null) e1rm = better(e1rm, fromSet('e1rm', 0, estimate, set));
    if (set.reps <= WEIGHT_RECORD_MAX_REPS) {
      weight.set(
        set.reps,
        better(weight.get(set.reps) ?? null, fromSet('weight', set.reps, set.weightKg, set)),
      );
    }
    sessions.set(set.sessionId, [...(sessions.get(set.sessionId) ?? []), set]);
  }

  let volume: PersonalRecord | null = null;
  for (const [sessionId, sessionSets] of sessions) {
    // Summed in set order so that the total, and so ties, do not depend on the input's order.
    const ordered = [...sessionSets].sort((a, b) => compareText(a.setId, b.setId));
    const valueKg = ordered.reduce((sum, set) => sum + set.weightKg * set.reps, 0);
    const achievedAt = ordered
      .map((set) => set.achievedAt)
      .reduce((a, b) => (compareTime(a, b) >= 0 ? a : b));
    volume = better(volume, {
      kind: 'volume',
      reps: 0,
      valueKg,
      weightKg: null,
      repsDone: null,
      setId: null,
      sessionId,
      achievedAt,
    });
  }

  const weightRecords = [...weight.values()].sort((a, b) => a.reps - b.reps);
  return [...(e1rm ? [e1rm] : []), ...weightRecords, ...(volume ? [volume] : [])];
}

function fromSet(kind: RecordKind, reps: number, valueKg: number, set: CountedSet): PersonalRecord {
  return {
    kind,
    reps,
    valueKg,
    weightKg: set.weightKg,
    repsDone: set.reps,
    setId: set.setId,
    sessionId: set.sessionId,
    achievedAt: set.achievedAt,
  };
}

/** The higher value; on a tie the earlier one (achievedAt, then setId, then sessionId). */
function better(current: PersonalRecord | null, candidate: PersonalRecord): PersonalRecord {
  if (current === null || candidate.valueKg > current.valueKg) return candidate;
  if (candidate.valueKg < current.valueKg) return current;
  const order =
    compareTime(candidate.achievedAt, current.achievedAt) ||
    compareText(candidate.setId ?? '', current.setId ?? '') ||
    compareText(candidate.sessionId, current.sessionId);
  return order < 0 ? candidate : current;
}

/** ISO timestamps by instant ("…Z" and "…+00:00" alike), then as text. */
function compareTime(a: string, b: string): number {
  const difference = Date.parse(a) - Date.parse(b);
  return Number.isNaN(difference) || difference === 0 ? compareText(a, b) : Math.sign(difference);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
