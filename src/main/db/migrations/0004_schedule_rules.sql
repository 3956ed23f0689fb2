-- Rules for programs and the schedule that drizzle's schema does not model.

-- The background jobs look for workouts still open on or before a day (missed ones, reminders);
-- this keeps that a short index range whatever the size of the history.
CREATE INDEX scheduled_workout_open_date_idx ON scheduled_workout (scheduled_date)
  WHERE status = 'scheduled' AND deleted_at IS NULL;
--> statement-breakpoint
-- At most one live workout per application and program day: re-applying never doubles one.
CREATE UNIQUE INDEX scheduled_workout_assignment_day_unique ON scheduled_workout (assignment_id, program_day_id)
  WHERE assignment_id IS NOT NULL AND deleted_at IS NULL;
--> statement-breakpoint
-- Values the app writes are checked by zod first; these keep a bad sync or import out too.
ALTER TABLE scheduled_workout ADD CONSTRAINT scheduled_workout_start_time_check
  CHECK (start_time IS NULL OR start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');
--> statement-breakpoint
ALTER TABLE user_preferences ADD CONSTRAINT user_preferences_workout_time_check
  CHECK (workout_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');
--> statement-breakpoint
ALTER TABLE program ADD CONSTRAINT program_days_per_week_check CHECK (days_per_week BETWEEN 1 AND 7);
--> statement-breakpoint
ALTER TABLE program_week ADD CONSTRAINT program_week_values_check
  CHECK (week_number BETWEEN 1 AND 52 AND volume_factor > 0 AND volume_factor <= 3
    AND intensity_delta_percent BETWEEN -50 AND 50 AND rpe_delta BETWEEN -5 AND 5);
--> statement-breakpoint
ALTER TABLE program_day ADD CONSTRAINT program_day_index_check CHECK (day_index BETWEEN 0 AND 6);
--> statement-breakpoint
ALTER TABLE program_assignment ADD CONSTRAINT program_assignment_weekdays_check
  CHECK (cardinality(weekdays) BETWEEN 1 AND 7 AND weekdays <@ '{1,2,3,4,5,6,7}'::smallint[]);
--> statement-breakpoint
ALTER TABLE workout_template_exercise ADD CONSTRAINT workout_template_exercise_values_check
  CHECK (sets BETWEEN 1 AND 20
    AND (reps_min IS NULL OR reps_min BETWEEN 1 AND 100)
    AND (reps_max IS NULL OR reps_max BETWEEN 1 AND 100)
    AND (reps_min IS NULL OR reps_max IS NULL OR reps_min <= reps_max)
    AND (percent_one_rep_max IS NULL OR percent_one_rep_max BETWEEN 1 AND 100)
    AND (rpe IS NULL OR rpe BETWEEN 1 AND 10)
    AND (rir IS NULL OR rir BETWEEN 0 AND 10)
    AND (load_kg IS NULL OR load_kg BETWEEN 0 AND 1000)
    AND (rest_seconds IS NULL OR rest_seconds BETWEEN 0 AND 3600));
