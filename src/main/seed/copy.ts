/**
 * Bulk loading for generated rows. Row-by-row INSERTs of four million sets take many minutes in
 * PGlite; COPY takes the rows as one CSV stream. PGlite feeds COPY … FROM '/dev/blob' from the
 * `blob` query option (a PGlite extension; drizzle cannot pass it), so this file talks to PGlite
 * directly. Table and column names are the constants below, never input.
 */
import { type PGlite, type Transaction } from '@electric-sql/pglite';

export const COPY_COLUMNS = {
  athlete: [
    'id',
    'organization_id',
    'name',
    'time_zone',
    'bodyweight_kg',
    'archived_at',
    'created_at',
    'updated_at',
  ],
  program_assignment: [
    'id',
    'organization_id',
    'program_id',
    'athlete_id',
    'start_date',
    'weekdays',
    'created_at',
    'updated_at',
  ],
  scheduled_workout: [
    'id',
    'organization_id',
    'athlete_id',
    'template_id',
    'scheduled_date',
    'program_id',
    'program_week_id',
    'program_day_id',
    'assignment_id',
    'status',
    'completed_session_id',
    'notes',
    'created_at',
    'updated_at',
  ],
  workout_session: [
    'id',
    'organization_id',
    'athlete_id',
    'name',
    'template_id',
    'scheduled_workout_id',
    'started_at',
    'completed_at',
    'notes',
    'bodyweight_kg',
    'created_at',
    'updated_at',
  ],
  exercise_entry: [
    'id',
    'organization_id',
    'session_id',
    'exercise_id',
    'position',
    'superset_group',
    'notes',
    'rest_seconds',
    'prescription',
    'created_at',
    'updated_at',
  ],
  set_entry: [
    'id',
    'organization_id',
    'exercise_entry_id',
    'set_number',
    'set_type',
    'weight_kg',
    'reps',
    'rpe',
    'rir',
    'completed',
    'completed_at',
    'created_at',
    'updated_at',
  ],
} as const;

export type CopyTable = keyof typeof COPY_COLUMNS;

/** Tables in the order their foreign keys need them. */
export const COPY_ORDER: readonly CopyTable[] = [
  'athlete',
  'program_assignment',
  'scheduled_workout',
  'workout_session',
  'exercise_entry',
  'set_entry',
];

/**
 * CSV rows for one table, written straight into a growing byte buffer. Keeping millions of row
 * strings alive until the COPY made V8's garbage collector the generator's main cost; a row string
 * that dies at once is cheap.
 */
export class CsvRows {
  private buffer = Buffer.allocUnsafe(1 << 20);
  private length = 0;
  count = 0;

  /** One row, without its line end. */
  push(line: string): void {
    // A UTF-8 character takes at most 3 bytes per UTF-16 code unit; +1 for the newline.
    this.reserve(line.length * 3 + 1);
    this.length += this.buffer.write(line, this.length, 'utf8');
    this.end();
  }

  /**
   * A row made only of ids, numbers, timestamps and ASCII words: written as Latin-1, which for
   * ASCII is the same bytes and twice as fast as UTF-8 (this runs four million times).
   */
  pushAscii(line: string): void {
    this.reserve(line.length + 1);
    this.length += this.buffer.write(line, this.length, 'latin1');
    this.end();
  }

  private reserve(bytes: number): void {
    const needed = this.length + bytes;
    if (needed <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(needed, this.buffer.length * 2));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }

  private end(): void {
    this.buffer[this.length++] = 10;
    this.count++;
  }

  get bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  clear(): void {
    this.length = 0;
    this.count = 0;
  }
}

/**
 * Rows per table, in COPY_COLUMNS order. In PostgreSQL's CSV format an unquoted empty field is
 * NULL and a quoted one ("") is an empty string; numbers, ids and timestamps need no quoting.
 */
export class CsvBatch {
  readonly lines: Record<CopyTable, CsvRows> = {
    athlete: new CsvRows(),
    program_assignment: new CsvRows(),
    scheduled_workout: new CsvRows(),
    workout_session: new CsvRows(),
    exercise_entry: new CsvRows(),
    set_entry: new CsvRows(),
  };

  clear(): void {
    for (const table of COPY_ORDER) this.lines[table].clear();
  }
}

/** A text field for PostgreSQL CSV: always quoted, inner quotes doubled; null stays empty. */
export function csvText(value: string | null): string {
  return value === null ? '' : `"${value.replaceAll('"', '""')}"`;
}

/** Copy one batch in foreign-key order, inside the caller's transaction. */
export async function copyBatch(tx: Transaction | PGlite, batch: CsvBatch): Promise<void> {
  for (const table of COPY_ORDER) {
    const rows = batch.lines[table];
    if (rows.count === 0) continue;
    const blob = new Blob([rows.bytes]);
    await tx.query(
      `COPY ${table} (${COPY_COLUMNS[table].join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`,
      [],
      { blob },
    );
  }
}
