import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database } from '../db/client';
import { createTestDatabase } from '../db/test-support';
import { ensureOrganization } from '../services/organization';
import { DEMO_GYM, seedDemo } from './demo';

const NOW = new Date('2025-03-12T17:30:00Z');

describe('seedDemo', () => {
  let database: Database;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { organizationId } = await ensureOrganization(database.db, { now: NOW });
    await seedDemo(database, organizationId, { now: NOW });
  });
  afterAll(() => database?.close());

  it('names the gym and its coach', async () => {
    const { rows } = await database.pg.query<{ name: string; owner_name: string }>(
      'SELECT name, owner_name FROM organization',
    );
    expect(rows).toEqual([{ name: DEMO_GYM.name, owner_name: DEMO_GYM.ownerName }]);
  });

  it('adds eight athletes with a year of training that ends now, and the next days scheduled', async () => {
    const { rows } = await database.pg.query<{
      name: string;
      bodyweight_kg: number;
      sessions: number;
      first_session: Date;
      last_session: Date;
      upcoming: number;
    }>(
      `SELECT a.name, a.bodyweight_kg, count(w.id)::int AS sessions,
              min(w.started_at) AS first_session, max(w.started_at) AS last_session,
              (SELECT count(*)::int FROM scheduled_workout sw
                WHERE sw.athlete_id = a.id AND sw.status = 'scheduled') AS upcoming
       FROM athlete a JOIN workout_session w ON w.athlete_id = a.id
       WHERE a.archived_at IS NULL
       GROUP BY a.id ORDER BY a.name`,
    );
    expect(rows).toHaveLength(8);
    const day = 86_400_000;
    for (const athlete of rows) {
      expect(athlete.bodyweight_kg).toBeGreaterThan(45);
      expect(athlete.sessions).toBeGreaterThan(100);
      expect(NOW.getTime() - athlete.first_session.getTime()).toBeGreaterThan(330 * day);
      expect(NOW.getTime() - athlete.last_session.getTime()).toBeLessThan(5 * day);
      expect(athlete.last_session.getTime()).toBeLessThan(NOW.getTime());
      expect(athlete.upcoming).toBeGreaterThan(0);
    }
    expect(rows.map((athlete) => athlete.name)).toContain('Maya Okafor');
  });
});
