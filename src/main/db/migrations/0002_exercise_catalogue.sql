-- Loads our exercise catalogue (resources/exercises/catalogue.json) into `exercise`.
-- The rows are inserted by the code step registered for this migration in src/main/db/migrate.ts,
-- inside this migration's transaction; this file holds no SQL of its own.
SELECT 1;
