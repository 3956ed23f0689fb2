export { SettingsPage } from './SettingsPage';
export { usePreferences } from './usePreferences';
export { useUpdateSettingsMutation as useUpdatePreferencesMutation } from './api';
