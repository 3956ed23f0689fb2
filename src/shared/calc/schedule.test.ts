import { getISODay, parseISO } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  programDates,
  programEndDate,
  suggestedWeekdays,
  trainingDates,
  type CalendarProgram,
} from './schedule';
import { testId } from './test-programs';

const isoDay = (date: string) => getISODay(parseISO(date));

/** Weeks of `daysPerWeek` slots; `rest` lists [week, slot] pairs (1-based week) left empty. */
function calendarProgram(weeks: number, daysPerWeek: number, rest: [number, number][] = []): CalendarProgram {
  let next = 1;
  return {
    daysPerWeek,
    weeks: Array.from({ length: weeks }, (_, weekIndex) => ({
      id: testId(next++),
      days: Array.from({ length: daysPerWeek }, (_, dayIndex) => ({
        id: testId(next++),
        dayIndex,
        templateId: rest.some(([week, slot]) => week === weekIndex + 1 && slot === dayIndex)
          ? null
          : testId(1000 + dayIndex),
      })),
    })),
  };
}

describe('trainingDates', () => {
  it('lists the chosen weekdays from the start date on, the start date included', () => {
    // 2026-03-02 is a Monday.
    expect(trainingDates({ startDate: '2026-03-02', weekdays: [1, 3, 5] }, 5)).toEqual([
      '2026-03-02',
      '2026-03-04',
      '2026-03-06',
      '2026-03-09',
      '2026-03-11',
    ]);
  });

  it('starts on the first chosen weekday after a start date that is not one', () => {
    expect(trainingDates({ startDate: '2026-03-03', weekdays: [1] }, 2)).toEqual([
      '2026-03-09',
      '2026-03-16',
    ]);
  });

  it('leaves out skipped dates and takes the next training date instead', () => {
    expect(
      trainingDates({ startDate: '2026-03-02', weekdays: [1, 3, 5], skippedDates: ['2026-03-04'] }, 3),
    ).toEqual(['2026-03-02', '2026-03-06', '2026-03-09']);
  });

  it('crosses a daylight-saving change and a leap day without losing a day', () => {
    // Europe and the US change their clocks in late March; 2028 is a leap year.
    expect(trainingDates({ startDate: '2026-03-28', weekdays: [6, 7, 1] }, 3)).toEqual([
      '2026-03-28',
      '2026-03-29',
      '2026-03-30',
    ]);
    expect(trainingDates({ startDate: '2028-02-28', weekdays: [1, 2, 3, 4, 5, 6, 7] }, 3)).toEqual([
      '2028-02-28',
      '2028-02-29',
      '2028-03-01',
    ]);
  });

  it('gives nothing without weekdays or for a count of zero', () => {
    expect(trainingDates({ startDate: '2026-03-02', weekdays: [] }, 3)).toEqual([]);
    expect(trainingDates({ startDate: '2026-03-02', weekdays: [1] }, 0)).toEqual([]);
  });

  it('ignores weekday numbers outside 1–7 instead of searching forever', () => {
    expect(trainingDates({ startDate: '2026-03-02', weekdays: [0, 8] }, 2)).toEqual([]);
    expect(trainingDates({ startDate: '2026-03-02', weekdays: [0, 2] }, 1)).toEqual(['2026-03-03']);
  });
});

describe('programDates', () => {
  it('puts the k-th training slot of the program on the k-th training date, week by week', () => {
    const program = calendarProgram(2, 3);
    const dates = programDates(program, { startDate: '2026-03-02', weekdays: [1, 3, 5] });
    expect(dates.map((item) => [item.weekNumber, item.dayIndex, item.date])).toEqual([
      [1, 0, '2026-03-02'],
      [1, 1, '2026-03-04'],
      [1, 2, '2026-03-06'],
      [2, 0, '2026-03-09'],
      [2, 1, '2026-03-11'],
      [2, 2, '2026-03-13'],
    ]);
    expect(dates[3]).toMatchObject({ weekId: program.weeks[1]!.id, dayId: program.weeks[1]!.days[0]!.id });
  });

  it('lets a rest day take its date and leave it empty', () => {
    const program = calendarProgram(1, 3, [[1, 1]]);
    const dates = programDates(program, { startDate: '2026-03-02', weekdays: [1, 3, 5] });
    expect(dates.map((item) => item.date)).toEqual(['2026-03-02', '2026-03-06']);
  });

  it('takes longer when the athlete trains on fewer weekdays than the program has days', () => {
    const program = calendarProgram(1, 3);
    const dates = programDates(program, { startDate: '2026-03-02', weekdays: [1] });
    expect(dates.map((item) => item.date)).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
  });

  it('shifts every later workout by one training day past a skipped date', () => {
    const program = calendarProgram(1, 3);
    const dates = programDates(program, {
      startDate: '2026-03-02',
      weekdays: [1, 3, 5],
      skippedDates: ['2026-03-02'],
    });
    expect(dates.map((item) => item.date)).toEqual(['2026-03-04', '2026-03-06', '2026-03-09']);
  });

  it('places days by slot whatever their order in the week', () => {
    const program = calendarProgram(1, 2);
    const reversed = {
      ...program,
      weeks: [{ ...program.weeks[0]!, days: [...program.weeks[0]!.days].reverse() }],
    };
    const dates = programDates(reversed, { startDate: '2026-03-02', weekdays: [1, 4] });
    expect(dates.map((item) => [item.dayIndex, item.date])).toEqual([
      [0, '2026-03-02'],
      [1, '2026-03-05'],
    ]);
  });
});

