/**
 * A colour per athlete for calendars that show several at once. The colour comes from the
 * athlete's id, so it is the same on every visit and in every selection; when two shown athletes
 * would share one, the later (by id) takes the next free colour.
 *
 * The hues stay clear of the status colours (blue, green, yellow, red, grey, and their near
 * neighbours cerulean, forest and vermilion): an athlete's bar must never read as a workout's
 * status. Each has a light-theme and a dark-theme shade.
 */
import { Colors } from '@blueprintjs/core';
import type { ResolvedTheme } from '../../app/theme';

const ATHLETE_HUES: ReadonlyArray<Record<ResolvedTheme, string>> = [
  { light: Colors.VIOLET3, dark: Colors.VIOLET4 },
  { light: Colors.TURQUOISE3, dark: Colors.TURQUOISE4 },
  { light: Colors.ROSE3, dark: Colors.ROSE4 },
  { light: Colors.LIME2, dark: Colors.LIME3 },
  { light: Colors.SEPIA3, dark: Colors.SEPIA4 },
  { light: Colors.ORANGE3, dark: Colors.ORANGE4 },
  { light: Colors.INDIGO3, dark: Colors.INDIGO4 },
];

/** How many athletes can be shown together before two share a colour (their initials still differ). */
export const ATHLETE_COLOR_COUNT = ATHLETE_HUES.length;

/** FNV-1a over the id: cheap, stable, and spreads UUIDv7s (whose first half is a timestamp) well. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The palette index of each athlete shown together, distinct while there are colours left. */
export function athleteColorIndexes(athleteIds: readonly string[]): Map<string, number> {
  const indexes = new Map<string, number>();
  const taken = new Set<number>();
  for (const athleteId of [...new Set(athleteIds)].sort()) {
    let index = hashOf(athleteId) % ATHLETE_HUES.length;
    for (let probe = 0; probe < ATHLETE_HUES.length && taken.has(index); probe += 1) {
      index = (index + 1) % ATHLETE_HUES.length;
    }
    taken.add(index);
    indexes.set(athleteId, index);
  }
  return indexes;
}

export function athleteColor(index: number, theme: ResolvedTheme): string {
  return ATHLETE_HUES[index % ATHLETE_HUES.length]![theme];
}

/** "Dana Whitfield" → "DW"; one name → its first two letters. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  if (words.length === 1) return words[0]!.slice(0, 2).toUpperCase();
  return `${words[0]![0]}${words[words.length - 1]![0]}`.toUpperCase();
}
