import { describe, expect, it } from 'vitest';
import { templateExerciseInput } from '../../../shared/domain/prescription';
import { toTemplateExerciseInputs, type TemplateExercise } from '../../../shared/domain/template';
import {
  convertLoads,
  draftFromInput,
  fieldOfPath,
  mergeValid,
  newDraft,
  parseReps,
  parseRest,
  positionLabels,
  supersetPlaces,
  toInput,
  topSetWithBackOffs,
  validateRow,
  withSetsAlike,
  withSetsDiffer,
  type ExerciseDraft,
} from './draft';

const SQUAT_ID = '01890a5d-ac96-774b-bcce-b302099a8057';
const info = { exerciseName: 'Back Squat', primaryMuscles: ['quadriceps' as const] };

function draft(fields: Partial<ExerciseDraft> = {}): ExerciseDraft {
  return { ...newDraft(SQUAT_ID, info), ...fields };
}

describe('reading what the coach typed', () => {
  it('reads a rep count, a range with a hyphen, an en dash or "to", and leaves junk to the schema', () => {
    expect(parseReps('5')).toEqual({ repsMin: 5, repsMax: null });
    expect(parseReps('8-12')).toEqual({ repsMin: 8, repsMax: 12 });
    expect(parseReps(' 8 – 12 ')).toEqual({ repsMin: 8, repsMax: 12 });
    expect(parseReps('6 to 8')).toEqual({ repsMin: 6, repsMax: 8 });
    expect(parseReps('')).toEqual({ repsMin: null, repsMax: null });
    expect(parseReps('lots').repsMin).toBeNaN();
  });

  it('reads rest as seconds, m:ss, or minutes and seconds', () => {
    expect(parseRest('90')).toBe(90);
    expect(parseRest('1:30')).toBe(90);
    expect(parseRest('2m')).toBe(120);
    expect(parseRest('1m30s')).toBe(90);
    expect(parseRest('')).toBeNull();
    expect(parseRest('1:75')).toBeNaN();
  });
});

describe('a row as the schema sees it', () => {
  it('turns 5 × 5 at 80 % into the stored prescription', () => {
    const input = toInput(draft({ sets: '5', reps: '5', load: '80' }), 'kg');
    expect(input).toMatchObject({ sets: 5, repsMin: 5, repsMax: null, percentOneRepMax: 80, loadKg: null });
    expect(validateRow(draft({ sets: '5', reps: '5', load: '80' }), 'kg').errors).toBeNull();
  });

  it('stores a weight typed in pounds in kilograms and shows it back as typed', () => {
    const row = draft({ loadKind: 'weight', load: '225' });
    const input = toInput(row, 'lb');
    expect(input.loadKg).toBeCloseTo(102.058, 3);
    expect(draftFromInput(input, info, 'lb').load).toBe('225');
    expect(draftFromInput(input, info, 'kg').load).toBe('102.1');
  });

  it('refuses a backwards range, an RPE of 11 and a %1RM of 250 with the shared messages', () => {
    expect(validateRow(draft({ reps: '12-8' }), 'kg').errors).toEqual({
      reps: 'The rep range 12–8 runs backwards: put the smaller number first',
    });
    expect(validateRow(draft({ effort: '11' }), 'kg').errors).toEqual({
      effort: 'RPE must be between 1 and 10, in half steps',
    });
    expect(validateRow(draft({ effort: '8.3' }), 'kg').errors?.effort).toBe(
      'RPE must be between 1 and 10, in half steps',
    );
    expect(validateRow(draft({ load: '250' }), 'kg').errors).toEqual({
      load: '%1RM must be between 1 and 100',
    });
    expect(validateRow(draft({ sets: 'five' }), 'kg').errors).toEqual({ sets: 'Sets must be a number' });
    expect(validateRow(draft({ rest: 'soon' }), 'kg').errors).toEqual({
      rest: 'Rest must be a number of seconds',
    });
  });

  it('places issues of per-set rows on their cells', () => {
    expect(fieldOfPath(['setDetails', 2, 'rpe'])).toBe('set.2.effort');
    expect(fieldOfPath(['setDetails', 0, 'repsMax'])).toBe('set.0.reps');
    expect(fieldOfPath(['setDetails'])).toBe('sets');
    expect(fieldOfPath(['restSeconds'])).toBe('rest');
  });

  it('round-trips a stored exercise through the editor unchanged', () => {
    const stored: TemplateExercise = {
      id: '01890a5d-ac96-774b-bcce-b302099a8058',
      exerciseId: SQUAT_ID,
      exerciseName: 'Back Squat',
      primaryMuscles: ['quadriceps'],
      secondaryMuscles: [],
      equipment: 'barbell',
      position: 0,
      supersetGroup: 'A',
      sets: 3,
      repsMin: 8,
      repsMax: 12,
      percentOneRepMax: null,
      loadKg: null,
      rpe: 8,
      rir: null,
      restSeconds: 90,
      tempo: '3-1-X-0',
      notes: 'Belt on the top set',
      setDetails: null,
    };
    const [input] = toTemplateExerciseInputs([stored]);
    const row = draftFromInput(input!, info, 'kg');
    expect(row).toMatchObject({ sets: '3', reps: '8–12', effort: '8', rest: '1:30', supersetGroup: 'A' });
    expect(toInput(row, 'kg')).toEqual(input);
  });
});

