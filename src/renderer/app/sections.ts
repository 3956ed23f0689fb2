import type { IconName } from '@blueprintjs/icons';
import type { View } from '../../shared/domain/preferences';

export interface Section {
  view: View;
  label: string;
  path: `/${View}`;
  icon: IconName;
  /** The letter after "g" that goes here ("g a" → Athletes). */
  goKey: string;
}

/** The app's sections, in sidebar order; Ctrl+1…8 follow this order. */
export const SECTIONS: readonly Section[] = [
  { view: 'dashboard', label: 'Dashboard', path: '/dashboard', icon: 'dashboard', goKey: 'd' },
  { view: 'calendar', label: 'Calendar', path: '/calendar', icon: 'calendar', goKey: 'c' },
  { view: 'programs', label: 'Programs', path: '/programs', icon: 'layers', goKey: 'p' },
  { view: 'workouts', label: 'Workouts', path: '/workouts', icon: 'stopwatch', goKey: 'w' },
  { view: 'analytics', label: 'Analytics', path: '/analytics', icon: 'timeline-line-chart', goKey: 'n' },
  { view: 'exercises', label: 'Exercises', path: '/exercises', icon: 'book', goKey: 'e' },
  { view: 'athletes', label: 'Athletes', path: '/athletes', icon: 'people', goKey: 'a' },
  { view: 'settings', label: 'Settings', path: '/settings', icon: 'cog', goKey: 's' },
];

export function sectionFor(view: View): Section {
  return SECTIONS.find((section) => section.view === view) ?? SECTIONS[0]!;
}
