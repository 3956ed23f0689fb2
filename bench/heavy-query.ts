/**
 * The heavy query the event-loop benchmark runs: a gym-wide aggregate over the set history
 * (about 2 M joined rows at 200 athletes × 5 years), the kind of scan an analytics rebuild does.
 */
export const HEAVY_AGGREGATE = `
  SELECT count(*) AS sets, sum(s.weight_kg * s.reps) AS volume_kg
  FROM set_entry s
  JOIN exercise_entry e ON e.id = s.exercise_entry_id
  JOIN workout_session w ON w.id = e.session_id
  WHERE w.started_at > (SELECT max(started_at) FROM workout_session) - interval '30 months'`;
