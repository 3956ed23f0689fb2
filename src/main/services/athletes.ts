/**
 * The athlete roster: list, add, edit, archive, and the kiosk PIN check. Archiving hides an
 * athlete from the roster and the pickers; nothing of theirs is deleted.
 */
import { and, asc, eq, ilike, isNull, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { NotFound, type OutputOf, type ParsedInputOf } from '../../shared/contract';
import type { Athlete } from '../../shared/domain/athlete';
import { athlete, userPreferences } from '../db/schema';
import { escapeLike, toIsoTimestamp } from '../db/values';
import type { Handlers, ServiceContext } from './context';
import { hashPin, pinMatches } from './pin';

type AthleteRow = typeof athlete.$inferSelect;
type AthleteFieldsInput = ParsedInputOf<'athletes.create'>;

/** The row as the contract shows it: whether a PIN is set, never the hash. */
function toAthlete(row: AthleteRow): Athlete {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.timeZone,
    bodyweightKg: row.bodyweightKg,
    hasPin: row.pinHash !== null,
    archived: row.archivedAt !== null,
    notes: row.notes,
    createdAt: toIsoTimestamp(row.createdAt),
    updatedAt: toIsoTimestamp(row.updatedAt),
  };
}

/** The athlete, if it is the organization's and not deleted (archived ones included). */
export function liveAthleteOf(ctx: ServiceContext, athleteId: string) {
  return and(
    eq(athlete.id, athleteId),
    eq(athlete.organizationId, ctx.organizationId),
    isNull(athlete.deletedAt),
  );
}

async function requireAthleteRow(ctx: ServiceContext, athleteId: string): Promise<AthleteRow> {
  const [row] = await ctx.db.select().from(athlete).where(liveAthleteOf(ctx, athleteId));
  if (!row) throw new NotFound('That athlete does not exist or has been deleted');
  return row;
}

export async function listAthletes(
  ctx: ServiceContext,
  input: ParsedInputOf<'athletes.list'>,
): Promise<OutputOf<'athletes.list'>> {
  const pattern = `%${escapeLike(input.text)}%`;
  const rows = await ctx.db
    .select()
    .from(athlete)
    .where(
      and(
        eq(athlete.organizationId, ctx.organizationId),
        isNull(athlete.deletedAt),
        input.includeArchived ? undefined : isNull(athlete.archivedAt),
        input.text ? ilike(athlete.name, pattern) : undefined,
      ),
    )
    .orderBy(asc(sql`lower(${athlete.name})`), asc(athlete.name), asc(athlete.id));
  return { items: rows.map(toAthlete) };
}

export async function getAthlete(ctx: ServiceContext, athleteId: string): Promise<Athlete> {
  return toAthlete(await requireAthleteRow(ctx, athleteId));
}

export async function addAthlete(ctx: ServiceContext, fields: AthleteFieldsInput): Promise<Athlete> {
  const timestamp = ctx.now().toISOString();
  const [row] = await ctx.db
    .insert(athlete)
    .values({
      id: uuidv7(),
      organizationId: ctx.organizationId,
      name: fields.name,
      timeZone: fields.timeZone,
      bodyweightKg: fields.bodyweightKg,
      notes: fields.notes,
      pinHash: fields.pin ? await hashPin(fields.pin) : null,
      createdAt: timestamp,
      updatedAt: timestamp,
    })
    .returning();
  ctx.touched('athlete');
  return toAthlete(row as AthleteRow);
}

/** Replaces the athlete's details; `pin` omitted keeps the PIN, null clears it, a value sets it. */
export async function editAthlete(
  ctx: ServiceContext,
  input: ParsedInputOf<'athletes.update'>,
): Promise<Athlete> {
  await requireAthleteRow(ctx, input.id);
  const { fields } = input;
  const pinChange =
    fields.pin === undefined ? {} : { pinHash: fields.pin === null ? null : await hashPin(fields.pin) };
  const [row] = await ctx.db
    .update(athlete)
    .set({
      name: fields.name,
      timeZone: fields.timeZone,
      bodyweightKg: fields.bodyweightKg,
      notes: fields.notes,
      ...pinChange,
      updatedAt: ctx.now().toISOString(),
    })
    .where(liveAthleteOf(ctx, input.id))
    .returning();
  ctx.touched('athlete');
  return toAthlete(row as AthleteRow);
}

/** Archiving the athlete picked in the app frame also clears that pick. */
export async function archiveAthlete(
  ctx: ServiceContext,
  input: ParsedInputOf<'athletes.setArchived'>,
): Promise<Athlete> {
  const current = await requireAthleteRow(ctx, input.id);
  if ((current.archivedAt !== null) === input.archived) return toAthlete(current);

  const timestamp = ctx.now().toISOString();
  const row = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(athlete)
      .set({ archivedAt: input.archived ? timestamp : null, updatedAt: timestamp })
      .where(liveAthleteOf(ctx, input.id))
      .returning();
    if (input.archived) {
      const cleared = await tx
        .update(userPreferences)
        .set({ currentAthleteId: null, updatedAt: timestamp })
        .where(
          and(
            eq(userPreferences.organizationId, ctx.organizationId),
            eq(userPreferences.currentAthleteId, input.id),
          ),
        )
        .returning({ id: userPreferences.id });
      if (cleared.length > 0) ctx.touched('user_preferences');
    }
    return updated as AthleteRow;
  });
  ctx.touched('athlete');
  return toAthlete(row);
}

/** An archived athlete, or one without a PIN, cannot sign in at the kiosk. */
export async function verifyAthletePin(
  ctx: ServiceContext,
  input: ParsedInputOf<'athletes.verifyPin'>,
): Promise<OutputOf<'athletes.verifyPin'>> {
  const row = await requireAthleteRow(ctx, input.id);
  if (row.pinHash === null || row.archivedAt !== null) return { ok: false };
  return { ok: await pinMatches(input.pin, row.pinHash) };
}

export const athleteHandlers: Pick<
  Handlers,
  | 'athletes.list'
  | 'athletes.get'
  | 'athletes.create'
  | 'athletes.update'
  | 'athletes.setArchived'
  | 'athletes.verifyPin'
> = {
  'athletes.list': (input, ctx) => listAthletes(ctx, input),
  'athletes.get': (input, ctx) => getAthlete(ctx, input.id),
  'athletes.create': (input, ctx) => addAthlete(ctx, input),
  'athletes.update': (input, ctx) => editAthlete(ctx, input),
  'athletes.setArchived': (input, ctx) => archiveAthlete(ctx, input),
  'athletes.verifyPin': (input, ctx) => verifyAthletePin(ctx, input),
};
