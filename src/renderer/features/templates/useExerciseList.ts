/**
 * The exercise list of the open template: the rows as typed, and their saving. Every change is
 * saved whole with `templates.saveExercises` — structural ones (add, remove, move, group) at once,
 * typing after a pause — one save at a time, the latest list winning. A row the schema refuses is
 * not sent: its last valid version is, so the rest of the template saves and the bad value stays
 * in its field with its message until it is fixed. The template's cached detail is patched before
 * the call, so every view of it moves at once, and put back if the call fails.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useDispatch } from 'react-redux';
import type { ThunkDispatch, UnknownAction } from '@reduxjs/toolkit';
import { isAppErrorShape, type AppErrorShape } from '../../../shared/contract/errors';
import {
  templateExerciseInput,
  type TemplateExerciseInput,
  type TemplateExerciseFields,
} from '../../../shared/domain/prescription';
import {
  toTemplateExerciseInputs,
  type TemplateDetail,
  type TemplateExercise,
} from '../../../shared/domain/template';
import { issuesOf } from '../../components/FormField';
import type { WeightUnit } from '../../components/units';
import { templatesApi, useSaveTemplateExercisesMutation } from './api';
import {
  convertLoads,
  draftFromInput,
  errorsFromIssues,
  mergeValid,
  validateRow,
  type ExerciseDraft,
  type FieldErrors,
} from './draft';
import type { WriteTarget } from './useWriteTarget';

export const TYPING_DEBOUNCE_MS = 400;

export type ChangeMode = 'typing' | 'structural';

export interface ExercisesSavedChange {
  templateId: string;
  before: TemplateExerciseInput[];
  after: TemplateExerciseInput[];
}

type ApiRootState = Parameters<typeof templatesApi.util.selectInvalidatedBy>[0];
type ApiDispatch = ThunkDispatch<ApiRootState, unknown, UnknownAction>;

// Every property of a stored exercise input, in one order, so two lists compare as JSON.
const INPUT_KEYS = [
  'id',
  'exerciseId',
  'supersetGroup',
  'sets',
  'setType',
  'repsMin',
  'repsMax',
  'percentOneRepMax',
  'loadKg',
  'rpe',
  'rir',
  'restSeconds',
  'tempo',
  'notes',
  'setDetails',
];
const sameList = (a: readonly unknown[], b: readonly unknown[]) =>
  JSON.stringify(a, INPUT_KEYS) === JSON.stringify(b, INPUT_KEYS);

interface Options {
  target: WriteTarget;
  detail: TemplateDetail | undefined;
  unit: WeightUnit;
  onExercisesSaved?: (change: ExercisesSavedChange) => void;
  /**
   * A save failed for a reason other than a field's value (shown as a toast with Retry), or the
   * template to write to could not be had (no retry: the change was dropped).
   */
  onSaveFailed: (error: AppErrorShape, retry?: () => void) => void;
}

export interface ExerciseList {
  rows: ExerciseDraft[];
  /** Messages per row key: the schema's on the client, then the server's for what was sent. */
  errors: ReadonlyMap<string, FieldErrors>;
  /** A message about the list as a whole (too many exercises). */
  listError: string | null;
  saving: boolean;
  change: (next: ExerciseDraft[] | ((rows: ExerciseDraft[]) => ExerciseDraft[]), mode: ChangeMode) => void;
  update: (key: string, edit: (row: ExerciseDraft) => ExerciseDraft, mode: ChangeMode) => void;
}

const infoOf = (exercise: TemplateExercise) => ({
  exerciseName: exercise.exerciseName,
  primaryMuscles: exercise.primaryMuscles,
});

