/**
 * The program builder's operations on a program document (src/shared/domain/program.ts): each
 * takes a document and returns a new one, never changing its input, so the builder can keep the
 * document before and after for undo and replay an operation on a fresher copy after a conflict.
 *
 * Days are addressed by slot ({ weekId, dayIndex }) rather than by position, so an operation
 * recorded against one revision still means the same thing on the next. New weeks and days get
 * ids from the `makeId` the caller passes (UUIDv7 in the app, a counter in tests).
 *
 * An operation that cannot be done (a 53rd week, a week that is gone) throws `ProgramOpError`
 * with a sentence for the coach; the document is then left as it was.
 */
import type { ParsedProgramDocument, Phase, ProgramDetail, ProgramWeek } from '../domain/program';
import { PROGRAM_LIMITS } from '../domain/program';
import type { PrescriptionOverride } from '../domain/prescription';

export type ProgramDoc = ParsedProgramDocument;
export type WeekDoc = ProgramDoc['weeks'][number];
export type DayDoc = WeekDoc['days'][number];
export type MakeId = () => string;

/** A training-day slot: the week (by id) and the slot in it (0 = the week's first training day). */
export interface SlotRef {
  weekId: string;
  dayIndex: number;
}

export type WeekFields = Partial<
  Pick<WeekDoc, 'phase' | 'deload' | 'volumeFactor' | 'intensityDeltaPercent' | 'rpeDelta'>
>;

export class ProgramOpError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProgramOpError';
  }
}

