/**
 * Reading a workout (a training session): the session with its athlete, its exercises and sets,
 * the guidance beside each exercise (targets, last time, suggestion), its voice notes and the
 * records it holds; and its summary (duration, volume, sets, records). Every read is keyed by the
 * session, its entries or the athlete × exercise history index, never a scan of the history.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { Conflict, NotFound } from '../../shared/contract';
import { sessionVolumeKg, type LoggedSet } from '../../shared/calc/volume';
import type { ResolvedPrescription, SetType } from '../../shared/domain/prescription';
import type { WorkoutDetail, WorkoutEntry, WorkoutSet, WorkoutSummary } from '../../shared/domain/workout';
import { athlete, exercise, exerciseEntry, setEntry, workoutSession } from '../db/schema';
import { toIsoTimestamp } from '../db/values';
import type { ServiceContext } from './context';
import { getPreferences } from './settings';
import type { Queryable } from './template-read';
import { voiceNotesOfSession } from './voice-notes';
import { loadGuidance } from './workout-guidance';
import { recordsOfSession } from './workout-records';

const sessionColumns = {
  id: workoutSession.id,
  organizationId: workoutSession.organizationId,
  athleteId: workoutSession.athleteId,
  athleteName: athlete.name,
  athleteTimeZone: athlete.timeZone,
  name: workoutSession.name,
  templateId: workoutSession.templateId,
  scheduledWorkoutId: workoutSession.scheduledWorkoutId,
  startedAt: workoutSession.startedAt,
  completedAt: workoutSession.completedAt,
  notes: workoutSession.notes,
  bodyweightKg: workoutSession.bodyweightKg,
  restStartedAt: workoutSession.restStartedAt,
  restSeconds: workoutSession.restSeconds,
  restEntryId: workoutSession.restEntryId,
  updatedAt: workoutSession.updatedAt,
  deletedAt: workoutSession.deletedAt,
};

function selectSessions(db: Queryable) {
  return db
    .select(sessionColumns)
    .from(workoutSession)
    .innerJoin(athlete, eq(athlete.id, workoutSession.athleteId));
}

/** A session with its athlete's name and time zone; timestamps as Postgres text. */
export type SessionRow = Awaited<ReturnType<typeof selectSessions>>[number];

/** The organization's session (a deleted one too when asked), or NotFound. */
export async function requireSession(
  db: Queryable,
  organizationId: string,
  sessionId: string,
  options: { includeDeleted?: boolean } = {},
): Promise<SessionRow> {
  const [row] = await selectSessions(db).where(
    and(
      eq(workoutSession.id, sessionId),
      eq(workoutSession.organizationId, organizationId),
      options.includeDeleted ? undefined : isNull(workoutSession.deletedAt),
    ),
  );
  if (!row) throw new NotFound('That workout does not exist or has been deleted');
  return row;
}

/** A session whose exercises and sets may change: live (a finished one may still be edited). */
export function assertSessionEditable(session: SessionRow, what = 'its sets'): void {
  if (session.deletedAt !== null) {
    throw new Conflict(`This workout was deleted: restore it before changing ${what}`);
  }
}

/** The athlete's workout in progress (started, not finished, not deleted), if there is one. */
export async function findInProgress(
  db: Queryable,
  organizationId: string,
  athleteId: string,
): Promise<SessionRow | undefined> {
  const [row] = await selectSessions(db).where(
    and(
      eq(workoutSession.athleteId, athleteId),
      eq(workoutSession.organizationId, organizationId),
      isNull(workoutSession.completedAt),
      isNull(workoutSession.deletedAt),
    ),
  );
  return row;
}

/** "today at 09:05", "on 3 Mar at 09:05": when a workout started, on its athlete's clock. */
export function describeStart(startedAt: string, timeZone: string, now: Date): string {
  const zone = safeZone(timeZone);
  const day = (date: Date) =>
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(date);
  const start = new Date(startedAt);
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
  }).format(start);
  if (day(start) === day(now)) return `today at ${time}`;
  const date = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    day: 'numeric',
    month: 'short',
    year: start.getUTCFullYear() === now.getUTCFullYear() ? undefined : 'numeric',
  }).format(start);
  return `on ${date} at ${time}`;
}

function safeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

type SetRow = typeof setEntry.$inferSelect;

export function toWorkoutSet(row: SetRow): WorkoutSet {
  return {
    id: row.id,
    entryId: row.exerciseEntryId,
    setNumber: row.setNumber,
    setType: row.setType as SetType,
    weightKg: row.weightKg,
    reps: row.reps,
    rpe: row.rpe,
    rir: row.rir,
    completed: row.completed,
    completedAt: row.completedAt === null ? null : toIsoTimestamp(row.completedAt),
  };
}

export function toLoggedSet(
  set: Pick<WorkoutSet, 'setType' | 'weightKg' | 'reps' | 'rpe' | 'completed'>,
): LoggedSet {
  return {
    setType: set.setType,
    weightKg: set.weightKg,
    reps: set.reps,
    rpe: set.rpe,
    completed: set.completed,
  };
}

/** Live entries of a session, in order, with the library's facts about each exercise. */
async function loadEntries(db: Queryable, sessionId: string) {
  return db
    .select({
      id: exerciseEntry.id,
      exerciseId: exerciseEntry.exerciseId,
      exerciseName: exercise.name,
      equipment: exercise.equipment,
      primaryMuscles: exercise.primaryMuscles,
      position: exerciseEntry.position,
      supersetGroup: exerciseEntry.supersetGroup,
      notes: exerciseEntry.notes,
      restSeconds: exerciseEntry.restSeconds,
      prescription: exerciseEntry.prescription,
    })
    .from(exerciseEntry)
    .innerJoin(exercise, eq(exercise.id, exerciseEntry.exerciseId))
    .where(and(eq(exerciseEntry.sessionId, sessionId), isNull(exerciseEntry.deletedAt)))
    .orderBy(asc(exerciseEntry.position), asc(exerciseEntry.id));
}

