/** Values crossing between SQL and the app, the same way in every service. */

/** Escapes LIKE's wildcards (and its escape character) so user text matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Postgres timestamptz text ("2025-01-06 09:00:00.123+00") as ISO 8601. */
export function toIsoTimestamp(value: string): string {
  return new Date(value).toISOString();
}
