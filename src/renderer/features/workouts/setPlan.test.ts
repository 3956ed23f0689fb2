import { describe, expect, it } from 'vitest';
import type { WorkoutEntry, WorkoutSet } from '../../../shared/domain/workout';
import {
  describeGhost,
  describeTarget,
  formatClock,
  nextRowToDo,
  parseReps,
  parseRpe,
  parseWeight,
  planSets,
  setLabels,
} from './setPlan';

const ENTRY_ID = '01900000-0000-7000-8000-000000000001';

function entry(overrides: Partial<WorkoutEntry> = {}): WorkoutEntry {
  return {
    id: ENTRY_ID,
    exerciseId: '01900000-0000-7000-8000-000000000002',
    exerciseName: 'Back Squat',
    equipment: 'barbell',
    primaryMuscles: ['quadriceps'],
    position: 0,
    supersetGroup: null,
    notes: '',
    restSeconds: 180,
    prescription: null,
    targets: [],
    sets: [],
    lastTime: null,
    suggestion: null,
    bestE1rmKg: null,
    ...overrides,
  };
}

function set(setNumber: number, overrides: Partial<WorkoutSet> = {}): WorkoutSet {
  return {
    id: `01900000-0000-7000-8000-00000000010${setNumber}`,
    entryId: ENTRY_ID,
    setNumber,
    setType: 'working',
    weightKg: null,
    reps: null,
    rpe: null,
    rir: null,
    completed: false,
    completedAt: null,
    ...overrides,
  };
}

const target = (overrides = {}) => ({
  setType: 'working' as const,
  repsMin: 5,
  repsMax: 5,
  weightKg: 100,
  percentOneRepMax: null,
  rpe: 8,
  rir: null,
  ...overrides,
});

describe('planSets', () => {
  it('shows the saved sets only, so a deleted prescribed set stays deleted', () => {
    const rows = planSets(entry({ targets: [target(), target(), target()], sets: [set(1), set(2)] }));
    expect(rows.map((row) => row.set?.id)).toEqual([set(1).id, set(2).id]);
  });

  it('plans the prescribed sets when none is saved, with the suggestion for working sets', () => {
    const rows = planSets(
      entry({
        targets: [target({ setType: 'warmup', weightKg: 60 }), target(), target()],
        sets: [],
        suggestion: {
          weightKg: 102.5,
          reps: 5,
          reason: 'last time 5×5 @ RPE 7 at 100 kg → 102.5 kg',
          kind: 'increase',
        },
      }),
    );
    expect(
      rows.map((row) => [row.set?.id ?? null, row.setType, row.plannedWeightKg, row.plannedReps]),
    ).toEqual([
      [null, 'warmup', 60, 5],
      [null, 'working', 102.5, 5],
      [null, 'working', 102.5, 5],
    ]);
    expect(rows.map((row) => row.key)).toEqual([`${ENTRY_ID}:0`, `${ENTRY_ID}:1`, `${ENTRY_ID}:2`]);
  });

  it('prefers what was typed into a set over any plan', () => {
    const [row] = planSets(entry({ targets: [target()], sets: [set(1, { weightKg: 90, reps: 8 })] }));
    expect([row!.plannedWeightKg, row!.plannedReps, row!.targetRpe]).toEqual([90, 8, 8]);
  });

  it('plans last time’s sets for an exercise added by hand, and one empty set without a history', () => {
    const ghosts = [1, 2, 3].map((setNumber) => ({
      setNumber,
      setType: 'working' as const,
      weightKg: 80,
      reps: 8,
      rpe: 7,
    }));
    const rows = planSets(
      entry({ lastTime: { sessionId: ENTRY_ID, startedAt: '2026-01-01T10:00:00Z', sets: ghosts } }),
    );
    expect(rows.map((row) => [row.plannedWeightKg, row.plannedReps, row.ghost?.setNumber])).toEqual([
      [80, 8, 1],
      [80, 8, 2],
      [80, 8, 3],
    ]);
    expect(planSets(entry()).map((row) => [row.set, row.plannedWeightKg])).toEqual([[null, null]]);
  });
});

