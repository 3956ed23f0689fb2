/**
 * The editor's working copy of a template's exercises. Fields hold the text the coach typed
 * ("8-12", "1:30", "82.5" in their unit), so a value the schema refuses stays in its field, with
 * its message, until it is fixed. `toInput` turns a row into what `templates.saveExercises` takes
 * (loads in kg) and `validateRow` checks it with the shared zod schema, the one the backend uses.
 */
import type { Muscle } from '../../../shared/domain/exercise';
import {
  templateExerciseInput,
  type SetType,
  type TemplateExerciseFields,
  type TemplateExerciseInput,
} from '../../../shared/domain/prescription';
import { roundForDisplay, weightFromKg, weightToKg, type WeightUnit } from '../../components/units';

export type LoadKind = 'percent' | 'weight';
export type EffortKind = 'rpe' | 'rir';

export interface SetRowDraft {
  key: string;
  setType: SetType;
  reps: string;
  load: string;
  effort: string;
}

export interface ExerciseDraft {
  /** Stable on the client (React key, drag id); `id` is the stored row's, once it has one. */
  key: string;
  id?: string;
  exerciseId: string;
  exerciseName: string;
  primaryMuscles: Muscle[];
  supersetGroup: string | null;
  sets: string;
  reps: string;
  /** How load and effort are given; an empty field means "not prescribed". */
  loadKind: LoadKind;
  load: string;
  effortKind: EffortKind;
  effort: string;
  rest: string;
  tempo: string;
  notes: string;
  /** Per-set rows when sets differ (a top set and back-offs); null when all sets are alike. */
  setRows: SetRowDraft[] | null;
}

/** What the library knows of an exercise, to show a row before the server has answered. */
export interface ExerciseInfo {
  exerciseName: string;
  primaryMuscles: Muscle[];
}

let keyCounter = 0;
export function newKey(): string {
  keyCounter += 1;
  return `row-${keyCounter}`;
}

// ---------- text → values ----------

const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, useGrouping: false });

/** A number as typed ("82.5", "82,5"); empty is null; anything else NaN (the schema says why). */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** "8", "8-12", "8–12", "8 to 12"; one number is a fixed rep count (repsMax null). */
export function parseReps(text: string): { repsMin: number | null; repsMax: number | null } {
  const trimmed = text.trim();
  if (trimmed === '') return { repsMin: null, repsMax: null };
  const range = /^(\S+?)\s*(?:-|–|—|to)\s*(\S+)$/i.exec(trimmed);
  if (range) return { repsMin: parseNumber(range[1]!), repsMax: parseNumber(range[2]!) };
  return { repsMin: parseNumber(trimmed), repsMax: null };
}

/** Rest as "90", "1:30", "2m", "90s" or "1m30s", in seconds; empty is null; anything else NaN. */
export function parseRest(text: string): number | null {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '') return null;
  const clock = /^(\d+):([0-5]\d)$/.exec(trimmed);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  const words = /^(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s(?:ec)?)?$/.exec(trimmed);
  if (words && (words[1] !== undefined || words[2] !== undefined)) {
    return Number(words[1] ?? 0) * 60 + Number(words[2] ?? 0);
  }
  return parseNumber(trimmed);
}

// ---------- values → text ----------

export function formatReps(repsMin: number | null, repsMax: number | null): string {
  if (repsMin === null) return repsMax === null ? '' : `–${repsMax}`;
  return repsMax === null || repsMax === repsMin ? `${repsMin}` : `${repsMin}–${repsMax}`;
}

