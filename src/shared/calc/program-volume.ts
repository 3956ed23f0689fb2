/**
 * A program's planned volume and intensity week by week, for the builder's preview charts: the
 * volume wave of a mesocycle. Everything comes from the effective prescriptions (template, day
 * overrides, week modifiers: resolvePrescription), so the charts move with every generator and edit.
 */
import type { Muscle } from '../domain/exercise';
import type { ParsedProgramDocument, Phase } from '../domain/program';
import type { ResolvedPrescription } from '../domain/prescription';
import type { TemplateExercise } from '../domain/template';
import { orderedExercises, weekModifiersOf, type TemplatesById } from './periodization-core';
import { resolvePrescription } from './prescription';

interface WeekHeading {
  weekId: string;
  weekNumber: number;
  phase: Phase | null;
  deload: boolean;
}

export interface WeekMuscleSets extends WeekHeading {
  /**
   * Planned working sets per muscle. A set counts once for each of the exercise's primary
   * muscles and half for each secondary one: the usual convention for weekly sets per muscle,
   * since a secondary mover gets a real but smaller training effect (rows for the biceps).
   * Muscles with no sets are left out.
   */
  setsByMuscle: Partial<Record<Muscle, number>>;
  /** Working sets in the week, all exercises (warm-up rows left out). */
  workingSets: number;
}

export interface WeekIntensity extends WeekHeading {
  /** Set-weighted average %1RM over the working sets prescribed by %1RM; null when none are. */
  averagePercentOneRepMax: number | null;
  /** Set-weighted average RPE over working sets with an RPE or RIR (RIR r counts as RPE 10 − r); null when none. */
  averageRpe: number | null;
}

/** One planned working set's load and effort, as far as the prescription says them. */
interface PlannedSet {
  percentOneRepMax: number | null;
  rpe: number | null;
}

const rpeOf = (values: { rpe: number | null; rir: number | null }) =>
  values.rpe ?? (values.rir === null ? null : 10 - values.rir);

/** The working sets of a resolved prescription: its set rows without the warm-ups, or `sets` identical sets. */
export function plannedWorkingSets(p: ResolvedPrescription): PlannedSet[] {
  if (p.setDetails) {
    return p.setDetails
      .filter((row) => row.setType !== 'warmup')
      .map((row) => ({ percentOneRepMax: row.percentOneRepMax, rpe: rpeOf(row) }));
  }
  return Array.from({ length: p.sets }, () => ({ percentOneRepMax: p.percentOneRepMax, rpe: rpeOf(p) }));
}

/** Calls `visit` for every exercise of every workout day, with its effective prescription. */
function forEachPlannedExercise(
  document: ParsedProgramDocument,
  templates: TemplatesById,
  visit: (weekIndex: number, exercise: TemplateExercise, resolved: ResolvedPrescription) => void,
) {
  document.weeks.forEach((week, weekIndex) => {
    const modifiers = weekModifiersOf(week);
    for (const day of week.days) {
      const dayTemplate = day.templateId === null ? undefined : templates[day.templateId];
      if (!dayTemplate) continue;
      for (const exercise of orderedExercises(dayTemplate)) {
        visit(weekIndex, exercise, resolvePrescription(exercise, day.overrides[exercise.id], modifiers));
      }
    }
  });
}

const headingOf = (week: ParsedProgramDocument['weeks'][number], weekIndex: number): WeekHeading => ({
  weekId: week.id,
  weekNumber: weekIndex + 1,
  phase: week.phase,
  deload: week.deload,
});

export function weeklySetsByMuscle(
  document: ParsedProgramDocument,
  templates: TemplatesById,
): WeekMuscleSets[] {
  const weeks: WeekMuscleSets[] = document.weeks.map((week, weekIndex) => ({
    ...headingOf(week, weekIndex),
    setsByMuscle: {},
    workingSets: 0,
  }));
  forEachPlannedExercise(document, templates, (weekIndex, exercise, resolved) => {
    const week = weeks[weekIndex]!;
    const sets = plannedWorkingSets(resolved).length;
    week.workingSets += sets;
    const add = (muscle: Muscle, amount: number) => {
      if (amount > 0) week.setsByMuscle[muscle] = (week.setsByMuscle[muscle] ?? 0) + amount;
    };
    for (const muscle of exercise.primaryMuscles) add(muscle, sets);
    for (const muscle of exercise.secondaryMuscles) add(muscle, sets / 2);
  });
  return weeks;
}

/** Total planned working sets per week (warm-up rows left out), week 1 first. */
export function workingSetsByWeek(document: ParsedProgramDocument, templates: TemplatesById): number[] {
  return weeklySetsByMuscle(document, templates).map((week) => week.workingSets);
}

/** The muscles a program trains, most planned sets over all weeks first (the charts' series order). */
export function musclesByTotalSets(weeks: readonly WeekMuscleSets[]): Muscle[] {
  const totals = new Map<Muscle, number>();
  for (const week of weeks) {
    for (const [muscle, sets] of Object.entries(week.setsByMuscle) as [Muscle, number][]) {
      totals.set(muscle, (totals.get(muscle) ?? 0) + sets);
    }
  }
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([muscle]) => muscle);
}

/** Averages to one decimal: what a chart's axis and tooltip show. */
const averageOf = (sum: number, count: number) => (count === 0 ? null : Math.round((sum / count) * 10) / 10);

export function averageIntensityByWeek(
  document: ParsedProgramDocument,
  templates: TemplatesById,
): WeekIntensity[] {
  const sums = document.weeks.map(() => ({ percent: 0, percentSets: 0, rpe: 0, rpeSets: 0 }));
  forEachPlannedExercise(document, templates, (weekIndex, _exercise, resolved) => {
    const sum = sums[weekIndex]!;
    for (const set of plannedWorkingSets(resolved)) {
      if (set.percentOneRepMax !== null) {
        sum.percent += set.percentOneRepMax;
        sum.percentSets += 1;
      }
      if (set.rpe !== null) {
        sum.rpe += set.rpe;
        sum.rpeSets += 1;
      }
    }
  });
  return document.weeks.map((week, weekIndex) => {
    const sum = sums[weekIndex]!;
    return {
      ...headingOf(week, weekIndex),
      averagePercentOneRepMax: averageOf(sum.percent, sum.percentSets),
      averageRpe: averageOf(sum.rpe, sum.rpeSets),
    };
  });
}