describe('sets that differ', () => {
  it('starts per-set rows from the exercise and goes back to the first working set', () => {
    const rows = withSetsDiffer(draft({ sets: '4', reps: '5', load: '75' }));
    expect(rows.setRows).toHaveLength(4);
    expect(rows.setRows?.every((row) => row.reps === '5' && row.load === '75')).toBe(true);
    const input = toInput(rows, 'kg');
    expect(input.sets).toBe(4);
    expect(input.setDetails).toHaveLength(4);
    expect(validateRow(rows, 'kg').errors).toBeNull();
    expect(withSetsAlike(rows)).toMatchObject({ sets: '4', reps: '5', load: '75', setRows: null });
  });

  it('fills a top set and three back-offs at 10 % less', () => {
    const filled = topSetWithBackOffs(draft({ reps: '3', load: '85', effort: '8' }));
    expect(filled.sets).toBe('4');
    expect(filled.setRows?.map((row) => [row.reps, row.load, row.effort])).toEqual([
      ['3', '85', '8'],
      ['3', '76.5', ''],
      ['3', '76.5', ''],
      ['3', '76.5', ''],
    ]);
  });

  it('converts a stored load from its exact value, not its rounded display', () => {
    const stored = templateExerciseInput.parse(toInput(draft({ loadKind: 'weight', load: '135' }), 'lb'));
    const shownInKg = draftFromInput(stored, info, 'kg');
    expect(shownInKg.load).toBe('61.2');
    expect(convertLoads(shownInKg, 'kg', 'lb', stored).load).toBe('135');
    expect(convertLoads({ ...shownInKg, load: '61.2' }, 'kg', 'lb').load).toBe('134.9');
  });

  it('converts typed weights when the unit changes', () => {
    const row = withSetsDiffer(draft({ loadKind: 'weight', load: '100', sets: '2' }));
    const inPounds = convertLoads(row, 'kg', 'lb');
    expect(inPounds.load).toBe('220.5');
    expect(inPounds.setRows?.[1]?.load).toBe('220.5');
  });
});

describe('what is stored of a refused row', () => {
  it('keeps each valid change and the last valid value of each refused one', () => {
    const last = templateExerciseInput.parse(toInput(draft({ reps: '8', effort: '8' }), 'kg'));
    const typed = toInput(draft({ reps: '12-8', effort: '11', load: '75', rest: '2:00' }), 'kg');
    expect(mergeValid(last, typed)).toMatchObject({
      repsMin: 8,
      repsMax: null,
      rpe: 8,
      percentOneRepMax: 75,
      restSeconds: 120,
    });
  });
});

describe('supersets', () => {
  it('joins adjacent rows of one group and labels them A1, A2', () => {
    const rows = [
      { supersetGroup: null },
      { supersetGroup: 'A' },
      { supersetGroup: 'A' },
      { supersetGroup: 'B' },
    ];
    expect(supersetPlaces(rows)).toEqual(['alone', 'first', 'last', 'alone']);
    expect(positionLabels(rows)).toEqual(['1', 'A1', 'A2', '4']);
  });
});
