/**
 * Calendar arithmetic for the generator in whole days since 1970-01-01 (UTC), which is cheap to
 * loop over millions of times, plus wall-clock ↔ UTC conversion for an IANA time zone by Intl.
 */
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

export function mondayOnOrAfter(day: number): number {
  return day + ((7 - weekday(day)) % 7);
}

export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Converts between UTC instants and the wall clock of one time zone. */
export class ZoneClock {
  private readonly format: Intl.DateTimeFormat;

  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** The zone's offset from UTC at an instant (ms; positive east of Greenwich). */
  offsetMs(utcMs: number): number {
    const parts: Record<string, number> = {};
    for (const part of this.format.formatToParts(utcMs)) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    const wallAsUtc = Date.UTC(
      parts.year ?? 1970,
      (parts.month ?? 1) - 1,
      parts.day ?? 1,
      parts.hour ?? 0,
      parts.minute ?? 0,
      parts.second ?? 0,
    );
    return wallAsUtc - Math.floor(utcMs / 1000) * 1000;
  }

  /** Today's calendar day in this zone at a UTC instant. */
  dayAt(utcMs: number): number {
    return Math.floor((utcMs + this.offsetMs(utcMs)) / DAY_MS);
  }
}
