CREATE TABLE "job_run" (
	"name" text PRIMARY KEY NOT NULL,
	"last_started_at" timestamp with time zone,
	"last_finished_at" timestamp with time zone,
	"last_duration_ms" double precision,
	"last_error" text,
	"last_result" text,
	"run_count" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "program_assignment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"athlete_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"weekdays" smallint[] NOT NULL,
	"skipped_dates" date[] DEFAULT '{}'::date[] NOT NULL,
	"replaced_workout_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "program" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "program_day" ADD COLUMN "overrides" jsonb;--> statement-breakpoint
ALTER TABLE "scheduled_workout" ADD COLUMN "start_time" text;--> statement-breakpoint
ALTER TABLE "scheduled_workout" ADD COLUMN "assignment_id" uuid;--> statement-breakpoint
ALTER TABLE "scheduled_workout" ADD COLUMN "prescription" jsonb;--> statement-breakpoint
ALTER TABLE "scheduled_workout" ADD COLUMN "date_pinned" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "scheduled_workout" ADD COLUMN "reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "user_preferences" ADD COLUMN "workout_time" text DEFAULT '17:00' NOT NULL;--> statement-breakpoint
ALTER TABLE "workout_template" ADD COLUMN "owner_program_id" uuid;--> statement-breakpoint
ALTER TABLE "workout_template" ADD COLUMN "forked_from_id" uuid;--> statement-breakpoint
ALTER TABLE "program_assignment" ADD CONSTRAINT "program_assignment_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_assignment" ADD CONSTRAINT "program_assignment_program_id_program_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."program"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_assignment" ADD CONSTRAINT "program_assignment_athlete_id_athlete_id_fk" FOREIGN KEY ("athlete_id") REFERENCES "public"."athlete"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "program_assignment_program_idx" ON "program_assignment" USING btree ("program_id");--> statement-breakpoint
CREATE INDEX "program_assignment_athlete_idx" ON "program_assignment" USING btree ("athlete_id");--> statement-breakpoint
ALTER TABLE "scheduled_workout" ADD CONSTRAINT "scheduled_workout_assignment_id_program_assignment_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."program_assignment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workout_template" ADD CONSTRAINT "workout_template_owner_program_id_program_id_fk" FOREIGN KEY ("owner_program_id") REFERENCES "public"."program"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "scheduled_workout_assignment_idx" ON "scheduled_workout" USING btree ("assignment_id");--> statement-breakpoint
CREATE INDEX "scheduled_workout_template_idx" ON "scheduled_workout" USING btree ("template_id");--> statement-breakpoint
CREATE INDEX "workout_template_owner_program_idx" ON "workout_template" USING btree ("owner_program_id");