/**
 * The coach's library the generated history runs on: exercises found in the catalogue by name,
 * workout templates built from them, and programs (mesocycles) for 3, 4 and 5 days a week.
 */
import { and, inArray, isNull, sql } from 'drizzle-orm';
import { type DrizzleDb } from '../db/client';
import {
  exercise,
  program,
  programDay,
  programWeek,
  workoutTemplate,
  workoutTemplateExercise,
} from '../db/schema';
import { type IdMaker } from './ids';
import {
  LIFTS,
  PHASES,
  PROGRAMS,
  SPLITS,
  TEMPLATES,
  type DaysPerWeek,
  type LiftKey,
  type Phase,
  type TemplatePlan,
  weekModifiers,
} from './plans';

export interface SeededTemplate {
  id: string;
  plan: TemplatePlan;
  /** Superset group per lift in this template (the last two accessories of an upper day). */
  supersetGroups: Map<LiftKey, string>;
  /** The template's exercise row per lift (a prescription names the row it came from). */
  templateExerciseIds: Map<LiftKey, string>;
}

export interface SeededProgramDay {
  id: string;
  /** The training day's slot in the program week (0 = the first training day). */
  dayIndex: number;
  /** Days after the Monday of the week the athlete trains this slot on (0 = Monday). */
  weekdayOffset: number;
  templateKey: string;
}

export interface SeededProgramWeek {
  id: string;
  phase: Phase;
  /** 0 for the first week of a run of the same phase; later weeks push a little harder. */
  weekInPhase: number;
  days: SeededProgramDay[];
}

export interface SeededProgram {
  id: string;
  name: string;
  daysPerWeek: DaysPerWeek;
  weeks: SeededProgramWeek[];
}

export interface ExerciseInfo {
  name: string;
  primaryMuscles: string[];
}

export interface CoachLibrary {
  exerciseIds: Record<LiftKey, string>;
  /** Name and muscles per lift, as a resolved prescription carries them. */
  exercises: Record<LiftKey, ExerciseInfo>;
  templates: Map<string, SeededTemplate>;
  programs: SeededProgram[];
}

/** Catalogue exercise ids for every lift: an exact name first, else the closest trigram match. */
export async function findLiftExercises(db: DrizzleDb): Promise<Record<LiftKey, string>> {
  const catalogue = await db
    .select({ id: exercise.id, name: exercise.name })
    .from(exercise)
    .where(and(isNull(exercise.organizationId), isNull(exercise.deletedAt)));
  if (catalogue.length === 0) throw new Error('The exercise catalogue is empty; migrate the database first');
  const byLowerName = new Map(catalogue.map((row) => [row.name.toLowerCase(), row.id]));
  const used = new Set<string>();
  const found: Partial<Record<LiftKey, string>> = {};
  // Main lifts first, so "Deadlift" is taken by the deadlift before a fuzzy match could claim it.
  const keys = (Object.keys(LIFTS) as LiftKey[]).sort(
    (a, b) => roleRank(LIFTS[a].role) - roleRank(LIFTS[b].role),
  );
  for (const key of keys) {
    const exact = LIFTS[key].names
      .map((name) => byLowerName.get(name.toLowerCase()))
      .find((id) => id && !used.has(id));
    if (exact) {
      found[key] = exact;
      used.add(exact);
    }
  }
  for (const key of keys) {
    if (found[key]) continue;
    const candidates = JSON.stringify(LIFTS[key].names.map((name) => name.toLowerCase()));
    const taken = JSON.stringify([...used]);
    const [best] = await db
      .execute<{ id: string }>(
        sql`
      SELECT e.id, max(similarity(lower(e.name), c.name)) AS score
      FROM exercise e, jsonb_array_elements_text(${candidates}::jsonb) AS c(name)
      WHERE e.organization_id IS NULL AND e.deleted_at IS NULL
        AND NOT (to_jsonb(e.id::text) <@ ${taken}::jsonb)
      GROUP BY e.id, e.name
      ORDER BY score DESC, e.name
      LIMIT 1`,
      )
      .then((result) => result.rows);
    if (!best) throw new Error(`No catalogue exercise left for ${key}`);
    found[key] = best.id;
    used.add(best.id);
  }
  return found as Record<LiftKey, string>;
}

function roleRank(role: string): number {
  return role === 'main' ? 0 : role === 'secondary' ? 1 : 2;
}

/** Rest between sets by the lift's role (seconds): the templates' and the generated sessions'. */
export const REST_SECONDS = { main: 180, secondary: 120, accessory: 75 } as const;

async function exerciseInfo(
  db: DrizzleDb,
  exerciseIds: Record<LiftKey, string>,
): Promise<Record<LiftKey, ExerciseInfo>> {
  const rows = await db
    .select({ id: exercise.id, name: exercise.name, primaryMuscles: exercise.primaryMuscles })
    .from(exercise)
    .where(inArray(exercise.id, Object.values(exerciseIds)));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const info: Partial<Record<LiftKey, ExerciseInfo>> = {};
  for (const [key, id] of Object.entries(exerciseIds) as [LiftKey, string][]) {
    const row = byId.get(id);
    if (!row) throw new Error(`Exercise ${id} (${key}) is missing`);
    info[key] = { name: row.name, primaryMuscles: row.primaryMuscles };
  }
  return info as Record<LiftKey, ExerciseInfo>;
}

