import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { DEFAULT_PREFERENCES } from '../../shared/domain/preferences';
import type { DrizzleDb } from '../db/client';
import { athlete, exercise, organization, userPreferences } from '../db/schema';
import type { Handlers } from './context';
import { checkData } from './data-check';
import { visibleExercise } from './exercise-search';

export const DEFAULT_ORGANIZATION_NAME = 'My Gym';

/**
 * A data folder holds one organization (the gym, or the lifter on their own). Made on first run
 * together with its preferences, so every service can rely on both existing. (A demo folder is
 * renamed by seedDemo.)
 */
export async function ensureOrganization(
  db: DrizzleDb,
  options: { now: Date },
): Promise<{ organizationId: string; created: boolean }> {
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: organization.id })
      .from(organization)
      .where(isNull(organization.deletedAt))
      .orderBy(asc(organization.createdAt), asc(organization.id))
      .limit(1);
    if (existing) return { organizationId: existing.id, created: false };

    const organizationId = uuidv7();
    const timestamp = options.now.toISOString();
    const stamps = { createdAt: timestamp, updatedAt: timestamp };
    await tx.insert(organization).values({
      id: organizationId,
      name: DEFAULT_ORGANIZATION_NAME,
      ownerName: '',
      ...stamps,
    });
    await tx
      .insert(userPreferences)
      .values({ id: uuidv7(), organizationId, ...DEFAULT_PREFERENCES, ...stamps });
    return { organizationId, created: true };
  });
}

export const appHandlers: Pick<Handlers, 'app.info' | 'app.checkData'> = {
  async 'app.info'(_input, ctx) {
    const [org] = await ctx.db
      .select({ id: organization.id, name: organization.name })
      .from(organization)
      .where(eq(organization.id, ctx.organizationId));
    if (!org) throw new Error(`Organization ${ctx.organizationId} is missing`);

    const [exercises] = await ctx.db
      .select({ total: count() })
      .from(exercise)
      .where(visibleExercise(ctx.organizationId));
    // Archived athletes are off the roster, so they are not counted.
    const [athletes] = await ctx.db
      .select({ total: count() })
      .from(athlete)
      .where(
        and(
          eq(athlete.organizationId, ctx.organizationId),
          isNull(athlete.deletedAt),
          isNull(athlete.archivedAt),
        ),
      );

    return {
      version: ctx.version,
      host: ctx.host,
      dataDir: ctx.dataDir,
      organization: org,
      exerciseCount: exercises?.total ?? 0,
      athleteCount: athletes?.total ?? 0,
    };
  },

  'app.checkData': (_input, ctx) => checkData(ctx),
};
