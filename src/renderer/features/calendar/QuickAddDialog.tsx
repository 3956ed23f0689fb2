/**
 * Quick add: one workout for one athlete on one date, from a template. Opened by clicking (or
 * Enter on) a date, by "n", by a template's "Schedule on…", and by dropping a template while
 * several athletes are shown (to ask whose it is). Problems show beside their field.
 */
import {
  Button,
  Callout,
  Dialog,
  DialogBody,
  DialogFooter,
  HTMLSelect,
  InputGroup,
  Intent,
  MenuItem,
  TextArea,
} from '@blueprintjs/core';
import { Select } from '@blueprintjs/select';
import { useState, type FormEvent } from 'react';
import type { FieldIssue } from '../../../shared/contract/errors';
import type { Athlete } from '../../../shared/domain/athlete';
import { scheduleCreateInput } from '../../../shared/domain/schedule';
import type { TemplateSummary } from '../../../shared/domain/template';
import { useToaster } from '../../app/toaster';
import { errorMessage } from '../../components/ErrorCallout';
import { FormField, issuesOf, messageFor, unplacedMessages } from '../../components/FormField';
import { useListTemplatesQuery } from '../templates';
import { useCreateScheduledWorkoutMutation, useDeleteScheduledWorkoutMutation } from './api';
import { formatShortDay } from './dateFormat';

const FIELDS = ['athleteId', 'templateId', 'date', 'startTime', 'notes'] as const;
const FIELD_IDS: Record<(typeof FIELDS)[number], string> = {
  athleteId: 'quick-add-athlete',
  templateId: 'quick-add-template',
  date: 'quick-add-date',
  startTime: 'quick-add-time',
  notes: 'quick-add-notes',
};

export interface QuickAddValues {
  athleteId: string | null;
  templateId: string | null;
  date: string;
  startTime: string | null;
}

interface QuickAddDialogProps {
  /** What to start from; null when closed. */
  initial: QuickAddValues | null;
  /** The athletes to choose from (shown ones first). */
  athletes: readonly Athlete[];
  onClose(): void;
}

export function QuickAddDialog({ initial, athletes, onClose }: QuickAddDialogProps) {
  // A fresh form for every opening (see AthleteDialog: a closing dialog keeps its content a moment).
  const [opening, setOpening] = useState(0);
  const [wasOpen, setWasOpen] = useState(initial !== null);
  if ((initial !== null) !== wasOpen) {
    setWasOpen(initial !== null);
    if (initial) setOpening(opening + 1);
  }
  return (
    <Dialog
      isOpen={initial !== null}
      onClose={onClose}
      title="Schedule a workout"
      icon="calendar"
      className="lt-cal-quick-add"
    >
      {initial && <QuickAddForm key={opening} initial={initial} athletes={athletes} onDone={onClose} />}
    </Dialog>
  );
}

