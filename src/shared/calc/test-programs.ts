/**
 * Test support for the calc tests: small hand-made templates and programs with readable
 * defaults. Ids are valid UUIDs (programDocument checks them) made from a counter.
 */
import type { ParsedProgramDocument } from '../domain/program';
import type { TemplateExercise } from '../domain/template';
import type { GeneratorPreview, PrescriptionPreview, ProgramTemplate } from './periodization-core';

/** A UUIDv7-shaped id from a number: stable and readable in a failing test. */
export function testId(n: number): string {
  return `00000000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
}

let nextId = 1;
/** A fresh id for fixtures (a different range from `testId` numbers written by hand). */
export function freshId(): string {
  nextId += 1;
  return testId(0x100000 + nextId);
}

export function exercise(fields: Partial<TemplateExercise> & { exerciseName: string }): TemplateExercise {
  return {
    id: freshId(),
    exerciseId: freshId(),
    primaryMuscles: [],
    secondaryMuscles: [],
    equipment: null,
    position: 0,
    supersetGroup: null,
    sets: 3,
    repsMin: null,
    repsMax: null,
    percentOneRepMax: null,
    loadKg: null,
    rpe: null,
    rir: null,
    restSeconds: null,
    tempo: null,
    notes: '',
    setDetails: null,
    ...fields,
  };
}

export function template(name: string, exercises: TemplateExercise[]): ProgramTemplate {
  return { id: freshId(), name, exercises: exercises.map((item, position) => ({ ...item, position })) };
}

type WeekFields = Partial<Omit<ParsedProgramDocument['weeks'][number], 'id' | 'days'>>;

/**
 * A program whose weeks all hold the same days: `days[k]` is the template of slot k (null for
 * rest). `weekFields[n - 1]` changes week n (a deload, a phase, modifiers).
 */
export function program(options: {
  weeks: number;
  days: (ProgramTemplate | null)[];
  weekFields?: Record<number, WeekFields>;
}): ParsedProgramDocument {
  return {
    name: 'Test program',
    description: '',
    daysPerWeek: options.days.length,
    shiftOnMissed: false,
    weeks: Array.from({ length: options.weeks }, (_, weekIndex) => ({
      id: freshId(),
      phase: null,
      deload: false,
      volumeFactor: 1,
      intensityDeltaPercent: 0,
      rpeDelta: 0,
      ...options.weekFields?.[weekIndex + 1],
      days: options.days.map((slotTemplate, dayIndex) => ({
        id: freshId(),
        dayIndex,
        templateId: slotTemplate?.id ?? null,
        overrides: {},
      })),
    })),
  };
}

export function byId(templates: ProgramTemplate[]): Record<string, ProgramTemplate> {
  return Object.fromEntries(templates.map((item) => [item.id, item]));
}

/** Every value in the document frozen, so a generator that writes into its input throws. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** Week by week, one exercise's prescription after (or before) a generator, on one day slot. */
export function weekByWeek(
  preview: GeneratorPreview,
  exerciseName: string,
  options: { dayIndex?: number; side?: 'before' | 'after' } = {},
): PrescriptionPreview[] {
  return preview.weeks.map((week) => {
    const day = week.days.find((item) => item.dayIndex === (options.dayIndex ?? 0));
    const found = day?.exercises.find((item) => item.exerciseName === exerciseName);
    if (!found)
      throw new Error(`${exerciseName} is not on day ${options.dayIndex ?? 0} of week ${week.weekNumber}`);
    return found[options.side ?? 'after'];
  });
}

/** The text form of `weekByWeek`: ["5 × 5 @ 100 kg", "5 × 5 @ 102.5 kg", …]. */
export function textsByWeek(
  preview: GeneratorPreview,
  exerciseName: string,
  options: { dayIndex?: number; side?: 'before' | 'after' } = {},
): string[] {
  return weekByWeek(preview, exerciseName, options).map((item) => item.text);
}
