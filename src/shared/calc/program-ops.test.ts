import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { programDocument, type ProgramDetail } from '../domain/program';
import {
  addWeek,
  clearDay,
  copyDay,
  copyWeekInto,
  daysLostBySetDaysPerWeek,
  daysUsingTemplate,
  dayAt,
  duplicateWeek,
  isEmptyWeek,
  moveDay,
  moveWeek,
  ProgramOpError,
  removeWeek,
  replaceWeeks,
  retargetDays,
  setDayOverrides,
  setDayTemplate,
  setDaysPerWeek,
  setName,
  setWeekCount,
  setWeekFields,
  slotOfDay,
  toDocument,
  workoutDayCount,
  type MakeId,
  type ProgramDoc,
} from './program-ops';

/** Valid UUIDs from a counter, so tests read their ids back in order. */
function counterIds(prefix = 0): MakeId {
  let next = 0;
  return () => {
    next += 1;
    return `00000000-0000-7000-8${prefix.toString(16).padStart(3, '0')}-${next.toString(16).padStart(12, '0')}`;
  };
}

const TEMPLATE = {
  upper: '10000000-0000-7000-8000-00000000000a',
  lower: '10000000-0000-7000-8000-00000000000b',
  full: '10000000-0000-7000-8000-00000000000c',
};
const EXERCISE = '20000000-0000-7000-8000-000000000001';

/** Three weeks of Upper/Lower/rest/Full on four days, week 2 with an override. */
function sampleDoc(makeId = counterIds(1)): ProgramDoc {
  const week = (days: (string | null)[]) => ({
    id: makeId(),
    phase: null,
    deload: false,
    volumeFactor: 1,
    intensityDeltaPercent: 0,
    rpeDelta: 0,
    days: days.flatMap((templateId, dayIndex) =>
      templateId === null ? [] : [{ id: makeId(), dayIndex, templateId, overrides: {} }],
    ),
  });
  const doc: ProgramDoc = {
    name: 'Upper/Lower',
    description: '',
    daysPerWeek: 4,
    shiftOnMissed: false,
    weeks: [
      week([TEMPLATE.upper, TEMPLATE.lower, null, TEMPLATE.full]),
      week([TEMPLATE.upper, TEMPLATE.lower, null, TEMPLATE.full]),
      week([TEMPLATE.upper, null, null, null]),
    ],
  };
  doc.weeks[1]!.days[0]!.overrides = { [EXERCISE]: { sets: 5, percentOneRepMax: 80 } };
  return doc;
}

function allIds(doc: ProgramDoc): string[] {
  return doc.weeks.flatMap((week) => [week.id, ...week.days.map((day) => day.id)]);
}

function templatesBySlot(doc: ProgramDoc): (string | null)[][] {
  return doc.weeks.map((week) =>
    Array.from({ length: doc.daysPerWeek }, (_, dayIndex) => {
      const day = week.days.find((candidate) => candidate.dayIndex === dayIndex);
      return day?.templateId ?? null;
    }),
  );
}

function expectValid(doc: ProgramDoc): void {
  const parsed = programDocument.safeParse(doc);
  expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
  const ids = allIds(doc);
  expect(new Set(ids).size).toBe(ids.length);
}

const short = (templateId: string | null) =>
  templateId === TEMPLATE.upper
    ? 'U'
    : templateId === TEMPLATE.lower
      ? 'L'
      : templateId === TEMPLATE.full
        ? 'F'
        : '-';
const grid = (doc: ProgramDoc) => templatesBySlot(doc).map((row) => row.map(short).join(''));

describe('the builder document', () => {
  it('is read from a program detail with days in slot order and overrides copied', () => {
    const doc = sampleDoc();
    const detail = {
      name: doc.name,
      description: doc.description,
      daysPerWeek: doc.daysPerWeek,
      shiftOnMissed: false,
      weeks: doc.weeks.map((week, index) => ({
        ...week,
        weekNumber: index + 1,
        days: [...week.days].reverse(),
      })),
    } satisfies Pick<ProgramDetail, 'name' | 'description' | 'daysPerWeek' | 'shiftOnMissed' | 'weeks'>;
    const read = toDocument(detail);
    expect(read).toEqual(doc);
    expect(read.weeks[1]!.days[0]!.overrides).not.toBe(detail.weeks[1]!.days.at(-1)!.overrides);
    expectValid(read);
  });

  it('finds a day by slot and by id, and the days that use a template', () => {
    const doc = sampleDoc();
    const week2 = doc.weeks[1]!;
    expect(dayAt(doc, { weekId: week2.id, dayIndex: 1 })?.templateId).toBe(TEMPLATE.lower);
    expect(dayAt(doc, { weekId: week2.id, dayIndex: 2 })).toBeUndefined();
    expect(slotOfDay(doc, week2.days[2]!.id)).toEqual({ weekId: week2.id, dayIndex: 3 });
    expect(daysUsingTemplate(doc, TEMPLATE.upper).map((use) => use.weekNumber)).toEqual([1, 2, 3]);
    expect(workoutDayCount(doc)).toBe(7);
  });
});

