/**
 * What one exercise asks for on one program day: the template's prescription, then the day's
 * overrides (what the generators wrote), then the week's modifiers (volume × factor, %1RM ±
 * points, RPE ± steps). Pure: the builder's cards, the preview and the schedule all use it.
 */
import type { PrescriptionOverride, ResolvedPrescription } from '../domain/prescription';
import type { TemplateExercise } from '../domain/template';

export interface WeekModifiers {
  volumeFactor: number;
  intensityDeltaPercent: number;
  rpeDelta: number;
}

export const NEUTRAL_WEEK: WeekModifiers = { volumeFactor: 1, intensityDeltaPercent: 0, rpeDelta: 0 };

/** Loads are rounded to the half kilogram a gym can load (fractional plates aside). */
export const LOAD_ROUNDING_KG = 0.5;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
const roundTo = (value: number, step: number) => Math.round(value / step) * step;
/** Half-step RPE changes move RIR by whole reps; a half rounds toward no change, either way. */
const roundHalfTowardZero = (value: number) => Math.sign(value) * Math.ceil(Math.abs(value) - 0.5);

interface LoadValues {
  repsMin: number | null;
  repsMax: number | null;
  percentOneRepMax: number | null;
  loadKg: number | null;
  rpe: number | null;
  rir: number | null;
}

function applyOverride<T extends LoadValues & { sets?: number }>(
  base: T,
  override?: PrescriptionOverride,
): T {
  if (!override) return base;
  const next = { ...base };
  for (const key of ['sets', 'repsMin', 'repsMax', 'percentOneRepMax', 'loadKg', 'rpe', 'rir'] as const) {
    if (override[key] !== undefined && (key !== 'sets' || 'sets' in base)) {
      (next as Record<string, unknown>)[key] = override[key];
    }
  }
  // A load given one way clears the other way (an override of %1RM on a fixed-load exercise).
  if (override.percentOneRepMax != null && override.loadKg === undefined) next.loadKg = null;
  if (override.loadKg != null && override.percentOneRepMax === undefined) next.percentOneRepMax = null;
  if (override.rpe != null && override.rir === undefined) next.rir = null;
  if (override.rir != null && override.rpe === undefined) next.rpe = null;
  return next;
}

/** A week's intensity and effort modifiers on one set's values. */
export function modifyLoad<T extends LoadValues>(values: T, week: WeekModifiers): T {
  const delta = week.intensityDeltaPercent;
  return {
    ...values,
    percentOneRepMax:
      values.percentOneRepMax === null || delta === 0
        ? values.percentOneRepMax
        : clamp(roundTo(values.percentOneRepMax + delta, 0.5), 1, 100),
    loadKg:
      values.loadKg === null || delta === 0
        ? values.loadKg
        : clamp(roundTo(values.loadKg * (1 + delta / 100), LOAD_ROUNDING_KG), 0, 1000),
    rpe: values.rpe === null ? null : clamp(roundTo(values.rpe + week.rpeDelta, 0.5), 1, 10),
    rir: values.rir === null ? null : clamp(values.rir - roundHalfTowardZero(week.rpeDelta), 0, 10),
  };
}

/** Sets × the week's volume factor, rounded, never below one. */
export function scaleSets(sets: number, volumeFactor: number): number {
  return Math.max(1, Math.round(sets * volumeFactor));
}

export function resolvePrescription(
  exercise: TemplateExercise,
  override: PrescriptionOverride | undefined,
  week: WeekModifiers = NEUTRAL_WEEK,
): ResolvedPrescription {
  const base = applyOverride(
    {
      sets: exercise.sets,
      repsMin: exercise.repsMin,
      repsMax: exercise.repsMax,
      percentOneRepMax: exercise.percentOneRepMax,
      loadKg: exercise.loadKg,
      rpe: exercise.rpe,
      rir: exercise.rir,
    },
    override,
  );
  const modified = modifyLoad(base, week);

  let setDetails: ResolvedPrescription['setDetails'] = null;
  let sets = scaleSets(base.sets, week.volumeFactor);
  if (exercise.setDetails && exercise.setDetails.length > 0) {
    const rows = exercise.setDetails.map((row) => modifyLoad(row, week));
    // Fewer sets drop back-off rows from the end (the top set stays); more repeat the last one.
    sets = scaleSets(rows.length, week.volumeFactor);
    setDetails = Array.from({ length: sets }, (_, index) => ({ ...rows[Math.min(index, rows.length - 1)]! }));
  }

  return {
    templateExerciseId: exercise.id,
    exerciseId: exercise.exerciseId,
    exerciseName: exercise.exerciseName,
    primaryMuscles: exercise.primaryMuscles,
    supersetGroup: exercise.supersetGroup,
    sets,
    repsMin: modified.repsMin,
    repsMax: modified.repsMax,
    percentOneRepMax: modified.percentOneRepMax,
    loadKg: modified.loadKg,
    rpe: modified.rpe,
    rir: modified.rir,
    restSeconds: exercise.restSeconds,
    tempo: exercise.tempo,
    notes: exercise.notes,
    setDetails,
  };
}

/** Every exercise of a template on one day, in order. */
export function resolveTemplate(
  exercises: readonly TemplateExercise[],
  overrides: Readonly<Record<string, PrescriptionOverride>> | undefined,
  week: WeekModifiers = NEUTRAL_WEEK,
): ResolvedPrescription[] {
  return [...exercises]
    .sort((a, b) => a.position - b.position)
    .map((exercise) => resolvePrescription(exercise, overrides?.[exercise.id], week));
}

/** "5 × 5", "3 × 8–12", "4 sets" — the shape of the work. */
export function describeSetsAndReps(p: Pick<ResolvedPrescription, 'sets' | 'repsMin' | 'repsMax'>): string {
  if (p.repsMin === null) return `${p.sets} ${p.sets === 1 ? 'set' : 'sets'}`;
  const reps = p.repsMax !== null && p.repsMax !== p.repsMin ? `${p.repsMin}–${p.repsMax}` : `${p.repsMin}`;
  return `${p.sets} × ${reps}`;
}
