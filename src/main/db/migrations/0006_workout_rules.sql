-- Rules for workouts that drizzle's schema does not model.

-- An athlete has at most one workout in progress (started, not finished, not deleted).
CREATE UNIQUE INDEX workout_session_one_open_idx ON workout_session (athlete_id)
  WHERE completed_at IS NULL AND deleted_at IS NULL;
--> statement-breakpoint
-- Values the app writes are checked by zod first; these keep a bad sync or import out too.
ALTER TABLE workout_session ADD CONSTRAINT workout_session_times_check
  CHECK ((completed_at IS NULL OR completed_at >= started_at)
    AND (rest_seconds IS NULL OR rest_seconds BETWEEN 0 AND 3600));
--> statement-breakpoint
ALTER TABLE exercise_entry ADD CONSTRAINT exercise_entry_rest_check
  CHECK (rest_seconds IS NULL OR rest_seconds BETWEEN 0 AND 3600);
--> statement-breakpoint
ALTER TABLE user_preferences ADD CONSTRAINT user_preferences_rest_check
  CHECK (rest_seconds BETWEEN 0 AND 3600 AND (bar_kg IS NULL OR bar_kg BETWEEN 0 AND 100));
--> statement-breakpoint
ALTER TABLE personal_record ADD CONSTRAINT personal_record_kind_check
  CHECK (kind IN ('e1rm', 'weight', 'volume') AND reps BETWEEN 0 AND 100);
--> statement-breakpoint
ALTER TABLE voice_note ADD CONSTRAINT voice_note_size_check
  CHECK (size_bytes = octet_length(audio) AND duration_ms > 0);