describe('moving and copying days', () => {
  it('moves a day onto a rest day, keeping its id and overrides', () => {
    const doc = sampleDoc();
    const [, week2] = doc.weeks;
    const moved = moveDay(doc, { weekId: week2!.id, dayIndex: 0 }, { weekId: week2!.id, dayIndex: 2 });
    expect(grid(moved)[1]).toBe('-LUF');
    const day = dayAt(moved, { weekId: week2!.id, dayIndex: 2 })!;
    expect(day.id).toBe(week2!.days[0]!.id);
    expect(day.overrides).toEqual({ [EXERCISE]: { sets: 5, percentOneRepMax: 80 } });
    expectValid(moved);
  });

  it('swaps two days when the target holds one, across weeks too', () => {
    const doc = sampleDoc();
    const [week1, , week3] = doc.weeks;
    const swapped = moveDay(doc, { weekId: week1!.id, dayIndex: 1 }, { weekId: week3!.id, dayIndex: 0 });
    expect(grid(swapped)).toEqual(['UU-F', 'UL-F', 'L---']);
    expect(dayAt(swapped, { weekId: week1!.id, dayIndex: 1 })!.id).toBe(week3!.days[0]!.id);
    expectValid(swapped);
  });

  it('copies a day with new ids onto a rest day, and onto a day keeping the target id', () => {
    const makeId = counterIds(2);
    const doc = sampleDoc();
    const [week1, week2, week3] = doc.weeks;
    const copied = copyDay(
      doc,
      { weekId: week2!.id, dayIndex: 0 },
      { weekId: week3!.id, dayIndex: 2 },
      makeId,
    );
    expect(grid(copied)[2]).toBe('U-U-');
    const copy = dayAt(copied, { weekId: week3!.id, dayIndex: 2 })!;
    expect(allIds(doc)).not.toContain(copy.id);
    expect(copy.overrides).toEqual(week2!.days[0]!.overrides);
    expect(copy.overrides).not.toBe(week2!.days[0]!.overrides);

    const over = copyDay(doc, { weekId: week1!.id, dayIndex: 3 }, { weekId: week1!.id, dayIndex: 0 }, makeId);
    expect(grid(over)[0]).toBe('FL-F');
    expect(dayAt(over, { weekId: week1!.id, dayIndex: 0 })!.id).toBe(week1!.days[0]!.id);
    expectValid(copied);
    expectValid(over);
  });

  it('puts a template on a day, clears the overrides of the old one, and clears a day to rest', () => {
    const makeId = counterIds(3);
    const doc = sampleDoc();
    const week2 = doc.weeks[1]!;
    const slot = { weekId: week2.id, dayIndex: 0 };
    const replaced = setDayTemplate(doc, slot, TEMPLATE.full, makeId);
    expect(dayAt(replaced, slot)).toEqual({
      id: week2.days[0]!.id,
      dayIndex: 0,
      templateId: TEMPLATE.full,
      overrides: {},
    });
    const onRest = setDayTemplate(doc, { weekId: week2.id, dayIndex: 2 }, TEMPLATE.upper, makeId);
    expect(grid(onRest)[1]).toBe('ULUF');
    const cleared = clearDay(doc, slot, makeId);
    expect(grid(cleared)[1]).toBe('-L-F');
    expect(setDayTemplate(doc, slot, TEMPLATE.upper, makeId)).toBe(doc);
    [replaced, onRest, cleared].forEach(expectValid);
  });

  it('writes a day’s overrides, and refuses to on a rest day', () => {
    const doc = sampleDoc();
    const week1 = doc.weeks[0]!;
    const written = setDayOverrides(doc, { weekId: week1.id, dayIndex: 0 }, { [EXERCISE]: { rpe: 8 } });
    expect(dayAt(written, { weekId: week1.id, dayIndex: 0 })!.overrides).toEqual({ [EXERCISE]: { rpe: 8 } });
    expect(() => setDayOverrides(doc, { weekId: week1.id, dayIndex: 2 }, {})).toThrow(ProgramOpError);
  });

  it('points days at a fork, carrying overrides across to the copy’s exercise ids', () => {
    const doc = sampleDoc();
    const day = doc.weeks[1]!.days[0]!;
    const forkExercise = '20000000-0000-7000-8000-000000000099';
    const fork = '10000000-0000-7000-8000-0000000000ff';
    const retargeted = retargetDays(doc, [day.id], fork, { [EXERCISE]: forkExercise });
    expect(slotOfDay(retargeted, day.id)).toEqual({ weekId: doc.weeks[1]!.id, dayIndex: 0 });
    expect(dayAt(retargeted, { weekId: doc.weeks[1]!.id, dayIndex: 0 })).toMatchObject({
      templateId: fork,
      overrides: { [forkExercise]: { sets: 5, percentOneRepMax: 80 } },
    });
    expect(dayAt(retargeted, { weekId: doc.weeks[0]!.id, dayIndex: 0 })!.templateId).toBe(TEMPLATE.upper);
  });

  it('refuses a slot beyond the days of the week or a week that is gone', () => {
    const doc = sampleDoc();
    expect(() =>
      setDayTemplate(doc, { weekId: doc.weeks[0]!.id, dayIndex: 4 }, TEMPLATE.upper, counterIds()),
    ).toThrow('The program has 4 days a week; there is no day 5');
    expect(() =>
      moveDay(doc, { weekId: 'gone', dayIndex: 0 }, { weekId: doc.weeks[0]!.id, dayIndex: 0 }),
    ).toThrow('That week is no longer in the program');
  });
});

