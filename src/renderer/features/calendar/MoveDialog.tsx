/**
 * "Move to…": the keyboard's way to do what a drag does. A date, and a time when the workout has
 * one (clear it to make it an any-time workout).
 */
import { Button, Dialog, DialogBody, DialogFooter, InputGroup, Intent } from '@blueprintjs/core';
import { useState, type FormEvent } from 'react';
import { isoDate } from '../../../shared/domain/dates';
import type { ScheduledWorkout } from '../../../shared/domain/schedule';
import { FormField } from '../../components/FormField';
import type { Placement } from './useWorkoutActions';

interface MoveDialogProps {
  workout: ScheduledWorkout | null;
  onMove(workout: ScheduledWorkout, to: Placement): Promise<boolean>;
  onClose(): void;
}

export function MoveDialog({ workout, onMove, onClose }: MoveDialogProps) {
  return (
    <Dialog
      isOpen={workout !== null}
      onClose={onClose}
      title={workout ? `Move “${workout.templateName}”` : 'Move'}
      icon="move"
      className="lt-cal-move-dialog"
    >
      {workout && <MoveForm key={workout.id} workout={workout} onMove={onMove} onDone={onClose} />}
    </Dialog>
  );
}

function MoveForm({
  workout,
  onMove,
  onDone,
}: {
  workout: ScheduledWorkout;
  onMove: MoveDialogProps['onMove'];
  onDone(): void;
}) {
  const [date, setDate] = useState(workout.date);
  const [startTime, setStartTime] = useState(workout.startTime ?? '');
  const [error, setError] = useState<string | undefined>();
  const [moving, setMoving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!isoDate.safeParse(date).success) {
      setError('Pick a date like 2026-12-07');
      return;
    }
    setMoving(true);
    const moved = await onMove(workout, { date, startTime: startTime || null });
    setMoving(false);
    // A refusal is shown in a toast with the backend's reason; the dialog stays for another try.
    if (moved) onDone();
  }

  return (
    <form onSubmit={submit} noValidate>
      <DialogBody>
        <div className="lt-cal-form-row">
          <FormField label="New date" htmlFor="move-date" error={error}>
            <InputGroup
              id="move-date"
              type="date"
              value={date}
              autoFocus
              intent={error ? Intent.DANGER : Intent.NONE}
              onValueChange={(value) => {
                setDate(value);
                setError(undefined);
              }}
            />
          </FormField>
          <FormField label="Time" labelInfo="(optional)" htmlFor="move-time">
            <InputGroup id="move-time" type="time" value={startTime} onValueChange={setStartTime} />
          </FormField>
        </div>
      </DialogBody>
      <DialogFooter
        actions={
          <>
            <Button text="Cancel" onClick={onDone} disabled={moving} />
            <Button type="submit" intent={Intent.PRIMARY} text="Move" loading={moving} />
          </>
        }
      />
    </form>
  );
}
