/**
 * The organization's preferences: units, theme, default view, reminders, analytics, and the
 * athlete picked in the app frame. Changes are partial and saved at once.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { InvalidInput, type ParsedInputOf } from '../../shared/contract';
import { DEFAULT_PREFERENCES, type Preferences } from '../../shared/domain/preferences';
import { athlete, userPreferences } from '../db/schema';
import { liveAthleteOf } from './athletes';
import type { Handlers, ServiceContext } from './context';

type PreferencesRow = typeof userPreferences.$inferSelect;

/** Text columns hold values the contract (and the table's CHECK) already limited. */
function toPreferences(row: PreferencesRow): Preferences {
  return {
    weightUnit: row.weightUnit as Preferences['weightUnit'],
    distanceUnit: row.distanceUnit as Preferences['distanceUnit'],
    theme: row.theme as Preferences['theme'],
    defaultView: row.defaultView as Preferences['defaultView'],
    emailReminders: row.emailReminders,
    desktopReminders: row.desktopReminders,
    reminderHoursBefore: row.reminderHoursBefore,
    workoutTime: row.workoutTime,
    autoCalculateAnalytics: row.autoCalculateAnalytics,
    restSeconds: row.restSeconds,
    restSound: row.restSound,
    barKg: row.barKg,
    platesKg: row.platesKg ?? null,
    currentAthleteId: row.currentAthleteId,
  };
}

async function findPreferencesRow(ctx: ServiceContext): Promise<PreferencesRow | undefined> {
  const [row] = await ctx.db
    .select()
    .from(userPreferences)
    .where(and(eq(userPreferences.organizationId, ctx.organizationId), isNull(userPreferences.deletedAt)));
  return row;
}

/** The organization's preferences (the defaults if its row has not been made yet). */
export async function getPreferences(ctx: ServiceContext): Promise<Preferences> {
  const row = await findPreferencesRow(ctx);
  return row ? toPreferences(row) : { ...DEFAULT_PREFERENCES };
}

async function assertPickableAthlete(ctx: ServiceContext, athleteId: string): Promise<void> {
  const [found] = await ctx.db
    .select({ archivedAt: athlete.archivedAt })
    .from(athlete)
    .where(liveAthleteOf(ctx, athleteId));
  if (!found || found.archivedAt !== null) {
    const message = found
      ? 'That athlete is archived; restore them before picking them'
      : 'That athlete does not exist or has been deleted';
    throw new InvalidInput(message, [{ path: ['currentAthleteId'], message }]);
  }
}

export async function updatePreferences(
  ctx: ServiceContext,
  changes: ParsedInputOf<'settings.update'>,
): Promise<Preferences> {
  if (changes.currentAthleteId) await assertPickableAthlete(ctx, changes.currentAthleteId);
  const timestamp = ctx.now().toISOString();
  const existing = await findPreferencesRow(ctx);
  let row: PreferencesRow | undefined;
  if (existing) {
    [row] = await ctx.db
      .update(userPreferences)
      .set({ ...changes, updatedAt: timestamp })
      .where(and(eq(userPreferences.id, existing.id), eq(userPreferences.organizationId, ctx.organizationId)))
      .returning();
  } else {
    [row] = await ctx.db
      .insert(userPreferences)
      .values({
        id: uuidv7(),
        organizationId: ctx.organizationId,
        ...DEFAULT_PREFERENCES,
        ...changes,
        createdAt: timestamp,
        updatedAt: timestamp,
      })
      .returning();
  }
  ctx.touched('user_preferences');
  return toPreferences(row as PreferencesRow);
}

export const settingsHandlers: Pick<Handlers, 'settings.get' | 'settings.update'> = {
  'settings.get': (_input, ctx) => getPreferences(ctx),
  'settings.update': (input, ctx) => updatePreferences(ctx, input),
};
