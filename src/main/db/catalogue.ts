/**
 * The code step of migration 0002: our shipped exercise catalogue into `exercise`. Catalogue rows
 * have fixed ids and no organization, so every device holds the same rows; re-running updates them
 * in place (upsert by id), which a later migration can reuse to ship a revised catalogue.
 */
import { sql } from 'drizzle-orm';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { id } from '../../shared/domain/common';
import { category, equipment, force, level, mechanic, muscle } from '../../shared/domain/exercise';
import type { MigrationTx, StepContext } from './migrate';
import { exercise } from './schema';

const catalogueEntry = z.object({
  id,
  name: z.string().trim().min(1),
  primaryMuscles: z.array(muscle).min(1),
  secondaryMuscles: z.array(muscle),
  equipment: equipment.nullable(),
  level,
  category,
  mechanic: mechanic.nullable(),
  force: force.nullable(),
  instructions: z.array(z.string()),
});
const catalogue = z.array(catalogueEntry);

export const CATALOGUE_PATH = join('exercises', 'catalogue.json');
/** Rows per INSERT: keeps each statement's parameter count far below Postgres's 65 535. */
const BATCH_SIZE = 200;

export async function loadExerciseCatalogue(tx: MigrationTx, { resourcesDir }: StepContext): Promise<void> {
  const path = join(resourcesDir, CATALOGUE_PATH);
  const parsed = catalogue.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success) {
    const first = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new Error(`The exercise catalogue ${path} is malformed (${first})`);
  }

  for (let start = 0; start < parsed.data.length; start += BATCH_SIZE) {
    const rows = parsed.data.slice(start, start + BATCH_SIZE).map((entry) => ({
      ...entry,
      organizationId: null,
      source: 'catalogue',
    }));
    await tx
      .insert(exercise)
      .values(rows)
      .onConflictDoUpdate({
        target: exercise.id,
        set: {
          name: sql`excluded.name`,
          primaryMuscles: sql`excluded.primary_muscles`,
          secondaryMuscles: sql`excluded.secondary_muscles`,
          equipment: sql`excluded.equipment`,
          level: sql`excluded.level`,
          category: sql`excluded.category`,
          mechanic: sql`excluded.mechanic`,
          force: sql`excluded.force`,
          instructions: sql`excluded.instructions`,
          updatedAt: sql`now()`,
        },
      });
  }
}
