import fc from 'fast-check';
import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import type { ProgramDocument } from '../../shared/domain/program';
import { normalized, toDocument, useProgramKit } from './program-test-support';
import { callChannel as call, useServiceFixture } from './test-fixtures';

const fixture = useServiceFixture();
const kit = useProgramKit(fixture);

describe('saving a program document', () => {
  it('reads back any valid document it saved', async () => {
    const created = await kit.createProgram({ daysPerWeek: 7, weeks: 1 });
    let current = created;
    const templates = [kit.upperA, kit.lowerA, kit.fullBody];
    const override = fc.record(
      {
        sets: fc.integer({ min: 1, max: 20 }),
        repsMin: fc.option(fc.integer({ min: 1, max: 100 }), { nil: null }),
        repsMax: fc.option(fc.integer({ min: 1, max: 100 }), { nil: null }),
        percentOneRepMax: fc.option(
          fc.integer({ min: 2, max: 200 }).map((n) => n / 2),
          { nil: null },
        ),
        loadKg: fc.option(
          fc.integer({ min: 0, max: 4000 }).map((n) => n / 4),
          { nil: null },
        ),
        rpe: fc.option(
          fc.integer({ min: 2, max: 20 }).map((n) => n / 2),
          { nil: null },
        ),
        rir: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
      },
      { requiredKeys: [] },
    );
    const day = fc.record({
      template: fc.option(fc.integer({ min: 0, max: templates.length - 1 }), { nil: null }),
      overrides: fc.tuple(fc.option(override, { nil: null }), fc.option(override, { nil: null })),
    });
    const week = (daysPerWeek: number) =>
      fc.record({
        phase: fc.constantFrom(null, 'accumulation', 'intensification', 'realization', 'deload'),
        deload: fc.boolean(),
        volumeFactor: fc.integer({ min: 1, max: 30 }).map((n) => n / 10),
        intensityDeltaPercent: fc.integer({ min: -100, max: 100 }).map((n) => n / 2),
        rpeDelta: fc.integer({ min: -10, max: 10 }).map((n) => n / 2),
        days: fc.shuffledSubarray(
          Array.from({ length: daysPerWeek }, (_, slot) => slot),
          { minLength: 0 },
        ),
        plans: fc.array(day, { minLength: daysPerWeek, maxLength: daysPerWeek }),
      });
    const document = fc
      .integer({ min: 1, max: 7 })
      .chain((daysPerWeek) =>
        fc.record({
          name: fc.string({ minLength: 1, maxLength: 40 }).filter((name) => name.trim().length > 0),
          description: fc.string({ maxLength: 60 }),
          shiftOnMissed: fc.boolean(),
          daysPerWeek: fc.constant(daysPerWeek),
          weeks: fc.array(week(daysPerWeek), { minLength: 1, maxLength: 6 }),
        }),
      )
      .map((plan): ProgramDocument => ({
        ...plan,
        weeks: plan.weeks.map(({ days, plans, ...modifiers }) => ({
          id: uuidv7(),
          ...modifiers,
          days: days.map((slot) => {
            const { template, overrides } = plans[slot]!;
            const chosen = template === null ? null : templates[template]!;
            return {
              id: uuidv7(),
              dayIndex: slot,
              templateId: chosen?.id ?? null,
              overrides: Object.fromEntries(
                chosen
                  ? overrides.flatMap((value, index) => (value ? [[chosen.exercises[index]!.id, value]] : []))
                  : [],
              ),
            };
          }),
        })),
      }));

    await fc.assert(
      fc.asyncProperty(document, async (sent) => {
        const { program: saved } = await call(fixture.ctx, 'programs.save', {
          id: current.id,
          baseRevision: current.revision,
          document: sent,
        });
        current = await call(fixture.ctx, 'programs.get', { id: created.id });
        expect(current).toEqual(saved);
        expect(normalized(toDocument(current))).toEqual(normalized(sent));
      }),
      { numRuns: 40 },
    );
  });
});
