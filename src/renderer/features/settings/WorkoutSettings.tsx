/**
 * Workout preferences: the rest between sets when an exercise prescribes none, the sound at the
 * end of a rest, and the bar and plates the plate calculator and the suggestions load with. Bar
 * and plates are typed and shown in the user's weight unit and stored in kg; left empty, they are
 * the unit's standard bar and plates (null in the preferences).
 */
import { Button, InputGroup, Intent, NumericInput, Section, SectionCard, Tooltip } from '@blueprintjs/core';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { STANDARD_BAR, STANDARD_PLATES } from '../../../shared/calc/plates';
import type { FieldIssue } from '../../../shared/contract/errors';
import { preferences as preferencesSchema, type Preferences } from '../../../shared/domain/preferences';
import { messageFor } from '../../components/FormField';
import { formatWeight, weightFromKg, weightToKg, type WeightUnit } from '../../components/units';
import { SettingRow, SwitchSetting, type Save } from './SettingRow';

interface SectionProps {
  preferences: Preferences | undefined;
  skeleton: string | undefined;
  save: Save;
  issues: FieldIssue[];
}

export function WorkoutSettings({ preferences, skeleton, save, issues }: SectionProps) {
  return (
    <Section title="Workouts" icon="walk" compact className={skeleton}>
      <SectionCard>
        <RestSetting preferences={preferences} save={save} serverError={messageFor(issues, 'restSeconds')} />
        <SwitchSetting
          field="restSound"
          label="Sound at the end of a rest"
          description="A short beep when the rest timer runs out (a notification shows either way)."
          preferences={preferences}
          save={save}
        />
        <BarSetting preferences={preferences} save={save} serverError={messageFor(issues, 'barKg')} />
        <PlatesSetting preferences={preferences} save={save} serverError={messageFor(issues, 'platesKg')} />
      </SectionCard>
    </Section>
  );
}

interface SettingProps {
  preferences: Preferences | undefined;
  save: Save;
  serverError?: string;
}

const restRule = preferencesSchema.shape.restSeconds;

/** "2:00", "1:30". */
function restClock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Saved as the number settles (a short pause after typing), not on every keystroke. */
function RestSetting({ preferences, save, serverError }: SettingProps) {
  const id = 'setting-rest-seconds';
  const saved = preferences?.restSeconds;
  const [draft, setDraft] = useState<string | null>(null);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const value = draft ?? (saved === undefined ? '' : String(saved));
  const parsed = restRule.safeParse(value.trim() === '' ? Number.NaN : Number(value));
  const localError = draft === null || parsed.success ? undefined : parsed.error.issues[0]?.message;
  const error = localError ?? serverError;

  function onChange(_valueAsNumber: number, text: string) {
    setDraft(text);
    window.clearTimeout(timer.current);
    const next = restRule.safeParse(text.trim() === '' ? Number.NaN : Number(text));
    if (!next.success) return;
    timer.current = window.setTimeout(() => {
      if (next.data !== saved) void save({ restSeconds: next.data });
      setDraft(null);
    }, 500);
  }

  return (
    <SettingRow
      id={id}
      label="Rest between sets"
      error={error}
      description={
        parsed.success
          ? `${restClock(parsed.data)} after each set, when the exercise prescribes no rest of its own.`
          : 'After each set, when the exercise prescribes no rest of its own.'
      }
    >
      <NumericInput
        id={id}
        aria-describedby={error ? `${id}-error` : `${id}-description`}
        aria-invalid={error ? true : undefined}
        className="lt-setting__number"
        value={value}
        min={localError ? undefined : 0}
        max={localError ? undefined : 3600}
        stepSize={15}
        majorStepSize={60}
        minorStepSize={null}
        clampValueOnBlur
        disabled={!preferences}
        intent={error ? Intent.DANGER : Intent.NONE}
        rightElement={<span className="lt-input-unit">s</span>}
        onValueChange={onChange}
      />
    </SettingRow>
  );
}

/** A weight in the unit as typed and shown: two decimals at most (1.25 kg plates). */
const inUnit = (kg: number, unit: WeightUnit) => Math.round(weightFromKg(kg, unit) * 100) / 100;
const barRule = preferencesSchema.shape.barKg.unwrap();
const plateRule = preferencesSchema.shape.platesKg.unwrap().element;
const MAX_BAR_KG = barRule.maxValue ?? 100;
const MAX_PLATE_KG = plateRule.maxValue ?? 60;

/** The bar typed in the unit, as kg (null: empty, the standard bar), or what is wrong with it. */
export function parseBar(text: string, unit: WeightUnit): { kg: number | null } | { error: string } {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return { kg: null };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { error: `The bar must be a number (in ${unit})` };
  const kg = weightToKg(value, unit);
  if (!barRule.safeParse(kg).success)
    return { error: `The bar must weigh between 0 and ${formatWeight(MAX_BAR_KG, unit)}` };
  return { kg };
}