/** Live sets of these entries, by entry then set number. */
async function loadSets(db: Queryable, entryIds: readonly string[]): Promise<Map<string, WorkoutSet[]>> {
  const byEntry = new Map<string, WorkoutSet[]>(entryIds.map((id) => [id, []]));
  if (entryIds.length === 0) return byEntry;
  const rows = await db
    .select()
    .from(setEntry)
    .where(and(inArray(setEntry.exerciseEntryId, [...entryIds]), isNull(setEntry.deletedAt)))
    .orderBy(asc(setEntry.exerciseEntryId), asc(setEntry.setNumber), asc(setEntry.id));
  for (const row of rows) byEntry.get(row.exerciseEntryId)?.push(toWorkoutSet(row));
  return byEntry;
}

function toPrescription(value: unknown): ResolvedPrescription | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as ResolvedPrescription)
    : null;
}

/** The whole workout as the workout screen shows it. */
export async function loadWorkoutDetail(ctx: ServiceContext, sessionId: string): Promise<WorkoutDetail> {
  const db = ctx.db;
  const session = await requireSession(db, ctx.organizationId, sessionId);
  const entries = await loadEntries(db, sessionId);
  const sets = await loadSets(
    db,
    entries.map((entry) => entry.id),
  );
  const preferences = await getPreferences(ctx);
  const guidance = await loadGuidance(
    db,
    { id: session.id, athleteId: session.athleteId, startedAt: session.startedAt },
    entries.map((entry) => ({ ...entry, prescription: toPrescription(entry.prescription) })),
    preferences,
  );
  const voiceNotes = await voiceNotesOfSession(db, sessionId);
  const records = await recordsOfSession(db, sessionId);

  const workoutEntries: WorkoutEntry[] = entries.map((entry) => {
    const help = guidance.get(entry.id);
    return {
      id: entry.id,
      exerciseId: entry.exerciseId,
      exerciseName: entry.exerciseName,
      equipment: entry.equipment,
      primaryMuscles: entry.primaryMuscles,
      position: entry.position,
      supersetGroup: entry.supersetGroup,
      notes: entry.notes,
      restSeconds: entry.restSeconds ?? preferences.restSeconds,
      prescription: toPrescription(entry.prescription),
      targets: help?.targets ?? [],
      sets: sets.get(entry.id) ?? [],
      lastTime: help?.lastTime ?? null,
      suggestion: help?.suggestion ?? null,
      bestE1rmKg: help?.bestE1rmKg ?? null,
    };
  });

  return {
    id: session.id,
    athleteId: session.athleteId,
    athleteName: session.athleteName,
    name: session.name,
    templateId: session.templateId,
    scheduledWorkoutId: session.scheduledWorkoutId,
    startedAt: toIsoTimestamp(session.startedAt),
    completedAt: session.completedAt === null ? null : toIsoTimestamp(session.completedAt),
    notes: session.notes,
    bodyweightKg: session.bodyweightKg,
    rest: restTimerOf(session),
    entries: workoutEntries,
    voiceNotes,
    records,
    updatedAt: toIsoTimestamp(session.updatedAt),
  };
}

export function restTimerOf(
  session: Pick<SessionRow, 'restStartedAt' | 'restSeconds' | 'restEntryId'>,
): WorkoutDetail['rest'] {
  if (session.restStartedAt === null || session.restSeconds === null) return null;
  return {
    startedAt: toIsoTimestamp(session.restStartedAt),
    seconds: session.restSeconds,
    entryId: session.restEntryId,
  };
}

/** Duration, volume (completed sets that are not warm-ups), completed sets, exercises, records. */
export async function loadWorkoutSummary(
  db: Queryable,
  organizationId: string,
  sessionId: string,
): Promise<WorkoutSummary> {
  const session = await requireSession(db, organizationId, sessionId);
  const rows = await db
    .select({
      entryId: exerciseEntry.id,
      setType: setEntry.setType,
      weightKg: setEntry.weightKg,
      reps: setEntry.reps,
      completed: setEntry.completed,
    })
    .from(exerciseEntry)
    .leftJoin(setEntry, and(eq(setEntry.exerciseEntryId, exerciseEntry.id), isNull(setEntry.deletedAt)))
    .where(and(eq(exerciseEntry.sessionId, sessionId), isNull(exerciseEntry.deletedAt)));
  const logged: LoggedSet[] = rows.flatMap((row) =>
    row.setType === null || row.completed === null
      ? []
      : [
          {
            setType: row.setType as SetType,
            weightKg: row.weightKg,
            reps: row.reps,
            completed: row.completed,
          },
        ],
  );
  const startedAt = toIsoTimestamp(session.startedAt);
  const completedAt = session.completedAt === null ? null : toIsoTimestamp(session.completedAt);
  return {
    id: session.id,
    athleteId: session.athleteId,
    name: session.name,
    startedAt,
    completedAt,
    durationSeconds:
      completedAt === null
        ? null
        : Math.round((new Date(completedAt).getTime() - new Date(startedAt).getTime()) / 1000),
    volumeKg: sessionVolumeKg(logged),
    completedSets: logged.filter((set) => set.completed).length,
    exerciseCount: new Set(rows.map((row) => row.entryId)).size,
    records: await recordsOfSession(db, sessionId),
  };
}