/** Insert the templates and programs; `createdAtMs` dates them to the start of the history. */
export async function createCoachLibrary(
  db: DrizzleDb,
  organizationId: string,
  ids: IdMaker,
  createdAtMs: number,
): Promise<CoachLibrary> {
  const exerciseIds = await findLiftExercises(db);
  const exercises = await exerciseInfo(db, exerciseIds);
  const createdAt = new Date(createdAtMs).toISOString();
  const stamps = { createdAt, updatedAt: createdAt };

  const templates = new Map<string, SeededTemplate>();
  const templateRows: (typeof workoutTemplate.$inferInsert)[] = [];
  const templateExerciseRows: (typeof workoutTemplateExercise.$inferInsert)[] = [];
  for (const plan of TEMPLATES) {
    const id = ids.at(createdAtMs);
    const supersetGroups = new Map<LiftKey, string>();
    const templateExerciseIds = new Map<LiftKey, string>();
    const [beforeLast, last] = plan.lifts.slice(-2);
    if (
      plan.tags.some((tag) => tag !== 'lower' && tag !== 'full body') &&
      beforeLast &&
      last &&
      LIFTS[beforeLast].role === 'accessory' &&
      LIFTS[last].role === 'accessory'
    ) {
      supersetGroups.set(beforeLast, 'A');
      supersetGroups.set(last, 'A');
    }
    templates.set(plan.key, { id, plan, supersetGroups, templateExerciseIds });
    templateRows.push({
      id,
      organizationId,
      name: plan.name,
      description: plan.description,
      tags: plan.tags,
      ...stamps,
    });
    plan.lifts.forEach((liftKey, position) => {
      const lift = LIFTS[liftKey];
      const scheme = PHASES.Accumulation;
      const reps = lift.role === 'main' ? scheme.mainReps : scheme.otherReps;
      const intensity =
        lift.role === 'main'
          ? { intensityKind: 'percent', percentOneRepMax: 75 }
          : lift.role === 'secondary'
            ? { intensityKind: 'rpe', rpe: 8 }
            : { intensityKind: 'rir', rir: 2 };
      const templateExerciseId = ids.at(createdAtMs);
      templateExerciseIds.set(liftKey, templateExerciseId);
      templateExerciseRows.push({
        id: templateExerciseId,
        organizationId,
        templateId: id,
        exerciseId: exerciseIds[liftKey],
        position,
        supersetGroup: supersetGroups.get(liftKey) ?? null,
        sets: lift.role === 'main' ? scheme.sets : scheme.sets - 1,
        repsMin: reps[0],
        repsMax: reps[1],
        ...intensity,
        restSeconds: REST_SECONDS[lift.role],
        ...stamps,
      });
    });
  }

  const programs: SeededProgram[] = [];
  const programRows: (typeof program.$inferInsert)[] = [];
  const weekRows: (typeof programWeek.$inferInsert)[] = [];
  const dayRows: (typeof programDay.$inferInsert)[] = [];
  for (const daysPerWeek of [3, 4, 5] as const) {
    const split = SPLITS[daysPerWeek];
    for (const plan of PROGRAMS) {
      const seeded: SeededProgram = {
        id: ids.at(createdAtMs),
        name: `${plan.name} — ${split.name} ${daysPerWeek}×`,
        daysPerWeek,
        weeks: [],
      };
      programRows.push({
        id: seeded.id,
        organizationId,
        name: seeded.name,
        description: plan.description,
        daysPerWeek,
        ...stamps,
      });
      plan.weeks.forEach((phase, weekIndex) => {
        let weekInPhase = 0;
        while (weekIndex - weekInPhase - 1 >= 0 && plan.weeks[weekIndex - weekInPhase - 1] === phase)
          weekInPhase++;
        const week: SeededProgramWeek = { id: ids.at(createdAtMs), phase, weekInPhase, days: [] };
        weekRows.push({
          id: week.id,
          organizationId,
          programId: seeded.id,
          weekNumber: weekIndex + 1,
          // The stored vocabulary is the domain's (lower case): PHASES in src/shared/domain/program.ts.
          phase: phase.toLowerCase() as Lowercase<Phase>,
          deload: phase === 'Deload',
          ...weekModifiers(phase, weekInPhase),
          ...stamps,
        });
        split.days.forEach((weekdayOffset, slot) => {
          const templateKey = split.templates[slot] as string;
          const day: SeededProgramDay = {
            id: ids.at(createdAtMs),
            dayIndex: slot,
            weekdayOffset,
            templateKey,
          };
          week.days.push(day);
          dayRows.push({
            id: day.id,
            organizationId,
            programWeekId: week.id,
            dayIndex: slot,
            templateId: templates.get(templateKey)?.id ?? null,
            ...stamps,
          });
        });
        seeded.weeks.push(week);
      });
      programs.push(seeded);
    }
  }

  await db.transaction(async (tx) => {
    await tx.insert(workoutTemplate).values(templateRows);
    await tx.insert(workoutTemplateExercise).values(templateExerciseRows);
    await tx.insert(program).values(programRows);
    await tx.insert(programWeek).values(weekRows);
    await tx.insert(programDay).values(dayRows);
  });
  return { exerciseIds, exercises, templates, programs };
}
