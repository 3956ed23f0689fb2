/**
 * The whole data model (ARCHITECTURE.md, "Entities"), sync-ready from the first table:
 * client-made UUIDv7 keys, created_at/updated_at, deleted_at tombstones, organization scope.
 * Weights in kilograms; calendar days as `date`. Expression and trigram indexes that drizzle
 * does not model live in the custom SQL migrations beside this file.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  type AnyPgColumn,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'string' }),
};

const organizationId = () =>
  uuid('organization_id')
    .notNull()
    .references(() => organization.id);

export const organization = pgTable('organization', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  /** The person who runs it (the coach, or the lifter on their own). */
  ownerName: text('owner_name').notNull().default(''),
  ...timestamps,
});

export const athlete = pgTable(
  'athlete',
  {
    id: uuid('id').primaryKey(),
    organizationId: organizationId(),
    name: text('name').notNull(),
    timeZone: text('time_zone').notNull(),
    bodyweightKg: doublePrecision('bodyweight_kg'),
    /** scrypt hash of the kiosk PIN with its salt ("scrypt$salt$hash"); never the PIN itself. */
    pinHash: text('pin_hash'),
    notes: text('notes').notNull().default(''),
    archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'string' }),
    ...timestamps,
  },
  (t) => [index('athlete_org_name_idx').on(t.organizationId, t.name)],
);

export const userPreferences = pgTable(
  'user_preferences',
  {
    id: uuid('id').primaryKey(),
    organizationId: organizationId(),
    weightUnit: text('weight_unit').notNull().default('kg'),
    distanceUnit: text('distance_unit').notNull().default('m'),
    theme: text('theme').notNull().default('auto'),
    defaultView: text('default_view').notNull().default('dashboard'),
    emailReminders: boolean('email_reminders').notNull().default(false),
    desktopReminders: boolean('desktop_reminders').notNull().default(true),
    reminderHoursBefore: integer('reminder_hours_before').notNull().default(2),
    /** When a scheduled workout without a time of its own starts ('HH:MM', the athlete's clock). */
    workoutTime: text('workout_time').notNull().default('17:00'),
    autoCalculateAnalytics: boolean('auto_calculate_analytics').notNull().default(true),
    currentAthleteId: uuid('current_athlete_id').references(() => athlete.id),
    ...timestamps,
  },
  (t) => [uniqueIndex('user_preferences_org_idx').on(t.organizationId)],
);

/**
 * Exercises. Catalogue rows (source 'catalogue') ship with the app, have organization_id NULL
 * and fixed ids from resources/exercises/catalogue.json, so they are the same on every device.
 * Imported and custom rows belong to an organization.
 */
export const exercise = pgTable(
  'exercise',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id').references(() => organization.id),
    name: text('name').notNull(),
    primaryMuscles: text('primary_muscles').array().notNull(),
    secondaryMuscles: text('secondary_muscles')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    equipment: text('equipment'),
    level: text('level').notNull(),
    category: text('category').notNull(),
    mechanic: text('mechanic'),
    force: text('force'),
    instructions: text('instructions')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    source: text('source').notNull(),
    ...timestamps,
  },
  (t) => [index('exercise_org_idx').on(t.organizationId)],
);

/** A favorite is per organization, so catalogue exercises can be favorites too. */
export const exerciseFavorite = pgTable(
  'exercise_favorite',
  {
    id: uuid('id').primaryKey(),
    organizationId: organizationId(),
    exerciseId: uuid('exercise_id')
      .notNull()
      .references(() => exercise.id),
    ...timestamps,
  },
  (t) => [uniqueIndex('exercise_favorite_org_exercise_idx').on(t.organizationId, t.exerciseId)],
);

export const workoutTemplate = pgTable(
  'workout_template',
  {
    id: uuid('id').primaryKey(),
    organizationId: organizationId(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'string' }),
    /**
     * A copy made for some weeks of one program ("this week only" in the builder) belongs to that
     * program: it is hidden from the template library and listed with the program.
     */
    ownerProgramId: uuid('owner_program_id').references((): AnyPgColumn => program.id),
    /** The template this one was copied from (a fork or a duplicate). */
    forkedFromId: uuid('forked_from_id'),
    ...timestamps,
  },
  (t) => [
    index('workout_template_org_idx').on(t.organizationId),
    index('workout_template_owner_program_idx').on(t.ownerProgramId),
  ],
);

