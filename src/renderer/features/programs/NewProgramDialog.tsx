/**
 * A new program: its name, how many weeks and how many training days a week. Bad values are
 * explained next to their field (from the same zod rules the backend applies), and nothing is
 * created until they are right. The new program opens in the builder.
 */
import {
  Button,
  Dialog,
  DialogBody,
  DialogFooter,
  HTMLSelect,
  InputGroup,
  Intent,
  NumericInput,
} from '@blueprintjs/core';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { requiredText } from '../../../shared/domain/common';
import { daysPerWeek as daysPerWeekRule, weekCount } from '../../../shared/domain/program';
import type { FieldIssue } from '../../../shared/contract/errors';
import { useToaster } from '../../app/toaster';
import { errorMessage } from '../../components/ErrorCallout';
import { FormField, issuesOf, messageFor } from '../../components/FormField';
import { useCreateProgramMutation } from './api';

const newProgramForm = z.object({
  name: requiredText('Name', 120),
  weeks: weekCount,
  daysPerWeek: daysPerWeekRule,
});

const DAY_CHOICES = [1, 2, 3, 4, 5, 6, 7];

export function NewProgramDialog({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  return (
    <Dialog
      isOpen={isOpen}
      onClose={onClose}
      title="New program"
      icon="add"
      className="lt-new-program-dialog"
      canOutsideClickClose={false}
    >
      {isOpen && <NewProgramForm onDone={onClose} />}
    </Dialog>
  );
}

function NewProgramForm({ onDone }: { onDone: () => void }) {
  const navigate = useNavigate();
  const toaster = useToaster();
  const [createProgram, { isLoading, error }] = useCreateProgramMutation();
  const [name, setName] = useState('');
  const [weeksText, setWeeksText] = useState('4');
  const [daysPerWeek, setDaysPerWeek] = useState(4);
  const [issues, setIssues] = useState<FieldIssue[]>([]);

  const weeks = weeksText.trim() === '' ? Number.NaN : Number(weeksText);
  const allIssues = [...issues, ...issuesOf(error)];

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = newProgramForm.safeParse({ name, weeks, daysPerWeek });
    if (!parsed.success) {
      setIssues(
        parsed.error.issues.map((issue) => ({ path: issue.path as string[], message: issue.message })),
      );
      return;
    }
    setIssues([]);
    const result = await createProgram(parsed.data);
    if (result.error) {
      if (issuesOf(result.error).length === 0) {
        toaster.show({ message: errorMessage(result.error), intent: Intent.DANGER, icon: 'error' });
      }
      return;
    }
    onDone();
    toaster.show({
      message: `Created “${result.data.name}”`,
      intent: Intent.SUCCESS,
      icon: 'tick',
      timeout: 3000,
    });
    void navigate(`/programs/${result.data.id}`);
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <DialogBody>
        <FormField label="Name" htmlFor="new-program-name" error={messageFor(allIssues, 'name')}>
          <InputGroup
            id="new-program-name"
            autoFocus
            value={name}
            placeholder="e.g. Hypertrophy block, Spring 2026"
            intent={messageFor(allIssues, 'name') ? Intent.DANGER : Intent.NONE}
            onValueChange={setName}
          />
        </FormField>
        <div className="lt-new-program-dialog__row">
          <FormField
            label="Weeks"
            htmlFor="new-program-weeks"
            error={messageFor(allIssues, 'weeks')}
            helperText="1 to 52; more can be added later"
          >
            <NumericInput
              id="new-program-weeks"
              min={1}
              max={52}
              minorStepSize={null}
              clampValueOnBlur={false}
              fill
              value={weeksText}
              intent={messageFor(allIssues, 'weeks') ? Intent.DANGER : Intent.NONE}
              onValueChange={(_value, text) => setWeeksText(text)}
            />
          </FormField>
          <FormField
            label="Training days a week"
            htmlFor="new-program-days"
            error={messageFor(allIssues, 'daysPerWeek')}
            helperText="Weekdays are picked when it is applied"
          >
            <HTMLSelect
              id="new-program-days"
              fill
              value={daysPerWeek}
              onChange={(event) => setDaysPerWeek(Number(event.currentTarget.value))}
              options={DAY_CHOICES.map((value) => ({
                value,
                label: `${value} ${value === 1 ? 'day' : 'days'}`,
              }))}
            />
          </FormField>
        </div>
      </DialogBody>
      <DialogFooter
        actions={
          <>
            <Button text="Cancel" onClick={onDone} />
            <Button type="submit" intent={Intent.PRIMARY} text="Create program" loading={isLoading} />
          </>
        }
      />
    </form>
  );
}
