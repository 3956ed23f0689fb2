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
  customType,
  primaryKey,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Raw bytes (voice notes), read and written as Node Buffers / Uint8Arrays. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

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
    /** Rest between sets when the exercise prescribes none (seconds). */
    restSeconds: integer('rest_seconds').notNull().default(120),
    /** A sound when the rest timer ends. */
    restSound: boolean('rest_sound').notNull().default(true),
    /** The bar, in kg; null is the standard bar of the weight unit (20 kg or 45 lb). */
    barKg: doublePrecision('bar_kg'),
    /** The plates at hand (one of each size, in pairs without limit), in kg; null is the standard set of the unit. */
    platesKg: jsonb('plates_kg').$type<number[]>(),
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
    /** The rest timer, kept here so it survives a reload: when it started and how long it runs. */
    restStartedAt: timestamp('rest_started_at', { withTimezone: true, mode: 'string' }),
    restSeconds: integer('rest_seconds'),
    /** The exercise whose set started the rest. */
    restEntryId: uuid('rest_entry_id'),
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
    /** Rest after each set (seconds); null takes the preferences' rest. */
    restSeconds: integer('rest_seconds'),
    /** What was prescribed (a ResolvedPrescription) when the workout started from a template or the calendar. */
    prescription: jsonb('prescription'),
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
 * Per athlete, exercise and session: the best of that session's completed sets (derived from the
 * sets, kept in the same transaction as every write to them; never synced, rebuilt on demand).
 * Stored in (athlete, exercise, started_at) order: an exercise's history and its records are a
 * short index range.
 */
export const athleteExerciseSession = pgTable(
  'athlete_exercise_session',
  {
    athleteId: uuid('athlete_id').notNull(),
    exerciseId: uuid('exercise_id').notNull(),
    sessionId: uuid('session_id').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'string' }).notNull(),
    /** When the session's last counted set was done (the time of a volume record). */
    achievedAt: timestamp('achieved_at', { withTimezone: true, mode: 'string' }).notNull(),
    bestE1rmKg: doublePrecision('best_e1rm_kg'),
    bestE1rmSetId: uuid('best_e1rm_set_id'),
    topWeightKg: doublePrecision('top_weight_kg'),
    volumeKg: doublePrecision('volume_kg').notNull().default(0),
    workingSets: integer('working_sets').notNull().default(0),
    totalReps: integer('total_reps').notNull().default(0),
    /** Best weight for each rep count done (1–20): { "5": { "weightKg": 100, "setId": "…", "at": "…" } }. */
    repBests: jsonb('rep_bests')
      .$type<Record<string, { weightKg: number; setId: string; at: string }>>()
      .notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.athleteId, t.exerciseId, t.sessionId] }),
    index('athlete_exercise_session_history_idx').on(t.athleteId, t.exerciseId, t.startedAt.desc()),
    index('athlete_exercise_session_session_idx').on(t.sessionId),
  ],
);

export const RECORD_KINDS = ['e1rm', 'weight', 'volume'] as const;

/**
 * Personal records per athlete and exercise: the best e1RM, the best weight for each rep count,
 * the best session volume. Derived like athlete_exercise_session, in the same transaction.
 */
export const personalRecord = pgTable(
  'personal_record',
  {
    athleteId: uuid('athlete_id').notNull(),
    exerciseId: uuid('exercise_id').notNull(),
    kind: text('kind').notNull(),
    /** The rep count of a 'weight' record; 0 for the others. */
    reps: smallint('reps').notNull(),
    valueKg: doublePrecision('value_kg').notNull(),
    weightKg: doublePrecision('weight_kg'),
    repsDone: smallint('reps_done'),
    setEntryId: uuid('set_entry_id'),
    sessionId: uuid('session_id').notNull(),
    achievedAt: timestamp('achieved_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.athleteId, t.exerciseId, t.kind, t.reps] }),
    index('personal_record_session_idx').on(t.sessionId),
  ],
);

/** A short recorded note on a workout or one of its exercises (the audio itself, in the database). */
export const voiceNote = pgTable(
  'voice_note',
  {
    id: uuid('id').primaryKey(),
    organizationId: organizationId(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => workoutSession.id),
    exerciseEntryId: uuid('exercise_entry_id').references(() => exerciseEntry.id),
    mimeType: text('mime_type').notNull(),
    durationMs: integer('duration_ms').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    audio: bytea('audio').notNull(),
    ...timestamps,
  },
  (t) => [index('voice_note_session_idx').on(t.sessionId)],
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
  athleteExerciseSession,
  personalRecord,
  voiceNote,
  jobRun,
};
