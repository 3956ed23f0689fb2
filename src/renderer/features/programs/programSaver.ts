/**
 * Saving the builder's program as it changes, without ever losing an edit (UX.md).
 *
 * Every change is an operation applied to the local document at once; the document is then saved
 * whole with the revision it started from. Saves run one at a time, and changes made meanwhile go
 * out together in the next one. The operations not yet saved are kept: when another window saved
 * first (`conflict`) they are replayed on the stored program and saved again; when the backend
 * does not answer (`unavailable`) the save is retried after a pause, and after a few tries it
 * waits for `retry()`; the edit stays on screen all along. Nothing here knows React or the
 * transport: the hook in useProgramDocument.ts wires it, and the tests drive it directly.
 */
import { ProgramOpError, toDocument, type ProgramDoc } from '../../../shared/calc/program-ops';
import type { AppErrorShape } from '../../../shared/contract/errors';
import type { ProgramDetail, ScheduleSync } from '../../../shared/domain/program';

export type ProgramOp = (doc: ProgramDoc) => ProgramDoc;

export type SaverStatus =
  | { kind: 'saved' }
  /** `slow` once a save has taken longer than a save should (the backend may be away). */
  | { kind: 'saving'; slow?: boolean }
  | { kind: 'error'; error: AppErrorShape; retrying: boolean };

export type SaveResult =
  { data: { program: ProgramDetail; schedule: ScheduleSync } } | { error: AppErrorShape };

export interface SaverDeps {
  save: (input: { baseRevision: number; document: ProgramDoc }) => Promise<SaveResult>;
  /** The program as stored now (after a conflict); null when it cannot be read. */
  fetchFresh: () => Promise<ProgramDetail | null>;
  onDoc: (doc: ProgramDoc) => void;
  onStatus: (status: SaverStatus) => void;
  onSaved?: (result: { program: ProgramDetail; schedule: ScheduleSync }) => void;
  sleep?: (ms: number) => Promise<void>;
  /** Starts the "slow" timer; returns its cancel. */
  startTimer?: (ms: number, onDue: () => void) => () => void;
}

export const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000] as const;
export const MAX_REBASES = 3;
/** A save takes milliseconds; past this the indicator says it is waiting for Lift Tracker. */
export const SLOW_SAVE_MS = 4000;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const defaultTimer = (ms: number, onDue: () => void) => {
  const timer = setTimeout(onDue, ms);
  return () => clearTimeout(timer);
};

export class ProgramSaver {
  private serverRevision = -1;
  private localDoc: ProgramDoc | null = null;
  private pending: { seq: number; op: ProgramOp }[] = [];
  private seq = 0;
  private running: Promise<void> | null = null;
  /** Set after a save failed for good; cleared by `retry()`. */
  private blocked = false;

  constructor(private readonly deps: SaverDeps) {}

  get doc(): ProgramDoc | null {
    return this.localDoc;
  }

  get saving(): boolean {
    return this.running !== null;
  }

  get unsaved(): number {
    return this.pending.length;
  }

  /**
   * The stored program, as first loaded or as another window left it: taken as the base, with
   * the changes not saved yet replayed on top. One saved with an older revision is ignored.
   */
  receive(fresh: ProgramDetail): void {
    if (this.running || fresh.revision <= this.serverRevision) return;
    this.adopt(fresh);
  }

  /** Applies a change made here (already applied to give `next`) and saves it. */
  commit(op: ProgramOp, next: ProgramDoc): void {
    this.seq += 1;
    this.pending.push({ seq: this.seq, op });
    this.localDoc = next;
    this.deps.onDoc(next);
    void this.run();
  }

  /** Resolves once everything changed so far is saved; rejects when a save failed for good. */
  async flush(): Promise<void> {
    while (this.pending.length > 0 && !this.blocked) await this.run();
    if (this.blocked) throw new Error('The program has changes that could not be saved yet');
  }

  retry(): void {
    this.blocked = false;
    void this.run();
  }

  /** Reads the stored program and takes it (after a fork, which the backend writes itself). */
  async reload(): Promise<ProgramDetail | null> {
    const fresh = await this.deps.fetchFresh();
    if (fresh && !this.running) this.adopt(fresh);
    return fresh;
  }

  private adopt(fresh: ProgramDetail): void {
    this.serverRevision = fresh.revision;
    let next = toDocument(fresh);
    for (const { op } of this.pending) {
      try {
        next = op(next);
      } catch (error) {
        // A change that no longer applies (its week was deleted elsewhere) is dropped.
        if (!(error instanceof ProgramOpError)) throw error;
      }
    }
    this.localDoc = next;
    this.deps.onDoc(next);
  }

  private run(): Promise<void> {
    this.running ??= this.saveAll().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async saveAll(): Promise<void> {
    const { deps } = this;
    const sleep = deps.sleep ?? defaultSleep;
    const startTimer = deps.startTimer ?? defaultTimer;
    let attempt = 0;
    let rebases = 0;
    while (this.pending.length > 0 && !this.blocked && this.localDoc) {
      const sentSeq = this.seq;
      const document = this.localDoc;
      deps.onStatus({ kind: 'saving' });
      const cancelSlow = startTimer(SLOW_SAVE_MS, () => deps.onStatus({ kind: 'saving', slow: true }));
      const result = await deps.save({ baseRevision: this.serverRevision, document });
      cancelSlow();
      if ('data' in result) {
        attempt = 0;
        this.serverRevision = result.data.program.revision;
        this.pending = this.pending.filter((pending) => pending.seq > sentSeq);
        deps.onSaved?.(result.data);
        continue;
      }
      const { error } = result;
      if (error.code === 'conflict' && rebases < MAX_REBASES) {
        rebases += 1;
        const fresh = await deps.fetchFresh();
        if (fresh) this.adopt(fresh);
        continue;
      }
      if (error.code === 'unavailable' && attempt < RETRY_DELAYS_MS.length) {
        deps.onStatus({ kind: 'error', error, retrying: true });
        await sleep(RETRY_DELAYS_MS[attempt]!);
        attempt += 1;
        continue;
      }
      this.blocked = true;
      deps.onStatus({ kind: 'error', error, retrying: false });
      return;
    }
    if (!this.blocked) deps.onStatus({ kind: 'saved' });
  }
}
