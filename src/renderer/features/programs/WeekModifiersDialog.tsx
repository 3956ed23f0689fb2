/**
 * A week's phase and how it changes every prescription in it: sets × a factor, %1RM ± points,
 * RPE ± steps. Checked with the same rules the backend applies, the message beside the field.
 */
import {
  Button,
  Classes,
  Dialog,
  DialogBody,
  DialogFooter,
  HTMLSelect,
  Intent,
  NumericInput,
  Switch,
} from '@blueprintjs/core';
import { useState, type FormEvent } from 'react';
import type { WeekDoc, WeekFields } from '../../../shared/calc/program-ops';
import { PHASES, weekModifiers, type Phase } from '../../../shared/domain/program';
import { FormField } from '../../components/FormField';
import { phaseLabel } from './phases';

interface WeekModifiersDialogProps {
  week: { doc: WeekDoc; number: number } | null;
  onApply: (weekId: string, fields: WeekFields) => void;
  onClose: () => void;
}

export function WeekModifiersDialog({ week, onApply, onClose }: WeekModifiersDialogProps) {
  return (
    <Dialog
      isOpen={week !== null}
      onClose={onClose}
      title={week ? `Week ${week.number}: volume and intensity` : ''}
      icon="settings"
      className="lt-week-dialog"
      // The builder puts the focus back on the grid itself: Blueprint would do it after the
      // closing animation, taking it from wherever the keyboard has gone since.
      shouldReturnFocusOnClose={false}
    >
      {week && <WeekForm key={week.doc.id} week={week} onApply={onApply} onClose={onClose} />}
    </Dialog>
  );
}

function check(
  schema: { safeParse: (value: unknown) => { success: boolean; error?: { issues: { message: string }[] } } },
  text: string,
) {
  if (text.trim() === '') return 'Give a number';
  const result = schema.safeParse(Number(text));
  return result.success ? undefined : result.error?.issues[0]?.message;
}

function WeekForm({
  week,
  onApply,
  onClose,
}: { week: { doc: WeekDoc; number: number } } & Omit<WeekModifiersDialogProps, 'week'>) {
  const [phase, setPhase] = useState<Phase | null>(week.doc.phase);
  const [deload, setDeload] = useState(week.doc.deload);
  const [volume, setVolume] = useState(String(week.doc.volumeFactor));
  const [intensity, setIntensity] = useState(String(week.doc.intensityDeltaPercent));
  const [rpe, setRpe] = useState(String(week.doc.rpeDelta));
  const [submitted, setSubmitted] = useState(false);

  const errors = {
    volume: check(weekModifiers.volumeFactor, volume),
    intensity: check(weekModifiers.intensityDeltaPercent, intensity),
    rpe: check(weekModifiers.rpeDelta, rpe),
  };
  const shown = (message: string | undefined) => (submitted ? message : undefined);

  function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (errors.volume || errors.intensity || errors.rpe) return;
    onApply(week.doc.id, {
      phase,
      deload,
      volumeFactor: Number(volume),
      intensityDeltaPercent: Number(intensity),
      rpeDelta: Number(rpe),
    });
    onClose();
  }

  return (
    <form onSubmit={submit} noValidate>
      <DialogBody>
        <div className="lt-week-dialog__row">
          <FormField label="Phase" htmlFor="week-phase">
            <HTMLSelect
              id="week-phase"
              fill
              value={phase ?? ''}
              onChange={(event) => setPhase((event.currentTarget.value || null) as Phase | null)}
              options={[null, ...PHASES].map((value) => ({ value: value ?? '', label: phaseLabel(value) }))}
            />
          </FormField>
          <Switch
            className="lt-week-dialog__deload"
            label="Deload week"
            checked={deload}
            onChange={(event) => setDeload(event.currentTarget.checked)}
          />
        </div>
        <div className="lt-week-dialog__row">
          <FormField
            label="Volume (sets ×)"
            htmlFor="week-volume"
            error={shown(errors.volume)}
            helperText="1 = as written; 0.6 for a deload"
          >
            <NumericInput
              id="week-volume"
              fill
              value={volume}
              stepSize={0.05}
              minorStepSize={0.01}
              majorStepSize={0.1}
              min={0.1}
              max={3}
              clampValueOnBlur={false}
              intent={shown(errors.volume) ? Intent.DANGER : Intent.NONE}
              onValueChange={(_value, text) => setVolume(text)}
            />
          </FormField>
          <FormField
            label="Intensity (%1RM ±)"
            htmlFor="week-intensity"
            error={shown(errors.intensity)}
            helperText="Points added to every %1RM"
          >
            <NumericInput
              id="week-intensity"
              fill
              value={intensity}
              stepSize={2.5}
              minorStepSize={0.5}
              majorStepSize={5}
              min={-50}
              max={50}
              clampValueOnBlur={false}
              intent={shown(errors.intensity) ? Intent.DANGER : Intent.NONE}
              onValueChange={(_value, text) => setIntensity(text)}
            />
          </FormField>
          <FormField
            label="Effort (RPE ±)"
            htmlFor="week-rpe"
            error={shown(errors.rpe)}
            helperText="Half steps; RIR moves the other way"
          >
            <NumericInput
              id="week-rpe"
              fill
              value={rpe}
              stepSize={0.5}
              minorStepSize={null}
              majorStepSize={1}
              min={-5}
              max={5}
              clampValueOnBlur={false}
              intent={shown(errors.rpe) ? Intent.DANGER : Intent.NONE}
              onValueChange={(_value, text) => setRpe(text)}
            />
          </FormField>
        </div>
        <p className={Classes.TEXT_MUTED}>Fixed loads change by the same percentage as the %1RM points.</p>
      </DialogBody>
      <DialogFooter
        actions={
          <>
            <Button text="Cancel" onClick={onClose} />
            <Button type="submit" intent={Intent.PRIMARY} text="Apply to week" />
          </>
        }
      />
    </form>
  );
}
