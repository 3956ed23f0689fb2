CREATE TABLE "athlete_exercise_session" (
	"athlete_id" uuid NOT NULL,
	"exercise_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"achieved_at" timestamp with time zone NOT NULL,
	"best_e1rm_kg" double precision,
	"best_e1rm_set_id" uuid,
	"top_weight_kg" double precision,
	"volume_kg" double precision DEFAULT 0 NOT NULL,
	"working_sets" integer DEFAULT 0 NOT NULL,
	"total_reps" integer DEFAULT 0 NOT NULL,
	"rep_bests" jsonb NOT NULL,
	CONSTRAINT "athlete_exercise_session_athlete_id_exercise_id_session_id_pk" PRIMARY KEY("athlete_id","exercise_id","session_id")
);
--> statement-breakpoint
CREATE TABLE "personal_record" (
	"athlete_id" uuid NOT NULL,
	"exercise_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reps" smallint NOT NULL,
	"value_kg" double precision NOT NULL,
	"weight_kg" double precision,
	"reps_done" smallint,
	"set_entry_id" uuid,
	"session_id" uuid NOT NULL,
	"achieved_at" timestamp with time zone NOT NULL,
	CONSTRAINT "personal_record_athlete_id_exercise_id_kind_reps_pk" PRIMARY KEY("athlete_id","exercise_id","kind","reps")
);
--> statement-breakpoint
CREATE TABLE "voice_note" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"exercise_entry_id" uuid,
	"mime_type" text NOT NULL,
	"duration_ms" integer NOT NULL,
	"size_bytes" integer NOT NULL,
	"audio" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "exercise_entry" ADD COLUMN "rest_seconds" integer;--> statement-breakpoint
ALTER TABLE "exercise_entry" ADD COLUMN "prescription" jsonb;--> statement-breakpoint
ALTER TABLE "user_preferences" ADD COLUMN "rest_seconds" integer DEFAULT 120 NOT NULL;--> statement-breakpoint
ALTER TABLE "user_preferences" ADD COLUMN "rest_sound" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "user_preferences" ADD COLUMN "bar_kg" double precision;--> statement-breakpoint
ALTER TABLE "user_preferences" ADD COLUMN "plates_kg" jsonb;--> statement-breakpoint
ALTER TABLE "workout_session" ADD COLUMN "rest_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "workout_session" ADD COLUMN "rest_seconds" integer;--> statement-breakpoint
ALTER TABLE "workout_session" ADD COLUMN "rest_entry_id" uuid;--> statement-breakpoint
ALTER TABLE "voice_note" ADD CONSTRAINT "voice_note_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_note" ADD CONSTRAINT "voice_note_session_id_workout_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."workout_session"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_note" ADD CONSTRAINT "voice_note_exercise_entry_id_exercise_entry_id_fk" FOREIGN KEY ("exercise_entry_id") REFERENCES "public"."exercise_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "athlete_exercise_session_history_idx" ON "athlete_exercise_session" USING btree ("athlete_id","exercise_id","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "athlete_exercise_session_session_idx" ON "athlete_exercise_session" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "personal_record_session_idx" ON "personal_record" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "voice_note_session_idx" ON "voice_note" USING btree ("session_id");