/** 90 → "1:30", 120 → "2:00". */
export function formatRest(seconds: number | null): string {
  if (seconds === null) return '';
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** A stored load in the user's unit, one decimal at most, no grouping: for an input. */
export function loadText(kg: number | null, unit: WeightUnit): string {
  return kg === null ? '' : plain.format(roundForDisplay(weightFromKg(kg, unit)));
}

function numberText(value: number | null): string {
  return value === null ? '' : plain.format(value);
}

interface LoadValues {
  repsMin: number | null;
  repsMax: number | null;
  percentOneRepMax: number | null;
  loadKg: number | null;
  rpe: number | null;
  rir: number | null;
}

function loadTextOf(values: LoadValues, unit: WeightUnit): string {
  if (values.percentOneRepMax !== null) return numberText(values.percentOneRepMax);
  return loadText(values.loadKg, unit);
}

function effortTextOf(values: LoadValues): string {
  return numberText(values.rpe ?? values.rir);
}

// ---------- rows ----------

type StoredValues = LoadValues & { setType?: SetType };

/** A row as the editor shows it, from a stored (or to-be-stored) exercise input. */
export function draftFromInput(
  input: TemplateExerciseInput,
  info: ExerciseInfo,
  unit: WeightUnit,
  key: string = newKey(),
): ExerciseDraft {
  const values: LoadValues = {
    repsMin: input.repsMin ?? null,
    repsMax: input.repsMax ?? null,
    percentOneRepMax: input.percentOneRepMax ?? null,
    loadKg: input.loadKg ?? null,
    rpe: input.rpe ?? null,
    rir: input.rir ?? null,
  };
  const rows = (input.setDetails ?? null) as StoredValues[] | null;
  const everything = [values, ...(rows ?? [])];
  const loadKind: LoadKind =
    everything.some((row) => row.loadKg !== null && row.loadKg !== undefined) &&
    !everything.some((row) => row.percentOneRepMax !== null && row.percentOneRepMax !== undefined)
      ? 'weight'
      : 'percent';
  const effortKind: EffortKind =
    everything.some((row) => row.rir !== null && row.rir !== undefined) &&
    !everything.some((row) => row.rpe !== null && row.rpe !== undefined)
      ? 'rir'
      : 'rpe';
  return {
    key,
    id: input.id,
    exerciseId: input.exerciseId,
    exerciseName: info.exerciseName,
    primaryMuscles: info.primaryMuscles,
    supersetGroup: input.supersetGroup ?? null,
    sets: String(rows ? rows.length : (input.sets ?? 3)),
    reps: formatReps(values.repsMin, values.repsMax),
    loadKind,
    load: loadTextOf(values, unit),
    effortKind,
    effort: effortTextOf(values),
    rest: formatRest(input.restSeconds ?? null),
    tempo: input.tempo ?? '',
    notes: input.notes ?? '',
    setRows: rows
      ? rows.map((row) => ({
          key: newKey(),
          setType: row.setType ?? 'working',
          reps: formatReps(row.repsMin ?? null, row.repsMax ?? null),
          load: loadTextOf(row as LoadValues, unit),
          effort: effortTextOf(row as LoadValues),
        }))
      : null,
  };
}

/** A fresh row for an exercise just picked: 3 sets, the rest to fill in. */
export function newDraft(exerciseId: string, info: ExerciseInfo): ExerciseDraft {
  return {
    key: newKey(),
    exerciseId,
    ...info,
    supersetGroup: null,
    sets: '3',
    reps: '',
    loadKind: 'percent',
    load: '',
    effortKind: 'rpe',
    effort: '',
    rest: '',
    tempo: '',
    notes: '',
    setRows: null,
  };
}

function loadValues(
  text: { reps: string; load: string; effort: string },
  loadKind: LoadKind,
  effortKind: EffortKind,
  unit: WeightUnit,
): LoadValues {
  const load = parseNumber(text.load);
  const effort = parseNumber(text.effort);
  // Stored in kg; three decimals keep a pound value exact to the tenth when shown again.
  const loadKg =
    load === null || Number.isNaN(load) ? load : Math.round(weightToKg(load, unit) * 1000) / 1000;
  return {
    ...parseReps(text.reps),
    percentOneRepMax: loadKind === 'percent' ? load : null,
    loadKg: loadKind === 'weight' ? loadKg : null,
    rpe: effortKind === 'rpe' ? effort : null,
    rir: effortKind === 'rir' ? effort : null,
  };
}

/** What `templates.saveExercises` takes for this row (the schema may still refuse it). */
export function toInput(draft: ExerciseDraft, unit: WeightUnit): TemplateExerciseInput {
  const tempo = draft.tempo.trim();
  return {
    ...(draft.id ? { id: draft.id } : {}),
    exerciseId: draft.exerciseId,
    supersetGroup: draft.supersetGroup,
    sets: draft.setRows ? draft.setRows.length : (parseNumber(draft.sets) ?? Number.NaN),
    ...loadValues(draft, draft.loadKind, draft.effortKind, unit),
    restSeconds: parseRest(draft.rest),
    tempo: tempo === '' ? null : tempo,
    notes: draft.notes,
    setDetails: draft.setRows
      ? draft.setRows.map((row) => ({
          setType: row.setType,
          ...loadValues(row, draft.loadKind, draft.effortKind, unit),
        }))
      : null,
  };
}

/** The editor's fields: messages are keyed by these ("set.2.load" for a per-set row's cell). */
export type FieldKey =
  | 'exercise'
  | 'group'
  | 'sets'
  | 'reps'
  | 'load'
  | 'effort'
  | 'rest'
  | 'tempo'
  | 'notes'
  | `set.${number}.${'type' | 'reps' | 'load' | 'effort'}`;

const FIELD_OF: Record<
  string,
  'reps' | 'load' | 'effort' | 'sets' | 'rest' | 'tempo' | 'notes' | 'group' | 'exercise' | 'type'
> = {
  repsMin: 'reps',
  repsMax: 'reps',
  percentOneRepMax: 'load',
  loadKg: 'load',
  rpe: 'effort',
  rir: 'effort',
  sets: 'sets',
  restSeconds: 'rest',
  tempo: 'tempo',
  notes: 'notes',
  supersetGroup: 'group',
  exerciseId: 'exercise',
  setType: 'type',
};

/** The field a schema issue's path (within one exercise) points at. */
export function fieldOfPath(path: readonly PropertyKey[]): FieldKey {
  const [first, second, third] = path;
  if (first === 'setDetails') {
    if (typeof second === 'number' && typeof third === 'string') {
      const cell = FIELD_OF[third] ?? 'reps';
      return `set.${second}.${cell === 'type' ? 'type' : (cell as 'reps' | 'load' | 'effort')}`;
    }
    return 'sets';
  }
  const field = FIELD_OF[String(first)];
  return (field === 'type' || field === undefined ? 'exercise' : field) as FieldKey;
}

export type FieldErrors = Partial<Record<FieldKey, string>>;

/** The first message per field, from issues whose paths start inside one exercise. */
export function errorsFromIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = fieldOfPath(issue.path);
    errors[field] ??= issue.message;
  }
  return errors;
}

