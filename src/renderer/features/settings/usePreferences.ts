import { DEFAULT_PREFERENCES, type Preferences } from '../../../shared/domain/preferences';
import { useSettingsQuery } from './api';

/**
 * The user's preferences, for any screen that formats or lays out by them. Until they load, the
 * defaults stand in (so a number is never shown without a unit).
 */
export function usePreferences(): { preferences: Preferences; isLoaded: boolean } {
  const { data } = useSettingsQuery({});
  return { preferences: data ?? DEFAULT_PREFERENCES, isLoaded: data !== undefined };
}
