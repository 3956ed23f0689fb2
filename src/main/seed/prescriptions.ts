/**
 * What a seeded session's exercises were prescribed: the app freezes a ResolvedPrescription on each
 * exercise of a workout started from the calendar, so the seeded ones carry one too.
 *
 * The generator trains each block's phase (sets, reps, reps in reserve from PHASES), so the
 * prescription is that phase's, written the way the templates express intensity: a percentage of
 * 1RM for main lifts, an RPE for secondary ones, reps in reserve for accessories.
 */
import type { ResolvedPrescription } from '../../shared/domain/prescription';
import { csvText } from './copy';
import { LIFTS, PHASES, type Lift, type LiftKey, type Phase } from './plans';
import { type CoachLibrary, REST_SECONDS, type SeededTemplate } from './setup';

export function workingSetCount(phase: Phase, lift: Lift): number {
  const sets = PHASES[phase].sets;
  return lift.role === 'main' ? sets : Math.max(3, sets - 1);
}

/** Reps in reserve a week asks for: later weeks of a phase push a little harder, deloads do not. */
export function repsInReserve(phase: Phase, weekInPhase: number): number {
  const scheme = PHASES[phase];
  return phase === 'Deload' ? scheme.repsInReserve : Math.max(0.5, scheme.repsInReserve - 0.5 * weekInPhase);
}

/** Share of the coach's 1RM estimate for `reps` with `reserve` left (Epley), lighter in a deload. */
export function loadFraction(phase: Phase, reps: number, reserve: number): number {
  return (1 / (1 + (reps + reserve) / 30)) * (phase === 'Deload' ? 0.88 : 1);
}

export function prescriptionFor(
  library: CoachLibrary,
  template: SeededTemplate,
  liftKey: LiftKey,
  phase: Phase,
  weekInPhase: number,
): ResolvedPrescription | null {
  const templateExerciseId = template.templateExerciseIds.get(liftKey);
  if (!templateExerciseId) return null; // a finisher added on the day
  const lift = LIFTS[liftKey];
  const [repsMin, repsMax] = lift.role === 'main' ? PHASES[phase].mainReps : PHASES[phase].otherReps;
  const reserve = repsInReserve(phase, weekInPhase);
  const exercise = library.exercises[liftKey];
  return {
    templateExerciseId,
    exerciseId: library.exerciseIds[liftKey],
    exerciseName: exercise.name,
    primaryMuscles: exercise.primaryMuscles,
    supersetGroup: template.supersetGroups.get(liftKey) ?? null,
    sets: workingSetCount(phase, lift),
    repsMin,
    repsMax,
    percentOneRepMax:
      lift.role === 'main' ? Math.round(loadFraction(phase, repsMax, reserve) * 200) / 2 : null,
    loadKg: null,
    rpe: lift.role === 'secondary' ? Math.min(10, Math.max(6, Math.round((10 - reserve) * 2) / 2)) : null,
    rir: lift.role === 'accessory' ? Math.round(reserve) : null,
    restSeconds: REST_SECONDS[lift.role],
    tempo: null,
    notes: '',
    setDetails: null,
  };
}

/**
 * The exercise_entry columns rest_seconds and prescription as CSV (both empty for an exercise the
 * template does not have), cached: a template's lift in a given week is written thousands of times.
 */
export class EntryPrescriptions {
  private readonly cache = new Map<string, string>();

  constructor(private readonly library: CoachLibrary) {}

  csv(template: SeededTemplate, liftKey: LiftKey, phase: Phase, weekInPhase: number): string {
    const key = `${template.id}|${liftKey}|${phase}|${weekInPhase}`;
    let fields = this.cache.get(key);
    if (fields === undefined) {
      const prescription = prescriptionFor(this.library, template, liftKey, phase, weekInPhase);
      fields = prescription ? `${prescription.restSeconds},${csvText(JSON.stringify(prescription))}` : ',';
      this.cache.set(key, fields);
    }
    return fields;
  }
}
