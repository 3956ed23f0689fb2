import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { fieldIssues } from '../../shared/contract';
import { DEFAULT_PREFERENCES } from '../../shared/domain/preferences';
import { athlete } from '../db/schema';
import { callChannel as call, failureOf, snapshotTables, useServiceFixture } from './test-fixtures';

const fixture = useServiceFixture();

describe('settings', () => {
  it('starts from the default preferences', async () => {
    expect(await call(fixture.ctx, 'settings.get', {})).toEqual(DEFAULT_PREFERENCES);
  });

  it('changes only the preferences given and keeps the rest', async () => {
    const updated = await call(fixture.ctx, 'settings.update', { weightUnit: 'lb', theme: 'dark' });
    expect(updated).toEqual({ ...DEFAULT_PREFERENCES, weightUnit: 'lb', theme: 'dark' });
    expect(fixture.takeTouched()).toEqual(['user_preferences']);

    const again = await call(fixture.ctx, 'settings.update', {
      reminderHoursBefore: 12,
      emailReminders: true,
    });
    expect(again).toEqual({
      ...DEFAULT_PREFERENCES,
      weightUnit: 'lb',
      theme: 'dark',
      reminderHoursBefore: 12,
      emailReminders: true,
    });
    expect(await call(fixture.ctx, 'settings.get', {})).toEqual(again);
  });

  it('picks and clears the current athlete', async () => {
    const picked = await call(fixture.ctx, 'athletes.create', { name: 'Picked', timeZone: 'UTC' });
    expect(
      (await call(fixture.ctx, 'settings.update', { currentAthleteId: picked.id })).currentAthleteId,
    ).toBe(picked.id);
    expect(
      (await call(fixture.ctx, 'settings.update', { currentAthleteId: null })).currentAthleteId,
    ).toBeNull();
  });

  it('refuses an athlete who is unknown, archived or in another organization, beside the field', async () => {
    const archived = await call(fixture.ctx, 'athletes.create', { name: 'Archived Pick', timeZone: 'UTC' });
    await call(fixture.ctx, 'athletes.setArchived', { id: archived.id, archived: true });
    const otherOrganizationId = '01900000-0000-7000-8000-0000000000ba';
    await fixture.database.db.execute(
      sql`insert into organization (id, name) values (${otherOrganizationId}, 'Other Gym')`,
    );
    const foreignId = '01900000-0000-7000-8000-0000000000bb';
    await fixture.database.db
      .insert(athlete)
      .values({ id: foreignId, organizationId: otherOrganizationId, name: 'Foreign', timeZone: 'UTC' });
    const before = await snapshotTables(fixture.database);
    fixture.takeTouched();

    for (const currentAthleteId of [archived.id, foreignId, '01900000-0000-7000-8000-0000000000bc']) {
      const error = await failureOf(
        call(fixture.ctx, 'settings.update', { currentAthleteId, theme: 'light' }),
      );
      expect(error.code).toBe('invalid_input');
      expect(fieldIssues(error.toShape())).toEqual([{ path: ['currentAthleteId'], message: error.message }]);
    }
    expect(await snapshotTables(fixture.database)).toEqual(before);
    expect(fixture.takeTouched()).toEqual([]);
  });
});
