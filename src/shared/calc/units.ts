/**
 * Weight units. Everything is stored in kilograms; the user's unit (kg or lb) is for showing and
 * typing weights, and for rounding them to what their plates can make.
 */
export type WeightUnit = 'kg' | 'lb';

/** The international avoirdupois pound is exactly 0.45359237 kg (1959 agreement). */
export const POUNDS_PER_KILOGRAM = 2.2046226218;

export function kgToUnit(kg: number, unit: WeightUnit): number {
  return unit === 'kg' ? kg : kg * POUNDS_PER_KILOGRAM;
}

export function unitToKg(value: number, unit: WeightUnit): number {
  return unit === 'kg' ? value : value / POUNDS_PER_KILOGRAM;
}

/** Binary fractions make 0.1 + 0.2 ≠ 0.3; weights never need more than a millionth. */
export function cleanFloat(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * The multiple of `increment` nearest to `value` (or the one at or below, or at or above). A value
 * already on a multiple stays where it is whatever the mode, despite float noise. A non-positive
 * or non-finite increment leaves the value as it is.
 */
export function roundToIncrement(
  value: number,
  increment: number,
  mode: 'nearest' | 'down' | 'up' = 'nearest',
): number {
  if (!(increment > 0) || !Number.isFinite(increment) || !Number.isFinite(value)) return value;
  const steps = value / increment;
  const onStep = Math.abs(steps - Math.round(steps)) < 1e-9;
  const whole = onStep
    ? Math.round(steps)
    : mode === 'down'
      ? Math.floor(steps)
      : mode === 'up'
        ? Math.ceil(steps)
        : Math.round(steps);
  return cleanFloat(whole * increment);
}

/** A number with at most one decimal, as the reasons and labels show it: 102.5, 100, 225. */
export function formatDecimal(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** A weight in kg, shown in the user's unit with at most one decimal: "102.5 kg", "225 lb". */
export function formatWeight(weightKg: number, unit: WeightUnit): string {
  return `${formatDecimal(kgToUnit(weightKg, unit))} ${unit}`;
}
