-- Search and integrity rules drizzle's schema does not model.

-- Typo-tolerant exercise search: trigram similarity ("benchpres" finds "Bench Press").
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
--> statement-breakpoint
CREATE INDEX exercise_name_trgm_idx ON exercise USING gin (lower(name) gin_trgm_ops);
--> statement-breakpoint
-- Muscle filters test array overlap (&&) on these.
CREATE INDEX exercise_primary_muscles_idx ON exercise USING gin (primary_muscles);
--> statement-breakpoint
CREATE INDEX exercise_secondary_muscles_idx ON exercise USING gin (secondary_muscles);
--> statement-breakpoint
-- A name is unique per organization among live exercises (catalogue rows have no organization,
-- and NULLS NOT DISTINCT makes them unique among themselves too). Service code also checks a new
-- custom name against the catalogue, so a user gets a clear message instead of this error.
CREATE UNIQUE INDEX exercise_org_name_unique ON exercise (organization_id, lower(name)) NULLS NOT DISTINCT
  WHERE deleted_at IS NULL;
--> statement-breakpoint
-- Values the app writes are checked by zod first; these keep a bad sync or import out too.
ALTER TABLE scheduled_workout ADD CONSTRAINT scheduled_workout_status_check
  CHECK (status IN ('scheduled', 'in_progress', 'completed', 'skipped', 'missed'));
--> statement-breakpoint
ALTER TABLE set_entry ADD CONSTRAINT set_entry_type_check
  CHECK (set_type IN ('warmup', 'working', 'drop', 'failure'));
--> statement-breakpoint
ALTER TABLE set_entry ADD CONSTRAINT set_entry_values_check
  CHECK ((weight_kg IS NULL OR weight_kg >= 0) AND (reps IS NULL OR reps >= 0)
    AND (rpe IS NULL OR (rpe >= 1 AND rpe <= 10)));
--> statement-breakpoint
ALTER TABLE exercise ADD CONSTRAINT exercise_source_check
  CHECK (source IN ('catalogue', 'import', 'custom'));
--> statement-breakpoint
ALTER TABLE user_preferences ADD CONSTRAINT user_preferences_values_check
  CHECK (weight_unit IN ('kg', 'lb') AND distance_unit IN ('m', 'ft')
    AND theme IN ('light', 'dark', 'auto') AND reminder_hours_before BETWEEN 0 AND 72);