describe('setLabels', () => {
  it('numbers working sets and marks warm-up, drop and failure sets', () => {
    const types = ['warmup', 'warmup', 'working', 'working', 'drop', 'failure'] as const;
    expect(setLabels(types.map((setType) => ({ setType })))).toEqual(['W', 'W', '1', '2', 'D', 'F']);
  });
});

describe('parsing what is typed', () => {
  it('reads a weight in the user’s unit and stores kilograms', () => {
    expect(parseWeight('102,5', 'kg')).toEqual({ ok: true, value: 102.5 });
    const pounds = parseWeight('225', 'lb');
    expect(pounds.ok && pounds.value).toBeCloseTo(102.058, 3);
    expect(parseWeight('', 'kg')).toEqual({ ok: true, value: null });
  });

  it('says what is wrong with an insane weight, reps or RPE', () => {
    expect(parseWeight('9999', 'kg')).toEqual({
      ok: false,
      message: 'Weight must be at most 1000 kg (2,204 lb): check the number',
    });
    expect(parseWeight('-5', 'kg')).toMatchObject({ ok: false, message: 'Weight cannot be negative' });
    expect(parseWeight('abc', 'lb')).toMatchObject({ ok: false, message: 'Weight must be a number (in lb)' });
    expect(parseReps('500')).toMatchObject({
      ok: false,
      message: 'Reps must be at most 100: check the number',
    });
    expect(parseReps('5.5')).toMatchObject({ ok: false, message: 'Reps must be a whole number' });
    expect(parseRpe('8.3')).toMatchObject({
      ok: false,
      message: 'RPE must be between 1 and 10, in half steps',
    });
    expect(parseRpe('8.5')).toEqual({ ok: true, value: 8.5 });
  });
});

describe('descriptions', () => {
  it('describes a target and a ghost in the user’s unit', () => {
    expect(describeTarget(target(), 'kg')).toBe('5 × 100 kg @ RPE 8');
    expect(
      describeTarget(
        target({ repsMin: 8, repsMax: 12, weightKg: null, percentOneRepMax: 70, rpe: null, rir: 2 }),
        'kg',
      ),
    ).toBe('8–12 × 70% @ 2 RIR');
    expect(describeGhost({ setNumber: 1, setType: 'working', weightKg: 100, reps: 5, rpe: 8 }, 'lb')).toBe(
      '220.5 lb × 5 @ 8',
    );
  });

  it('shows durations as a clock', () => {
    expect([formatClock(0), formatClock(65), formatClock(720), formatClock(3723)]).toEqual([
      '0:00',
      '1:05',
      '12:00',
      '1:02:03',
    ]);
  });
});

describe('nextRowToDo', () => {
  const rows = (entryId: string, done: boolean[]) =>
    done.map((isDone, index) => ({ key: `${entryId}:${index}`, done: isDone }));

  it('goes to the next set of the same exercise, then to the next exercise', () => {
    const entries = [
      { entryId: 'a', supersetGroup: null, rows: rows('a', [true, false, false]) },
      { entryId: 'b', supersetGroup: null, rows: rows('b', [false, false]) },
    ];
    expect(nextRowToDo(entries, 'a:1')).toBe('a:2');
    expect(nextRowToDo(entries, 'a:2')).toBe('a:1');
    expect(
      nextRowToDo(
        [entries[0]!, entries[1]!].map((e, i) =>
          i === 0 ? { ...e, rows: rows('a', [true, true, false]) } : e,
        ),
        'a:2',
      ),
    ).toBe('b:0');
  });

  it('alternates between the exercises of a superset', () => {
    const entries = [
      { entryId: 'a', supersetGroup: 'A', rows: rows('a', [false, false]) },
      { entryId: 'b', supersetGroup: 'A', rows: rows('b', [false, false]) },
      { entryId: 'c', supersetGroup: null, rows: rows('c', [false]) },
    ];
    expect(nextRowToDo(entries, 'a:0')).toBe('b:0');
    expect(nextRowToDo(entries, 'b:0')).toBe('a:0');
  });

  it('is null when every set is done', () => {
    expect(
      nextRowToDo([{ entryId: 'a', supersetGroup: null, rows: rows('a', [true, false]) }], 'a:1'),
    ).toBeNull();
  });
});
