/**
 * The program the builder edits, saved as it changes (UX.md: never wait, never lose).
 *
 * Every change is an operation from src/shared/calc/program-ops.ts applied to the local document
 * at once; the document is then saved whole (`programs.save`) with the revision it started from.
 * Saves run one at a time; changes made meanwhile go out together in the next one. The operations
 * not yet saved are kept, so when another window saved first (`conflict`) they are replayed on
 * the fresh program and saved again, and when the backend is away the edit stays on screen and is
 * retried. Each change pushes an undo entry that re-saves the document before (or after) it.
 */
import { Intent } from '@blueprintjs/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { programDocument, type ProgramDetail, type ScheduleSync } from '../../../shared/domain/program';
import { ProgramOpError, toDocument, type ProgramDoc } from '../../../shared/calc/program-ops';
import type { AppErrorShape } from '../../../shared/contract/errors';
import { useAppDispatch } from '../../app/store';
import { useToaster } from '../../app/toaster';
import { errorMessage } from '../../components/ErrorCallout';
import { programsApi, useGetProgramQuery, useSaveProgramMutation } from './api';
import type { UndoStack } from './undoStack';

export type ProgramOp = (doc: ProgramDoc) => ProgramDoc;

export type SaveStatus =
  | { kind: 'saved' }
  /** `slow` once a save has taken longer than a save should (the backend may be away). */
  | { kind: 'saving'; slow?: boolean }
  | { kind: 'error'; message: string; retrying: boolean };

interface Pending {
  seq: number;
  op: ProgramOp;
}

interface SyncState {
  serverRevision: number;
  localDoc: ProgramDoc | null;
  pending: Pending[];
  seq: number;
  inFlight: Promise<void> | null;
  /** Set after a save failed for good; cleared by Retry. */
  blocked: boolean;
}

const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000];
const MAX_REBASES = 3;
/** A save takes milliseconds; past this the indicator says it is waiting for Lift Tracker. */
const SLOW_SAVE_MS = 4000;

const sleep = (ms: number) => new Promise((resolve) => window.setTimeout(resolve, ms));

/** "Updated 8 upcoming workouts for 2 athletes". */
export function describeScheduleSync(sync: ScheduleSync): string | null {
  const changed = sync.created + sync.updated + sync.removed;
  if (changed === 0) return null;
  const workouts = `${changed} upcoming ${changed === 1 ? 'workout' : 'workouts'}`;
  const athletes = `${sync.athletes} ${sync.athletes === 1 ? 'athlete' : 'athletes'}`;
  return `Updated ${workouts} for ${athletes}`;
}

export interface ProgramDocumentApi {
  detail: ProgramDetail | undefined;
  doc: ProgramDoc | null;
  isLoading: boolean;
  loadError: AppErrorShape | undefined;
  refetch: () => void;
  status: SaveStatus;
  /**
   * Applies an operation now, saves it, and records it for undo under `label`. Returns false
   * (and says why in a toast) when the operation cannot be done.
   */
  change: (label: string, op: ProgramOp) => boolean;
  /** Puts back a whole document (an undo step recorded elsewhere): saved, not recorded again. */
  restore: (doc: ProgramDoc) => void;
  /** The document as it is now (not as of the last render). */
  getDoc: () => ProgramDoc | null;
  /** Resolves once everything changed so far is saved. */
  flush: () => Promise<void>;
  /** Reloads the program from the database (after a fork, which the backend writes itself). */
  reload: () => Promise<ProgramDetail | null>;
  retry: () => void;
}

