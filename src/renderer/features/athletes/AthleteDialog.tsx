/**
 * Add or edit an athlete. Bodyweight is typed in the user's unit and stored in kg; the kiosk PIN is
 * never shown (only whether one is set) and can be set, changed or cleared.
 */
import {
  Button,
  Callout,
  Classes,
  Dialog,
  DialogBody,
  DialogFooter,
  InputGroup,
  Intent,
  Tag,
  TextArea,
} from '@blueprintjs/core';
import { useState, type FormEvent } from 'react';
import type { FieldIssue } from '../../../shared/contract/errors';
import { athleteFields, type Athlete, type AthleteFields } from '../../../shared/domain/athlete';
import { errorMessage } from '../../components/ErrorCallout';
import { FormField, issuesOf, messageFor, unplacedMessages } from '../../components/FormField';
import { roundForDisplay, weightFromKg, weightToKg } from '../../components/units';
import { useUnits } from '../../components/useUnits';
import { useToaster } from '../../app/toaster';
import { useCreateAthleteMutation, useUpdateAthleteMutation } from './api';
import { PinSetTag } from './PinSetTag';
import { browserTimeZone } from './timeZones';
import { TimeZoneSuggest } from './TimeZoneSuggest';

const FIELDS = ['name', 'timeZone', 'bodyweightKg', 'notes', 'pin'] as const;

/** What happens to the PIN on save: nothing, a new one, or cleared. */
type PinChange = { kind: 'keep' } | { kind: 'set'; pin: string } | { kind: 'clear' };

interface AthleteDialogProps {
  /** The athlete to edit; absent to add a new one. */
  athlete?: Athlete;
  isOpen: boolean;
  onClose: () => void;
}

export function AthleteDialog({ athlete, isOpen, onClose }: AthleteDialogProps) {
  // Every opening gets a fresh form. Blueprint keeps a closing dialog's content mounted while it
  // fades out, so without a new key a quick reopen (Escape, then Edit on another row) brought back
  // the form that was just left, under the new athlete's title.
  const [opening, setOpening] = useState(0);
  const [wasOpen, setWasOpen] = useState(isOpen);
  if (isOpen !== wasOpen) {
    setWasOpen(isOpen);
    if (isOpen) setOpening(opening + 1);
  }
  return (
    <Dialog
      isOpen={isOpen}
      onClose={onClose}
      title={athlete ? `Edit ${athlete.name}` : 'Add athlete'}
      icon={athlete ? 'edit' : 'new-person'}
      className="lt-athlete-dialog"
      canOutsideClickClose={false}
    >
      {/* Mounted only while open, and anew each time: it starts from the athlete's saved values. */}
      {isOpen && <AthleteForm key={opening} athlete={athlete} onDone={onClose} />}
    </Dialog>
  );
}

