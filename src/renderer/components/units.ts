/**
 * Units are a display preference; weights are stored in kilograms, always (ARCHITECTURE.md).
 * The same number is formatted the same way everywhere: kg or lb with one decimal at most.
 */
import type { Preferences } from '../../shared/domain/preferences';

export type WeightUnit = Preferences['weightUnit'];
export type DistanceUnit = Preferences['distanceUnit'];

/** The international avoirdupois pound is exactly 0.45359237 kg, so 1 kg ≈ 2.2046226218 lb. */
export const POUNDS_PER_KILOGRAM = 2.2046226218;
/** The international foot is exactly 0.3048 m. */
export const FEET_PER_METRE = 1 / 0.3048;

const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const wholeNumber = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** A weight in kg, converted to the display unit (not rounded). */
export function weightFromKg(kg: number, unit: WeightUnit): number {
  return unit === 'kg' ? kg : kg * POUNDS_PER_KILOGRAM;
}

/** A weight typed in the display unit, converted to kg for storage. */
export function weightToKg(value: number, unit: WeightUnit): number {
  return unit === 'kg' ? value : value / POUNDS_PER_KILOGRAM;
}

/** Rounded to one decimal, as shown to the user (e.g. in an input being edited). */
export function roundForDisplay(value: number): number {
  return Math.round(value * 10) / 10;
}

/** "82.5 kg", "181.9 lb"; an empty value shows as an en dash. */
export function formatWeight(kg: number | null | undefined, unit: WeightUnit): string {
  if (kg === null || kg === undefined || !Number.isFinite(kg)) return '–';
  return `${oneDecimal.format(weightFromKg(kg, unit))} ${unit}`;
}

/**
 * A total such as lifetime volume: "512,345 kg", "1,129,500 lb"; below a thousand, one decimal at
 * most ("742.5 kg"): a tenth means nothing on a total that large.
 */
export function formatWeightTotal(kg: number | null | undefined, unit: WeightUnit): string {
  if (kg === null || kg === undefined || !Number.isFinite(kg)) return '–';
  const value = weightFromKg(kg, unit);
  return `${(Math.abs(value) >= 1000 ? wholeNumber : oneDecimal).format(value)} ${unit}`;
}

/** "400 m", "1,312.3 ft". */
export function formatDistance(metres: number | null | undefined, unit: DistanceUnit): string {
  if (metres === null || metres === undefined || !Number.isFinite(metres)) return '–';
  return `${oneDecimal.format(unit === 'm' ? metres : metres * FEET_PER_METRE)} ${unit}`;
}