function QuickAddForm({
  initial,
  athletes,
  onDone,
}: {
  initial: QuickAddValues;
  athletes: readonly Athlete[];
  onDone(): void;
}) {
  const toaster = useToaster();
  const { data: templateList, isLoading: templatesLoading } = useListTemplatesQuery({ text: '' });
  const templates = templateList?.items ?? [];
  const [createWorkout, createState] = useCreateScheduledWorkoutMutation();
  const [deleteWorkout] = useDeleteScheduledWorkoutMutation();

  const [athleteId, setAthleteId] = useState(initial.athleteId ?? athletes[0]?.id ?? '');
  const [templateId, setTemplateId] = useState(initial.templateId);
  const [date, setDate] = useState(initial.date);
  const [startTime, setStartTime] = useState(initial.startTime ?? '');
  const [notes, setNotes] = useState('');
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const template = templates.find((candidate) => candidate.id === templateId) ?? null;

  function clearIssue(field: (typeof FIELDS)[number]) {
    setIssues((current) => current.filter((issue) => issue.path[0] !== field));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const found: FieldIssue[] = [];
    if (!athleteId) found.push({ path: ['athleteId'], message: 'Pick the athlete' });
    if (!templateId) found.push({ path: ['templateId'], message: 'Pick a template' });
    const input = { athleteId, templateId: templateId ?? '', date, startTime: startTime || null, notes };
    const parsed = scheduleCreateInput.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]);
        // The missing choices already have a plainer message than "Invalid UUID".
        if (found.some((known) => known.path[0] === field)) continue;
        const message = field === 'startTime' ? `Time ${issue.message}` : issue.message;
        found.push({ path: [field], message });
      }
    }
    if (found.length > 0) {
      setIssues(found);
      focusFirstInvalid(found);
      return;
    }
    const result = await createWorkout(input);
    if (result.error) {
      const serverIssues = issuesOf(result.error);
      if (serverIssues.length > 0) {
        setIssues(serverIssues);
        focusFirstInvalid(serverIssues);
      } else {
        setFailure(errorMessage(result.error));
      }
      return;
    }
    const created = result.data;
    const athleteName = athletes.find((athlete) => athlete.id === created.athleteId)?.name ?? 'the athlete';
    toaster.show({
      message: `Scheduled “${created.templateName}” for ${athleteName} on ${formatShortDay(created.date)}`,
      intent: Intent.SUCCESS,
      icon: 'tick',
      timeout: 8000,
      action: { text: 'Undo', onClick: () => void deleteWorkout({ id: created.id }) },
    });
    onDone();
  }

  const otherProblems = unplacedMessages(issues, FIELDS);
  const errorOf = (field: (typeof FIELDS)[number]) => messageFor(issues, field);

  return (
    <form onSubmit={submit} noValidate>
      <DialogBody>
        {(failure || otherProblems.length > 0) && (
          <Callout intent={Intent.DANGER} icon="error" className="lt-cal-form-callout" role="alert">
            {failure ?? otherProblems.join(' ')}
          </Callout>
        )}
        <FormField label="Athlete" htmlFor={FIELD_IDS.athleteId} error={errorOf('athleteId')}>
          <HTMLSelect
            id={FIELD_IDS.athleteId}
            // A template dropped with several athletes shown: the question is whose it is.
            autoFocus={initial.templateId !== null}
            fill
            value={athleteId}
            options={[
              ...(athleteId ? [] : [{ value: '', label: 'Pick an athlete' }]),
              ...athletes.map((athlete) => ({ value: athlete.id, label: athlete.name })),
            ]}
            onChange={(event) => {
              setAthleteId(event.currentTarget.value);
              clearIssue('athleteId');
            }}
          />
        </FormField>
        <FormField label="Template" htmlFor={FIELD_IDS.templateId} error={errorOf('templateId')}>
          <TemplateSelect
            id={FIELD_IDS.templateId}
            templates={templates}
            loading={templatesLoading}
            selected={template}
            invalid={Boolean(errorOf('templateId'))}
            autoFocus={initial.templateId === null}
            onSelect={(picked) => {
              setTemplateId(picked.id);
              clearIssue('templateId');
            }}
          />
        </FormField>
        <div className="lt-cal-form-row">
          <FormField label="Date" htmlFor={FIELD_IDS.date} error={errorOf('date')}>
            <InputGroup
              id={FIELD_IDS.date}
              type="date"
              value={date}
              intent={errorOf('date') ? Intent.DANGER : Intent.NONE}
              aria-invalid={errorOf('date') ? true : undefined}
              onValueChange={(value) => {
                setDate(value);
                clearIssue('date');
              }}
            />
          </FormField>
          <FormField
            label="Time"
            labelInfo="(optional)"
            htmlFor={FIELD_IDS.startTime}
            error={errorOf('startTime')}
            helperText="Empty: the usual training time"
          >
            <InputGroup
              id={FIELD_IDS.startTime}
              type="time"
              value={startTime}
              intent={errorOf('startTime') ? Intent.DANGER : Intent.NONE}
              aria-invalid={errorOf('startTime') ? true : undefined}
              onValueChange={(value) => {
                setStartTime(value);
                clearIssue('startTime');
              }}
            />
          </FormField>
        </div>
        <FormField label="Notes" labelInfo="(optional)" htmlFor={FIELD_IDS.notes} error={errorOf('notes')}>
          <TextArea
            id={FIELD_IDS.notes}
            fill
            rows={2}
            value={notes}
            placeholder="For the athlete: focus, cues, what to watch"
            intent={errorOf('notes') ? Intent.DANGER : Intent.NONE}
            onChange={(event) => {
              setNotes(event.target.value);
              clearIssue('notes');
            }}
          />
        </FormField>
      </DialogBody>
      <DialogFooter
        actions={
          <>
            <Button text="Cancel" onClick={onDone} disabled={createState.isLoading} />
            <Button type="submit" intent={Intent.PRIMARY} text="Schedule" loading={createState.isLoading} />
          </>
        }
      />
    </form>
  );
}

