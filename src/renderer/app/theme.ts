/**
 * Light, dark, or "auto" (following the system's prefers-color-scheme live). Applies Blueprint's
 * dark class to <body>, which portals (dialogs, popovers, toasts) also live under.
 */
import { Classes } from '@blueprintjs/core';
import { useLayoutEffect, useSyncExternalStore } from 'react';
import type { Preferences } from '../../shared/domain/preferences';

type ThemePreference = Preferences['theme'];
export type ResolvedTheme = 'light' | 'dark';

const DARK_QUERY = '(prefers-color-scheme: dark)';
/** The last theme applied, so a reload paints in it before the preferences arrive (no flash). */
const STORAGE_KEY = 'lift-tracker:theme';

function subscribeToSystemTheme(onChange: () => void): () => void {
  const media = window.matchMedia(DARK_QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

function systemPrefersDark(): boolean {
  return window.matchMedia(DARK_QUERY).matches;
}

export function resolveTheme(theme: ThemePreference, systemDark: boolean): ResolvedTheme {
  if (theme === 'auto') return systemDark ? 'dark' : 'light';
  return theme;
}

function paint(theme: ResolvedTheme): void {
  document.body.classList.toggle(Classes.DARK, theme === 'dark');
  document.documentElement.style.colorScheme = theme;
}

/** The theme in force for a preference, re-rendering when the system theme changes. */
export function useResolvedTheme(theme: ThemePreference): ResolvedTheme {
  const systemDark = useSyncExternalStore(subscribeToSystemTheme, systemPrefersDark);
  return resolveTheme(theme, systemDark);
}

/** Paint the document in the preferred theme, live. */
export function useApplyTheme(theme: ThemePreference | undefined): ResolvedTheme {
  const resolved = useResolvedTheme(theme ?? storedTheme());
  useLayoutEffect(() => {
    paint(resolved);
    if (theme) {
      try {
        window.localStorage.setItem(STORAGE_KEY, theme);
      } catch {
        // Storage can be unavailable (private mode); the preference itself lives in the database.
      }
    }
  }, [resolved, theme]);
  return resolved;
}

function storedTheme(): ThemePreference {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    if (value === 'light' || value === 'dark' || value === 'auto') return value;
  } catch {
    // See above.
  }
  return 'auto';
}

/** Called once before the first render. */
export function paintInitialTheme(): void {
  paint(resolveTheme(storedTheme(), systemPrefersDark()));
}
