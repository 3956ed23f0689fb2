/**
 * A prescription as a builder card shows it: short enough for a 170 px column ("5×5 75% @8"),
 * with the full sentence for the tooltip and screen readers ("5 × 5 at 75 %1RM, RPE 8"). Loads
 * are shown in the user's unit.
 */
import type { ResolvedPrescription } from '../../../shared/domain/prescription';
import { describeSetsAndReps } from '../../../shared/calc/prescription';

type Shown = Pick<
  ResolvedPrescription,
  'sets' | 'repsMin' | 'repsMax' | 'percentOneRepMax' | 'loadKg' | 'rpe' | 'rir' | 'setDetails'
>;

const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** "5×5 75% @8", "3×8–12 60 kg 2 RIR", "4 sets". */
export function compactPrescription(p: Shown, formatWeight: (kg: number) => string): string {
  const reps =
    p.repsMin === null
      ? null
      : p.repsMax !== null && p.repsMax !== p.repsMin
        ? `${p.repsMin}–${p.repsMax}`
        : `${p.repsMin}`;
  const parts = [reps === null ? `${p.sets}×` : `${p.sets}×${reps}`];
  if (p.percentOneRepMax !== null) parts.push(`${number.format(p.percentOneRepMax)}%`);
  else if (p.loadKg !== null) parts.push(formatWeight(p.loadKg));
  if (p.rpe !== null) parts.push(`@${number.format(p.rpe)}`);
  else if (p.rir !== null) parts.push(`${p.rir} RIR`);
  return parts.join(' ');
}

/** "5 × 5 at 75 %1RM, RPE 8" — for tooltips and labels. */
export function spokenPrescription(p: Shown, formatWeight: (kg: number) => string): string {
  let text = describeSetsAndReps(p);
  if (p.percentOneRepMax !== null) text += ` at ${number.format(p.percentOneRepMax)} %1RM`;
  else if (p.loadKg !== null) text += ` at ${formatWeight(p.loadKg)}`;
  if (p.rpe !== null) text += `, RPE ${number.format(p.rpe)}`;
  else if (p.rir !== null) text += `, ${p.rir} reps in reserve`;
  if (p.setDetails) text += ' (set by set)';
  return text;
}

/** "×1.1", "+2.5%", "RPE −1": a week's modifiers as chips; neutral ones left out. */
export function modifierChips(week: {
  volumeFactor: number;
  intensityDeltaPercent: number;
  rpeDelta: number;
}): { key: string; text: string; title: string }[] {
  const chips: { key: string; text: string; title: string }[] = [];
  const signed = (value: number) => `${value > 0 ? '+' : '−'}${number.format(Math.abs(value))}`;
  if (week.volumeFactor !== 1) {
    chips.push({
      key: 'volume',
      text: `×${number.format(week.volumeFactor)} sets`,
      title: `Volume: sets × ${number.format(week.volumeFactor)}`,
    });
  }
  if (week.intensityDeltaPercent !== 0) {
    chips.push({
      key: 'intensity',
      text: `${signed(week.intensityDeltaPercent)}%`,
      title: `Intensity: ${signed(week.intensityDeltaPercent)} %1RM points`,
    });
  }
  if (week.rpeDelta !== 0) {
    chips.push({
      key: 'rpe',
      text: `RPE ${signed(week.rpeDelta)}`,
      title: `Effort: RPE ${signed(week.rpeDelta)}`,
    });
  }
  return chips;
}
