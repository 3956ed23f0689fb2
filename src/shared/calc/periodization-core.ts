/**
 * The common ground of the periodization generators (periodization.ts): copying a program
 * document without touching the original, rewriting per-day overrides field by field, counting
 * progression steps around deload weeks, and the before/after preview the builder shows before
 * a generator is applied.
 */
import { PHASE_LABELS, type ParsedProgramDocument, type Phase } from '../domain/program';
import type { PrescriptionOverride, ResolvedPrescription } from '../domain/prescription';
import type { TemplateDetail, TemplateExercise } from '../domain/template';
import { describeSetsAndReps, resolvePrescription, type WeekModifiers } from './prescription';

/** What the generators need of a template: its exercises (and a name for the preview). */
export type ProgramTemplate = Pick<TemplateDetail, 'id' | 'name' | 'exercises'>;
/** The program's templates by id (`ProgramDetail.templates` through `templatesById`). */
export type TemplatesById = Readonly<Record<string, ProgramTemplate>>;
export type ProgramWeekDocument = ParsedProgramDocument['weeks'][number];
export type ProgramDayDocument = ProgramWeekDocument['days'][number];
export type OverrideField = keyof PrescriptionOverride;

export const GENERATOR_IDS = ['linear', 'doubleProgression', 'dailyUndulating', 'block', 'deload'] as const;
export type GeneratorId = (typeof GENERATOR_IDS)[number];

export function templatesById(templates: readonly ProgramTemplate[]): Record<string, ProgramTemplate> {
  return Object.fromEntries(templates.map((item) => [item.id, item]));
}

export function weekModifiersOf(week: ProgramWeekDocument): WeekModifiers {
  return {
    volumeFactor: week.volumeFactor,
    intensityDeltaPercent: week.intensityDeltaPercent,
    rpeDelta: week.rpeDelta,
  };
}

/** A deep copy: the generators build their result on it and never write into their input. */
export function copyDocument(document: ParsedProgramDocument): ParsedProgramDocument {
  return {
    ...document,
    weeks: document.weeks.map((week) => ({
      ...week,
      days: week.days.map((day) => ({
        ...day,
        overrides: Object.fromEntries(
          Object.entries(day.overrides).map(([exerciseId, override]) => [exerciseId, { ...override }]),
        ),
      })),
    })),
  };
}

/** A template's exercises in their order on the card. */
export function orderedExercises(template: ProgramTemplate): TemplateExercise[] {
  return [...template.exercises].sort((a, b) => a.position - b.position);
}

/**
 * How far each week is into the progression: the number of training weeks before it. Deload
 * weeks do not count, so the week after a deload takes the next step rather than skipping one
 * (weeks 1, 2, 3, deload, 5 → steps 0, 1, 2, –, 3). A deload week's own entry is 0: it goes
 * back to week 1's prescription, and its week modifiers lighten that further.
 */
export function progressionSteps(weeks: readonly { deload: boolean }[]): number[] {
  let trainingWeeksBefore = 0;
  return weeks.map((week) => {
    if (week.deload) return 0;
    trainingWeeksBefore += 1;
    return trainingWeeksBefore - 1;
  });
}

export interface ExerciseSlot {
  /** 0-based position of the week (week number − 1). */
  weekIndex: number;
  week: ProgramWeekDocument;
  day: ProgramDayDocument;
  exercise: TemplateExercise;
}

/** A generator's change to one exercise on one day. */
export interface OverrideEdit {
  /** The fields the generator owns: earlier overrides of these are dropped (week 1's base). */
  fields: readonly OverrideField[];
  /** The new values; a value equal to the template's is left out (the template already says it). */
  values: PrescriptionOverride;
}

/**
 * A copy of the document where `edit` decides, exercise by exercise and day by day, which
 * override fields to replace; null leaves that exercise's override as it was. Overrides of
 * fields the generator does not own are kept; an override left empty is removed.
 */
export function rewriteOverrides(
  document: ParsedProgramDocument,
  templates: TemplatesById,
  edit: (slot: ExerciseSlot) => OverrideEdit | null,
): ParsedProgramDocument {
  const next = copyDocument(document);
  next.weeks.forEach((week, weekIndex) => {
    for (const day of week.days) {
      const dayTemplate = day.templateId === null ? undefined : templates[day.templateId];
      if (!dayTemplate) continue;
      for (const exercise of orderedExercises(dayTemplate)) {
        const change = edit({ weekIndex, week, day, exercise });
        if (!change) continue;
        const override: Record<string, unknown> = { ...day.overrides[exercise.id] };
        for (const field of change.fields) delete override[field];
        for (const [field, value] of Object.entries(change.values)) {
          if (value === undefined) continue;
          if (value === exercise[field as OverrideField]) delete override[field];
          else override[field] = value;
        }
        if (Object.keys(override).length === 0) delete day.overrides[exercise.id];
        else day.overrides[exercise.id] = override as PrescriptionOverride;
      }
    }
  });
  return next;
}

