/**
 * Preferences, saved the moment they change (no Save button; UX.md "never wait, never lose") and
 * applied live everywhere through the cached `settings.get` result. A small indicator in the header
 * says "Saving…", "Saved" or what went wrong.
 */
import {
  Classes,
  HTMLSelect,
  Icon,
  InputGroup,
  Intent,
  NumericInput,
  Section,
  SectionCard,
  Spinner,
} from '@blueprintjs/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import {
  DEFAULT_PREFERENCES,
  preferences as preferencesSchema,
  type Preferences,
} from '../../../shared/domain/preferences';
import { SECTIONS } from '../../app/sections';
import { useResolvedTheme } from '../../app/theme';
import { ErrorCallout, errorMessage } from '../../components/ErrorCallout';
import { issuesOf, messageFor } from '../../components/FormField';
import { ExerciseImportCard } from '../exercises';
import { useSettingsQuery, useUpdateSettingsMutation } from './api';
import { DataSection } from './DataSection';
import { JobsSection } from './JobsSection';
import { SettingRow, settingId, SwitchSetting, type Save } from './SettingRow';
import { WorkoutSettings } from './WorkoutSettings';
import './settings.css';

type SaveStatus =
  { state: 'idle' } | { state: 'saving' } | { state: 'saved' } | { state: 'failed'; message: string };

const SAVED_VISIBLE_MS = 2500;

/** Saves a change at once and reports how it went. */
function useSaveSetting() {
  const [update] = useUpdateSettingsMutation();
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const [lastError, setLastError] = useState<ReturnType<typeof issuesOf>>([]);
  const hideTimer = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(hideTimer.current), []);

  async function save(change: Partial<Preferences>) {
    window.clearTimeout(hideTimer.current);
    setStatus({ state: 'saving' });
    const result = await update(change);
    if (result.error) {
      setStatus({ state: 'failed', message: errorMessage(result.error) });
      setLastError(issuesOf(result.error));
      return;
    }
    setLastError([]);
    setStatus({ state: 'saved' });
    hideTimer.current = window.setTimeout(() => setStatus({ state: 'idle' }), SAVED_VISIBLE_MS);
  }

  return { save, status, issues: lastError };
}

function SaveIndicator({ status }: { status: SaveStatus }) {
  return (
    <span className="lt-save-status" role="status" aria-live="polite">
      {status.state === 'saving' && (
        <>
          <Spinner size={12} aria-hidden /> Saving…
        </>
      )}
      {status.state === 'saved' && (
        <>
          <Icon icon="tick" intent={Intent.SUCCESS} size={12} /> Saved
        </>
      )}
      {status.state === 'failed' && (
        <span className="lt-save-status__failed">
          <Icon icon="error" intent={Intent.DANGER} size={12} /> Not saved: {status.message}
        </span>
      )}
    </span>
  );
}

export function SettingsPage() {
  const { data: preferences, error, isLoading, refetch } = useSettingsQuery({});
  const { save, status, issues } = useSaveSetting();

  return (
    <div className="lt-page lt-settings">
      <header className="lt-page-header">
        <h1 className={Classes.HEADING}>Settings</h1>
        <span className="lt-page-header__meta">Changes are saved as you make them.</span>
        <div className="lt-page-header__spacer" />
        <SaveIndicator status={status} />
      </header>
      {error ? (
        <ErrorCallout title="Settings could not be loaded" error={error} onRetry={refetch} />
      ) : (
        <div className="lt-settings__grid">
          <div className="lt-settings__column">
            <PreferenceSections preferences={preferences} loading={isLoading} save={save} issues={issues} />
          </div>
          <div className="lt-settings__column">
            <DataSection />
            <JobsSection />
            <ExerciseImportCard />
          </div>
        </div>
      )}
    </div>
  );
}

interface PreferenceSectionsProps {
  preferences: Preferences | undefined;
  loading: boolean;
  save: (change: Partial<Preferences>) => Promise<void>;
  issues: ReturnType<typeof issuesOf>;
}