export function useProgramDocument(programId: string, undoStack: UndoStack): ProgramDocumentApi {
  const query = useGetProgramQuery({ id: programId });
  const [saveProgram] = useSaveProgramMutation();
  const dispatch = useAppDispatch();
  const toaster = useToaster();
  const [doc, setDoc] = useState<ProgramDoc | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved' });
  const sync = useRef<SyncState>({
    serverRevision: -1,
    localDoc: null,
    pending: [],
    seq: 0,
    inFlight: null,
    blocked: false,
  });

  /** Takes the stored program as the base and replays the changes not saved yet on top of it. */
  const adopt = useCallback((fresh: ProgramDetail) => {
    const state = sync.current;
    state.serverRevision = fresh.revision;
    let next = toDocument(fresh);
    for (const { op } of state.pending) {
      try {
        next = op(next);
      } catch (error) {
        // A change that no longer applies (its week was deleted elsewhere) is dropped.
        if (!(error instanceof ProgramOpError)) throw error;
      }
    }
    state.localDoc = next;
    setDoc(next);
  }, []);

  const fetchFresh = useCallback(async (): Promise<ProgramDetail | null> => {
    const result = await dispatch(
      programsApi.endpoints.getProgram.initiate({ id: programId }, { forceRefetch: true, subscribe: false }),
    );
    return result.data ?? null;
  }, [dispatch, programId]);

  const runSaves = useCallback((): Promise<void> => {
    const state = sync.current;
    if (state.inFlight) return state.inFlight;
    const run = async () => {
      let attempt = 0;
      let rebases = 0;
      while (state.pending.length > 0 && !state.blocked && state.localDoc) {
        const sentSeq = state.seq;
        const document = state.localDoc;
        setStatus({ kind: 'saving' });
        const slowTimer = window.setTimeout(() => setStatus({ kind: 'saving', slow: true }), SLOW_SAVE_MS);
        const result = await saveProgram({ id: programId, baseRevision: state.serverRevision, document });
        window.clearTimeout(slowTimer);
        if (result.data) {
          attempt = 0;
          state.serverRevision = result.data.program.revision;
          state.pending = state.pending.filter((pending) => pending.seq > sentSeq);
          dispatch(programsApi.util.upsertQueryData('getProgram', { id: programId }, result.data.program));
          const message = describeScheduleSync(result.data.schedule);
          if (message) {
            toaster.show(
              { message, icon: 'calendar', intent: Intent.PRIMARY, timeout: 4000 },
              'program-sync',
            );
          }
          continue;
        }
        const error = result.error as AppErrorShape;
        if (error.code === 'conflict' && rebases < MAX_REBASES) {
          rebases += 1;
          const fresh = await fetchFresh();
          if (fresh) adopt(fresh);
          continue;
        }
        if (error.code === 'unavailable' && attempt < RETRY_DELAYS_MS.length) {
          setStatus({ kind: 'error', message: errorMessage(error), retrying: true });
          await sleep(RETRY_DELAYS_MS[attempt]!);
          attempt += 1;
          continue;
        }
        state.blocked = true;
        setStatus({ kind: 'error', message: errorMessage(error), retrying: false });
        return;
      }
      if (!state.blocked) setStatus({ kind: 'saved' });
    };
    state.inFlight = run().finally(() => {
      state.inFlight = null;
    });
    return state.inFlight;
  }, [adopt, dispatch, fetchFresh, programId, saveProgram, toaster]);

  const commit = useCallback(
    (op: ProgramOp, next: ProgramDoc) => {
      const state = sync.current;
      state.seq += 1;
      state.pending.push({ seq: state.seq, op });
      state.localDoc = next;
      setDoc(next);
      void runSaves();
    },
    [runSaves],
  );

  // The first load, and later the program as another window (or a fork) left it.
  const fresh = query.data;
  useEffect(() => {
    const state = sync.current;
    if (!fresh || state.inFlight) return;
    if (fresh.revision > state.serverRevision) adopt(fresh);
  }, [fresh, adopt]);

  const restore = useCallback((next: ProgramDoc) => commit(() => next, next), [commit]);
  const getDoc = useCallback(() => sync.current.localDoc, []);

  const change = useCallback(
    (label: string, op: ProgramOp): boolean => {
      const before = sync.current.localDoc;
      if (!before) return false;
      let after: ProgramDoc;
      try {
        after = op(before);
      } catch (error) {
        if (!(error instanceof ProgramOpError)) throw error;
        toaster.show({ message: error.message, intent: Intent.WARNING, icon: 'warning-sign' });
        return false;
      }
      if (after === before) return true;
      const parsed = programDocument.safeParse(after);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        toaster.show({
          message: issue ? issue.message : 'That change would leave the program invalid',
          intent: Intent.WARNING,
          icon: 'warning-sign',
        });
        return false;
      }
      commit(op, after);
      undoStack.push({
        label,
        undo: async () => restore(before),
        redo: async () => restore(after),
      });
      return true;
    },
    [commit, restore, toaster, undoStack],
  );

  const flush = useCallback(async () => {
    const state = sync.current;
    while (state.pending.length > 0 && !state.blocked) await runSaves();
    if (state.blocked) throw new Error('The program has changes that could not be saved yet');
  }, [runSaves]);

  const reload = useCallback(async () => {
    const detail = await fetchFresh();
    if (detail && !sync.current.inFlight) adopt(detail);
    return detail;
  }, [adopt, fetchFresh]);

  const retry = useCallback(() => {
    sync.current.blocked = false;
    void runSaves();
  }, [runSaves]);

  // Leaving the builder with a save under way still finishes it (the promise runs on); a save
  // that failed for good is said once more, so the coach knows the edit is not stored.
  useEffect(
    () => () => {
      if (sync.current.blocked) {
        toaster.show({
          message: 'The last change to the program could not be saved. Open it again to retry.',
          intent: Intent.DANGER,
          icon: 'error',
        });
      }
    },
    [toaster],
  );

  return useMemo(
    () => ({
      detail: query.data,
      doc,
      isLoading: query.isLoading,
      loadError: query.error as AppErrorShape | undefined,
      refetch: () => void query.refetch(),
      status,
      change,
      restore,
      getDoc,
      flush,
      reload,
      retry,
    }),
    [query, doc, status, change, restore, getDoc, flush, reload, retry],
  );
}
