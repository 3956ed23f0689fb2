/**
 * The program the builder edits, saved as it changes (UX.md: never wait, never lose): the
 * ProgramSaver (programSaver.ts) keeps the local document and the changes not saved yet, this hook
 * connects it to `programs.get` / `programs.save`, toasts and the undo stack. Each change pushes
 * an undo entry that re-saves the document before (or after) it.
 */
import { Intent } from '@blueprintjs/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { programDocument, type ScheduleSync } from '../../../shared/domain/program';
import { ProgramOpError, type ProgramDoc } from '../../../shared/calc/program-ops';
import type { AppErrorShape } from '../../../shared/contract/errors';
import type { ProgramDetail } from '../../../shared/domain/program';
import { useAppDispatch } from '../../app/store';
import { useToaster } from '../../app/toaster';
import { errorMessage } from '../../components/ErrorCallout';
import { programsApi, useGetProgramQuery, useSaveProgramMutation } from './api';
import { ProgramSaver, type ProgramOp } from './programSaver';
import type { UndoStack } from './undoStack';

export type { ProgramOp } from './programSaver';

export type SaveStatus =
  | { kind: 'saved' }
  | { kind: 'saving'; slow?: boolean }
  | { kind: 'error'; message: string; retrying: boolean };

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

  // The saver lives as long as the builder; what it calls back reads the latest props through refs.
  const latest = useRef({ saveProgram, dispatch, toaster, programId });
  latest.current = { saveProgram, dispatch, toaster, programId };
  const saverRef = useRef<ProgramSaver | null>(null);
  saverRef.current ??= new ProgramSaver({
    save: async ({ baseRevision, document }) => {
      const result = await latest.current.saveProgram({
        id: latest.current.programId,
        baseRevision,
        document,
      });
      return result.data ? { data: result.data } : { error: result.error as AppErrorShape };
    },
    fetchFresh: async () => {
      const { dispatch: send, programId: id } = latest.current;
      const result = await send(
        programsApi.endpoints.getProgram.initiate({ id }, { forceRefetch: true, subscribe: false }),
      );
      return result.data ?? null;
    },
    onDoc: setDoc,
    onStatus: (next) =>
      setStatus(
        next.kind === 'error'
          ? { kind: 'error', message: errorMessage(next.error), retrying: next.retrying }
          : next,
      ),
    onSaved: ({ program, schedule }) => {
      const { dispatch: send, programId: id, toaster: toasts } = latest.current;
      send(programsApi.util.upsertQueryData('getProgram', { id }, program));
      const message = describeScheduleSync(schedule);
      if (message)
        toasts.show({ message, icon: 'calendar', intent: Intent.PRIMARY, timeout: 4000 }, 'program-sync');
    },
  });
  const saver = saverRef.current;

  // The first load, and later the program as another window (or a fork) left it.
  useEffect(() => {
    if (query.data) saver.receive(query.data);
  }, [query.data, saver]);

  const restore = useCallback((next: ProgramDoc) => saver.commit(() => next, next), [saver]);
  const getDoc = useCallback(() => saver.doc, [saver]);

  const change = useCallback(
    (label: string, op: ProgramOp): boolean => {
      const before = saver.doc;
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
      saver.commit(op, after);
      undoStack.push({ label, undo: async () => restore(before), redo: async () => restore(after) });
      return true;
    },
    [restore, saver, toaster, undoStack],
  );

  // Leaving the builder with a save under way still finishes it (the saver runs on); a save that
  // failed for good is said once more, so the coach knows the edit is not stored.
  useEffect(
    () => () => {
      if (saver.unsaved > 0 && !saver.saving) {
        toaster.show({
          message: 'The last change to the program could not be saved. Open it again to retry.',
          intent: Intent.DANGER,
          icon: 'error',
        });
      }
    },
    [saver, toaster],
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
      flush: () => saver.flush(),
      reload: () => saver.reload(),
      retry: () => saver.retry(),
    }),
    [query, doc, status, change, restore, getDoc, saver],
  );
}