/** The row checked with the schema the backend uses: its input, or the messages per field. */
export function validateRow(
  draft: ExerciseDraft,
  unit: WeightUnit,
): { input: TemplateExerciseInput; errors: FieldErrors | null } {
  const input = toInput(draft, unit);
  const result = templateExerciseInput.safeParse(input);
  if (result.success) return { input, errors: null };
  return { input, errors: errorsFromIssues(result.error.issues) };
}

// The fields that go together: a change to one group is kept or refused as a whole.
const FIELD_GROUPS: readonly (readonly (keyof TemplateExerciseInput)[])[] = [
  ['exerciseId'],
  ['supersetGroup'],
  ['sets', 'setDetails'],
  ['repsMin', 'repsMax'],
  ['percentOneRepMax', 'loadKg'],
  ['rpe', 'rir'],
  ['restSeconds'],
  ['tempo'],
  ['notes'],
];

/**
 * What can be stored of a row the schema refuses: its last valid version with every group of
 * fields whose new value is valid taken over, so a bad RPE does not hold back a good load.
 */
export function mergeValid(
  lastValid: TemplateExerciseFields,
  current: TemplateExerciseInput,
): TemplateExerciseFields {
  let merged = lastValid;
  for (const group of FIELD_GROUPS) {
    const candidate: Record<string, unknown> = { ...merged };
    for (const key of group) candidate[key] = current[key];
    const parsed = templateExerciseInput.safeParse(candidate);
    if (parsed.success) merged = parsed.data;
  }
  return merged;
}

/**
 * Load texts re-expressed in another unit (the preference changed while editing). A text that
 * still shows the stored value converts from that value, not from its rounded display.
 */
export function convertLoads(
  draft: ExerciseDraft,
  from: WeightUnit,
  to: WeightUnit,
  stored?: TemplateExerciseFields,
): ExerciseDraft {
  if (from === to || draft.loadKind !== 'weight') return draft;
  const convert = (text: string, storedKg: number | null | undefined) => {
    if (storedKg !== null && storedKg !== undefined && loadText(storedKg, from) === text) {
      return loadText(storedKg, to);
    }
    const value = parseNumber(text);
    return value === null || Number.isNaN(value) ? text : loadText(weightToKg(value, from), to);
  };
  return {
    ...draft,
    load: convert(draft.load, stored?.loadKg),
    setRows:
      draft.setRows?.map((row, index) => ({
        ...row,
        load: convert(row.load, stored?.setDetails?.[index]?.loadKg),
      })) ?? null,
  };
}