describe('weeks', () => {
  it('duplicates a week right after it with fresh ids and the same content', () => {
    const makeId = counterIds(4);
    const doc = sampleDoc();
    const week2 = doc.weeks[1]!;
    const doubled = duplicateWeek(doc, week2.id, makeId);
    expect(grid(doubled)).toEqual(['UL-F', 'UL-F', 'UL-F', 'U---']);
    const copy = doubled.weeks[2]!;
    expect(copy.id).not.toBe(week2.id);
    expect(copy.days.map((day) => day.overrides)).toEqual(week2.days.map((day) => day.overrides));
    expectValid(doubled);
    const atStart = duplicateWeek(doc, doc.weeks[2]!.id, makeId, 0);
    expect(grid(atStart)[0]).toBe('U---');
  });

  it('copies a week’s days into another week, keeping that week’s own settings and day ids', () => {
    const makeId = counterIds(7);
    const doc = setWeekFields(sampleDoc(), sampleDoc().weeks[2]!.id, { phase: 'deload', deload: true });
    const [week1, , week3] = doc.weeks;
    const copied = copyWeekInto(doc, week1!.id, week3!.id, makeId);
    expect(grid(copied)[2]).toBe('UL-F');
    expect(copied.weeks[2]).toMatchObject({ id: week3!.id, phase: 'deload', deload: true });
    expect(dayAt(copied, { weekId: week3!.id, dayIndex: 0 })!.id).toBe(week3!.days[0]!.id);
    expect(isEmptyWeek(copied.weeks[2]!)).toBe(false);
    const emptied = copyWeekInto(addWeek(doc, makeId), week1!.id, week1!.id, makeId);
    expect(emptied.weeks).toHaveLength(4);
    expect(isEmptyWeek(addWeek(doc, makeId).weeks[3]!)).toBe(true);
    expectValid(copied);
  });

  it('moves a week up and down, and adds and removes weeks', () => {
    const makeId = counterIds(5);
    const doc = sampleDoc();
    const [week1, week2, week3] = doc.weeks;
    expect(moveWeek(doc, week3!.id, 0).weeks.map((week) => week.id)).toEqual([
      week3!.id,
      week1!.id,
      week2!.id,
    ]);
    expect(moveWeek(doc, week1!.id, 9).weeks.map((week) => week.id)).toEqual([
      week2!.id,
      week3!.id,
      week1!.id,
    ]);
    expect(moveWeek(doc, week1!.id, 0)).toBe(doc);

    const inserted = addWeek(doc, makeId, 1);
    expect(grid(inserted)).toEqual(['UL-F', '----', 'UL-F', 'U---']);
    expect(removeWeek(doc, week2!.id).weeks.map((week) => week.id)).toEqual([week1!.id, week3!.id]);
    expect(setWeekCount(doc, 5, makeId).weeks).toHaveLength(5);
    expect(setWeekCount(doc, 1, makeId).weeks.map((week) => week.id)).toEqual([week1!.id]);
  });

  it('keeps a program between 1 and 52 weeks', () => {
    const makeId = counterIds(6);
    let doc = sampleDoc();
    doc = setWeekCount(doc, 52, makeId);
    expect(() => addWeek(doc, makeId)).toThrow('A program can have at most 52 weeks (one year)');
    expect(() => duplicateWeek(doc, doc.weeks[0]!.id, makeId)).toThrow(ProgramOpError);
    const single = setWeekCount(doc, 1, makeId);
    expect(() => removeWeek(single, single.weeks[0]!.id)).toThrow('A program needs at least 1 week');
  });

  it('sets a week’s phase, deload and modifiers, and refuses values out of range', () => {
    const doc = sampleDoc();
    const weekId = doc.weeks[2]!.id;
    const deload = setWeekFields(doc, weekId, {
      phase: 'deload',
      deload: true,
      volumeFactor: 0.6,
      intensityDeltaPercent: -10,
      rpeDelta: -1.5,
    });
    expect(deload.weeks[2]).toMatchObject({
      phase: 'deload',
      deload: true,
      volumeFactor: 0.6,
      intensityDeltaPercent: -10,
      rpeDelta: -1.5,
    });
    expectValid(deload);
    expect(() => setWeekFields(doc, weekId, { volumeFactor: 4 })).toThrow(
      'Volume factor must be between 0.1 and 3',
    );
    expect(() => setWeekFields(doc, weekId, { rpeDelta: 0.3 })).toThrow('RPE change goes in half steps');
    expect(() => setWeekFields(doc, weekId, { intensityDeltaPercent: Number.NaN })).toThrow(ProgramOpError);
  });
});

