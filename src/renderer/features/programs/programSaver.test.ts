import { describe, expect, it } from 'vitest';
import { addWeek, setName, setWeekFields, type ProgramDoc } from '../../../shared/calc/program-ops';
import type { AppErrorShape } from '../../../shared/contract/errors';
import type { ProgramDetail } from '../../../shared/domain/program';
import { ProgramSaver, RETRY_DELAYS_MS, type SaveResult, type SaverStatus } from './programSaver';

let nextId = 0;
const makeId = () => `00000000-0000-7000-8000-${(++nextId).toString(16).padStart(12, '0')}`;

function detailOf(doc: ProgramDoc, revision: number): ProgramDetail {
  return {
    id: '10000000-0000-7000-8000-000000000001',
    name: doc.name,
    description: doc.description,
    daysPerWeek: doc.daysPerWeek,
    shiftOnMissed: doc.shiftOnMissed,
    archived: false,
    revision,
    weeks: doc.weeks.map((week, index) => ({
      ...week,
      weekNumber: index + 1,
      days: week.days.map((day) => ({ ...day })),
    })),
    templates: [],
    assignments: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

const startDoc = (): ProgramDoc => ({
  name: 'Block',
  description: '',
  daysPerWeek: 3,
  shiftOnMissed: false,
  weeks: [
    {
      id: makeId(),
      phase: null,
      deload: false,
      volumeFactor: 1,
      intensityDeltaPercent: 0,
      rpeDelta: 0,
      days: [],
    },
  ],
});

/**
 * A stored program that refuses a stale revision, like `programs.save`; `failNext` makes the next
 * saves fail with an error, and `hold()` keeps the next save waiting until released.
 */
function fakeBackend(initial: ProgramDoc) {
  const stored = { doc: initial, revision: 0 };
  const saves: { baseRevision: number; document: ProgramDoc }[] = [];
  const failures: AppErrorShape[] = [];
  let gate: { promise: Promise<void>; release: () => void } | null = null;
  return {
    stored,
    saves,
    failNext(...errors: AppErrorShape[]) {
      failures.push(...errors);
    },
    hold() {
      let release = () => {};
      const promise = new Promise<void>((resolve) => {
        release = resolve;
      });
      gate = { promise, release };
      return release;
    },
    /** Another window saves first. */
    saveElsewhere(change: (doc: ProgramDoc) => ProgramDoc) {
      stored.doc = change(stored.doc);
      stored.revision += 1;
    },
    async save(input: { baseRevision: number; document: ProgramDoc }): Promise<SaveResult> {
      saves.push(input);
      if (gate) {
        const waiting = gate;
        gate = null;
        await waiting.promise;
      }
      const failure = failures.shift();
      if (failure) return { error: failure };
      if (input.baseRevision !== stored.revision) {
        return { error: { code: 'conflict', message: 'This program was changed in another window' } };
      }
      stored.doc = input.document;
      stored.revision += 1;
      return {
        data: {
          program: detailOf(stored.doc, stored.revision),
          schedule: { created: 0, updated: 0, removed: 0, athletes: 0 },
        },
      };
    },
    fresh: async () => detailOf(stored.doc, stored.revision),
  };
}

function setUp(initial = startDoc()) {
  const backend = fakeBackend(initial);
  const statuses: SaverStatus[] = [];
  const sleeps: number[] = [];
  let shown: ProgramDoc | null = null;
  const saver = new ProgramSaver({
    save: (input) => backend.save(input),
    fetchFresh: () => backend.fresh(),
    onDoc: (doc) => {
      shown = doc;
    },
    onStatus: (status) => statuses.push(status),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    startTimer: () => () => {},
  });
  saver.receive(detailOf(initial, 0));
  const change = (op: (doc: ProgramDoc) => ProgramDoc) => saver.commit(op, op(saver.doc!));
  return { backend, saver, statuses, sleeps, change, shown: () => shown };
}

describe('saving the program as it changes', () => {
  it('saves a change with the revision it started from and says it is saved', async () => {
    const { backend, saver, statuses, change, shown } = setUp();
    change((doc) => setName(doc, 'Peaking'));
    expect(shown()!.name).toBe('Peaking');
    await saver.flush();
    expect(backend.saves.map((save) => save.baseRevision)).toEqual([0]);
    expect(backend.stored.doc.name).toBe('Peaking');
    expect(statuses.at(0)).toEqual({ kind: 'saving' });
    expect(statuses.at(-1)).toEqual({ kind: 'saved' });
  });

  it('sends the changes made during a save together in the next one', async () => {
    const { backend, saver, change } = setUp();
    const release = backend.hold();
    change((doc) => setName(doc, 'One'));
    change((doc) => addWeek(doc, makeId));
    change((doc) => setName(doc, 'Three'));
    release();
    await saver.flush();
    expect(backend.saves).toHaveLength(2);
    expect(backend.saves[1]!.baseRevision).toBe(1);
    expect(backend.stored.doc).toMatchObject({ name: 'Three' });
    expect(backend.stored.doc.weeks).toHaveLength(2);
    expect(saver.unsaved).toBe(0);
  });

  it('after another window saved first, replays this window’s change on the stored program and keeps both', async () => {
    const { backend, saver, change, shown } = setUp();
    backend.saveElsewhere((doc) => setName(doc, 'Renamed elsewhere'));
    const weekId = saver.doc!.weeks[0]!.id;
    change((doc) => setWeekFields(doc, weekId, { phase: 'deload', deload: true }));
    await saver.flush();
    expect(backend.saves.map((save) => save.baseRevision)).toEqual([0, 1]);
    expect(backend.stored.doc).toMatchObject({
      name: 'Renamed elsewhere',
      weeks: [{ phase: 'deload', deload: true }],
    });
    expect(shown()).toEqual(backend.stored.doc);
  });

  it('retries while Lift Tracker does not answer, keeping the edit, and saves when it does', async () => {
    const { backend, saver, statuses, sleeps, change } = setUp();
    const away: AppErrorShape = { code: 'unavailable', message: 'The backend did not answer' };
    backend.failNext(away, away);
    change((doc) => setName(doc, 'Kept'));
    await saver.flush();
    expect(sleeps).toEqual([RETRY_DELAYS_MS[0], RETRY_DELAYS_MS[1]]);
    expect(statuses).toContainEqual({ kind: 'error', error: away, retrying: true });
    expect(backend.stored.doc.name).toBe('Kept');
    expect(statuses.at(-1)).toEqual({ kind: 'saved' });
  });

  it('after the retries, waits for Retry with the edit still on screen', async () => {
    const { backend, saver, statuses, change, shown } = setUp();
    const away: AppErrorShape = { code: 'unavailable', message: 'The backend did not answer' };
    backend.failNext(...Array.from({ length: RETRY_DELAYS_MS.length + 1 }, () => away));
    change((doc) => setName(doc, 'Not lost'));
    await expect(saver.flush()).rejects.toThrow('could not be saved yet');
    expect(statuses.at(-1)).toEqual({ kind: 'error', error: away, retrying: false });
    expect(shown()!.name).toBe('Not lost');
    expect(backend.stored.doc.name).toBe('Block');
    saver.retry();
    await saver.flush();
    expect(backend.stored.doc.name).toBe('Not lost');
  });

  it('stops at a refusal it cannot fix by retrying, and says so', async () => {
    const { backend, saver, statuses, change } = setUp();
    const refused: AppErrorShape = {
      code: 'invalid_input',
      message: 'Week 1, day 1 uses a template that has been deleted',
    };
    backend.failNext(refused);
    change((doc) => setName(doc, 'Refused'));
    await expect(saver.flush()).rejects.toThrow();
    expect(backend.saves).toHaveLength(1);
    expect(statuses.at(-1)).toEqual({ kind: 'error', error: refused, retrying: false });
  });

  it('takes a newer stored program with the unsaved changes on top, and ignores an older one', () => {
    const { saver, shown } = setUp();
    const newer = detailOf(setName(saver.doc!, 'From elsewhere'), 5);
    saver.receive(newer);
    expect(shown()!.name).toBe('From elsewhere');
    saver.receive(detailOf(setName(saver.doc!, 'Stale'), 3));
    expect(shown()!.name).toBe('From elsewhere');
  });
});