function AthleteForm({ athlete, onDone }: { athlete?: Athlete; onDone: () => void }) {
  const { weightUnit } = useUnits();
  const toaster = useToaster();
  const [createAthlete, createState] = useCreateAthleteMutation();
  const [updateAthlete, updateState] = useUpdateAthleteMutation();
  const saving = createState.isLoading || updateState.isLoading;

  const initialBodyweight =
    athlete?.bodyweightKg == null
      ? ''
      : String(roundForDisplay(weightFromKg(athlete.bodyweightKg, weightUnit)));
  const [name, setName] = useState(athlete?.name ?? '');
  const [timeZone, setTimeZone] = useState(athlete?.timeZone ?? browserTimeZone());
  const [bodyweight, setBodyweight] = useState(initialBodyweight);
  const [notes, setNotes] = useState(athlete?.notes ?? '');
  const [pinChange, setPinChange] = useState<PinChange>({ kind: 'keep' });
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);

  function clearIssue(field: (typeof FIELDS)[number]) {
    setIssues((current) => current.filter((issue) => issue.path[0] !== field));
  }

  /** The fields to send, or the problems to show beside them. */
  function collect(): { fields: AthleteFields } | { issues: FieldIssue[] } {
    const found: FieldIssue[] = [];
    let bodyweightKg: number | null = null;
    const typed = bodyweight.trim().replace(',', '.');
    if (typed === initialBodyweight && athlete) {
      // Unchanged: keep the stored kilograms exactly (a lb round trip would drift).
      bodyweightKg = athlete.bodyweightKg;
    } else if (typed !== '') {
      const value = Number(typed);
      if (Number.isFinite(value)) bodyweightKg = weightToKg(value, weightUnit);
      else found.push({ path: ['bodyweightKg'], message: `Bodyweight must be a number of ${weightUnit}` });
    }
    const fields: AthleteFields = { name, timeZone, bodyweightKg, notes };
    if (pinChange.kind === 'set') fields.pin = pinChange.pin;
    if (pinChange.kind === 'clear') fields.pin = null;

    const parsed = athleteFields.safeParse(fields);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        found.push({
          path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
          message: issue.message,
        });
      }
    }
    return found.length > 0 ? { issues: found } : { fields };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const collected = collect();
    if ('issues' in collected) {
      setIssues(collected.issues);
      focusFirstInvalid(collected.issues);
      return;
    }
    const result = athlete
      ? await updateAthlete({ id: athlete.id, fields: collected.fields })
      : await createAthlete(collected.fields);
    if (result.error) {
      const serverIssues = issuesOf(result.error, 'fields');
      if (serverIssues.length > 0) {
        setIssues(serverIssues);
        focusFirstInvalid(serverIssues);
      } else {
        setFailure(errorMessage(result.error));
      }
      return;
    }
    toaster.show({
      message: athlete ? `Saved ${result.data.name}` : `Added ${result.data.name}`,
      intent: Intent.SUCCESS,
      icon: 'tick',
      timeout: 3000,
    });
    onDone();
  }

  const otherProblems = unplacedMessages(issues, FIELDS);
  const nameError = messageFor(issues, 'name');
  const timeZoneError = messageFor(issues, 'timeZone');
  const bodyweightError = messageFor(issues, 'bodyweightKg');
  const notesError = messageFor(issues, 'notes');
  const pinError = messageFor(issues, 'pin');

  return (
    <form onSubmit={submit} noValidate>
      <DialogBody>
        {(failure || otherProblems.length > 0) && (
          <Callout intent={Intent.DANGER} icon="error" className="lt-form-callout" role="alert">
            {failure ?? otherProblems.join(' ')}
          </Callout>
        )}
        <FormField label="Name" htmlFor="athlete-name" error={nameError}>
          <InputGroup
            id="athlete-name"
            value={name}
            autoFocus
            autoComplete="off"
            intent={nameError ? Intent.DANGER : Intent.NONE}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? 'athlete-name-error' : undefined}
            onValueChange={(value) => {
              setName(value);
              clearIssue('name');
            }}
          />
        </FormField>
        <div className="lt-form-row">
          <FormField
            label="Time zone"
            htmlFor="athlete-time-zone"
            error={timeZoneError}
            helperText="Workout days and reminders follow it."
            className="lt-form-row__wide"
          >
            <TimeZoneSuggest
              id="athlete-time-zone"
              value={timeZone}
              invalid={Boolean(timeZoneError)}
              onChange={(value) => {
                setTimeZone(value);
                clearIssue('timeZone');
              }}
            />
          </FormField>
          <FormField
            label="Bodyweight"
            labelInfo={`(${weightUnit})`}
            htmlFor="athlete-bodyweight"
            error={bodyweightError}
          >
            <InputGroup
              id="athlete-bodyweight"
              value={bodyweight}
              inputMode="decimal"
              autoComplete="off"
              placeholder="Optional"
              intent={bodyweightError ? Intent.DANGER : Intent.NONE}
              aria-invalid={bodyweightError ? true : undefined}
              aria-describedby={bodyweightError ? 'athlete-bodyweight-error' : undefined}
              onValueChange={(value) => {
                setBodyweight(value);
                clearIssue('bodyweightKg');
              }}
            />
          </FormField>
        </div>
        <FormField label="Notes" htmlFor="athlete-notes" error={notesError} labelInfo="(optional)">
          <TextArea
            id="athlete-notes"
            value={notes}
            fill
            rows={3}
            placeholder="Injuries, goals, meet dates…"
            intent={notesError ? Intent.DANGER : Intent.NONE}
            onChange={(event) => {
              setNotes(event.target.value);
              clearIssue('notes');
            }}
          />
        </FormField>
        <PinField
          hasPin={athlete?.hasPin ?? false}
          change={pinChange}
          error={pinError}
          onChange={(change) => {
            setPinChange(change);
            clearIssue('pin');
          }}
        />
      </DialogBody>
      <DialogFooter
        actions={
          <>
            <Button text="Cancel" onClick={onDone} disabled={saving} />
            <Button
              type="submit"
              intent={Intent.PRIMARY}
              text={athlete ? 'Save changes' : 'Create athlete'}
              loading={saving}
            />
          </>
        }
      />
    </form>
  );
}