describe('programEndDate and suggestedWeekdays', () => {
  it('ends on the last slot’s date, rest days included', () => {
    const program = calendarProgram(2, 2, [[2, 1]]);
    expect(programEndDate(program, { startDate: '2026-03-02', weekdays: [1, 4] })).toBe('2026-03-12');
    expect(
      programEndDate({ daysPerWeek: 3, weeks: [] }, { startDate: '2026-03-02', weekdays: [1] }),
    ).toBeNull();
  });

  it('spreads the training days over the week', () => {
    expect(suggestedWeekdays(3)).toEqual([1, 3, 5]);
    expect(suggestedWeekdays(4)).toEqual([1, 2, 4, 5]);
    for (let days = 1; days <= 7; days += 1) expect(suggestedWeekdays(days)).toHaveLength(days);
  });
});

// ---- Properties ---------------------------------------------------------------------------

const startDate = fc
  .date({ min: new Date(2024, 0, 1), max: new Date(2030, 11, 31), noInvalidDate: true })
  .map(
    (date) =>
      `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`,
  );
const weekdays = fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 });

describe('calendar properties', () => {
  it('gives strictly increasing dates on the chosen weekdays, never before the start', () => {
    fc.assert(
      fc.property(startDate, weekdays, fc.integer({ min: 0, max: 60 }), (start, days, count) => {
        const dates = trainingDates({ startDate: start, weekdays: days }, count);
        expect(dates).toHaveLength(count);
        dates.forEach((date, index) => {
          expect(days).toContain(isoDay(date));
          expect(date >= start).toBe(true);
          if (index > 0) expect(date > dates[index - 1]!).toBe(true);
        });
      }),
    );
  });

  it('never moves a workout earlier when a date is skipped', () => {
    fc.assert(
      fc.property(
        startDate,
        weekdays,
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.nat({ max: 80 }), { maxLength: 4 }),
        (start, days, weeks, daysPerWeek, skipPicks) => {
          const program = calendarProgram(weeks, daysPerWeek);
          const plain = programDates(program, { startDate: start, weekdays: days });
          const candidates = trainingDates({ startDate: start, weekdays: days }, 80);
          const skippedDates = skipPicks.map((pick) => candidates[pick]!);
          const skipped = programDates(program, { startDate: start, weekdays: days, skippedDates });
          expect(skipped).toHaveLength(plain.length);
          skipped.forEach((item, index) => {
            expect(item.dayId).toBe(plain[index]!.dayId);
            expect(item.date >= plain[index]!.date).toBe(true);
            expect(skippedDates).not.toContain(item.date);
          });
        },
      ),
    );
  });

  it('places every workout day once, in calendar order, on the chosen weekdays', () => {
    fc.assert(
      fc.property(
        startDate,
        weekdays,
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 7 }),
        (start, days, weeks, daysPerWeek) => {
          const program = calendarProgram(weeks, daysPerWeek);
          const dates = programDates(program, { startDate: start, weekdays: days });
          expect(dates).toHaveLength(weeks * daysPerWeek);
          expect(new Set(dates.map((item) => item.dayId)).size).toBe(dates.length);
          dates.forEach((item, index) => {
            expect(days).toContain(isoDay(item.date));
            if (index > 0) expect(item.date > dates[index - 1]!.date).toBe(true);
          });
        },
      ),
    );
  });
});
