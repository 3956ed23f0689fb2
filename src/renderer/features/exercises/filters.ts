/**
 * The library's filter state (kept across reloads: "a reload returns to exactly where the user
 * was") and the words the vocabularies are shown with.
 */
import { useEffect, useState } from 'react';
import { z } from 'zod';
import {
  equipment,
  level,
  muscle,
  type Equipment,
  type Level,
  type Muscle,
} from '../../../shared/domain/exercise';

export const exerciseFilters = z.object({
  text: z.string().max(100).catch(''),
  muscles: z.array(muscle).catch([]),
  muscleRole: z.enum(['primary', 'any']).catch('primary'),
  equipment: z.array(equipment).catch([]),
  levels: z.array(level).catch([]),
  favoritesOnly: z.boolean().catch(false),
  customOnly: z.boolean().catch(false),
});
export type ExerciseFilters = z.infer<typeof exerciseFilters>;

export const NO_FILTERS: ExerciseFilters = {
  text: '',
  muscles: [],
  muscleRole: 'primary',
  equipment: [],
  levels: [],
  favoritesOnly: false,
  customOnly: false,
};

/** Whether anything narrows the list (the muscle role alone does not). */
export function hasFilters(filters: ExerciseFilters): boolean {
  return (
    filters.text.trim() !== '' ||
    filters.muscles.length > 0 ||
    filters.equipment.length > 0 ||
    filters.levels.length > 0 ||
    filters.favoritesOnly ||
    filters.customOnly
  );
}

export function toggled<T>(values: readonly T[], value: T): T[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}

const STORAGE_KEY = 'lift-tracker.exercises.view';

interface LibraryView {
  filters: ExerciseFilters;
  selectedId: string | null;
}

function loadView(): LibraryView {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<LibraryView> | null;
    return {
      filters: { ...NO_FILTERS, ...exerciseFilters.partial().parse(stored?.filters ?? {}) },
      selectedId: typeof stored?.selectedId === 'string' ? stored.selectedId : null,
    };
  } catch {
    return { filters: NO_FILTERS, selectedId: null };
  }
}

/** Filters and selection, restored from and saved to local storage. */
export function useLibraryView() {
  const [initial] = useState(loadView);
  const [filters, setFilters] = useState<ExerciseFilters>(initial.filters);
  const [selectedId, setSelectedId] = useState<string | null>(initial.selectedId);
  useEffect(() => {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ filters, selectedId } satisfies LibraryView));
    } catch {
      // Storage full or disabled: the view simply is not restored next time.
    }
  }, [filters, selectedId]);
  return { filters, setFilters, selectedId, setSelectedId };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const muscleLabel = (value: Muscle): string => capitalize(value);
export const equipmentLabel = (value: Equipment | null): string =>
  value === null ? 'None' : value === 'e-z curl bar' ? 'EZ curl bar' : capitalize(value);
export const levelLabel = (value: Level): string => capitalize(value);
export const vocabularyLabel = (value: string | null): string => (value === null ? '—' : capitalize(value));

export const SOURCE_LABELS = { catalogue: 'Catalogue', import: 'Imported', custom: 'Custom' } as const;
