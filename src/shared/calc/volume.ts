/**
 * Training volume (tonnage): Σ weight × reps of the sets that count, the completed sets that are
 * not warm-ups. Drop sets and sets to failure are work and count.
 */
export interface LoggedSet {
  setType: 'warmup' | 'working' | 'drop' | 'failure';
  weightKg: number | null;
  reps: number | null;
  rpe?: number | null;
  completed: boolean;
}

/** Weight × reps of one set, whatever its type; 0 when either is missing or not positive. */
export function setVolumeKg(set: LoggedSet): number {
  const { weightKg, reps } = set;
  if (weightKg === null || reps === null || !(weightKg > 0) || !(reps > 0)) return 0;
  return weightKg * reps;
}

/** Completed and not a warm-up. */
export function countsForVolume(set: LoggedSet): boolean {
  return set.completed && set.setType !== 'warmup';
}

export function sessionVolumeKg(sets: readonly LoggedSet[]): number {
  let volumeKg = 0;
  for (const set of sets) if (countsForVolume(set)) volumeKg += setVolumeKg(set);
  return volumeKg;
}
