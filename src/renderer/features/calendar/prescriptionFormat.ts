/**
 * A prescription's numbers as a coach writes them: "3 × 5", "8–12", "75% 1RM", "RPE 8", "2:30".
 * Loads come in kg and are shown in the user's unit.
 */
import type { ResolvedPrescription } from '../../../shared/domain/prescription';

type LoadValues = Pick<
  ResolvedPrescription,
  'repsMin' | 'repsMax' | 'percentOneRepMax' | 'loadKg' | 'rpe' | 'rir'
>;

export function formatReps({ repsMin, repsMax }: Pick<LoadValues, 'repsMin' | 'repsMax'>): string {
  if (repsMin === null) return '–';
  if (repsMax === null || repsMax === repsMin) return String(repsMin);
  return `${repsMin}–${repsMax}`;
}

export function formatSetsAndReps(item: Pick<ResolvedPrescription, 'sets' | 'repsMin' | 'repsMax'>): string {
  const reps = formatReps(item);
  return reps === '–' ? `${item.sets} sets` : `${item.sets} × ${reps}`;
}

export function formatLoad(item: LoadValues, formatWeight: (kg: number) => string): string {
  if (item.percentOneRepMax !== null) return `${item.percentOneRepMax}% 1RM`;
  if (item.loadKg !== null) return formatWeight(item.loadKg);
  return '–';
}

export function formatEffort(item: LoadValues): string {
  if (item.rpe !== null) return `RPE ${item.rpe}`;
  if (item.rir !== null) return `RIR ${item.rir}`;
  return '–';
}

/** 150 → "2:30"; 45 → "0:45". */
export function formatRest(restSeconds: number | null): string {
  if (restSeconds === null) return '–';
  const minutes = Math.floor(restSeconds / 60);
  const seconds = restSeconds % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

export const SET_TYPE_LABELS = {
  warmup: 'Warm-up',
  working: 'Working',
  drop: 'Drop',
  failure: 'To failure',
} as const;