interface TemplateSelectProps {
  id: string;
  templates: readonly TemplateSummary[];
  loading: boolean;
  selected: TemplateSummary | null;
  invalid: boolean;
  autoFocus: boolean;
  onSelect(template: TemplateSummary): void;
}

function TemplateSelect({
  id,
  templates,
  loading,
  selected,
  invalid,
  autoFocus,
  onSelect,
}: TemplateSelectProps) {
  return (
    // Enter picks a template rather than submitting the form; Escape closes the list, not the dialog.
    <div
      onKeyDown={(event) => {
        const expanded = event.currentTarget.querySelector('[aria-expanded="true"]');
        if (expanded && event.key === 'Enter') event.preventDefault();
        if (expanded && event.key === 'Escape') event.stopPropagation();
      }}
    >
      <Select<TemplateSummary>
        items={[...templates]}
        itemsEqual="id"
        activeItem={selected}
        onItemSelect={onSelect}
        itemPredicate={(query, template) => {
          const needle = query.trim().toLowerCase();
          return (
            template.name.toLowerCase().includes(needle) || template.tags.some((tag) => tag.includes(needle))
          );
        }}
        itemRenderer={(template, { handleClick, handleFocus, modifiers, ref, id: optionId }) =>
          modifiers.matchesPredicate ? (
            <MenuItem
              key={template.id}
              id={optionId}
              ref={ref}
              roleStructure="listoption"
              text={template.name}
              label={`${template.exerciseCount} ex.`}
              active={modifiers.active}
              selected={template.id === selected?.id}
              onClick={handleClick}
              onFocus={handleFocus}
            />
          ) : null
        }
        noResults={
          <MenuItem
            disabled
            roleStructure="listoption"
            text={templates.length === 0 ? 'No templates yet' : 'No template matches'}
          />
        }
        inputProps={{ placeholder: 'Find a template', 'aria-label': 'Find a template' }}
        popoverProps={{ minimal: true, matchTargetWidth: true }}
        resetOnClose
        fill
      >
        <Button
          id={id}
          fill
          alignText="start"
          endIcon="caret-down"
          loading={loading}
          autoFocus={autoFocus}
          // A red outline when it is missing, not a red button.
          variant={invalid ? 'outlined' : undefined}
          intent={invalid ? Intent.DANGER : Intent.NONE}
          aria-invalid={invalid || undefined}
          text={selected ? selected.name : 'Pick a template'}
        />
      </Select>
    </div>
  );
}

function focusFirstInvalid(issues: readonly FieldIssue[]) {
  for (const issue of issues) {
    const id = FIELD_IDS[String(issue.path[0]) as (typeof FIELDS)[number]];
    const element = id ? document.getElementById(id) : null;
    if (element) {
      element.focus();
      return;
    }
  }
}