describe('program fields', () => {
  it('drops the days beyond fewer days a week and says how many workouts that loses', () => {
    const doc = sampleDoc();
    expect(daysLostBySetDaysPerWeek(doc, 3)).toBe(2);
    const three = setDaysPerWeek(doc, 3);
    expect(grid(three)).toEqual(['UL-', 'UL-', 'U--']);
    expectValid(three);
    expect(grid(setDaysPerWeek(doc, 6))).toEqual(['UL-F--', 'UL-F--', 'U-----']);
    expect(() => setDaysPerWeek(doc, 8)).toThrow('Days per week must be a whole number from 1 to 7');
  });

  it('trims a new name and refuses an empty one', () => {
    const doc = sampleDoc();
    expect(setName(doc, '  Peaking block ').name).toBe('Peaking block');
    expect(() => setName(doc, '   ')).toThrow('A program needs a name');
  });

  it('replaces the weeks whole (a generator’s result) without sharing them', () => {
    const doc = sampleDoc();
    const generated = doc.weeks.map((week) => ({ ...week, volumeFactor: 1.1 }));
    const replaced = replaceWeeks(doc, generated);
    expect(replaced.weeks.map((week) => week.volumeFactor)).toEqual([1.1, 1.1, 1.1]);
    expect(replaced.weeks[0]).not.toBe(generated[0]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties: any sequence of operations on any valid document gives a valid document with unique
// ids, and never changes the document it was given.

const templatePool = Object.values(TEMPLATE);

const docArbitrary = fc
  .record({
    daysPerWeek: fc.integer({ min: 1, max: 7 }),
    weeks: fc.array(
      fc.array(fc.option(fc.constantFrom(...templatePool), { nil: null }), { minLength: 7, maxLength: 7 }),
      {
        minLength: 1,
        maxLength: 8,
      },
    ),
    seed: fc.integer({ min: 0, max: 0xfff }),
  })
  .map(({ daysPerWeek, weeks, seed }) => {
    const makeId = counterIds(seed);
    const doc: ProgramDoc = {
      name: 'Generated',
      description: '',
      daysPerWeek,
      shiftOnMissed: false,
      weeks: weeks.map((slots) => ({
        id: makeId(),
        phase: null,
        deload: false,
        volumeFactor: 1,
        intensityDeltaPercent: 0,
        rpeDelta: 0,
        days: slots
          .slice(0, daysPerWeek)
          .flatMap((templateId, dayIndex) =>
            templateId === null ? [] : [{ id: makeId(), dayIndex, templateId, overrides: {} }],
          ),
      })),
    };
    return doc;
  });

type Op = (doc: ProgramDoc, makeId: MakeId) => ProgramDoc;
const pick = <T>(items: readonly T[], index: number): T => items[index % items.length]!;
const slotArb = fc.record({ week: fc.nat(), day: fc.nat() });
const slotIn = (doc: ProgramDoc, raw: { week: number; day: number }) => ({
  weekId: pick(doc.weeks, raw.week).id,
  dayIndex: raw.day % doc.daysPerWeek,
});

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  fc.tuple(slotArb, slotArb).map(
    ([a, b]): Op =>
      (doc) =>
        moveDay(doc, slotIn(doc, a), slotIn(doc, b)),
  ),
  fc.tuple(slotArb, slotArb).map(
    ([a, b]): Op =>
      (doc, makeId) =>
        copyDay(doc, slotIn(doc, a), slotIn(doc, b), makeId),
  ),
  fc.tuple(slotArb, fc.option(fc.constantFrom(...templatePool), { nil: null })).map(
    ([a, templateId]): Op =>
      (doc, makeId) =>
        setDayTemplate(doc, slotIn(doc, a), templateId, makeId),
  ),
  fc.tuple(fc.nat(), fc.nat()).map(
    ([a, to]): Op =>
      (doc) =>
        moveWeek(doc, pick(doc.weeks, a).id, to % 10),
  ),
  fc.nat().map(
    (a): Op =>
      (doc, makeId) =>
        duplicateWeek(doc, pick(doc.weeks, a).id, makeId),
  ),
  fc.nat().map(
    (at): Op =>
      (doc, makeId) =>
        addWeek(doc, makeId, at % 10),
  ),
  fc.nat().map(
    (a): Op =>
      (doc) =>
        removeWeek(doc, pick(doc.weeks, a).id),
  ),
  fc.integer({ min: 1, max: 7 }).map(
    (days): Op =>
      (doc) =>
        setDaysPerWeek(doc, days),
  ),
  fc.integer({ min: 1, max: 12 }).map(
    (count): Op =>
      (doc, makeId) =>
        setWeekCount(doc, count, makeId),
  ),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 30 }), fc.integer({ min: -10, max: 10 })).map(
    ([a, volume, rpeSteps]): Op =>
      (doc) =>
        setWeekFields(doc, pick(doc.weeks, a).id, {
          volumeFactor: volume / 10,
          rpeDelta: rpeSteps / 2,
          phase: 'accumulation',
        }),
  ),
);

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('every operation', () => {
  it('keeps the document valid with unique ids and leaves its input untouched', () => {
    fc.assert(
      fc.property(docArbitrary, fc.array(opArbitrary, { minLength: 1, maxLength: 12 }), (start, ops) => {
        const makeId = counterIds(0xabc);
        let doc = start;
        for (const op of ops) {
          const input = deepFreeze(doc);
          const before = structuredClone(input);
          try {
            doc = op(input, makeId);
          } catch (error) {
            // A refused operation explains itself and leaves the document as it was (a frozen
            // input also makes any attempt to change it throw, which fails here).
            expect(error).toBeInstanceOf(ProgramOpError);
          }
          expect(input).toEqual(before);
          expectValid(doc);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('moving a day there and back gives the program it started from', () => {
    fc.assert(
      fc.property(docArbitrary, slotArb, slotArb, (doc, a, b) => {
        const from = slotIn(doc, a);
        const to = slotIn(doc, b);
        expect(moveDay(moveDay(doc, from, to), to, from)).toEqual(doc);
      }),
    );
  });

  it('keeps every template day when days only move or weeks only reorder', () => {
    fc.assert(
      fc.property(docArbitrary, slotArb, slotArb, fc.nat(), fc.nat(), (doc, a, b, week, to) => {
        const moved = moveWeek(moveDay(doc, slotIn(doc, a), slotIn(doc, b)), pick(doc.weeks, week).id, to);
        const count = (d: ProgramDoc) =>
          templatePool.map((templateId) => daysUsingTemplate(d, templateId).length);
        expect(count(moved)).toEqual(count(doc));
      }),
    );
  });
});
