import { getISODay, parseISO } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addIsoDays, athleteToday, trainingDatesBetween } from '../../shared/calc/schedule';
import { plannedWorkouts, type PlannedDay, type ProgramPlan } from './program-plan';
import type { ProgramRow } from './program-read';
import { shiftPastConflicts } from './schedule-write';

/** A plan without a database: `slots[week][day]` true for a workout day, false for a rest day. */
function planOf(daysPerWeek: number, slots: boolean[][]): ProgramPlan {
  const days = new Map<string, PlannedDay>();
  const weeks = slots.map((week, weekIndex) => ({
    id: `w${weekIndex}`,
    days: week.slice(0, daysPerWeek).map((isWorkout, dayIndex) => {
      const id = `w${weekIndex}d${dayIndex}`;
      if (isWorkout) {
        days.set(id, {
          dayId: id,
          weekId: `w${weekIndex}`,
          weekNumber: weekIndex + 1,
          dayIndex,
          templateId: 'template',
          templateName: 'Template',
          prescription: [],
        });
      }
      return { id, dayIndex, templateId: isWorkout ? 'template' : null };
    }),
  }));
  return { program: { daysPerWeek } as ProgramRow, calendar: { daysPerWeek, weeks }, days };
}

const arbitraryProgram = fc.integer({ min: 1, max: 7 }).chain((daysPerWeek) =>
  fc.record({
    daysPerWeek: fc.constant(daysPerWeek),
    slots: fc.array(fc.array(fc.boolean(), { minLength: daysPerWeek, maxLength: daysPerWeek }), {
      minLength: 1,
      maxLength: 8,
    }),
  }),
);
const arbitraryWeekdays = fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 });
const arbitraryStart = fc.integer({ min: 0, max: 3000 }).map((offset) => addIsoDays('2024-01-01', offset));

describe('where an application puts a program (properties)', () => {
  it('puts workouts on strictly increasing dates, on the chosen weekdays, on or after the start', () => {
    fc.assert(
      fc.property(arbitraryProgram, arbitraryWeekdays, arbitraryStart, (shape, weekdays, startDate) => {
        const plan = planOf(shape.daysPerWeek, shape.slots);
        const workouts = plannedWorkouts(plan, { startDate, weekdays });
        expect(workouts).toHaveLength(plan.days.size);
        workouts.forEach((workout, index) => {
          expect(workout.date >= startDate).toBe(true);
          expect(weekdays).toContain(getISODay(parseISO(workout.date)));
          if (index > 0) expect(workout.date > workouts[index - 1]!.date).toBe(true);
        });
      }),
    );
  });

  it('never moves a workout earlier when a date is skipped', () => {
    fc.assert(
      fc.property(
        arbitraryProgram,
        arbitraryWeekdays,
        arbitraryStart,
        fc.integer({ min: 0, max: 120 }),
        (shape, weekdays, startDate, skipOffset) => {
          const plan = planOf(shape.daysPerWeek, shape.slots);
          const before = plannedWorkouts(plan, { startDate, weekdays });
          const skippedDates = [addIsoDays(startDate, skipOffset)];
          const after = new Map(
            plannedWorkouts(plan, { startDate, weekdays, skippedDates }).map((w) => [w.dayId, w.date]),
          );
          for (const workout of before) {
            expect(after.get(workout.dayId)! >= workout.date).toBe(true);
            expect(after.get(workout.dayId)).not.toBe(skippedDates[0]);
          }
        },
      ),
    );
  });

  it('shifts past days already taken until no workout lands on one, skipping only those days', () => {
    fc.assert(
      fc.property(
        arbitraryProgram,
        arbitraryWeekdays,
        arbitraryStart,
        fc.uniqueArray(fc.integer({ min: 0, max: 90 }), { maxLength: 20 }),
        (shape, weekdays, startDate, offsets) => {
          const plan = planOf(shape.daysPerWeek, shape.slots);
          const occupied = new Set(offsets.map((offset) => addIsoDays(startDate, offset)));
          const plain = new Map(plannedWorkouts(plan, { startDate, weekdays }).map((w) => [w.dayId, w.date]));
          const { skippedDates, workouts } = shiftPastConflicts(plan, { startDate, weekdays }, occupied);
          expect(workouts).toHaveLength(plan.days.size);
          for (const workout of workouts) {
            expect(occupied.has(workout.date)).toBe(false);
            expect(workout.date >= plain.get(workout.dayId)!).toBe(true);
          }
          for (const date of skippedDates) {
            expect(occupied.has(date)).toBe(true);
            expect(weekdays).toContain(getISODay(parseISO(date)));
          }
          expect(skippedDates).toEqual([...skippedDates].sort());
        },
      ),
    );
  });
});

describe("an athlete's today", () => {
  it('is the date on the athlete’s clock, not in UTC', () => {
    const now = new Date('2025-03-03T09:00:00Z');
    expect(athleteToday('Europe/London', now)).toBe('2025-03-03');
    expect(athleteToday('Pacific/Honolulu', now)).toBe('2025-03-02');
    expect(athleteToday('Pacific/Kiritimati', new Date('2025-03-03T11:00:00Z'))).toBe('2025-03-04');
    expect(athleteToday('America/New_York', new Date('2025-12-31T23:30:00-05:00'))).toBe('2025-12-31');
  });

  it('falls back to UTC for a time zone it does not know', () => {
    expect(athleteToday('Mars/Olympus_Mons', new Date('2025-03-03T23:30:00Z'))).toBe('2025-03-03');
  });

  it('lists the training days between two dates, start included, end and skipped days left out', () => {
    expect(trainingDatesBetween({ weekdays: [1, 3, 5] }, '2025-02-24', '2025-03-03')).toEqual([
      '2025-02-24',
      '2025-02-26',
      '2025-02-28',
    ]);
    expect(
      trainingDatesBetween({ weekdays: [1, 3, 5], skippedDates: ['2025-02-26'] }, '2025-02-24', '2025-03-03'),
    ).toEqual(['2025-02-24', '2025-02-28']);
    expect(trainingDatesBetween({ weekdays: [1] }, '2025-03-03', '2025-03-03')).toEqual([]);
  });
});