/** The builder's document from what `programs.get` returns. */
export function toDocument(
  detail: Pick<ProgramDetail, 'name' | 'description' | 'daysPerWeek' | 'shiftOnMissed' | 'weeks'>,
): ProgramDoc {
  return {
    name: detail.name,
    description: detail.description,
    daysPerWeek: detail.daysPerWeek,
    shiftOnMissed: detail.shiftOnMissed,
    weeks: detail.weeks.map((week: ProgramWeek) => ({
      id: week.id,
      phase: week.phase,
      deload: week.deload,
      volumeFactor: week.volumeFactor,
      intensityDeltaPercent: week.intensityDeltaPercent,
      rpeDelta: week.rpeDelta,
      days: [...week.days]
        .sort((a, b) => a.dayIndex - b.dayIndex)
        .map((day) => ({
          id: day.id,
          dayIndex: day.dayIndex,
          templateId: day.templateId,
          overrides: cloneOverrides(day.overrides),
        })),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Reading

export function weekIndexOf(doc: ProgramDoc, weekId: string): number {
  const index = doc.weeks.findIndex((week) => week.id === weekId);
  if (index < 0) throw new ProgramOpError('That week is no longer in the program');
  return index;
}

export function dayAt(doc: ProgramDoc, slot: SlotRef): DayDoc | undefined {
  const week = doc.weeks[weekIndexOf(doc, slot.weekId)]!;
  return week.days.find((day) => day.dayIndex === slot.dayIndex);
}

/** The slot a day id sits in, or undefined when no day has that id. */
export function slotOfDay(doc: ProgramDoc, dayId: string): SlotRef | undefined {
  for (const week of doc.weeks) {
    const day = week.days.find((candidate) => candidate.id === dayId);
    if (day) return { weekId: week.id, dayIndex: day.dayIndex };
  }
  return undefined;
}

/** Every day (with its week) that holds `templateId`, in program order. */
export function daysUsingTemplate(
  doc: ProgramDoc,
  templateId: string,
): { weekId: string; weekNumber: number; day: DayDoc }[] {
  return doc.weeks.flatMap((week, index) =>
    week.days
      .filter((day) => day.templateId === templateId)
      .map((day) => ({ weekId: week.id, weekNumber: index + 1, day })),
  );
}

/** How many days hold a workout (not rest). */
export function workoutDayCount(doc: ProgramDoc): number {
  return doc.weeks.reduce((total, week) => total + week.days.filter((day) => day.templateId).length, 0);
}

// ---------------------------------------------------------------------------------------------
// Copying without sharing

function cloneOverrides(
  overrides: Readonly<Record<string, PrescriptionOverride>> | undefined,
): Record<string, PrescriptionOverride> {
  const copy: Record<string, PrescriptionOverride> = {};
  for (const [key, value] of Object.entries(overrides ?? {})) copy[key] = { ...value };
  return copy;
}

function cloneDay(day: DayDoc): DayDoc {
  return { ...day, overrides: cloneOverrides(day.overrides) };
}

function cloneWeek(week: WeekDoc): WeekDoc {
  return { ...week, days: week.days.map(cloneDay) };
}

/** A shallow copy of the document whose weeks array (only) may be changed freely. */
function withWeeks(doc: ProgramDoc, weeks: WeekDoc[]): ProgramDoc {
  return { ...doc, weeks };
}

function replaceWeek(doc: ProgramDoc, index: number, week: WeekDoc): ProgramDoc {
  const weeks = doc.weeks.slice();
  weeks[index] = week;
  return withWeeks(doc, weeks);
}

function sortDays(days: DayDoc[]): DayDoc[] {
  return days.sort((a, b) => a.dayIndex - b.dayIndex);
}

function checkSlot(doc: ProgramDoc, slot: SlotRef): number {
  const weekIndex = weekIndexOf(doc, slot.weekId);
  if (!Number.isInteger(slot.dayIndex) || slot.dayIndex < 0 || slot.dayIndex >= doc.daysPerWeek) {
    throw new ProgramOpError(
      `The program has ${doc.daysPerWeek} days a week; there is no day ${slot.dayIndex + 1}`,
    );
  }
  return weekIndex;
}

// ---------------------------------------------------------------------------------------------
// Program fields

export function setName(doc: ProgramDoc, name: string): ProgramDoc {
  const trimmed = name.trim();
  if (trimmed === '') throw new ProgramOpError('A program needs a name');
  if (trimmed.length > 120) throw new ProgramOpError('A program name can be at most 120 characters');
  return { ...doc, name: trimmed };
}

export function setDescription(doc: ProgramDoc, description: string): ProgramDoc {
  const trimmed = description.trim();
  if (trimmed.length > 2000) throw new ProgramOpError('A description can be at most 2000 characters');
  return { ...doc, description: trimmed };
}

/**
 * Fewer days a week drops the days in the slots that go (the caller warns first: see
 * `daysLostBySetDaysPerWeek`); more days a week adds rest slots.
 */
export function setDaysPerWeek(doc: ProgramDoc, daysPerWeek: number): ProgramDoc {
  if (
    !Number.isInteger(daysPerWeek) ||
    daysPerWeek < PROGRAM_LIMITS.minDays ||
    daysPerWeek > PROGRAM_LIMITS.maxDays
  ) {
    throw new ProgramOpError('Days per week must be a whole number from 1 to 7');
  }
  return {
    ...doc,
    daysPerWeek,
    weeks: doc.weeks.map((week) => ({
      ...week,
      days: week.days.filter((day) => day.dayIndex < daysPerWeek).map(cloneDay),
    })),
  };
}

/** The workout days (not rest) that fewer days a week would drop. */
export function daysLostBySetDaysPerWeek(doc: ProgramDoc, daysPerWeek: number): number {
  return doc.weeks.reduce(
    (total, week) => total + week.days.filter((day) => day.dayIndex >= daysPerWeek && day.templateId).length,
    0,
  );
}

// ---------------------------------------------------------------------------------------------
// Weeks

function newWeek(makeId: MakeId): WeekDoc {
  return {
    id: makeId(),
    phase: null,
    deload: false,
    volumeFactor: 1,
    intensityDeltaPercent: 0,
    rpeDelta: 0,
    days: [],
  };
}

function checkRoomForWeeks(doc: ProgramDoc, adding: number): void {
  if (doc.weeks.length + adding > PROGRAM_LIMITS.maxWeeks) {
    throw new ProgramOpError(`A program can have at most ${PROGRAM_LIMITS.maxWeeks} weeks (one year)`);
  }
}

/** An empty week (all rest days) at `atIndex` (0 = before week 1; the end when omitted). */
export function addWeek(doc: ProgramDoc, makeId: MakeId, atIndex = doc.weeks.length): ProgramDoc {
  checkRoomForWeeks(doc, 1);
  const index = Math.max(0, Math.min(doc.weeks.length, atIndex));
  const weeks = doc.weeks.slice();
  weeks.splice(index, 0, newWeek(makeId));
  return withWeeks(doc, weeks);
}

export function removeWeek(doc: ProgramDoc, weekId: string): ProgramDoc {
  const index = weekIndexOf(doc, weekId);
  if (doc.weeks.length <= PROGRAM_LIMITS.minWeeks) {
    throw new ProgramOpError('A program needs at least 1 week');
  }
  return withWeeks(
    doc,
    doc.weeks.filter((_, position) => position !== index),
  );
}

/** A copy of the week (new ids, same days, modifiers and overrides), by default right after it. */
export function duplicateWeek(doc: ProgramDoc, weekId: string, makeId: MakeId, atIndex?: number): ProgramDoc {
  const index = weekIndexOf(doc, weekId);
  checkRoomForWeeks(doc, 1);
  const source = doc.weeks[index]!;
  const copy: WeekDoc = {
    ...cloneWeek(source),
    id: makeId(),
    days: source.days.map((day) => ({ ...cloneDay(day), id: makeId() })),
  };
  const target = Math.max(0, Math.min(doc.weeks.length, atIndex ?? index + 1));
  const weeks = doc.weeks.slice();
  weeks.splice(target, 0, copy);
  return withWeeks(doc, weeks);
}

/** True when a week holds no workout (every slot a rest day). */
export function isEmptyWeek(week: WeekDoc): boolean {
  return week.days.every((day) => day.templateId === null);
}

/**
 * Copies a week's days into another week (its phase and modifiers stay: they belong to where the
 * week sits in the block). Slots that already had a day keep its id, so athletes' scheduled
 * workouts on them follow; the others get new ids.
 */
export function copyWeekInto(
  doc: ProgramDoc,
  fromWeekId: string,
  toWeekId: string,
  makeId: MakeId,
): ProgramDoc {
  const from = weekIndexOf(doc, fromWeekId);
  const to = weekIndexOf(doc, toWeekId);
  if (from === to) return doc;
  const target = doc.weeks[to]!;
  const existing = new Map(target.days.map((day) => [day.dayIndex, day]));
  const days = doc.weeks[from]!.days.map((day) => ({
    ...cloneDay(day),
    id: existing.get(day.dayIndex)?.id ?? makeId(),
  }));
  // A slot that had a day and is rest in the source keeps its row as a rest day.
  for (const [dayIndex, day] of existing) {
    if (!days.some((copy) => copy.dayIndex === dayIndex)) {
      days.push({ id: day.id, dayIndex, templateId: null, overrides: {} });
    }
  }
  return replaceWeek(doc, to, { ...target, days: sortDays(days) });
}

/** Moves a week to position `toIndex` (0-based, counted in the resulting order). */
export function moveWeek(doc: ProgramDoc, weekId: string, toIndex: number): ProgramDoc {
  const from = weekIndexOf(doc, weekId);
  const to = Math.max(0, Math.min(doc.weeks.length - 1, toIndex));
  if (from === to) return doc;
  const weeks = doc.weeks.slice();
  const [week] = weeks.splice(from, 1);
  weeks.splice(to, 0, week!);
  return withWeeks(doc, weeks);
}

/** Grows the program with empty weeks at the end, or shortens it from the end. */
export function setWeekCount(doc: ProgramDoc, count: number, makeId: MakeId): ProgramDoc {
  if (!Number.isInteger(count) || count < PROGRAM_LIMITS.minWeeks || count > PROGRAM_LIMITS.maxWeeks) {
    throw new ProgramOpError('Weeks must be a whole number from 1 to 52');
  }
  if (count <= doc.weeks.length) return withWeeks(doc, doc.weeks.slice(0, count));
  const weeks = doc.weeks.slice();
  while (weeks.length < count) weeks.push(newWeek(makeId));
  return withWeeks(doc, weeks);
}

const WEEK_FIELD_RULES = {
  volumeFactor: { min: 0.1, max: 3, message: 'Volume factor must be between 0.1 and 3' },
  intensityDeltaPercent: {
    min: -50,
    max: 50,
    message: 'Intensity change must be between −50 and +50 %1RM points',
  },
  rpeDelta: { min: -5, max: 5, message: 'RPE change must be between −5 and +5' },
} as const;

/** Phase, deload and the week's modifiers (volume ×, %1RM ±, RPE ±). */
export function setWeekFields(doc: ProgramDoc, weekId: string, fields: WeekFields): ProgramDoc {
  const index = weekIndexOf(doc, weekId);
  for (const key of Object.keys(WEEK_FIELD_RULES) as (keyof typeof WEEK_FIELD_RULES)[]) {
    const value = fields[key];
    if (value === undefined) continue;
    const rule = WEEK_FIELD_RULES[key];
    if (!Number.isFinite(value) || value < rule.min || value > rule.max)
      throw new ProgramOpError(rule.message);
  }
  if (fields.rpeDelta !== undefined && !Number.isInteger(fields.rpeDelta * 2)) {
    throw new ProgramOpError('RPE change goes in half steps');
  }
  const week = doc.weeks[index]!;
  const next: WeekDoc = { ...week };
  if (fields.phase !== undefined) next.phase = fields.phase as Phase | null;
  if (fields.deload !== undefined) next.deload = fields.deload;
  if (fields.volumeFactor !== undefined) next.volumeFactor = fields.volumeFactor;
  if (fields.intensityDeltaPercent !== undefined) next.intensityDeltaPercent = fields.intensityDeltaPercent;
  if (fields.rpeDelta !== undefined) next.rpeDelta = fields.rpeDelta;
  return replaceWeek(doc, index, next);
}

// ---------------------------------------------------------------------------------------------
// Days

/**
 * Puts a template on a slot (null makes it a rest day). A different template clears the day's
 * overrides (they are keyed by the old template's exercises); the day keeps its id, so the
 * athletes' scheduled workouts on it follow.
 */
export function setDayTemplate(
  doc: ProgramDoc,
  slot: SlotRef,
  templateId: string | null,
  makeId: MakeId,
): ProgramDoc {
  const weekIndex = checkSlot(doc, slot);
  const week = doc.weeks[weekIndex]!;
  const existing = week.days.find((day) => day.dayIndex === slot.dayIndex);
  if (existing && existing.templateId === templateId) return doc;
  if (!existing && templateId === null) return doc;
  const days = week.days.filter((day) => day !== existing);
  days.push({
    id: existing?.id ?? makeId(),
    dayIndex: slot.dayIndex,
    templateId,
    overrides: {},
  });
  return replaceWeek(doc, weekIndex, { ...week, days: sortDays(days) });
}

export function clearDay(doc: ProgramDoc, slot: SlotRef, makeId: MakeId): ProgramDoc {
  return setDayTemplate(doc, slot, null, makeId);
}

/** The day's per-exercise overrides, whole (what a generator or the day's editor writes). */
export function setDayOverrides(
  doc: ProgramDoc,
  slot: SlotRef,
  overrides: Record<string, PrescriptionOverride>,
): ProgramDoc {
  const weekIndex = checkSlot(doc, slot);
  const week = doc.weeks[weekIndex]!;
  const existing = week.days.find((day) => day.dayIndex === slot.dayIndex);
  if (!existing || existing.templateId === null) {
    throw new ProgramOpError('A rest day has no exercises to change');
  }
  const days = week.days.map((day) =>
    day === existing ? { ...day, overrides: cloneOverrides(overrides) } : day,
  );
  return replaceWeek(doc, weekIndex, { ...week, days });
}

/**
 * Moves what is in one slot to another; what was in the target goes to the source (a swap), so
 * nothing is lost. Days keep their ids: a day's scheduled workouts move with it.
 */
export function moveDay(doc: ProgramDoc, from: SlotRef, to: SlotRef): ProgramDoc {
  const fromWeek = checkSlot(doc, from);
  const toWeek = checkSlot(doc, to);
  if (fromWeek === toWeek && from.dayIndex === to.dayIndex) return doc;
  const source = doc.weeks[fromWeek]!.days.find((day) => day.dayIndex === from.dayIndex);
  const target = doc.weeks[toWeek]!.days.find((day) => day.dayIndex === to.dayIndex);
  if (!source && !target) return doc;

  const weeks = doc.weeks.slice();
  const without = (weekIndex: number) =>
    weeks[weekIndex]!.days.filter((day) => day !== source && day !== target);
  if (fromWeek === toWeek) {
    const days = without(fromWeek);
    if (source) days.push({ ...cloneDay(source), dayIndex: to.dayIndex });
    if (target) days.push({ ...cloneDay(target), dayIndex: from.dayIndex });
    weeks[fromWeek] = { ...weeks[fromWeek]!, days: sortDays(days) };
  } else {
    const fromDays = without(fromWeek);
    const toDays = without(toWeek);
    if (source) toDays.push({ ...cloneDay(source), dayIndex: to.dayIndex });
    if (target) fromDays.push({ ...cloneDay(target), dayIndex: from.dayIndex });
    weeks[fromWeek] = { ...weeks[fromWeek]!, days: sortDays(fromDays) };
    weeks[toWeek] = { ...weeks[toWeek]!, days: sortDays(toDays) };
  }
  return withWeeks(doc, weeks);
}

/**
 * Copies a slot's template and overrides onto another slot (a rest day copies as rest). The
 * target keeps its id when it had a day, so its scheduled workouts follow the new content.
 */
export function copyDay(doc: ProgramDoc, from: SlotRef, to: SlotRef, makeId: MakeId): ProgramDoc {
  const toWeek = checkSlot(doc, to);
  checkSlot(doc, from);
  if (from.weekId === to.weekId && from.dayIndex === to.dayIndex) return doc;
  const source = dayAt(doc, from);
  const week = doc.weeks[toWeek]!;
  const target = week.days.find((day) => day.dayIndex === to.dayIndex);
  if (!source?.templateId) return target ? clearDay(doc, to, makeId) : doc;
  const days = week.days.filter((day) => day !== target);
  days.push({
    id: target?.id ?? makeId(),
    dayIndex: to.dayIndex,
    templateId: source.templateId,
    overrides: cloneOverrides(source.overrides),
  });
  return replaceWeek(doc, toWeek, { ...week, days: sortDays(days) });
}

/**
 * Points the given days at another template (the copy a "this week only" edit makes). Overrides
 * are keyed by template exercise ids, so they follow through `exerciseIdMap` (the original's id →
 * the copy's); any without a match are dropped.
 */
export function retargetDays(
  doc: ProgramDoc,
  dayIds: readonly string[],
  templateId: string,
  exerciseIdMap: Readonly<Record<string, string>> = {},
): ProgramDoc {
  const targets = new Set(dayIds);
  let changed = false;
  const weeks = doc.weeks.map((week) => {
    if (!week.days.some((day) => targets.has(day.id))) return week;
    changed = true;
    return {
      ...week,
      days: week.days.map((day) => {
        if (!targets.has(day.id)) return day;
        const overrides: Record<string, PrescriptionOverride> = {};
        for (const [exerciseId, override] of Object.entries(day.overrides)) {
          const mapped = exerciseIdMap[exerciseId];
          if (mapped) overrides[mapped] = { ...override };
        }
        return { ...day, templateId, overrides };
      }),
    };
  });
  return changed ? withWeeks(doc, weeks) : doc;
}

/** Every day's template and overrides from another document of the same shape (a generator's result). */
export function replaceWeeks(doc: ProgramDoc, weeks: readonly WeekDoc[]): ProgramDoc {
  if (weeks.length < PROGRAM_LIMITS.minWeeks || weeks.length > PROGRAM_LIMITS.maxWeeks) {
    throw new ProgramOpError('A program has from 1 to 52 weeks');
  }
  return withWeeks(doc, weeks.map(cloneWeek));
}