function PreferenceSections({ preferences, loading, save, issues }: PreferenceSectionsProps) {
  const resolvedTheme = useResolvedTheme(preferences?.theme ?? 'auto');
  const skeleton = loading ? Classes.SKELETON : undefined;

  return (
    <>
      <Section title="Units" icon="numerical" compact className={skeleton}>
        <SectionCard>
          <SelectSetting
            field="weightUnit"
            label="Weight unit"
            description="Loads, bodyweight and volume. Stored in kg either way."
            preferences={preferences}
            save={save}
            options={[
              { value: 'kg', label: 'Kilograms (kg)' },
              { value: 'lb', label: 'Pounds (lb)' },
            ]}
          />
          <SelectSetting
            field="distanceUnit"
            label="Distance unit"
            description="Carries, sled pushes and conditioning."
            preferences={preferences}
            save={save}
            options={[
              { value: 'm', label: 'Metres (m)' },
              { value: 'ft', label: 'Feet (ft)' },
            ]}
          />
        </SectionCard>
      </Section>

      <Section title="Appearance" icon="contrast" compact className={skeleton}>
        <SectionCard>
          <SelectSetting
            field="theme"
            label="Theme"
            description={
              preferences?.theme === 'auto'
                ? `Follows your system setting (now ${resolvedTheme}).`
                : `Always ${resolvedTheme}, whatever the system uses.`
            }
            preferences={preferences}
            save={save}
            options={[
              { value: 'auto', label: 'Match system' },
              { value: 'light', label: 'Light' },
              { value: 'dark', label: 'Dark' },
            ]}
          />
          <SelectSetting
            field="defaultView"
            label="Default view"
            description="The section Lift Tracker opens on."
            preferences={preferences}
            save={save}
            options={SECTIONS.map((section) => ({ value: section.view, label: section.label }))}
          />
        </SectionCard>
      </Section>

      <Section title="Workout reminders" icon="notifications" compact className={skeleton}>
        <SectionCard>
          <SwitchSetting
            field="desktopReminders"
            label="Desktop reminders"
            description="A notification on this computer before a scheduled workout."
            preferences={preferences}
            save={save}
          />
          <SwitchSetting
            field="emailReminders"
            label="Email reminders"
            description="An email to the athlete before a scheduled workout."
            preferences={preferences}
            save={save}
          />
          <HoursBeforeSetting
            preferences={preferences}
            save={save}
            serverError={messageFor(issues, 'reminderHoursBefore')}
          />
          <WorkoutTimeSetting
            preferences={preferences}
            save={save}
            serverError={messageFor(issues, 'workoutTime')}
          />
        </SectionCard>
      </Section>

      <WorkoutSettings preferences={preferences} skeleton={skeleton} save={save} issues={issues} />
    </>
  );
}

/** The preferences whose values are one of a fixed set of strings. */
type ChoiceField = { [K in keyof Preferences]: Preferences[K] extends string ? K : never }[keyof Preferences];

/** A preference picked from a list, saved on change. */
function SelectSetting<K extends ChoiceField>(props: {
  field: K;
  label: string;
  description: ReactNode;
  options: { value: Preferences[K]; label: string }[];
  preferences: Preferences | undefined;
  save: Save;
}) {
  const id = settingId(props.field);
  return (
    <SettingRow id={id} label={props.label} description={props.description}>
      <HTMLSelect
        id={id}
        aria-describedby={`${id}-description`}
        value={props.preferences?.[props.field] ?? DEFAULT_PREFERENCES[props.field]}
        disabled={!props.preferences}
        onChange={(event) => void props.save({ [props.field]: event.currentTarget.value })}
        options={props.options}
      />
    </SettingRow>
  );
}

/** The same rule the backend applies (src/shared/domain/preferences.ts), checked as the user types. */
const hoursBeforeRule = preferencesSchema.shape.reminderHoursBefore;
const MAX_HOURS_BEFORE = hoursBeforeRule.maxValue ?? 72;

