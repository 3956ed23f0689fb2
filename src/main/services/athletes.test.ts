import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type InputOf } from '../../shared/contract';
import { athlete } from '../db/schema';
import { callChannel as call, failureOf, useServiceFixture } from './test-fixtures';

const fixture = useServiceFixture();

function athleteFields(overrides: Partial<InputOf<'athletes.create'>> = {}): InputOf<'athletes.create'> {
  return { name: 'Sam Lifter', timeZone: 'Europe/London', ...overrides };
}

async function storedPinHash(athleteId: string): Promise<string | null> {
  const [row] = await fixture.database.db
    .select({ pinHash: athlete.pinHash })
    .from(athlete)
    .where(eq(athlete.id, athleteId));
  return row!.pinHash;
}

describe('the athlete roster', () => {
  it('adds an athlete with defaults and shows whether a PIN is set, never the hash', async () => {
    const created = await call(
      fixture.ctx,
      'athletes.create',
      athleteFields({ name: '  Ada Strong ', pin: '2468' }),
    );
    expect(created).toEqual({
      id: expect.any(String),
      name: 'Ada Strong',
      timeZone: 'Europe/London',
      bodyweightKg: null,
      hasPin: true,
      archived: false,
      notes: '',
      createdAt: fixture.clock.now().toISOString(),
      updatedAt: fixture.clock.now().toISOString(),
    });
    expect(JSON.stringify(created)).not.toMatch(/scrypt|2468/);
    expect(await storedPinHash(created.id)).toMatch(/^scrypt\$/);
    expect(fixture.takeTouched()).toEqual(['athlete']);
    expect(await call(fixture.ctx, 'athletes.get', { id: created.id })).toEqual(created);
  });

  it('lists athletes by name, finds them by part of the name, and hides archived ones unless asked', async () => {
    const zed = await call(fixture.ctx, 'athletes.create', athleteFields({ name: 'zed roster' }));
    await call(fixture.ctx, 'athletes.create', athleteFields({ name: 'Bea Roster' }));
    const archived = await call(fixture.ctx, 'athletes.create', athleteFields({ name: 'Cy Roster' }));
    await call(fixture.ctx, 'athletes.setArchived', { id: archived.id, archived: true });

    const listed = await call(fixture.ctx, 'athletes.list', { text: 'ROSTER' });
    expect(listed.items.map((item) => item.name)).toEqual(['Bea Roster', 'zed roster']);
    const withArchived = await call(fixture.ctx, 'athletes.list', { text: 'roster', includeArchived: true });
    expect(withArchived.items.map((item) => [item.name, item.archived])).toEqual([
      ['Bea Roster', false],
      ['Cy Roster', true],
      ['zed roster', false],
    ]);
    const everyone = await call(fixture.ctx, 'athletes.list', {});
    const names = everyone.items.map((item) => item.name.toLowerCase());
    expect(names).toEqual([...names].sort());
    expect(everyone.items.map((item) => item.id)).toContain(zed.id);
    expect((await call(fixture.ctx, 'athletes.list', { text: '%' })).items).toEqual([]);
  });

  it('edits an athlete: an omitted PIN stays, a new one replaces it, null clears it', async () => {
    const created = await call(
      fixture.ctx,
      'athletes.create',
      athleteFields({ name: 'Pin Keeper', pin: '1111' }),
    );
    fixture.clock.advance(1_000);

    const renamed = await call(fixture.ctx, 'athletes.update', {
      id: created.id,
      fields: athleteFields({
        name: 'Pin Keeper II',
        bodyweightKg: 82.5,
        notes: 'Left knee',
        timeZone: 'America/Denver',
      }),
    });
    expect(renamed).toMatchObject({
      name: 'Pin Keeper II',
      bodyweightKg: 82.5,
      notes: 'Left knee',
      timeZone: 'America/Denver',
      hasPin: true,
      createdAt: created.createdAt,
      updatedAt: fixture.clock.now().toISOString(),
    });
    expect(await call(fixture.ctx, 'athletes.verifyPin', { id: created.id, pin: '1111' })).toEqual({
      ok: true,
    });

    await call(fixture.ctx, 'athletes.update', { id: created.id, fields: athleteFields({ pin: '9999' }) });
    expect(await call(fixture.ctx, 'athletes.verifyPin', { id: created.id, pin: '1111' })).toEqual({
      ok: false,
    });
    expect(await call(fixture.ctx, 'athletes.verifyPin', { id: created.id, pin: '9999' })).toEqual({
      ok: true,
    });

    const cleared = await call(fixture.ctx, 'athletes.update', {
      id: created.id,
      fields: athleteFields({ pin: null }),
    });
    expect(cleared.hasPin).toBe(false);
    expect(await storedPinHash(created.id)).toBeNull();
    expect(await call(fixture.ctx, 'athletes.verifyPin', { id: created.id, pin: '9999' })).toEqual({
      ok: false,
    });
    expect(fixture.takeTouched()).toEqual(['athlete']);
  });

  it('refuses a kiosk sign-in for an archived athlete, even with the right PIN', async () => {
    const created = await call(
      fixture.ctx,
      'athletes.create',
      athleteFields({ name: 'Gone Lifter', pin: '5555' }),
    );
    await call(fixture.ctx, 'athletes.setArchived', { id: created.id, archived: true });
    expect(await call(fixture.ctx, 'athletes.verifyPin', { id: created.id, pin: '5555' })).toEqual({
      ok: false,
    });
  });

  it('archives and unarchives an athlete, clearing them as the current athlete', async () => {
    const created = await call(fixture.ctx, 'athletes.create', athleteFields({ name: 'Current Pick' }));
    await call(fixture.ctx, 'settings.update', { currentAthleteId: created.id });
    fixture.takeTouched();
    fixture.clock.advance(1_000);

    const archived = await call(fixture.ctx, 'athletes.setArchived', { id: created.id, archived: true });
    expect(archived).toMatchObject({ archived: true, updatedAt: fixture.clock.now().toISOString() });
    expect(fixture.takeTouched().sort()).toEqual(['athlete', 'user_preferences']);
    expect((await call(fixture.ctx, 'settings.get', {})).currentAthleteId).toBeNull();

    const restored = await call(fixture.ctx, 'athletes.setArchived', { id: created.id, archived: false });
    expect(restored.archived).toBe(false);
    expect(fixture.takeTouched()).toEqual(['athlete']);
  });

  it('leaves the current athlete alone when archiving someone else', async () => {
    const current = await call(fixture.ctx, 'athletes.create', athleteFields({ name: 'Stays Current' }));
    const other = await call(fixture.ctx, 'athletes.create', athleteFields({ name: 'Leaves' }));
    await call(fixture.ctx, 'settings.update', { currentAthleteId: current.id });
    fixture.takeTouched();

    await call(fixture.ctx, 'athletes.setArchived', { id: other.id, archived: true });
    expect((await call(fixture.ctx, 'settings.get', {})).currentAthleteId).toBe(current.id);
    expect(fixture.takeTouched()).toEqual(['athlete']);
  });

  it('says clearly when an athlete does not exist', async () => {
    const id = '01900000-0000-7000-8000-000000000002';
    for (const attempt of [
      call(fixture.ctx, 'athletes.get', { id }),
      call(fixture.ctx, 'athletes.update', { id, fields: athleteFields() }),
      call(fixture.ctx, 'athletes.setArchived', { id, archived: true }),
      call(fixture.ctx, 'athletes.verifyPin', { id, pin: '1234' }),
    ]) {
      const error = await failureOf(attempt);
      expect(error.code).toBe('not_found');
      expect(error.message).toBe('That athlete does not exist or has been deleted');
    }
  });
});
