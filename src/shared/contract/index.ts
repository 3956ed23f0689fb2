import type { z } from 'zod';
import { appChannels } from './app';
import { athleteChannels } from './athletes';
import type { ChannelEntry } from './define';
import { exerciseChannels } from './exercises';
import { jobChannels } from './jobs';
import { programChannels } from './programs';
import { scheduleChannels } from './schedule';
import { settingsChannels } from './settings';
import { templateChannels } from './templates';
import { workoutChannels } from './workouts';

/**
 * Merge the per-area channel maps, failing at start-up on a channel defined twice
 * (TypeScript would silently let a later spread win).
 */
function mergeChannels<T extends Record<string, ChannelEntry>[]>(
  ...areas: T
): UnionToIntersection<T[number]> {
  const merged: Record<string, ChannelEntry> = {};
  for (const area of areas) {
    for (const [name, entry] of Object.entries(area)) {
      if (name in merged) throw new Error(`Contract channel "${name}" is defined twice`);
      merged[name] = entry;
    }
  }
  return merged as UnionToIntersection<T[number]>;
}
type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void
  ? I
  : never;

export const contract = mergeChannels(
  appChannels,
  exerciseChannels,
  athleteChannels,
  settingsChannels,
  templateChannels,
  programChannels,
  scheduleChannels,
  jobChannels,
  workoutChannels,
);

export type Contract = typeof contract;
export type ChannelName = keyof Contract & string;
export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

/** What a caller passes (before zod defaults are applied). */
export type InputOf<C extends ChannelName> = z.input<Contract[C]['input']>;
/** What a service receives (after parsing: defaults filled, strings trimmed). */
export type ParsedInputOf<C extends ChannelName> = z.output<Contract[C]['input']>;
/** What a service returns and a caller receives. */
export type OutputOf<C extends ChannelName> = z.output<Contract[C]['output']>;

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export * from './define';
export * from './errors';
export * from './events';