/** Hundredths: enough for a load typed in pounds, and no floating-point dust (62.50000001). */
export function roundHundredths(value: number): number {
  return Math.round(value * 100) / 100;
}

// ---- The preview ---------------------------------------------------------------------------

/** One prescription as numbers (loads in kg: the UI converts) and as a short line of text. */
export interface PrescriptionPreview {
  sets: number;
  repsMin: number | null;
  repsMax: number | null;
  percentOneRepMax: number | null;
  loadKg: number | null;
  rpe: number | null;
  rir: number | null;
  /** The set rows when the exercise is prescribed set by set (top set, back-offs…), else null. */
  setDetails: ResolvedPrescription['setDetails'];
  /** "5 × 5 @ 77.5% · RPE 8", "3 × 8–12 @ 60 kg · RIR 2" (kg); set rows grouped when they differ. */
  text: string;
}

export interface ExercisePreview {
  templateExerciseId: string;
  exerciseId: string;
  exerciseName: string;
  before: PrescriptionPreview;
  after: PrescriptionPreview;
  changed: boolean;
}

export interface DayPreview {
  dayId: string;
  dayIndex: number;
  templateId: string;
  templateName: string;
  exercises: ExercisePreview[];
}

export interface WeekSettings {
  phase: Phase | null;
  /** "Accumulation" …, or null where the week has no phase. */
  phaseLabel: string | null;
  deload: boolean;
  volumeFactor: number;
  intensityDeltaPercent: number;
  rpeDelta: number;
}

export interface WeekPreview {
  weekId: string;
  weekNumber: number;
  before: WeekSettings;
  after: WeekSettings;
  /** The week's own settings changed (phase, deload, modifiers). */
  weekChanged: boolean;
  /** Workout days in slot order (rest days left out). */
  days: DayPreview[];
}

export interface GeneratorPreview {
  generatorId: GeneratorId;
  weeks: WeekPreview[];
  /** Exercise-days whose effective prescription changes. */
  changedPrescriptions: number;
  /** Weeks whose own settings change. */
  changedWeeks: number;
  /** Plain-language notes: exercises left alone and why, values capped at a limit. */
  notes: string[];
}

export interface GeneratorResult {
  /** A new document; the one passed in is untouched (the builder keeps it for undo). */
  document: ParsedProgramDocument;
  preview: GeneratorPreview;
}

const formatNumber = (value: number) => String(roundHundredths(value));

type LoadAndEffort = Pick<ResolvedPrescription, 'percentOneRepMax' | 'loadKg' | 'rpe' | 'rir'>;

function describeLoadAndEffort(p: LoadAndEffort): string {
  let text = '';
  if (p.percentOneRepMax !== null) text += ` @ ${formatNumber(p.percentOneRepMax)}%`;
  else if (p.loadKg !== null) text += ` @ ${formatNumber(p.loadKg)} kg`;
  if (p.rpe !== null) text += ` · RPE ${formatNumber(p.rpe)}`;
  else if (p.rir !== null) text += ` · RIR ${p.rir}`;
  return text;
}

type SetRow = NonNullable<ResolvedPrescription['setDetails']>[number];

/** Set rows with runs of identical rows grouped: "1 × 3 @ 90% · RPE 9, 2 × 5 @ 75%". */
function describeSetRows(rows: readonly SetRow[]): string {
  const groups: { row: SetRow; count: number }[] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last && JSON.stringify(last.row) === JSON.stringify(row)) last.count += 1;
    else groups.push({ row, count: 1 });
  }
  return groups
    .map(({ row, count }) => {
      const kind = row.setType === 'working' ? '' : row.setType === 'warmup' ? ' warm-up' : ` ${row.setType}`;
      return describeSetsAndReps({ ...row, sets: count }) + describeLoadAndEffort(row) + kind;
    })
    .join(', ');
}

/** "5 × 5 @ 77.5% · RPE 8": the work, the load, the effort; each group of set rows when given. */
export function describePrescription(
  p: Pick<
    ResolvedPrescription,
    'sets' | 'repsMin' | 'repsMax' | 'percentOneRepMax' | 'loadKg' | 'rpe' | 'rir' | 'setDetails'
  >,
): string {
  if (p.setDetails && p.setDetails.length > 0) return describeSetRows(p.setDetails);
  return describeSetsAndReps(p) + describeLoadAndEffort(p);
}

