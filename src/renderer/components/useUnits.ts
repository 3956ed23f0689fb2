import { useMemo } from 'react';
import { usePreferences } from '../features/settings';
import { formatDistance, formatWeight, type DistanceUnit, type WeightUnit } from './units';

/** Formatters bound to the user's unit preferences; they change live when the preference does. */
export function useUnits(): {
  weightUnit: WeightUnit;
  distanceUnit: DistanceUnit;
  formatWeight: (kg: number | null | undefined) => string;
  formatDistance: (metres: number | null | undefined) => string;
} {
  const { preferences } = usePreferences();
  const { weightUnit, distanceUnit } = preferences;
  return useMemo(
    () => ({
      weightUnit,
      distanceUnit,
      formatWeight: (kg) => formatWeight(kg, weightUnit),
      formatDistance: (metres) => formatDistance(metres, distanceUnit),
    }),
    [weightUnit, distanceUnit],
  );
}