export const workoutTemplateExercise = pgTable(
  'workout_template_exercise',
  {
    id: uuid('id').primaryKey(),
    organizationId: organizationId(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => workoutTemplate.id),
    exerciseId: uuid('exercise_id')
      .notNull()
      .references(() => exercise.id),
    position: integer('position').notNull(),
    supersetGroup: text('superset_group'),
    sets: smallint('sets').notNull().default(3),
    repsMin: smallint('reps_min'),
    repsMax: smallint('reps_max'),
    /** How load is prescribed: percent of 1RM, RPE, RIR, or a fixed load. */
    intensityKind: text('intensity_kind'),
    percentOneRepMax: doublePrecision('percent_one_rep_max'),
    rpe: doublePrecision('rpe'),
    rir: smallint('rir'),
    loadKg: doublePrecision('load_kg'),
    restSeconds: integer('rest_seconds'),
    tempo: text('tempo'),
    notes: text('notes').notNull().default(''),
    /** Per-set rows where sets differ (a top set and back-offs); null when all sets are alike. */
    setDetails: jsonb('set_details'),
    ...timestamps,
  },
  (t) => [index('workout_template_exercise_template_idx').on(t.templateId, t.position)],
);

export const program = pgTable(
  'program',
  {
    id: uuid('id').primaryKey(),
    organizationId: organizationId(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    daysPerWeek: smallint('days_per_week').notNull(),
    /** When a workout is missed, shift the rest of the program by one training day. */
    shiftOnMissed: boolean('shift_on_missed').notNull().default(false),
    archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'string' }),
    /** Bumped by every save; a save based on an older revision is refused (another window won). */
    revision: integer('revision').notNull().default(0),
    ...timestamps,
  },
  (t) => [index('program_org_idx').on(t.organizationId)],
);

export const programWeek = pgTable(
  'program_week',
  {
    id: uuid('id').primaryKey(),
    organizationId: organizationId(),
    programId: uuid('program_id')
      .notNull()
      .references(() => program.id),
    weekNumber: smallint('week_number').notNull(),
    phase: text('phase'),
    deload: boolean('deload').notNull().default(false),
    volumeFactor: doublePrecision('volume_factor').notNull().default(1),
    intensityDeltaPercent: doublePrecision('intensity_delta_percent').notNull().default(0),
    rpeDelta: doublePrecision('rpe_delta').notNull().default(0),
    ...timestamps,
  },
  (t) => [index('program_week_program_idx').on(t.programId, t.weekNumber)],
);

export const programDay = pgTable(
  'program_day',
  {
    id: uuid('id').primaryKey(),
    organizationId: organizationId(),
    programWeekId: uuid('program_week_id')
      .notNull()
      .references(() => programWeek.id),
    dayIndex: smallint('day_index').notNull(),
    /** Null for a rest day. */
    templateId: uuid('template_id').references(() => workoutTemplate.id),
    /**
     * Per-exercise changes for this day only, keyed by workout_template_exercise id (what the
     * periodization generators write: this week's load, reps, sets); null when there are none.
     */
    overrides: jsonb('overrides'),
    ...timestamps,
  },
  (t) => [index('program_day_week_idx').on(t.programWeekId, t.dayIndex)],
);

/**
 * A program applied to an athlete from a start date on chosen weekdays. Its scheduled workouts
 * are derived from the program and follow its edits (future, not-started ones only).
 */
