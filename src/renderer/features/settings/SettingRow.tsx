/**
 * The parts every preference row is made of: its label and a line saying what it does, the
 * control on the right, and switches saved on change. Shared by the sections of the Settings page.
 */
import { Classes, Switch } from '@blueprintjs/core';
import type { ReactNode } from 'react';
import type { Preferences } from '../../../shared/domain/preferences';

export type Save = (change: Partial<Preferences>) => Promise<void>;

type SwitchField = {
  [K in keyof Preferences]: Preferences[K] extends boolean ? K : never;
}[keyof Preferences];

export const settingId = (field: string) =>
  `setting-${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** One preference: its label and a line saying what it does, with the control on the right. */
interface SettingRowProps {
  id: string;
  label: string;
  description?: ReactNode;
  /** What is wrong with the value, shown under the description. */
  error?: string;
  children: ReactNode;
}

export function SettingRow({ id, label, description, error, children }: SettingRowProps) {
  return (
    <div className="lt-setting">
      <div className="lt-setting__text">
        <label htmlFor={id} className="lt-setting__label">
          {label}
        </label>
        {description && (
          <div id={`${id}-description`} className={`lt-setting__description ${Classes.TEXT_MUTED}`}>
            {description}
          </div>
        )}
        {error && (
          <div id={`${id}-error`} className="lt-setting__error" role="alert">
            {error}
          </div>
        )}
      </div>
      <div className="lt-setting__control">{children}</div>
    </div>
  );
}

/** A preference that is on or off, saved on change. */
export function SwitchSetting(props: {
  field: SwitchField;
  label: string;
  description: ReactNode;
  preferences: Preferences | undefined;
  save: Save;
}) {
  const id = settingId(props.field);
  return (
    <SettingRow id={id} label={props.label} description={props.description}>
      <Switch
        id={id}
        aria-describedby={`${id}-description`}
        className="lt-setting__switch"
        checked={props.preferences?.[props.field] ?? false}
        disabled={!props.preferences}
        onChange={(event) => void props.save({ [props.field]: event.currentTarget.checked })}
      />
    </SettingRow>
  );
}
