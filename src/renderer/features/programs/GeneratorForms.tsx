/**
 * The parameter forms of the periodization generators. Each keeps what the coach types as text
 * (so a half-typed "2." is not rewritten under the cursor) and turns it into the generator's
 * parameters; the generator's own zod rules check them and their messages show beside the field.
 * Loads are typed in the user's unit and handed over in kilograms.
 */
import { Checkbox, HTMLSelect, InputGroup, SegmentedControl, Switch } from '@blueprintjs/core';
import type { ReactNode } from 'react';
import {
  INTENSITY_LEVELS,
  INTENSITY_LEVEL_LABELS,
  type GeneratorId,
  type GeneratorParams,
  type IntensityLevel,
  type ParamIssue,
  type ProgramExerciseChoice,
} from '../../../shared/calc/periodization';
import type { ProgramDoc } from '../../../shared/calc/program-ops';
import { FormField } from '../../components/FormField';
import { roundForDisplay, weightFromKg, weightToKg, type WeightUnit } from '../../components/units';

/** Form values: every number as the text typed. */
export type FormValues = Record<string, unknown>;

const text = (value: number) => String(roundForDisplay(value));
const toNumber = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;

/** The form's starting values from the generator's defaults. */
export function toFormValues(
  id: GeneratorId,
  params: GeneratorParams[GeneratorId],
  unit: WeightUnit,
): FormValues {
  switch (id) {
    case 'linear': {
      const p = params as GeneratorParams['linear'];
      return {
        mode: p.mode,
        amount: p.mode === 'kg' ? text(weightFromKg(p.amount, unit)) : text(p.amount),
        exerciseIds: p.exerciseIds ?? null,
      };
    }
    case 'doubleProgression': {
      const p = params as GeneratorParams['doubleProgression'];
      return {
        repStep: text(p.repStep),
        loadIncrementKg: text(weightFromKg(p.loadIncrementKg, unit)),
        loadIncrementPercent: text(p.loadIncrementPercent),
      };
    }
    case 'dailyUndulating': {
      const p = params as GeneratorParams['dailyUndulating'];
      return {
        pattern: [...p.pattern],
        levels: Object.fromEntries(
          INTENSITY_LEVELS.map((level) => [
            level,
            {
              repsMin: text(p.levels[level].repsMin),
              repsMax: text(p.levels[level].repsMax),
              percentDelta: text(p.levels[level].percentDelta),
              rpeDelta: text(p.levels[level].rpeDelta),
            },
          ]),
        ),
      };
    }
    case 'block': {
      const p = params as GeneratorParams['block'];
      return {
        accumulation: text(p.accumulation),
        intensification: text(p.intensification),
        realization: text(p.realization),
      };
    }
    case 'deload': {
      const p = params as GeneratorParams['deload'];
      return {
        everyNth: text(p.everyNth),
        volumeFactor: text(p.volumeFactor),
        intensityDeltaPercent: text(p.intensityDeltaPercent),
        rpeDelta: text(p.rpeDelta),
        clearOthers: p.clearOthers,
      };
    }
  }
}

/** The generator's raw parameters from the form (checked by the generator's schema). */
export function toParams(id: GeneratorId, values: FormValues, unit: WeightUnit): unknown {
  switch (id) {
    case 'linear': {
      const amount = toNumber(values.amount);
      return {
        mode: values.mode,
        amount: values.mode === 'kg' ? weightToKg(amount, unit) : amount,
        ...(Array.isArray(values.exerciseIds) ? { exerciseIds: values.exerciseIds } : {}),
      };
    }
    case 'doubleProgression':
      return {
        repStep: toNumber(values.repStep),
        loadIncrementKg: weightToKg(toNumber(values.loadIncrementKg), unit),
        loadIncrementPercent: toNumber(values.loadIncrementPercent),
      };
    case 'dailyUndulating': {
      const levels = values.levels as Record<IntensityLevel, Record<string, string>>;
      return {
        pattern: values.pattern,
        levels: Object.fromEntries(
          INTENSITY_LEVELS.map((level) => [
            level,
            {
              repsMin: toNumber(levels[level].repsMin),
              repsMax: toNumber(levels[level].repsMax),
              percentDelta: toNumber(levels[level].percentDelta),
              rpeDelta: toNumber(levels[level].rpeDelta),
            },
          ]),
        ),
      };
    }
    case 'block':
      return {
        accumulation: toNumber(values.accumulation),
        intensification: toNumber(values.intensification),
        realization: toNumber(values.realization),
      };
    case 'deload':
      return {
        everyNth: toNumber(values.everyNth),
        volumeFactor: toNumber(values.volumeFactor),
        intensityDeltaPercent: toNumber(values.intensityDeltaPercent),
        rpeDelta: toNumber(values.rpeDelta),
        clearOthers: values.clearOthers,
      };
  }
}