// ---------- per-set rows ----------

/** Switch to per-set rows, each starting as the exercise's prescription. */
export function withSetsDiffer(draft: ExerciseDraft): ExerciseDraft {
  const count = Math.min(20, Math.max(1, Math.trunc(parseNumber(draft.sets) ?? 3) || 3));
  return {
    ...draft,
    sets: String(count),
    setRows: Array.from({ length: count }, () => ({
      key: newKey(),
      setType: 'working' as const,
      reps: draft.reps,
      load: draft.load,
      effort: draft.effort,
    })),
  };
}

/** Back to one prescription for every set, taken from the first working set. */
export function withSetsAlike(draft: ExerciseDraft): ExerciseDraft {
  if (!draft.setRows) return draft;
  const model = draft.setRows.find((row) => row.setType === 'working') ?? draft.setRows[0];
  return {
    ...draft,
    sets: String(draft.setRows.length),
    reps: model?.reps ?? draft.reps,
    load: model?.load ?? draft.load,
    effort: model?.effort ?? draft.effort,
    setRows: null,
  };
}

/** Per-set rows resized to `count` (the Sets field changed): new rows repeat the last one. */
export function resizeSetRows(rows: SetRowDraft[], count: number): SetRowDraft[] {
  if (count <= rows.length) return rows.slice(0, Math.max(1, count));
  const last = rows[rows.length - 1] ?? { setType: 'working' as const, reps: '', load: '', effort: '' };
  return [...rows, ...Array.from({ length: count - rows.length }, () => ({ ...last, key: newKey() }))];
}

export const BACK_OFF_COUNT = 3;
export const BACK_OFF_DROP = 0.1;

/**
 * A top set, then three back-offs at 10 % less load (of the %1RM or of the weight), same reps;
 * the effort target stays on the top set. Loads keep one decimal at most.
 */
export function topSetWithBackOffs(draft: ExerciseDraft): ExerciseDraft {
  const top = draft.setRows?.find((row) => row.setType === 'working') ?? {
    reps: draft.reps,
    load: draft.load,
    effort: draft.effort,
  };
  const topLoad = parseNumber(top.load);
  const backOffLoad =
    topLoad === null || Number.isNaN(topLoad)
      ? top.load
      : plain.format(Math.round(topLoad * (1 - BACK_OFF_DROP) * 10) / 10);
  const setRows: SetRowDraft[] = [
    { key: newKey(), setType: 'working', reps: top.reps, load: top.load, effort: top.effort },
    ...Array.from({ length: BACK_OFF_COUNT }, () => ({
      key: newKey(),
      setType: 'working' as const,
      reps: top.reps,
      load: backOffLoad,
      effort: '',
    })),
  ];
  return { ...draft, sets: String(setRows.length), setRows };
}

// ---------- supersets ----------

export const GROUP_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

/** Where a row sits in its run of adjacent rows of one superset group. */
export type SupersetPlace = 'alone' | 'first' | 'middle' | 'last';

export function supersetPlaces(rows: readonly Pick<ExerciseDraft, 'supersetGroup'>[]): SupersetPlace[] {
  return rows.map((row, index) => {
    const group = row.supersetGroup;
    if (group === null) return 'alone';
    const joinsPrevious = rows[index - 1]?.supersetGroup === group;
    const joinsNext = rows[index + 1]?.supersetGroup === group;
    if (joinsPrevious && joinsNext) return 'middle';
    if (joinsPrevious) return 'last';
    if (joinsNext) return 'first';
    return 'alone';
  });
}

/** "A1", "A2" within a superset run; the plain position ("3") otherwise. */
export function positionLabels(rows: readonly Pick<ExerciseDraft, 'supersetGroup'>[]): string[] {
  const places = supersetPlaces(rows);
  let inRun = 0;
  return rows.map((row, index) => {
    const place = places[index];
    if (place === 'alone' || row.supersetGroup === null) {
      inRun = 0;
      return String(index + 1);
    }
    inRun = place === 'first' ? 1 : inRun + 1;
    return `${row.supersetGroup}${inRun}`;
  });
}

/** The first letter no row uses, for a new superset. */
export function nextFreeGroup(rows: readonly Pick<ExerciseDraft, 'supersetGroup'>[]): string {
  const used = new Set(rows.map((row) => row.supersetGroup));
  return GROUP_LETTERS.find((letter) => !used.has(letter)) ?? 'Z';
}
