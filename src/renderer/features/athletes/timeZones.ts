/** The IANA time zones this runtime knows, and their current UTC offsets for display. */

let allTimeZones: string[] | null = null;

export function timeZones(): string[] {
  if (!allTimeZones) {
    const supported = Intl.supportedValuesOf('timeZone');
    // Some runtimes list only canonical zones and leave out UTC itself.
    allTimeZones = supported.includes('UTC') ? supported : ['UTC', ...supported];
  }
  return allTimeZones;
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const offsetCache = new Map<string, string>();

/** "GMT+1", "GMT-4:30", "GMT" — the offset right now (it changes with daylight saving). */
export function timeZoneOffset(timeZone: string): string {
  let offset = offsetCache.get(timeZone);
  if (offset === undefined) {
    try {
      const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(
        new Date(),
      );
      offset = parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
    } catch {
      offset = '';
    }
    offsetCache.set(timeZone, offset);
  }
  return offset;
}

/** "America/New_York" → "America / New York": easier to scan in a long list. */
export function timeZoneLabel(timeZone: string): string {
  return timeZone.replaceAll('_', ' ').replaceAll('/', ' / ');
}

/** Matches "new york", "new_york", "America/New" and "gmt+1". */
export function timeZoneMatches(timeZone: string, query: string): boolean {
  const wanted = query
    .trim()
    .toLowerCase()
    .replaceAll(/[\s_/]+/g, ' ');
  if (!wanted) return true;
  const name = timeZone.toLowerCase().replaceAll(/[\s_/]+/g, ' ');
  return name.includes(wanted) || timeZoneOffset(timeZone).toLowerCase() === wanted;
}
