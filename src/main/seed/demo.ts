/**
 * The web host's `--demo` first run: a small gym with eight athletes and a year of training that
 * ends today, so every screen has something real to show.
 */
import { eq } from 'drizzle-orm';
import { type Database } from '../db/client';
import { organization } from '../db/schema';
import { seedHistory, type AthleteSeed } from './generate';

export const DEMO_GYM = { name: 'Northside Barbell Club', ownerName: 'Coach Sam Rivera' } as const;

const DEMO_CAST: readonly AthleteSeed[] = [
  { name: 'Maya Okafor', timeZone: 'America/New_York', bodyweightKg: 63.5, daysPerWeek: 4 },
  { name: 'Daniel Kim', timeZone: 'America/New_York', bodyweightKg: 82.0, daysPerWeek: 4 },
  { name: 'Priya Patel', timeZone: 'America/Chicago', bodyweightKg: 58.2, daysPerWeek: 3 },
  { name: 'Lucas Fernandes', timeZone: 'America/New_York', bodyweightKg: 91.4, daysPerWeek: 5 },
  { name: 'Grace Murphy', timeZone: 'America/New_York', bodyweightKg: 70.8, daysPerWeek: 3 },
  { name: 'Kenji Tanaka', timeZone: 'America/Los_Angeles', bodyweightKg: 74.3, daysPerWeek: 4 },
  { name: 'Amara Nwosu', timeZone: 'Europe/London', bodyweightKg: 67.1, daysPerWeek: 3 },
  { name: 'Theo Walsh', timeZone: 'America/Toronto', bodyweightKg: 103.6, daysPerWeek: 5 },
];

/** A fixed seed: every demo shows the same gym (shifted to end at `now`). */
const DEMO_SEED = 20_240_601;

export async function seedDemo(
  database: Database,
  organizationId: string,
  options: { now: Date },
): Promise<void> {
  await database.db
    .update(organization)
    .set({ ...DEMO_GYM, updatedAt: options.now.toISOString() })
    .where(eq(organization.id, organizationId));
  await seedHistory(database, organizationId, {
    athletes: DEMO_CAST.length,
    cast: DEMO_CAST,
    years: 1,
    seed: DEMO_SEED,
    now: options.now,
    churn: false,
  });
}