function parseHoursBefore(text: string): { hours: number; error?: undefined } | { error: string } {
  const parsed = hoursBeforeRule.safeParse(text.trim() === '' ? Number.NaN : Number(text));
  return parsed.success
    ? { hours: parsed.data }
    : { error: parsed.error.issues[0]?.message ?? 'Hours before must be a whole number' };
}

/** Saved as the number settles (a short pause after typing), not on every keystroke. */
function HoursBeforeSetting({
  preferences,
  save,
  serverError,
}: {
  preferences: Preferences | undefined;
  save: (change: Partial<Preferences>) => Promise<void>;
  serverError?: string;
}) {
  const saved = preferences?.reminderHoursBefore;
  const [draft, setDraft] = useState<string | null>(null);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const value = draft ?? (saved === undefined ? '' : String(saved));
  const localError = draft === null ? undefined : parseHoursBefore(value).error;
  const remindersOff = preferences ? !preferences.desktopReminders && !preferences.emailReminders : true;

  function onChange(_valueAsNumber: number, valueAsString: string) {
    setDraft(valueAsString);
    window.clearTimeout(timer.current);
    const parsed = parseHoursBefore(valueAsString);
    if (parsed.error !== undefined) return;
    const next = parsed.hours;
    timer.current = window.setTimeout(() => {
      if (next !== saved) void save({ reminderHoursBefore: next });
      setDraft(null);
    }, 500);
  }

  const error = localError ?? serverError;
  return (
    <SettingRow
      id="setting-hours-before"
      label="Hours before"
      error={error}
      description={
        remindersOff
          ? 'Turn on a reminder above to use this.'
          : 'How long before the workout the reminder goes out.'
      }
    >
      <NumericInput
        id="setting-hours-before"
        aria-describedby={error ? 'setting-hours-before-error' : 'setting-hours-before-description'}
        aria-invalid={error ? true : undefined}
        className="lt-setting__number"
        value={value}
        // Bounds make the arrow buttons stop at 0 and 72; while a typed value is out of range they
        // are left off (Blueprint warns about a controlled value outside them) and the error shows.
        min={localError ? undefined : 0}
        max={localError ? undefined : MAX_HOURS_BEFORE}
        stepSize={1}
        minorStepSize={null}
        majorStepSize={6}
        clampValueOnBlur
        disabled={!preferences || remindersOff}
        intent={error ? Intent.DANGER : Intent.NONE}
        rightElement={<span className="lt-input-unit">h</span>}
        onValueChange={onChange}
      />
    </SettingRow>
  );
}

/** The same rule the backend applies to the usual training time ('HH:MM', 24-hour). */
const workoutTimeRule = preferencesSchema.shape.workoutTime;

/**
 * When a workout without a time of its own starts, on the athlete's clock; reminders count back
 * from it. A time field, saved once it holds a whole time.
 */
function WorkoutTimeSetting({
  preferences,
  save,
  serverError,
}: {
  preferences: Preferences | undefined;
  save: Save;
  serverError?: string;
}) {
  const saved = preferences?.workoutTime;
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? saved ?? DEFAULT_PREFERENCES.workoutTime;
  const checked = workoutTimeRule.safeParse(value);
  const localError =
    draft === null || checked.success
      ? undefined
      : `Usual training time ${checked.error.issues[0]?.message ?? 'is not a time'}`;
  const error = localError ?? serverError;

  function onChange(next: string) {
    setDraft(next);
    if (!workoutTimeRule.safeParse(next).success) return;
    if (next !== saved) void save({ workoutTime: next }).then(() => setDraft(null));
    else setDraft(null);
  }

  return (
    <SettingRow
      id="setting-workout-time"
      label="Usual training time"
      error={error}
      description="When a workout without its own time starts, on the athlete’s clock; reminders count back from it."
    >
      <InputGroup
        id="setting-workout-time"
        type="time"
        className="lt-setting__time"
        aria-describedby={error ? 'setting-workout-time-error' : 'setting-workout-time-description'}
        aria-invalid={error ? true : undefined}
        intent={error ? Intent.DANGER : Intent.NONE}
        value={value}
        disabled={!preferences}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
    </SettingRow>
  );
}
