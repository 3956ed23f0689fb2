import { and, count, eq, isNull, ne, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { beforeAll, describe, expect, it } from 'vitest';
import { exerciseEntry, organization, setEntry, workoutSession } from '../db/schema';
import { seedHistory } from '../seed/generate';
import { callChannel as call, useServiceFixture } from './test-fixtures';

const fixture = useServiceFixture();

/** The expected figures, each from its own plain query (rows summed in JS, not in SQL). */
async function straightforwardFigures() {
  const { db } = fixture.database;
  const organizationId = fixture.ctx.organizationId;
  const live = <T extends typeof workoutSession | typeof exerciseEntry | typeof setEntry>(table: T) =>
    and(eq(table.organizationId, organizationId), isNull(table.deletedAt));

  const [sessions] = await db.select({ total: count() }).from(workoutSession).where(live(workoutSession));
  const [entries] = await db.select({ total: count() }).from(exerciseEntry).where(live(exerciseEntry));
  const [sets] = await db.select({ total: count() }).from(setEntry).where(live(setEntry));
  const training = await db
    .select({ weightKg: setEntry.weightKg, reps: setEntry.reps, setType: setEntry.setType })
    .from(setEntry)
    .innerJoin(exerciseEntry, eq(exerciseEntry.id, setEntry.exerciseEntryId))
    .innerJoin(workoutSession, eq(workoutSession.id, exerciseEntry.sessionId))
    .where(and(live(setEntry), live(exerciseEntry), live(workoutSession), eq(setEntry.completed, true)));
  const working = training.filter((set) => set.setType !== 'warmup');
  const startedAt = (
    await db.select({ at: workoutSession.startedAt }).from(workoutSession).where(live(workoutSession))
  )
    .map((row) => new Date(row.at).getTime())
    .sort((a, b) => a - b);
  return {
    sessions: sessions?.total,
    exerciseEntries: entries?.total,
    sets: sets?.total,
    completedWorkingSets: working.length,
    volumeKg: working.reduce((sum, set) => sum + (set.weightKg ?? 0) * (set.reps ?? 0), 0),
    firstSessionAt: new Date(startedAt[0] ?? Number.NaN).toISOString(),
    lastSessionAt: new Date(startedAt.at(-1) ?? Number.NaN).toISOString(),
  };
}

/** Tombstones (or, with `null`, revives) rows of a history table by id. */
async function setDeletedAt(
  table: typeof workoutSession | typeof exerciseEntry,
  id: string,
  deletedAt: string | null,
) {
  await fixture.database.db.update(table).set({ deletedAt }).where(eq(table.id, id));
}

describe('app.checkData', () => {
  beforeAll(async () => {
    await seedHistory(fixture.database, fixture.ctx.organizationId, {
      athletes: 2,
      years: 0.5,
      seed: 3,
      now: new Date('2025-03-01T12:00:00Z'),
    });
  });

  it('counts the live history as plain queries do, and finds nothing wrong in a seeded one', async () => {
    const expected = await straightforwardFigures();
    const checked = await call(fixture.ctx, 'app.checkData', {});

    expect(checked).toMatchObject({
      sessions: expected.sessions,
      exerciseEntries: expected.exerciseEntries,
      sets: expected.sets,
      completedWorkingSets: expected.completedWorkingSets,
      orphanedEntries: 0,
      orphanedSets: 0,
      firstSessionAt: expected.firstSessionAt,
      lastSessionAt: expected.lastSessionAt,
    });
    expect(checked.sessions).toBeGreaterThan(50);
    expect(checked.lifetimeVolumeKg).toBeGreaterThan(0);
    expect(checked.lifetimeVolumeKg).toBeCloseTo(expected.volumeKg, 3);
    expect(checked.durationMs).toBeGreaterThanOrEqual(0);
    // A check reads; it writes nothing, so no `changed` event follows it.
    expect(fixture.takeTouched()).toEqual([]);
  });

  it('counts the live children of a tombstoned session and of a tombstoned entry as orphaned', async () => {
    const { db } = fixture.database;
    const before = await call(fixture.ctx, 'app.checkData', {});
    const [session] = await db.select({ id: workoutSession.id }).from(workoutSession).limit(1);
    const [otherEntry] = await db
      .select({ id: exerciseEntry.id })
      .from(exerciseEntry)
      .where(ne(exerciseEntry.sessionId, session?.id ?? ''))
      .limit(1);
    if (!session || !otherEntry) throw new Error('The seed made no history');
    const [entriesOfSession] = await db
      .select({ total: count() })
      .from(exerciseEntry)
      .where(eq(exerciseEntry.sessionId, session.id));
    const [setsOfEntry] = await db
      .select({ total: count() })
      .from(setEntry)
      .where(eq(setEntry.exerciseEntryId, otherEntry.id));

    const tombstone = fixture.clock.now().toISOString();
    await setDeletedAt(workoutSession, session.id, tombstone);
    await setDeletedAt(exerciseEntry, otherEntry.id, tombstone);
    try {
      const checked = await call(fixture.ctx, 'app.checkData', {});
      expect(checked.sessions).toBe(before.sessions - 1);
      expect(checked.exerciseEntries).toBe(before.exerciseEntries - 1);
      expect(checked.sets).toBe(before.sets);
      expect(checked.orphanedEntries).toBe(entriesOfSession?.total);
      expect(checked.orphanedSets).toBe(setsOfEntry?.total);
      expect(checked.orphanedSets).toBeGreaterThan(0);
      // Orphans are not training: the totals drop and still equal the plain queries.
      const expected = await straightforwardFigures();
      expect(checked.completedWorkingSets).toBe(expected.completedWorkingSets);
      expect(checked.completedWorkingSets).toBeLessThan(before.completedWorkingSets);
      expect(checked.lifetimeVolumeKg).toBeCloseTo(expected.volumeKg, 3);
    } finally {
      await setDeletedAt(workoutSession, session.id, null);
      await setDeletedAt(exerciseEntry, otherEntry.id, null);
    }
    expect(await call(fixture.ctx, 'app.checkData', {})).toMatchObject({
      orphanedEntries: 0,
      orphanedSets: 0,
    });
  });

  it('counts a set whose entry never arrived (as sync could leave it) as orphaned', async () => {
    const [entry] = await fixture.database.db.select().from(exerciseEntry).limit(1);
    if (!entry) throw new Error('The seed made no history');
    const setId = uuidv7();
    const stamp = fixture.clock.now().toISOString();
    await fixture.database.db.transaction(async (tx) => {
      // The foreign key would refuse the row; a replica (as sync applies rows) skips that check.
      await tx.execute(sql`SET LOCAL session_replication_role = replica`);
      await tx.insert(setEntry).values({
        id: setId,
        organizationId: fixture.ctx.organizationId,
        exerciseEntryId: uuidv7(),
        setNumber: 1,
        weightKg: 100,
        reps: 5,
        completed: true,
        createdAt: stamp,
        updatedAt: stamp,
      });
    });
    try {
      const checked = await call(fixture.ctx, 'app.checkData', {});
      expect(checked.orphanedSets).toBe(1);
      expect(checked.lifetimeVolumeKg).toBeCloseTo((await straightforwardFigures()).volumeKg, 3);
    } finally {
      await fixture.database.db.delete(setEntry).where(eq(setEntry.id, setId));
    }
  });

  it('gives zeros and no dates for an organization without history, whatever the others hold', async () => {
    const emptyOrganizationId = uuidv7();
    const stamp = fixture.clock.now().toISOString();
    await fixture.database.db.insert(organization).values({
      id: emptyOrganizationId,
      name: 'Empty gym',
      createdAt: stamp,
      updatedAt: stamp,
    });

    const checked = await call({ ...fixture.ctx, organizationId: emptyOrganizationId }, 'app.checkData', {});
    expect(checked).toEqual({
      sessions: 0,
      exerciseEntries: 0,
      sets: 0,
      completedWorkingSets: 0,
      lifetimeVolumeKg: 0,
      orphanedEntries: 0,
      orphanedSets: 0,
      firstSessionAt: null,
      lastSessionAt: null,
      durationMs: expect.any(Number),
    });
  });
});