export const programAssignment = pgTable(
  'program_assignment',
  {
    id: uuid('id').primaryKey(),
    organizationId: organizationId(),
    programId: uuid('program_id')
      .notNull()
      .references(() => program.id),
    athleteId: uuid('athlete_id')
      .notNull()
      .references(() => athlete.id),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    /** ISO weekdays (1 = Monday … 7 = Sunday) the athlete trains on, ascending. */
    weekdays: smallint('weekdays').array().notNull(),
    /** Training dates the program skips: conflicts shifted past, missed days shifted over. */
    skippedDates: date('skipped_dates', { mode: 'string' })
      .array()
      .notNull()
      .default(sql`'{}'::date[]`),
    /** Workouts this application replaced (tombstoned); undoing it brings them back. */
    replacedWorkoutIds: uuid('replaced_workout_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    ...timestamps,
  },
  (t) => [
    index('program_assignment_program_idx').on(t.programId),
    index('program_assignment_athlete_idx').on(t.athleteId),
  ],
);

export const SCHEDULE_STATUSES = ['scheduled', 'in_progress', 'completed', 'skipped', 'missed'] as const;

export const scheduledWorkout = pgTable(
  'scheduled_workout',
  {
    id: uuid('id').primaryKey(),
    organizationId: organizationId(),
    athleteId: uuid('athlete_id')
      .notNull()
      .references(() => athlete.id),
    templateId: uuid('template_id')
      .notNull()
      .references(() => workoutTemplate.id),
    scheduledDate: date('scheduled_date', { mode: 'string' }).notNull(),
    programId: uuid('program_id').references(() => program.id),
    programWeekId: uuid('program_week_id').references(() => programWeek.id),
    programDayId: uuid('program_day_id').references(() => programDay.id),
    status: text('status').notNull().default('scheduled'),
    completedSessionId: uuid('completed_session_id'),
    notes: text('notes').notNull().default(''),
    /** 'HH:MM' on the athlete's clock; null uses the preferences' usual training time. */
    startTime: text('start_time'),
    /** The program application it came from; null when scheduled by hand. */
    assignmentId: uuid('assignment_id').references(() => programAssignment.id),
    /**
     * The prescription as it stood when scheduled (template, day overrides and week modifiers
     * resolved): past workouts keep theirs when the template or program changes later.
     */
    prescription: jsonb('prescription'),
    /** Moved by hand: program edits no longer move it. */
    datePinned: boolean('date_pinned').notNull().default(false),
    /** When its reminder went out, so it goes out once. */
    remindedAt: timestamp('reminded_at', { withTimezone: true, mode: 'string' }),
    ...timestamps,
  },
  (t) => [
    index('scheduled_workout_athlete_date_idx').on(t.athleteId, t.scheduledDate),
    index('scheduled_workout_assignment_idx').on(t.assignmentId),
    index('scheduled_workout_template_idx').on(t.templateId),
  ],
);

export const workoutSession = pgTable(
  'workout_session',
  {
    id: uuid('id').primaryKey(),
    organizationId: organizationId(),
    athleteId: uuid('athlete_id')
      .notNull()
      .references(() => athlete.id),
    name: text('name').notNull().default(''),
    templateId: uuid('template_id').references(() => workoutTemplate.id),
    scheduledWorkoutId: uuid('scheduled_workout_id').references(() => scheduledWorkout.id),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'string' }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'string' }),
    notes: text('notes').notNull().default(''),
    bodyweightKg: doublePrecision('bodyweight_kg'),
    ...timestamps,
  },
  (t) => [index('workout_session_athlete_started_idx').on(t.athleteId, t.startedAt.desc())],
);

export const exerciseEntry = pgTable(
  'exercise_entry',
  {
    id: uuid('id').primaryKey(),
    organizationId: organizationId(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => workoutSession.id),
    exerciseId: uuid('exercise_id')
      .notNull()
      .references(() => exercise.id),
    position: integer('position').notNull(),
    supersetGroup: text('superset_group'),
    notes: text('notes').notNull().default(''),
    ...timestamps,
  },
  (t) => [index('exercise_entry_session_idx').on(t.sessionId, t.position)],
);

export const SET_TYPES = ['warmup', 'working', 'drop', 'failure'] as const;

export const setEntry = pgTable(
  'set_entry',
  {
    id: uuid('id').primaryKey(),
    organizationId: organizationId(),
    exerciseEntryId: uuid('exercise_entry_id')
      .notNull()
      .references(() => exerciseEntry.id),
    setNumber: smallint('set_number').notNull(),
    setType: text('set_type').notNull().default('working'),
    weightKg: doublePrecision('weight_kg'),
    reps: smallint('reps'),
    rpe: doublePrecision('rpe'),
    rir: smallint('rir'),
    durationSeconds: integer('duration_seconds'),
    distanceM: doublePrecision('distance_m'),
    completed: boolean('completed').notNull().default(false),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'string' }),
    ...timestamps,
  },
  (t) => [index('set_entry_entry_idx').on(t.exerciseEntryId, t.setNumber)],
);

/**
 * Background jobs' last runs, shown in Settings → Background jobs. Device-local (not synced):
 * each device runs its own jobs.
 */
export const jobRun = pgTable('job_run', {
  name: text('name').primaryKey(),
  lastStartedAt: timestamp('last_started_at', { withTimezone: true, mode: 'string' }),
  lastFinishedAt: timestamp('last_finished_at', { withTimezone: true, mode: 'string' }),
  lastDurationMs: doublePrecision('last_duration_ms'),
  lastError: text('last_error'),
  lastResult: text('last_result'),
  runCount: integer('run_count').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

export const schema = {
  organization,
  athlete,
  userPreferences,
  exercise,
  exerciseFavorite,
  workoutTemplate,
  workoutTemplateExercise,
  program,
  programWeek,
  programDay,
  programAssignment,
  scheduledWorkout,
  workoutSession,
  exerciseEntry,
  setEntry,
  jobRun,
};
