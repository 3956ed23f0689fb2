/**
 * What the workout screen shows beside each exercise before a set is logged: the sets to do (from
 * the prescription, a %1RM turned into a loadable weight from the athlete's best e1RM), what the
 * athlete did last time (ghost values), and the next working weight with its reason. Last time
 * and the best e1RM come from the athlete × exercise history index (athlete_exercise_session), so
 * a workout opens with two keyed reads whatever the size of the history.
 */
import { sql } from 'drizzle-orm';
import { nearestLoadable, smallestIncrement, STANDARD_BAR, STANDARD_PLATES } from '../../shared/calc/plates';
import { suggestNext, type ProgressionInput } from '../../shared/calc/progression';
import { kgToUnit, roundToIncrement, unitToKg, type WeightUnit } from '../../shared/calc/units';
import type { LoggedSet } from '../../shared/calc/volume';
import type { Preferences } from '../../shared/domain/preferences';
import type { ResolvedPrescription, SetType } from '../../shared/domain/prescription';
import type { SetTarget, Suggestion, WorkoutEntry } from '../../shared/domain/workout';
import { toIsoTimestamp } from '../db/values';
import { arrayParam } from './schedule-write';
import type { Queryable } from './template-read';

export interface GuidanceEntry {
  id: string;
  exerciseId: string;
  equipment: string | null;
  primaryMuscles: string[];
  prescription: ResolvedPrescription | null;
}

export interface Guidance {
  targets: SetTarget[];
  lastTime: WorkoutEntry['lastTime'];
  suggestion: Suggestion | null;
  bestE1rmKg: number | null;
}

/** Muscles whose lifts take bigger jumps (squats, deadlifts, lunges). */
const LOWER_BODY = new Set(['quadriceps', 'hamstrings', 'glutes', 'adductors']);

/** How weights are rounded to what the athlete can load, in the user's unit and plates. */
export interface Loading {
  unit: WeightUnit;
  /** The smallest sensible jump, in kg. */
  incrementKg: number;
  /** A weight in kg rounded to one the athlete can load with this equipment. */
  loadable(weightKg: number, equipment: string | null): number;
}

export function loadingOf(preferences: Pick<Preferences, 'weightUnit' | 'barKg' | 'platesKg'>): Loading {
  const unit = preferences.weightUnit;
  const plates = preferences.platesKg
    ? preferences.platesKg.map((plate) => kgToUnit(plate, unit))
    : STANDARD_PLATES[unit];
  const bar = preferences.barKg === null ? STANDARD_BAR[unit] : kgToUnit(preferences.barKg, unit);
  const increment = smallestIncrement(plates);
  return {
    unit,
    incrementKg: unitToKg(increment, unit),
    loadable(weightKg, equipment) {
      const inUnit = kgToUnit(weightKg, unit);
      // Plates go on a barbell; anything else (dumbbells, machines) steps by the same jump.
      const rounded =
        equipment === 'barbell' && inUnit >= bar
          ? nearestLoadable(inUnit, bar, plates)
          : roundToIncrement(inUnit, increment);
      return unitToKg(rounded, unit);
    },
  };
}

type HistoryRow = {
  exercise_id: string;
  last_session_id: string | null;
  last_started_at: string | null;
  best_e1rm_kg: number | null;
};

type GhostRow = {
  session_id: string;
  exercise_id: string;
  set_type: string;
  weight_kg: number | null;
  reps: number | null;
  rpe: number | null;
};

/**
 * Per exercise: the athlete's previous session with it, and the best e1RM before this workout.
 * "NULLS LAST" matches the history index's order, so Postgres reads one index entry per exercise
 * (without it, measured on 200 athletes × 5 years, it sorted each exercise's whole history). The
 * best e1RM is the personal record when that was set before this workout (one keyed row); only
 * when this workout (or a later one) holds it is the history before it searched.
 */