function toPreview(p: ResolvedPrescription): PrescriptionPreview {
  return {
    sets: p.sets,
    repsMin: p.repsMin,
    repsMax: p.repsMax,
    percentOneRepMax: p.percentOneRepMax,
    loadKg: p.loadKg,
    rpe: p.rpe,
    rir: p.rir,
    setDetails: p.setDetails,
    text: describePrescription(p),
  };
}

function weekSettings(week: ProgramWeekDocument): WeekSettings {
  return {
    phase: week.phase,
    phaseLabel: week.phase === null ? null : PHASE_LABELS[week.phase],
    deload: week.deload,
    volumeFactor: week.volumeFactor,
    intensityDeltaPercent: week.intensityDeltaPercent,
    rpeDelta: week.rpeDelta,
  };
}

const sameSettings = (a: WeekSettings, b: WeekSettings) =>
  (Object.keys(a) as (keyof WeekSettings)[]).every((key) => a[key] === b[key]);

const PRESCRIPTION_FIELDS = [
  'sets',
  'repsMin',
  'repsMax',
  'percentOneRepMax',
  'loadKg',
  'rpe',
  'rir',
] as const;

/** Generators change only these fields (and set rows through the week); the rest is the template's. */
const samePrescription = (a: ResolvedPrescription, b: ResolvedPrescription) =>
  PRESCRIPTION_FIELDS.every((field) => a[field] === b[field]) &&
  (a.setDetails === null || JSON.stringify(a.setDetails) === JSON.stringify(b.setDetails));

/**
 * The table the builder shows before applying: every week's settings before and after, and
 * every exercise of every workout day with its effective prescription before and after.
 * Generators keep weeks and days, so they are matched by position and by id.
 */
export function buildPreview(
  generatorId: GeneratorId,
  before: ParsedProgramDocument,
  after: ParsedProgramDocument,
  templates: TemplatesById,
  notes: Iterable<string>,
): GeneratorPreview {
  let changedPrescriptions = 0;
  let changedWeeks = 0;
  const weeks = after.weeks.map((afterWeek, weekIndex): WeekPreview => {
    const beforeWeek = before.weeks[weekIndex] ?? afterWeek;
    const beforeDays = new Map(beforeWeek.days.map((day) => [day.id, day]));
    const days: DayPreview[] = [];
    for (const afterDay of [...afterWeek.days].sort((a, b) => a.dayIndex - b.dayIndex)) {
      const dayTemplate = afterDay.templateId === null ? undefined : templates[afterDay.templateId];
      if (!dayTemplate || afterDay.templateId === null) continue;
      const beforeDay = beforeDays.get(afterDay.id) ?? afterDay;
      const exercises = orderedExercises(dayTemplate).map((exercise): ExercisePreview => {
        const was = resolvePrescription(
          exercise,
          beforeDay.overrides[exercise.id],
          weekModifiersOf(beforeWeek),
        );
        const now = resolvePrescription(
          exercise,
          afterDay.overrides[exercise.id],
          weekModifiersOf(afterWeek),
        );
        const changed = !samePrescription(was, now);
        if (changed) changedPrescriptions += 1;
        return {
          templateExerciseId: exercise.id,
          exerciseId: exercise.exerciseId,
          exerciseName: exercise.exerciseName,
          before: toPreview(was),
          after: toPreview(now),
          changed,
        };
      });
      days.push({
        dayId: afterDay.id,
        dayIndex: afterDay.dayIndex,
        templateId: afterDay.templateId,
        templateName: dayTemplate.name,
        exercises,
      });
    }
    const settingsBefore = weekSettings(beforeWeek);
    const settingsAfter = weekSettings(afterWeek);
    const weekChanged = !sameSettings(settingsBefore, settingsAfter);
    if (weekChanged) changedWeeks += 1;
    return {
      weekId: afterWeek.id,
      weekNumber: weekIndex + 1,
      before: settingsBefore,
      after: settingsAfter,
      weekChanged,
      days,
    };
  });
  return { generatorId, weeks, changedPrescriptions, changedWeeks, notes: [...new Set(notes)] };
}

/** "weeks 4 and 8", "weeks 4, 8 and 12", "week 4". */
export function listWeeks(weekNumbers: readonly number[]): string {
  if (weekNumbers.length === 1) return `week ${weekNumbers[0]}`;
  return `weeks ${weekNumbers.slice(0, -1).join(', ')} and ${weekNumbers.at(-1)}`;
}