function focusFirstInvalid(issues: readonly FieldIssue[]) {
  const ids: Record<string, string> = {
    name: 'athlete-name',
    timeZone: 'athlete-time-zone',
    bodyweightKg: 'athlete-bodyweight',
    notes: 'athlete-notes',
    pin: 'athlete-pin',
  };
  for (const issue of issues) {
    const element = document.getElementById(ids[String(issue.path[0])] ?? '');
    if (element) {
      element.focus();
      return;
    }
  }
}

interface PinFieldProps {
  hasPin: boolean;
  change: PinChange;
  error?: string;
  onChange: (change: PinChange) => void;
}

/** The kiosk PIN: "PIN set" or "No PIN", never the PIN itself. */
function PinField({ hasPin, change, error, onChange }: PinFieldProps) {
  if (change.kind === 'set') {
    return (
      <FormField
        label="Kiosk PIN"
        htmlFor="athlete-pin"
        error={error}
        helperText="4 to 8 digits. The athlete types it to open their workouts at the gym kiosk."
      >
        <div className="lt-pin-entry">
          <InputGroup
            id="athlete-pin"
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            maxLength={8}
            value={change.pin}
            autoFocus
            intent={error ? Intent.DANGER : Intent.NONE}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'athlete-pin-error' : undefined}
            onValueChange={(pin) => onChange({ kind: 'set', pin: pin.replaceAll(/\D/g, '') })}
          />
          {/* "Cancel" beside the field; named apart from the dialog's own Cancel. */}
          <Button
            variant="minimal"
            text="Cancel"
            aria-label={hasPin ? 'Cancel PIN change' : 'Cancel setting a PIN'}
            onClick={() => onChange({ kind: 'keep' })}
          />
        </div>
      </FormField>
    );
  }
  const status =
    change.kind === 'clear' ? (
      <Tag minimal intent={Intent.WARNING} icon="unlock">
        PIN will be cleared
      </Tag>
    ) : hasPin ? (
      <PinSetTag />
    ) : (
      <Tag minimal icon="unlock">
        No PIN
      </Tag>
    );
  // Laid out like the form groups above it (label over content), so the label reads the same and
  // nothing moves when "Set PIN" swaps in the field.
  return (
    <div
      className={`${Classes.FORM_GROUP} lt-pin-status`}
      role="group"
      aria-labelledby="athlete-pin-status-label"
    >
      <div id="athlete-pin-status-label" className={Classes.LABEL}>
        Kiosk PIN
      </div>
      <div className="lt-pin-status__row">
        {status}
        {change.kind === 'clear' ? (
          <Button size="small" variant="minimal" text="Keep PIN" onClick={() => onChange({ kind: 'keep' })} />
        ) : (
          <>
            <Button
              size="small"
              variant="minimal"
              icon="key"
              text={hasPin ? 'Change PIN' : 'Set PIN'}
              onClick={() => onChange({ kind: 'set', pin: '' })}
            />
            {hasPin && (
              <Button
                size="small"
                variant="minimal"
                intent={Intent.DANGER}
                text="Clear PIN"
                onClick={() => onChange({ kind: 'clear' })}
              />
            )}
          </>
        )}
      </div>
    </div>
  );
}
