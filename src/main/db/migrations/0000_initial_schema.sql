CREATE TABLE "athlete" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"time_zone" text NOT NULL,
	"bodyweight_kg" double precision,
	"pin_hash" text,
	"notes" text DEFAULT '' NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "exercise" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid,
	"name" text NOT NULL,
	"primary_muscles" text[] NOT NULL,
	"secondary_muscles" text[] DEFAULT '{}'::text[] NOT NULL,
	"equipment" text,
	"level" text NOT NULL,
	"category" text NOT NULL,
	"mechanic" text,
	"force" text,
	"instructions" text[] DEFAULT '{}'::text[] NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "exercise_entry" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"exercise_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"superset_group" text,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "exercise_favorite" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"exercise_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "organization" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"owner_name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "program" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"days_per_week" smallint NOT NULL,
	"shift_on_missed" boolean DEFAULT false NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "program_day" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"program_week_id" uuid NOT NULL,
	"day_index" smallint NOT NULL,
	"template_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "program_week" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"week_number" smallint NOT NULL,
	"phase" text,
	"deload" boolean DEFAULT false NOT NULL,
	"volume_factor" double precision DEFAULT 1 NOT NULL,
	"intensity_delta_percent" double precision DEFAULT 0 NOT NULL,
	"rpe_delta" double precision DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "scheduled_workout" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"athlete_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"scheduled_date" date NOT NULL,
	"program_id" uuid,
	"program_week_id" uuid,
	"program_day_id" uuid,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"completed_session_id" uuid,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "set_entry" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"exercise_entry_id" uuid NOT NULL,
	"set_number" smallint NOT NULL,
	"set_type" text DEFAULT 'working' NOT NULL,
	"weight_kg" double precision,
	"reps" smallint,
	"rpe" double precision,
	"rir" smallint,
	"duration_seconds" integer,
	"distance_m" double precision,
	"completed" boolean DEFAULT false NOT NULL,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "user_preferences" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"weight_unit" text DEFAULT 'kg' NOT NULL,
	"distance_unit" text DEFAULT 'm' NOT NULL,
	"theme" text DEFAULT 'auto' NOT NULL,
	"default_view" text DEFAULT 'dashboard' NOT NULL,
	"email_reminders" boolean DEFAULT false NOT NULL,
	"desktop_reminders" boolean DEFAULT true NOT NULL,
	"reminder_hours_before" integer DEFAULT 2 NOT NULL,
	"auto_calculate_analytics" boolean DEFAULT true NOT NULL,
	"current_athlete_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "workout_session" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"athlete_id" uuid NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"template_id" uuid,
	"scheduled_workout_id" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"notes" text DEFAULT '' NOT NULL,
	"bodyweight_kg" double precision,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "workout_template" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "workout_template_exercise" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"exercise_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"superset_group" text,
	"sets" smallint DEFAULT 3 NOT NULL,
	"reps_min" smallint,
	"reps_max" smallint,
	"intensity_kind" text,
	"percent_one_rep_max" double precision,
	"rpe" double precision,
	"rir" smallint,
	"load_kg" double precision,
	"rest_seconds" integer,
	"tempo" text,
	"notes" text DEFAULT '' NOT NULL,
	"set_details" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "athlete" ADD CONSTRAINT "athlete_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise" ADD CONSTRAINT "exercise_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_entry" ADD CONSTRAINT "exercise_entry_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_entry" ADD CONSTRAINT "exercise_entry_session_id_workout_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."workout_session"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_entry" ADD CONSTRAINT "exercise_entry_exercise_id_exercise_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercise"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_favorite" ADD CONSTRAINT "exercise_favorite_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_favorite" ADD CONSTRAINT "exercise_favorite_exercise_id_exercise_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercise"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program" ADD CONSTRAINT "program_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_day" ADD CONSTRAINT "program_day_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_day" ADD CONSTRAINT "program_day_program_week_id_program_week_id_fk" FOREIGN KEY ("program_week_id") REFERENCES "public"."program_week"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_day" ADD CONSTRAINT "program_day_template_id_workout_template_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."workout_template"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_week" ADD CONSTRAINT "program_week_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_week" ADD CONSTRAINT "program_week_program_id_program_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."program"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduled_workout" ADD CONSTRAINT "scheduled_workout_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduled_workout" ADD CONSTRAINT "scheduled_workout_athlete_id_athlete_id_fk" FOREIGN KEY ("athlete_id") REFERENCES "public"."athlete"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduled_workout" ADD CONSTRAINT "scheduled_workout_template_id_workout_template_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."workout_template"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduled_workout" ADD CONSTRAINT "scheduled_workout_program_id_program_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."program"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduled_workout" ADD CONSTRAINT "scheduled_workout_program_week_id_program_week_id_fk" FOREIGN KEY ("program_week_id") REFERENCES "public"."program_week"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduled_workout" ADD CONSTRAINT "scheduled_workout_program_day_id_program_day_id_fk" FOREIGN KEY ("program_day_id") REFERENCES "public"."program_day"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "set_entry" ADD CONSTRAINT "set_entry_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "set_entry" ADD CONSTRAINT "set_entry_exercise_entry_id_exercise_entry_id_fk" FOREIGN KEY ("exercise_entry_id") REFERENCES "public"."exercise_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_preferences" ADD CONSTRAINT "user_preferences_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_preferences" ADD CONSTRAINT "user_preferences_current_athlete_id_athlete_id_fk" FOREIGN KEY ("current_athlete_id") REFERENCES "public"."athlete"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workout_session" ADD CONSTRAINT "workout_session_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workout_session" ADD CONSTRAINT "workout_session_athlete_id_athlete_id_fk" FOREIGN KEY ("athlete_id") REFERENCES "public"."athlete"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workout_session" ADD CONSTRAINT "workout_session_template_id_workout_template_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."workout_template"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workout_session" ADD CONSTRAINT "workout_session_scheduled_workout_id_scheduled_workout_id_fk" FOREIGN KEY ("scheduled_workout_id") REFERENCES "public"."scheduled_workout"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workout_template" ADD CONSTRAINT "workout_template_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workout_template_exercise" ADD CONSTRAINT "workout_template_exercise_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workout_template_exercise" ADD CONSTRAINT "workout_template_exercise_template_id_workout_template_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."workout_template"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workout_template_exercise" ADD CONSTRAINT "workout_template_exercise_exercise_id_exercise_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercise"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "athlete_org_name_idx" ON "athlete" USING btree ("organization_id","name");--> statement-breakpoint
CREATE INDEX "exercise_org_idx" ON "exercise" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "exercise_entry_session_idx" ON "exercise_entry" USING btree ("session_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "exercise_favorite_org_exercise_idx" ON "exercise_favorite" USING btree ("organization_id","exercise_id");--> statement-breakpoint
CREATE INDEX "program_org_idx" ON "program" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "program_day_week_idx" ON "program_day" USING btree ("program_week_id","day_index");--> statement-breakpoint
CREATE INDEX "program_week_program_idx" ON "program_week" USING btree ("program_id","week_number");--> statement-breakpoint
CREATE INDEX "scheduled_workout_athlete_date_idx" ON "scheduled_workout" USING btree ("athlete_id","scheduled_date");--> statement-breakpoint
CREATE INDEX "set_entry_entry_idx" ON "set_entry" USING btree ("exercise_entry_id","set_number");--> statement-breakpoint
CREATE UNIQUE INDEX "user_preferences_org_idx" ON "user_preferences" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "workout_session_athlete_started_idx" ON "workout_session" USING btree ("athlete_id","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "workout_template_org_idx" ON "workout_template" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "workout_template_exercise_template_idx" ON "workout_template_exercise" USING btree ("template_id","position");