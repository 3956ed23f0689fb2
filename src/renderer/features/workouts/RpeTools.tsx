/**
 * RPE, visually and by numbers: the scale from 6 to 10 in half steps with the reps in reserve each
 * means (src/shared/calc/rpe.ts, which cites its chart), and a calculator: from a set done (weight
 * × reps @ RPE) the estimated 1RM, and from it the load for a target (reps @ RPE). Picking a step
 * of the scale puts it in the calculator.
 */
import { Button, Classes, Dialog, DialogBody, FormGroup, HTMLSelect, InputGroup } from '@blueprintjs/core';
import { useId, useState } from 'react';
import { e1rmFromRpe, loadForTarget, RPE_SCALE } from '../../../shared/calc/rpe';
import {
  formatWeight,
  roundForDisplay,
  weightFromKg,
  weightToKg,
  type WeightUnit,
} from '../../components/units';

export interface RpeStart {
  weightKg: number | null;
  reps: number | null;
  rpe: number | null;
}

const RPE_STEPS = RPE_SCALE.map((step) => step.rpe);

/** The colour of a step, from easy (green) to all-out (red). */
function stepClass(rpe: number): string {
  if (rpe >= 9.5) return 'lt-rpe--max';
  if (rpe >= 8.5) return 'lt-rpe--hard';
  if (rpe >= 7.5) return 'lt-rpe--solid';
  return 'lt-rpe--easy';
}

export function RpeScale({
  selected,
  onPick,
  keepFocus = false,
}: {
  selected: number | null;
  onPick?: (rpe: number) => void;
  /** Picking leaves the focus where it is (the set's RPE field the scale opened from). */
  keepFocus?: boolean;
}) {
  return (
    <ol className="lt-rpe-scale" aria-label="RPE scale">
      {[...RPE_SCALE].reverse().map((step) => (
        <li key={step.rpe}>
          <button
            type="button"
            className={`lt-rpe-step ${stepClass(step.rpe)}${selected === step.rpe ? ' lt-rpe-step--selected' : ''}`}
            aria-pressed={selected === step.rpe}
            tabIndex={keepFocus ? -1 : undefined}
            onMouseDown={keepFocus ? (event) => event.preventDefault() : undefined}
            onClick={() => onPick?.(step.rpe)}
          >
            <span className="lt-rpe-step__value">{step.rpe}</span>
            <span className="lt-rpe-step__bar" style={{ width: `${((step.rpe - 5) / 5) * 100}%` }} />
            <span className="lt-rpe-step__label">{step.label}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}

function NumberField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <FormGroup label={label} labelFor={id} className="lt-rpe-calc__field">
      <InputGroup
        id={id}
        inputMode="decimal"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </FormGroup>
  );
}

function RpeSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number;
  onChange: (rpe: number) => void;
}) {
  const id = useId();
  return (
    <FormGroup label={label} labelFor={id} className="lt-rpe-calc__field">
      <HTMLSelect id={id} value={value} onChange={(event) => onChange(Number(event.target.value))}>
        {RPE_STEPS.map((rpe) => (
          <option key={rpe} value={rpe}>
            {rpe}
          </option>
        ))}
      </HTMLSelect>
    </FormGroup>
  );
}

const toNumber = (text: string) => {
  const value = Number(text.replace(',', '.'));
  return text.trim() === '' || !Number.isFinite(value) ? null : value;
};

export function RpeCalculator({ start, unit }: { start: RpeStart; unit: WeightUnit }) {
  const [weight, setWeight] = useState(
    start.weightKg === null ? '' : String(roundForDisplay(weightFromKg(start.weightKg, unit))),
  );
  const [reps, setReps] = useState(start.reps === null ? '' : String(start.reps));
  const [rpe, setRpe] = useState(start.rpe !== null && RPE_STEPS.includes(start.rpe) ? start.rpe : 8);
  const [targetReps, setTargetReps] = useState('5');
  const [targetRpe, setTargetRpe] = useState(8);

  const weightValue = toNumber(weight);
  const repsValue = toNumber(reps);
  const e1rmKg =
    weightValue !== null && repsValue !== null && weightValue > 0
      ? e1rmFromRpe(weightToKg(weightValue, unit), repsValue, rpe)
      : null;
  const targetRepsValue = toNumber(targetReps);
  const loadKg =
    e1rmKg !== null && targetRepsValue !== null ? loadForTarget(e1rmKg, targetRepsValue, targetRpe) : null;

  return (
    <div className="lt-rpe-calc">
      <div className="lt-rpe-calc__scale">
        <h3 className={Classes.HEADING}>Scale</h3>
        <p className={Classes.TEXT_MUTED}>Pick how hard the set was.</p>
        <RpeScale selected={rpe} onPick={setRpe} />
      </div>
      <div className="lt-rpe-calc__numbers">
        <h3 className={Classes.HEADING}>A set you did</h3>
        <div className="lt-rpe-calc__row">
          <NumberField label={`Weight (${unit})`} value={weight} onChange={setWeight} />
          <NumberField label="Reps" value={reps} onChange={setReps} />
          <RpeSelect label="RPE" value={rpe} onChange={setRpe} />
        </div>
        <p className="lt-rpe-calc__result" role="status">
          Estimated 1RM: <strong>{e1rmKg !== null ? formatWeight(e1rmKg, unit) : '–'}</strong>
          {e1rmKg === null && weightValue !== null && repsValue !== null && (
            <span className={Classes.TEXT_MUTED}> (the chart covers 1–12 reps)</span>
          )}
        </p>
        <h3 className={Classes.HEADING}>The load for a target</h3>
        <div className="lt-rpe-calc__row">
          <NumberField label="Reps" value={targetReps} onChange={setTargetReps} />
          <RpeSelect label="RPE" value={targetRpe} onChange={setTargetRpe} />
        </div>
        <p className="lt-rpe-calc__result" role="status">
          Load: <strong>{loadKg !== null ? formatWeight(loadKg, unit) : '–'}</strong>
        </p>
      </div>
    </div>
  );
}

export function RpeDialog({
  isOpen,
  onClose,
  start,
  unit,
}: {
  isOpen: boolean;
  onClose: () => void;
  start: RpeStart;
  unit: WeightUnit;
}) {
  return (
    <Dialog
      isOpen={isOpen}
      onClose={onClose}
      title="RPE scale and calculator"
      icon="dashboard"
      className="lt-rpe-dialog"
    >
      <DialogBody>{isOpen && <RpeCalculator start={start} unit={unit} />}</DialogBody>
      <div className={Classes.DIALOG_FOOTER}>
        <div className={Classes.DIALOG_FOOTER_ACTIONS}>
          <Button text="Close" onClick={onClose} />
        </div>
      </div>
    </Dialog>
  );
}