export interface GeneratorFormProps {
  id: GeneratorId;
  values: FormValues;
  onChange: (values: FormValues) => void;
  issues: readonly ParamIssue[];
  doc: ProgramDoc;
  exercises: readonly ProgramExerciseChoice[];
  unit: WeightUnit;
}

function issueAt(issues: readonly ParamIssue[], path: (string | number)[]): string | undefined {
  const key = path.join('.');
  return issues.find((issue) => issue.path.join('.') === key)?.message;
}

function NumberField(props: {
  id: string;
  label: string;
  value: unknown;
  onChange: (value: string) => void;
  error?: string;
  unit?: string;
  helper?: ReactNode;
}) {
  return (
    <FormField label={props.label} htmlFor={props.id} error={props.error} helperText={props.helper}>
      <InputGroup
        id={props.id}
        inputMode="decimal"
        value={String(props.value ?? '')}
        intent={props.error ? 'danger' : 'none'}
        rightElement={props.unit ? <span className="lt-input-unit">{props.unit}</span> : undefined}
        onValueChange={props.onChange}
      />
    </FormField>
  );
}

export function GeneratorForm({ id, values, onChange, issues, doc, exercises, unit }: GeneratorFormProps) {
  const set = (key: string, value: unknown) => onChange({ ...values, [key]: value });
  const field = (key: string, label: string, extra: { unit?: string; helper?: ReactNode } = {}) => (
    <NumberField
      id={`gen-${key}`}
      label={label}
      value={values[key]}
      error={issueAt(issues, [key])}
      onChange={(value) => set(key, value)}
      {...extra}
    />
  );

  switch (id) {
    case 'linear': {
      const chosen = values.exerciseIds as string[] | null;
      const progressable = exercises.filter((exercise) => exercise.loadKind !== null);
      return (
        <div className="lt-gen-form">
          <FormField label="Add each week" htmlFor="gen-mode">
            <SegmentedControl
              aria-label="Add each week"
              size="small"
              value={String(values.mode)}
              onValueChange={(mode) => set('mode', mode)}
              options={[
                { value: 'kg', label: `${unit} to fixed loads` },
                { value: 'percent', label: '% (and %1RM points)' },
              ]}
            />
          </FormField>
          {field('amount', 'Weekly increase', { unit: values.mode === 'kg' ? unit : '%' })}
          <FormField label="Exercises" htmlFor="gen-all-exercises" error={issueAt(issues, ['exerciseIds'])}>
            <Checkbox
              id="gen-all-exercises"
              label="Every exercise with a load"
              checked={chosen === null}
              onChange={(event) =>
                set(
                  'exerciseIds',
                  event.currentTarget.checked ? null : progressable.map((item) => item.exerciseId),
                )
              }
            />
            {chosen !== null && (
              <div className="lt-gen-form__exercises" role="group" aria-label="Exercises to progress">
                {progressable.map((exercise) => (
                  <Checkbox
                    key={exercise.exerciseId}
                    label={`${exercise.exerciseName} (${exercise.loadKind === 'kg' ? unit : '%1RM'})`}
                    checked={chosen.includes(exercise.exerciseId)}
                    onChange={(event) =>
                      set(
                        'exerciseIds',
                        event.currentTarget.checked
                          ? [...chosen, exercise.exerciseId]
                          : chosen.filter((value) => value !== exercise.exerciseId),
                      )
                    }
                  />
                ))}
              </div>
            )}
          </FormField>
        </div>
      );
    }
    case 'doubleProgression':
      return (
        <div className="lt-gen-form lt-gen-form--row">
          {field('repStep', 'Reps added a week', { helper: 'until the top of the range' })}
          {field('loadIncrementKg', 'Then add (fixed loads)', { unit })}
          {field('loadIncrementPercent', 'Then add (%1RM)', { unit: 'points' })}
        </div>
      );
    case 'block':
      return (
        <div className="lt-gen-form lt-gen-form--row">
          {field('accumulation', 'Accumulation weeks')}
          {field('intensification', 'Intensification weeks')}
          {field('realization', 'Realization weeks', {
            helper: `${doc.weeks.filter((week) => !week.deload).length} training weeks to cover`,
          })}
          {issueAt(issues, []) && (
            <p className="lt-gen-form__error" role="alert">
              {issueAt(issues, [])}
            </p>
          )}
        </div>
      );
    case 'deload':
      return (
        <div className="lt-gen-form">
          <div className="lt-gen-form--row">
            {field('everyNth', 'Every Nth week', { helper: '4: weeks 4, 8, 12…' })}
            {field('volumeFactor', 'Sets ×')}
            {field('intensityDeltaPercent', 'Intensity', { unit: '%1RM' })}
            {field('rpeDelta', 'RPE change')}
          </div>
          <Switch
            label="Turn other deload weeks back into training weeks"
            checked={Boolean(values.clearOthers)}
            onChange={(event) => set('clearOthers', event.currentTarget.checked)}
          />
        </div>
      );
    case 'dailyUndulating': {
      const pattern = values.pattern as IntensityLevel[];
      const levels = values.levels as Record<IntensityLevel, Record<string, string>>;
      const setLevel = (level: IntensityLevel, key: string, value: string) =>
        set('levels', { ...levels, [level]: { ...levels[level], [key]: value } });
      return (
        <div className="lt-gen-form">
          <FormField label="Each training day" htmlFor="gen-pattern-0" error={issueAt(issues, ['pattern'])}>
            <div className="lt-gen-form--row">
              {pattern.map((level, slot) => (
                <label key={slot} className="lt-gen-form__slot">
                  <span>Day {slot + 1}</span>
                  <HTMLSelect
                    id={`gen-pattern-${slot}`}
                    value={level}
                    onChange={(event) =>
                      set(
                        'pattern',
                        pattern.map((value, index) => (index === slot ? event.currentTarget.value : value)),
                      )
                    }
                    options={INTENSITY_LEVELS.map((value) => ({
                      value,
                      label: INTENSITY_LEVEL_LABELS[value],
                    }))}
                  />
                </label>
              ))}
            </div>
          </FormField>
          <table className="lt-gen-form__levels">
            <thead>
              <tr>
                <th scope="col">Day type</th>
                <th scope="col">Reps from</th>
                <th scope="col">to</th>
                <th scope="col">%1RM ±</th>
                <th scope="col">RPE ±</th>
              </tr>
            </thead>
            <tbody>
              {INTENSITY_LEVELS.map((level) => (
                <tr key={level}>
                  <th scope="row">{INTENSITY_LEVEL_LABELS[level]}</th>
                  {(['repsMin', 'repsMax', 'percentDelta', 'rpeDelta'] as const).map((key) => {
                    const error = issueAt(issues, ['levels', level, key]);
                    return (
                      <td key={key}>
                        <InputGroup
                          size="small"
                          inputMode="decimal"
                          aria-label={`${INTENSITY_LEVEL_LABELS[level]} ${key === 'repsMin' ? 'reps from' : key === 'repsMax' ? 'reps to' : key === 'percentDelta' ? '%1RM change' : 'RPE change'}`}
                          value={levels[level][key] ?? ''}
                          intent={error ? 'danger' : 'none'}
                          title={error}
                          onValueChange={(value) => setLevel(level, key, value)}
                        />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          {issues
            .filter((issue) => issue.path[0] === 'levels')
            .slice(0, 3)
            .map((issue) => (
              <p key={issue.path.join('.')} className="lt-gen-form__error" role="alert">
                {issue.message}
              </p>
            ))}
        </div>
      );
    }
  }
}