async function loadHistory(
  db: Queryable,
  session: { id: string; athleteId: string; startedAt: string },
  exerciseIds: readonly string[],
): Promise<Map<string, HistoryRow>> {
  const { id: sessionId, athleteId, startedAt } = session;
  const result = await db.execute<HistoryRow>(sql`
    SELECT x.exercise_id, prev.session_id AS last_session_id, prev.started_at AS last_started_at,
           CASE WHEN pr.session_id <> ${sessionId} AND pr.achieved_at < ${startedAt}::timestamptz
                THEN pr.value_kg
                ELSE (SELECT max(aes.best_e1rm_kg) FROM athlete_exercise_session aes
                      WHERE aes.athlete_id = ${athleteId} AND aes.exercise_id = x.exercise_id
                        AND aes.started_at < ${startedAt}::timestamptz)
           END AS best_e1rm_kg
    FROM unnest(${arrayParam(exerciseIds)}::uuid[]) AS x (exercise_id)
    LEFT JOIN personal_record pr
      ON pr.athlete_id = ${athleteId} AND pr.exercise_id = x.exercise_id AND pr.kind = 'e1rm' AND pr.reps = 0
    LEFT JOIN LATERAL (
      SELECT aes.session_id, aes.started_at FROM athlete_exercise_session aes
      WHERE aes.athlete_id = ${athleteId} AND aes.exercise_id = x.exercise_id
        AND aes.started_at < ${startedAt}::timestamptz
      ORDER BY aes.started_at DESC NULLS LAST LIMIT 1) prev ON true`);
  return new Map(result.rows.map((row) => [row.exercise_id, row]));
}

/** How far back "last time" is looked for when the history index has nothing: about half a year. */
const RECENT_SESSIONS = 60;

/**
 * The history index holds sessions with counted sets only (a weight above 0): an exercise done
 * with the body's weight alone, or only warm-ups, is not in it. For those, last time is the latest
 * of the athlete's recent sessions with a completed set of it: the athlete's sessions index, then
 * each one's entries, a bounded keyed read.
 */
async function fillUncountedLastTimes(
  db: Queryable,
  session: { athleteId: string; startedAt: string },
  history: Map<string, HistoryRow>,
): Promise<void> {
  const missing = [...history.values()]
    .filter((row) => row.last_session_id === null)
    .map((row) => row.exercise_id);
  if (missing.length === 0) return;
  const result = await db.execute<{ exercise_id: string; session_id: string; started_at: string }>(sql`
    SELECT DISTINCT ON (ee.exercise_id) ee.exercise_id, recent.id AS session_id, recent.started_at
    FROM (SELECT ws.id, ws.started_at FROM workout_session ws
          WHERE ws.athlete_id = ${session.athleteId} AND ws.started_at < ${session.startedAt}::timestamptz
            AND ws.deleted_at IS NULL
          ORDER BY ws.started_at DESC NULLS LAST LIMIT ${RECENT_SESSIONS}) recent
    JOIN exercise_entry ee ON ee.session_id = recent.id AND ee.deleted_at IS NULL
      AND ee.exercise_id = any(${arrayParam(missing)}::uuid[])
    WHERE EXISTS (SELECT 1 FROM set_entry se
                  WHERE se.exercise_entry_id = ee.id AND se.completed AND se.deleted_at IS NULL)
    ORDER BY ee.exercise_id, recent.started_at DESC`);
  for (const row of result.rows) {
    const entry = history.get(row.exercise_id);
    if (entry) Object.assign(entry, { last_session_id: row.session_id, last_started_at: row.started_at });
  }
}