export function useExerciseList({
  target,
  detail,
  unit,
  onExercisesSaved,
  onSaveFailed,
}: Options): ExerciseList {
  const dispatch = useDispatch<ApiDispatch>();
  const [saveExercises] = useSaveTemplateExercisesMutation();
  const [rows, setRows] = useState<ExerciseDraft[]>([]);
  const [serverErrors, setServerErrors] = useState<ReadonlyMap<string, FieldErrors>>(new Map());
  const [listError, setListError] = useState<string | null>(null);
  // A change is waiting for its pause, on its way, or queued behind another.
  const [saving, setSaving] = useState(false);

  // The async save reads these, not a render's closure.
  const rowsRef = useRef<ExerciseDraft[]>([]);
  const savedRef = useRef<TemplateExerciseFields[] | null>(null);
  const lastValidRef = useRef(new Map<string, TemplateExerciseFields>());
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlightRef = useRef(false);
  const pendingRef = useRef(false);
  const writtenIdRef = useRef(target.activeId);
  const unitRef = useRef(unit);
  const detailRef = useRef(detail);
  detailRef.current = detail;
  const callbacks = useRef({ onExercisesSaved, onSaveFailed });
  callbacks.current = { onExercisesSaved, onSaveFailed };

  const refreshSaving = useCallback(
    () => setSaving(Boolean(timerRef.current || inFlightRef.current || pendingRef.current)),
    [],
  );

  const commit = useCallback((next: ExerciseDraft[]) => {
    rowsRef.current = next;
    setRows(next);
  }, []);

  // The server's list, on first load and after a change made elsewhere (another window, the
  // builder's undo) — never while a change of ours is waiting or on its way.
  useEffect(() => {
    if (!detail || detail.id !== target.activeId) return;
    const server = toTemplateExerciseInputs(detail.exercises) as TemplateExerciseFields[];
    if (savedRef.current && sameList(server, savedRef.current)) return;
    if (savedRef.current && (inFlightRef.current || timerRef.current || pendingRef.current)) return;
    savedRef.current = server;
    const keyOfId = new Map(rowsRef.current.filter((row) => row.id).map((row) => [row.id!, row.key]));
    const sorted = [...detail.exercises].sort((a, b) => a.position - b.position);
    const next = server.map((input, index) =>
      draftFromInput(input, infoOf(sorted[index]!), unitRef.current, keyOfId.get(input.id!)),
    );
    lastValidRef.current = new Map(next.map((row, index) => [row.key, server[index]!]));
    setServerErrors(new Map());
    commit(next);
  }, [detail, target.activeId, commit]);

  // A new weight unit re-expresses the typed loads (values are kept in kg).
  useEffect(() => {
    const from = unitRef.current;
    unitRef.current = unit;
    if (from !== unit) {
      commit(rowsRef.current.map((row) => convertLoads(row, from, unit, lastValidRef.current.get(row.key))));
    }
  }, [unit, commit]);

  /** The list to store: each row as typed when valid, else as it last was valid. */
  const buildList = useCallback(() => {
    const keys: string[] = [];
    const inputs: TemplateExerciseFields[] = [];
    const drafts: ExerciseDraft[] = [];
    for (const row of rowsRef.current) {
      const { input, errors } = validateRow(row, unitRef.current);
      let value: TemplateExerciseFields | undefined;
      if (!errors) {
        value = templateExerciseInput.parse(input);
        lastValidRef.current.set(row.key, value);
      } else {
        const last = lastValidRef.current.get(row.key);
        value = last && mergeValid(last, input);
        if (value) lastValidRef.current.set(row.key, value);
      }
      if (!value) continue;
      const { id: _staleId, ...rest } = value;
      inputs.push(row.id ? { id: row.id, ...rest } : rest);
      keys.push(row.key);
      drafts.push(row);
    }
    return { keys, inputs, drafts };
  }, []);

  /** The builder forked the template: find our rows' ids in the copy (same order), then follow it. */
  const switchTo = useCallback(
    async (id: string) => {
      const subscription = dispatch(templatesApi.endpoints.getTemplate.initiate({ id }));
      try {
        const copy = await subscription.unwrap();
        const copied = toTemplateExerciseInputs(copy.exercises) as TemplateExerciseFields[];
        const idMap = new Map((savedRef.current ?? []).map((input, index) => [input.id, copied[index]?.id]));
        commit(rowsRef.current.map((row) => (row.id ? { ...row, id: idMap.get(row.id) } : row)));
        savedRef.current = copied;
      } finally {
        subscription.unsubscribe();
      }
      writtenIdRef.current = id;
      target.follow(id);
    },
    [dispatch, commit, target],
  );

  const save = useCallback(async (): Promise<void> => {
    timerRef.current = null;
    if (inFlightRef.current) {
      pendingRef.current = true;
      return;
    }
    if (savedRef.current === null || sameList(buildList().inputs, savedRef.current)) {
      refreshSaving();
      return;
    }
    inFlightRef.current = true;
    refreshSaving();
    try {
      // A target that could not be had (the copy failed) drops the change like a cancel does.
      const templateId = await target.ensureTarget().catch((cause: unknown) => {
        const message = cause instanceof Error ? cause.message : 'The change could not be saved';
        callbacks.current.onSaveFailed(isAppErrorShape(cause) ? cause : { code: 'internal', message });
        return null;
      });
      if (templateId === null) {
        // The change is dropped: back to the stored list.
        savedRef.current = null;
        setServerErrors(new Map());
        const detail = detailRef.current;
        if (detail) {
          const reset = toTemplateExerciseInputs(detail.exercises);
          savedRef.current = reset as TemplateExerciseFields[];
          const sorted = [...detail.exercises].sort((a, b) => a.position - b.position);
          commit(reset.map((input, index) => draftFromInput(input, infoOf(sorted[index]!), unitRef.current)));
          lastValidRef.current = new Map();
        }
        return;
      }
      if (templateId !== writtenIdRef.current) await switchTo(templateId);
      const sent = buildList();
      const before = savedRef.current ?? [];
      if (sameList(sent.inputs, before)) return;

      const patch = dispatch(
        templatesApi.util.updateQueryData('getTemplate', { id: templateId }, (cached) => {
          const known = new Map(cached.exercises.map((exercise) => [exercise.id, exercise]));
          cached.exercises = sent.inputs.map((input, position) => {
            const draft = sent.drafts[position]!;
            const stored = input.id ? known.get(input.id) : undefined;
            return {
              secondaryMuscles: stored?.secondaryMuscles ?? [],
              equipment: stored?.equipment ?? null,
              ...input,
              id: input.id ?? draft.key,
              exerciseName: draft.exerciseName,
              primaryMuscles: draft.primaryMuscles,
              position,
              setDetails: input.setDetails,
            };
          });
          cached.exerciseCount = cached.exercises.length;
        }),
      );
      const result = await saveExercises({ id: templateId, exercises: sent.inputs });
      if (result.error) {
        patch.undo();
        const error = result.error;
        const issues = issuesOf(error);
        if (isAppErrorShape(error) && error.code === 'invalid_input' && issues.length > 0) {
          const byRow = new Map<string, typeof issues>();
          const general: string[] = [];
          for (const issue of issues) {
            const [first, index, ...rest] = issue.path;
            const key = first === 'exercises' && typeof index === 'number' ? sent.keys[index] : undefined;
            if (key) byRow.set(key, [...(byRow.get(key) ?? []), { ...issue, path: rest }]);
            else general.push(issue.message);
          }
          setServerErrors(new Map([...byRow].map(([key, rowIssues]) => [key, errorsFromIssues(rowIssues)])));
          setListError(general[0] ?? null);
        } else if (isAppErrorShape(error)) {
          callbacks.current.onSaveFailed(error, () => void save());
        }
        return;
      }
      const after = toTemplateExerciseInputs(result.data.exercises) as TemplateExerciseFields[];
      savedRef.current = after;
      setServerErrors(new Map());
      setListError(null);
      // New rows get their stored ids (the server keeps the order it was sent).
      const idOfKey = new Map(sent.keys.map((key, index) => [key, after[index]?.id]));
      if (rowsRef.current.some((row) => !row.id && idOfKey.get(row.key))) {
        commit(rowsRef.current.map((row) => (row.id ? row : { ...row, id: idOfKey.get(row.key) })));
      }
      dispatch(templatesApi.util.upsertQueryData('getTemplate', { id: templateId }, result.data));
      callbacks.current.onExercisesSaved?.({ templateId, before, after });
    } finally {
      inFlightRef.current = false;
      if (pendingRef.current) {
        pendingRef.current = false;
        void save();
      }
      refreshSaving();
    }
  }, [buildList, commit, dispatch, refreshSaving, saveExercises, switchTo, target]);

  const saveRef = useRef(save);
  saveRef.current = save;

  const schedule = useCallback(
    (mode: ChangeMode) => {
      if (timerRef.current) clearTimeout(timerRef.current);
      timerRef.current = null;
      if (mode === 'structural') void saveRef.current();
      else timerRef.current = setTimeout(() => void saveRef.current(), TYPING_DEBOUNCE_MS);
      refreshSaving();
    },
    [refreshSaving],
  );

  // Leaving (another template, another screen) saves what is still waiting for its pause.
  useEffect(
    () => () => {
      if (timerRef.current) {
        clearTimeout(timerRef.current);
        void saveRef.current();
      }
    },
    [],
  );

  const change = useCallback(
    (nextOrEdit: ExerciseDraft[] | ((rows: ExerciseDraft[]) => ExerciseDraft[]), mode: ChangeMode) => {
      const next = typeof nextOrEdit === 'function' ? nextOrEdit(rowsRef.current) : nextOrEdit;
      const changedKeys = new Set(
        next.filter((row, index) => rowsRef.current[index] !== row).map((row) => row.key),
      );
      commit(next);
      setServerErrors((current) =>
        [...current.keys()].some((key) => changedKeys.has(key))
          ? new Map([...current].filter(([key]) => !changedKeys.has(key)))
          : current,
      );
      schedule(mode);
    },
    [commit, schedule],
  );

  const update = useCallback(
    (key: string, edit: (row: ExerciseDraft) => ExerciseDraft, mode: ChangeMode) => {
      change(
        rowsRef.current.map((row) => (row.key === key ? edit(row) : row)),
        mode,
      );
    },
    [change],
  );

  const errors = useMemo(() => {
    const all = new Map<string, FieldErrors>();
    for (const row of rows) {
      const client = validateRow(row, unit).errors;
      const server = serverErrors.get(row.key);
      if (client || server) all.set(row.key, { ...server, ...client });
    }
    return all;
  }, [rows, unit, serverErrors]);

  return { rows, errors, listError, saving, change, update };
}