/** Plate sizes typed in the unit ("25, 20, 10 2.5"), as kg heaviest first (null: empty, standard). */
export function parsePlates(text: string, unit: WeightUnit): { kg: number[] | null } | { error: string } {
  const parts = text
    .split(/[\s;,]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0) return { kg: null };
  const kg: number[] = [];
  for (const part of parts) {
    const value = Number(part);
    if (!Number.isFinite(value))
      return { error: `“${part}” is not a plate size: type numbers in ${unit}, e.g. 25, 20, 10` };
    if (value <= 0) return { error: 'A plate must weigh more than 0' };
    const plateKg = weightToKg(value, unit);
    if (!plateRule.safeParse(plateKg).success)
      return { error: `A plate must weigh at most ${formatWeight(MAX_PLATE_KG, unit)}` };
    if (!kg.some((existing) => Math.abs(existing - plateKg) < 1e-9)) kg.push(plateKg);
  }
  if (kg.length > 20) return { error: 'At most 20 plate sizes' };
  return { kg: kg.sort((a, b) => b - a) };
}

/** A text field saved when left or on Enter; Escape puts the saved value back. */
function useTextDraft<T>(
  stored: string,
  parse: (text: string) => { value: T } | { error: string },
  commit: (value: T) => void,
) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const value = draft ?? stored;

  function save() {
    if (draft === null || draft === stored) {
      setDraft(null);
      setError(undefined);
      return;
    }
    const parsed = parse(draft);
    if ('error' in parsed) {
      setError(parsed.error);
      return;
    }
    setError(undefined);
    setDraft(null);
    commit(parsed.value);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      save();
    } else if (event.key === 'Escape' && draft !== null) {
      event.preventDefault();
      event.stopPropagation();
      setDraft(null);
      setError(undefined);
    }
  }

  return { value, error, setDraft, save, onKeyDown };
}

function BarSetting({ preferences, save, serverError }: SettingProps) {
  const id = 'setting-bar';
  const unit = preferences?.weightUnit ?? 'kg';
  const barKg = preferences?.barKg ?? null;
  const field = useTextDraft(
    barKg === null ? '' : String(inUnit(barKg, unit)),
    (text) => {
      const parsed = parseBar(text, unit);
      return 'error' in parsed ? parsed : { value: parsed.kg };
    },
    (kg) => void save({ barKg: kg }),
  );
  const error = field.error ?? serverError;
  const standard = `${STANDARD_BAR[unit]} ${unit}`;
  return (
    <SettingRow
      id={id}
      label="Bar"
      error={error}
      description={
        barKg === null
          ? `The standard ${standard} bar. Type another weight for a different bar.`
          : `Loads count this bar; empty is the standard ${standard}.`
      }
    >
      <div className="lt-setting__inline">
        <InputGroup
          id={id}
          className="lt-setting__weight"
          aria-describedby={error ? `${id}-error` : `${id}-description`}
          aria-invalid={error ? true : undefined}
          intent={error ? Intent.DANGER : Intent.NONE}
          inputMode="decimal"
          placeholder={String(STANDARD_BAR[unit])}
          value={field.value}
          disabled={!preferences}
          rightElement={<span className="lt-input-unit">{unit}</span>}
          onChange={(event) => field.setDraft(event.currentTarget.value)}
          onBlur={field.save}
          onKeyDown={field.onKeyDown}
        />
        <StandardButton
          visible={barKg !== null}
          label={`Use the standard ${standard} bar`}
          onClick={() => void save({ barKg: null })}
        />
      </div>
    </SettingRow>
  );
}

function PlatesSetting({ preferences, save, serverError }: SettingProps) {
  const id = 'setting-plates';
  const unit = preferences?.weightUnit ?? 'kg';
  const platesKg = preferences?.platesKg ?? null;
  const field = useTextDraft(
    platesKg === null ? '' : platesKg.map((kg) => inUnit(kg, unit)).join(', '),
    (text) => {
      const parsed = parsePlates(text, unit);
      return 'error' in parsed ? parsed : { value: parsed.kg };
    },
    (kg) => void save({ platesKg: kg }),
  );
  const error = field.error ?? serverError;
  const standard = STANDARD_PLATES[unit].join(', ');
  return (
    <SettingRow
      id={id}
      label="Plates"
      error={error}
      description={
        platesKg === null
          ? `The standard set (${standard} ${unit}), in pairs. Type the sizes you have, separated by commas.`
          : `Sizes in ${unit}, in pairs, as many as needed; empty is the standard set.`
      }
    >
      <div className="lt-setting__inline">
        <InputGroup
          id={id}
          className="lt-setting__plates"
          aria-describedby={error ? `${id}-error` : `${id}-description`}
          aria-invalid={error ? true : undefined}
          intent={error ? Intent.DANGER : Intent.NONE}
          placeholder={standard}
          value={field.value}
          disabled={!preferences}
          rightElement={<span className="lt-input-unit">{unit}</span>}
          onChange={(event) => field.setDraft(event.currentTarget.value)}
          onBlur={field.save}
          onKeyDown={field.onKeyDown}
        />
        <StandardButton
          visible={platesKg !== null}
          label={`Use the standard plates (${standard} ${unit})`}
          onClick={() => void save({ platesKg: null })}
        />
      </div>
    </SettingRow>
  );
}

/** Back to the standard bar or plates; keeps its place when hidden, so the fields line up. */
function StandardButton({
  visible,
  label,
  onClick,
}: {
  visible: boolean;
  label: string;
  onClick: () => void;
}) {
  if (!visible) return <span className="lt-setting__reset-slot" aria-hidden />;
  return (
    <Tooltip content={label} placement="top" hoverOpenDelay={400}>
      <Button variant="minimal" icon="reset" aria-label={label} onClick={onClick} />
    </Tooltip>
  );
}