/** The completed sets of those sessions, by "session exercise" key, in the order they were done. */
async function loadGhosts(db: Queryable, history: Iterable<HistoryRow>): Promise<Map<string, GhostRow[]>> {
  const sessionIds = [
    ...new Set([...history].flatMap((row) => (row.last_session_id ? [row.last_session_id] : []))),
  ];
  const byKey = new Map<string, GhostRow[]>();
  if (sessionIds.length === 0) return byKey;
  const result = await db.execute<GhostRow>(sql`
    SELECT ee.session_id, ee.exercise_id, se.set_type, se.weight_kg, se.reps, se.rpe
    FROM exercise_entry ee
    JOIN set_entry se ON se.exercise_entry_id = ee.id AND se.deleted_at IS NULL AND se.completed
    WHERE ee.session_id = any(${arrayParam(sessionIds)}::uuid[]) AND ee.deleted_at IS NULL
    ORDER BY ee.session_id, ee.position, ee.id, se.set_number, se.id`);
  for (const row of result.rows) {
    const key = `${row.session_id} ${row.exercise_id}`;
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  return byKey;
}

/** One target per prescribed set: per-set rows where sets differ, else the prescription's sets. */
export function targetsOf(
  prescription: ResolvedPrescription,
  bestE1rmKg: number | null,
  loadable: (weightKg: number) => number,
): SetTarget[] {
  const rows =
    prescription.setDetails ??
    Array.from({ length: prescription.sets }, () => ({ ...prescription, setType: 'working' as SetType }));
  return rows.map((row) => ({
    setType: row.setType,
    repsMin: row.repsMin,
    repsMax: row.repsMax,
    percentOneRepMax: row.percentOneRepMax,
    rpe: row.rpe,
    rir: row.rir,
    weightKg:
      row.loadKg ??
      (row.percentOneRepMax !== null && bestE1rmKg !== null
        ? loadable((bestE1rmKg * row.percentOneRepMax) / 100)
        : null),
  }));
}

/** The prescription as the progression rule reads it: its first working row where sets differ. */
function progressionPrescription(prescription: ResolvedPrescription): ProgressionInput['prescription'] {
  const row = prescription.setDetails?.find((set) => set.setType === 'working') ?? prescription;
  return {
    sets: prescription.sets,
    repsMin: row.repsMin,
    repsMax: row.repsMax,
    rpe: row.rpe,
    rir: row.rir,
    percentOneRepMax: row.percentOneRepMax,
    loadKg: row.loadKg,
  };
}

/** Targets, last time, suggestion and best e1RM for each entry of a session, keyed by entry id. */
export async function loadGuidance(
  db: Queryable,
  session: { id: string; athleteId: string; startedAt: string },
  entries: readonly GuidanceEntry[],
  preferences: Pick<Preferences, 'weightUnit' | 'barKg' | 'platesKg'>,
): Promise<Map<string, Guidance>> {
  const guidance = new Map<string, Guidance>();
  if (entries.length === 0) return guidance;
  const exerciseIds = [...new Set(entries.map((entry) => entry.exerciseId))];
  const history = await loadHistory(db, session, exerciseIds);
  await fillUncountedLastTimes(db, session, history);
  const ghosts = await loadGhosts(db, history.values());
  const loading = loadingOf(preferences);

  for (const entry of entries) {
    const past = history.get(entry.exerciseId);
    const bestE1rmKg = past?.best_e1rm_kg ?? null;
    const lastSets = past?.last_session_id
      ? (ghosts.get(`${past.last_session_id} ${entry.exerciseId}`) ?? [])
      : [];
    const lastTime =
      past?.last_session_id && past.last_started_at
        ? {
            sessionId: past.last_session_id,
            startedAt: toIsoTimestamp(past.last_started_at),
            sets: lastSets.map((row, index) => ({
              setNumber: index + 1,
              setType: row.set_type as SetType,
              weightKg: row.weight_kg,
              reps: row.reps,
              rpe: row.rpe,
            })),
          }
        : null;
    const loggedLastTime: LoggedSet[] = (lastTime?.sets ?? []).map((set) => ({ ...set, completed: true }));
    const suggestion = suggestNext({
      prescription: entry.prescription ? progressionPrescription(entry.prescription) : null,
      lastTime: lastTime ? { sets: loggedLastTime, date: lastTime.startedAt.slice(0, 10) } : null,
      e1rmKg: bestE1rmKg,
      unit: loading.unit,
      increment: { kg: loading.incrementKg },
      isLowerBody: entry.primaryMuscles.some((muscle) => LOWER_BODY.has(muscle)),
    });
    guidance.set(entry.id, {
      targets: entry.prescription
        ? targetsOf(entry.prescription, bestE1rmKg, (kg) => loading.loadable(kg, entry.equipment))
        : [],
      lastTime,
      suggestion,
      bestE1rmKg,
    });
  }
  return guidance;
}

/** How many sets, and of which types, a new exercise starts with: last time's, else one working set. */
export async function lastTimeSetTypes(
  db: Queryable,
  session: { id: string; athleteId: string; startedAt: string },
  exerciseId: string,
): Promise<SetType[]> {
  const history = await loadHistory(db, session, [exerciseId]);
  await fillUncountedLastTimes(db, session, history);
  const ghosts = await loadGhosts(db, history.values());
  const past = history.get(exerciseId);
  const sets = past?.last_session_id ? (ghosts.get(`${past.last_session_id} ${exerciseId}`) ?? []) : [];
  return sets.length > 0 ? sets.map((row) => row.set_type as SetType) : ['working'];
}
