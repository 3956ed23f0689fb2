import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { scheduledWorkout } from '../db/schema';
import { useProgramKit } from './program-test-support';
import { insertAthlete } from './schedule-test-support';
import { callChannel as call, useServiceFixture } from './test-fixtures';

const fixture = useServiceFixture();
const { createProgram, save, upperLower } = useProgramKit(fixture);

describe('listing programs', () => {
  it('summarizes weeks, phases, athletes and upcoming workouts, by name', async () => {
    const created = await createProgram({ name: 'zz List Beta', daysPerWeek: 2, weeks: 3 });
    const { program: saved } = await save(created, (document) => ({
      ...upperLower(document),
      weeks: upperLower(document).weeks.map((week, index) => ({
        ...week,
        phase: index === 2 ? 'deload' : 'accumulation',
      })),
    }));
    const empty = await createProgram({ name: 'ZZ List Alpha', daysPerWeek: 1, weeks: 2 });
    const first = await insertAthlete(fixture.ctx, 'List Athlete One');
    const second = await insertAthlete(fixture.ctx, 'List Athlete Two', { timeZone: 'Pacific/Auckland' });
    for (const [athleteId, startDate] of [
      [first, '2025-03-03'],
      [second, '2025-03-03'],
      [first, '2025-06-02'],
    ] as const) {
      await call(fixture.ctx, 'programs.apply', {
        programId: saved.id,
        athleteIds: [athleteId],
        startDate,
        weekdays: [1, 4],
      });
    }
    const workouts = await fixture.database.db
      .select()
      .from(scheduledWorkout)
      .where(and(eq(scheduledWorkout.programId, saved.id), isNull(scheduledWorkout.deletedAt)));
    expect(workouts).toHaveLength(18);
    // A done workout and a deleted one are not upcoming.
    const [done, deleted] = workouts.filter((workout) => workout.scheduledDate >= '2025-06-01');
    await fixture.database.db
      .update(scheduledWorkout)
      .set({ status: 'completed' })
      .where(eq(scheduledWorkout.id, done!.id));
    await fixture.database.db
      .update(scheduledWorkout)
      .set({ deletedAt: fixture.clock.now().toISOString() })
      .where(eq(scheduledWorkout.id, deleted!.id));

    const listed = await call(fixture.ctx, 'programs.list', { text: 'zz list' });
    expect(listed.items.map((item) => item.id)).toEqual([empty.id, saved.id]);
    expect(listed.items[1]).toMatchObject({
      name: 'zz List Beta',
      daysPerWeek: 2,
      weekCount: 3,
      phases: ['accumulation', 'accumulation', 'deload'],
      athleteCount: 2,
      upcomingWorkouts: 16,
      archived: false,
    });
    expect(listed.items[0]).toMatchObject({
      weekCount: 2,
      phases: [null, null],
      athleteCount: 0,
      upcomingWorkouts: 0,
    });

    // At noon in London it is already 4 March in Auckland: that athlete's Monday workout is past.
    fixture.clock.advance(3 * 3600_000);
    const later = await call(fixture.ctx, 'programs.list', { text: 'zz list beta' });
    expect(later.items[0]!.upcomingWorkouts).toBe(15);
    fixture.clock.advance(-3 * 3600_000);
  });

  it('shows archived programs only when asked, and matches the name literally', async () => {
    const archived = await createProgram({ name: 'zz Archived_Program' });
    await call(fixture.ctx, 'programs.setArchived', { id: archived.id, archived: true });
    expect(fixture.takeTouched()).toEqual(['program']);
    expect((await call(fixture.ctx, 'programs.list', { text: 'archived_program' })).items).toEqual([]);
    const all = await call(fixture.ctx, 'programs.list', { text: 'archived_program', includeArchived: true });
    expect(all.items.map((item) => [item.id, item.archived])).toEqual([[archived.id, true]]);
    expect(
      (await call(fixture.ctx, 'programs.list', { text: 'archived%', includeArchived: true })).items,
    ).toEqual([]);
    const restored = await call(fixture.ctx, 'programs.setArchived', { id: archived.id, archived: false });
    expect(restored.archived).toBe(false);
  });
});
