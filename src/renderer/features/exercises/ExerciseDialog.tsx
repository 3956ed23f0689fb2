/**
 * Create, edit or duplicate a custom exercise. The draft is checked with the same zod schema the
 * backend uses (`exerciseFields`) before it is sent; the backend's issues and its duplicate-name
 * conflict are shown beside the field they concern.
 */
import { useId, useState, type FormEvent } from 'react';
import {
  Button,
  Callout,
  Dialog,
  DialogBody,
  DialogFooter,
  HTMLSelect,
  InputGroup,
  TextArea,
} from '@blueprintjs/core';
import { isAppErrorShape, type FieldIssue } from '../../../shared/contract/errors';
import {
  CATEGORIES,
  EQUIPMENT,
  FORCES,
  LEVELS,
  MECHANICS,
  exerciseFields,
  type Equipment,
  type ExerciseDetail,
  type ExerciseFields,
  type Level,
  type Muscle,
} from '../../../shared/domain/exercise';
import { errorMessage } from '../../components/ErrorCallout';
import { FormField, issuesOf } from '../../components/FormField';
import { useCreateExerciseMutation, useUpdateExerciseMutation } from './api';
import { equipmentLabel, levelLabel, vocabularyLabel } from './filters';
import { MuscleSelect } from './MuscleSelect';

type Category = (typeof CATEGORIES)[number];
type Mechanic = (typeof MECHANICS)[number];
type Force = (typeof FORCES)[number];

export type ExerciseDialogMode =
  | { kind: 'create'; draft?: ExerciseDraft }
  | { kind: 'duplicate'; from: ExerciseDetail }
  | { kind: 'edit'; exercise: ExerciseDetail };

/** The form as typed: instructions are one text with a step per line. */
export interface ExerciseDraft {
  name: string;
  primaryMuscles: Muscle[];
  secondaryMuscles: Muscle[];
  equipment: Equipment | null;
  level: Level;
  category: Category;
  mechanic: Mechanic | null;
  force: Force | null;
  instructions: string;
}

const EMPTY_DRAFT: ExerciseDraft = {
  name: '',
  primaryMuscles: [],
  secondaryMuscles: [],
  equipment: null,
  level: 'beginner',
  category: 'strength',
  mechanic: null,
  force: null,
  instructions: '',
};

type FieldName = keyof ExerciseDraft;
const FIELD_NAMES = Object.keys(EMPTY_DRAFT) as FieldName[];
type FieldErrors = Partial<Record<FieldName, string>>;

function draftFrom(exercise: ExerciseDetail, name = exercise.name): ExerciseDraft {
  return {
    name,
    primaryMuscles: exercise.primaryMuscles,
    secondaryMuscles: exercise.secondaryMuscles,
    equipment: exercise.equipment,
    level: exercise.level,
    category: exercise.category,
    mechanic: exercise.mechanic,
    force: exercise.force,
    instructions: exercise.instructions.join('\n'),
  };
}

function initialDraft(mode: ExerciseDialogMode): ExerciseDraft {
  if (mode.kind === 'edit') return draftFrom(mode.exercise);
  if (mode.kind === 'duplicate') return draftFrom(mode.from, `${mode.from.name} (custom)`);
  return mode.draft ?? EMPTY_DRAFT;
}

function fieldsOf(draft: ExerciseDraft): ExerciseFields {
  return {
    ...draft,
    instructions: draft.instructions
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
  };
}

/** The first message per field; a problem with one instruction names its step. */
function errorsFrom(issues: readonly FieldIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '') as FieldName;
    if (!FIELD_NAMES.includes(field) || errors[field]) continue;
    const step = issue.path[1];
    errors[field] =
      field === 'instructions' && typeof step === 'number'
        ? `Step ${step + 1}: ${issue.message}`
        : issue.message;
  }
  return errors;
}

function clientErrors(draft: ExerciseDraft): FieldErrors {
  const parsed = exerciseFields.safeParse(fieldsOf(draft));
  return parsed.success
    ? {}
    : errorsFrom(
        parsed.error.issues.map((issue) => ({
          path: issue.path as (string | number)[],
          message: issue.message,
        })),
      );
}

export function isEmptyDraft(draft: ExerciseDraft): boolean {
  return JSON.stringify(draft) === JSON.stringify(EMPTY_DRAFT);
}

interface ExerciseDialogProps {
  mode: ExerciseDialogMode;
  onSaved: (exercise: ExerciseDetail, created: boolean) => void;
  /** Closed without saving; a new exercise's draft is handed back so it is not lost. */
  onCancel: (draft: ExerciseDraft | null) => void;
}

export function ExerciseDialog({ mode, onSaved, onCancel }: ExerciseDialogProps) {
  const idPrefix = useId();
  const fieldId = (field: FieldName) => `${idPrefix}-${field}`;
  const [draft, setDraft] = useState(() => initialDraft(mode));
  const [triedToSave, setTriedToSave] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [continuingDraft, setContinuingDraft] = useState(mode.kind === 'create' && mode.draft !== undefined);
  const [createExercise, creating] = useCreateExerciseMutation();
  const [updateExercise, updating] = useUpdateExerciseMutation();
  const saving = creating.isLoading || updating.isLoading;

  // Client-side problems show once a save was tried, and disappear as they are fixed.
  const errors: FieldErrors = { ...(triedToSave ? clientErrors(draft) : {}), ...serverErrors };

  const set = <F extends FieldName>(field: F, value: ExerciseDraft[F]) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setServerErrors(({ [field]: _fixed, ...rest }) => rest);
  };

  const focusFirstError = (found: FieldErrors) => {
    const first = FIELD_NAMES.find((field) => found[field]);
    if (first) document.getElementById(fieldId(first))?.focus();
  };

  const handleSubmit = async (event?: FormEvent) => {
    event?.preventDefault();
    setTriedToSave(true);
    setFormError(null);
    const problems = clientErrors(draft);
    if (Object.keys(problems).length > 0) {
      focusFirstError(problems);
      return;
    }
    const fields = fieldsOf(draft);
    const result =
      mode.kind === 'edit'
        ? await updateExercise({ id: mode.exercise.id, fields })
        : await createExercise(fields);
    if (result.data) {
      onSaved(result.data, mode.kind !== 'edit');
      return;
    }
    const error = result.error;
    if (isAppErrorShape(error) && error.code === 'conflict') {
      // The backend's only conflict on these forms is a name already in use.
      setServerErrors({ name: error.message });
      focusFirstError({ name: error.message });
      return;
    }
    const found = errorsFrom(issuesOf(error, mode.kind === 'edit' ? 'fields' : undefined));
    setServerErrors(found);
    if (Object.keys(found).length > 0) focusFirstError(found);
    else setFormError(errorMessage(error));
  };

  const cancel = () => onCancel(mode.kind === 'create' ? draft : null);
  const title =
    mode.kind === 'edit'
      ? 'Edit exercise'
      : mode.kind === 'duplicate'
        ? 'Duplicate as custom exercise'
        : 'New exercise';

  return (
    <Dialog
      isOpen
      title={title}
      icon={mode.kind === 'edit' ? 'edit' : mode.kind === 'duplicate' ? 'duplicate' : 'plus'}
      onClose={cancel}
      className="lt-ex-dialog"
    >
      <form onSubmit={(event) => void handleSubmit(event)} noValidate>
        <DialogBody>
          {formError && (
            <Callout
              intent="danger"
              icon="error"
              title="Not saved"
              className="lt-ex-dialog-callout"
              role="alert"
            >
              {formError}
            </Callout>
          )}
          {continuingDraft && (
            <Callout intent="primary" icon="history" compact className="lt-ex-dialog-callout">
              Continuing your unsaved draft.{' '}
              <Button
                size="small"
                variant="minimal"
                text="Start over"
                onClick={() => {
                  setDraft(EMPTY_DRAFT);
                  setContinuingDraft(false);
                  setTriedToSave(false);
                  setServerErrors({});
                }}
              />
            </Callout>
          )}
          <FormField label="Name" htmlFor={fieldId('name')} error={errors.name}>
            <InputGroup
              id={fieldId('name')}
              value={draft.name}
              onValueChange={(value) => set('name', value)}
              intent={errors.name ? 'danger' : 'none'}
              aria-invalid={Boolean(errors.name) || undefined}
              autoFocus
              autoComplete="off"
              placeholder="e.g. Tempo Front Squat"
            />
          </FormField>
          <FormField
            label="Primary muscles"
            htmlFor={fieldId('primaryMuscles')}
            error={errors.primaryMuscles}
          >
            <MuscleSelect
              id={fieldId('primaryMuscles')}
              value={draft.primaryMuscles}
              onChange={(muscles) => set('primaryMuscles', muscles)}
              unavailable={draft.secondaryMuscles}
              invalid={Boolean(errors.primaryMuscles)}
            />
          </FormField>
          <FormField
            label="Secondary muscles"
            htmlFor={fieldId('secondaryMuscles')}
            error={errors.secondaryMuscles}
            labelInfo="(optional)"
          >
            <MuscleSelect
              id={fieldId('secondaryMuscles')}
              value={draft.secondaryMuscles}
              onChange={(muscles) => set('secondaryMuscles', muscles)}
              unavailable={draft.primaryMuscles}
              invalid={Boolean(errors.secondaryMuscles)}
            />
          </FormField>
          <div className="lt-ex-dialog-grid">
            <FormField label="Equipment" htmlFor={fieldId('equipment')} error={errors.equipment}>
              <HTMLSelect
                id={fieldId('equipment')}
                fill
                value={draft.equipment ?? ''}
                onChange={(event) => set('equipment', (event.target.value || null) as Equipment | null)}
                options={[
                  { value: '', label: 'None' },
                  ...EQUIPMENT.map((value) => ({ value, label: equipmentLabel(value) })),
                ]}
              />
            </FormField>
            <FormField label="Level" htmlFor={fieldId('level')} error={errors.level}>
              <HTMLSelect
                id={fieldId('level')}
                fill
                value={draft.level}
                onChange={(event) => set('level', event.target.value as Level)}
                options={LEVELS.map((value) => ({ value, label: levelLabel(value) }))}
              />
            </FormField>
            <FormField label="Category" htmlFor={fieldId('category')} error={errors.category}>
              <HTMLSelect
                id={fieldId('category')}
                fill
                value={draft.category}
                onChange={(event) => set('category', event.target.value as Category)}
                options={CATEGORIES.map((value) => ({ value, label: vocabularyLabel(value) }))}
              />
            </FormField>
            <FormField label="Mechanic" htmlFor={fieldId('mechanic')} error={errors.mechanic}>
              <HTMLSelect
                id={fieldId('mechanic')}
                fill
                value={draft.mechanic ?? ''}
                onChange={(event) => set('mechanic', (event.target.value || null) as Mechanic | null)}
                options={[
                  { value: '', label: 'Not set' },
                  ...MECHANICS.map((value) => ({ value, label: vocabularyLabel(value) })),
                ]}
              />
            </FormField>
            <FormField label="Force" htmlFor={fieldId('force')} error={errors.force}>
              <HTMLSelect
                id={fieldId('force')}
                fill
                value={draft.force ?? ''}
                onChange={(event) => set('force', (event.target.value || null) as Force | null)}
                options={[
                  { value: '', label: 'Not set' },
                  ...FORCES.map((value) => ({ value, label: vocabularyLabel(value) })),
                ]}
              />
            </FormField>
          </div>
          <FormField
            label="Instructions"
            htmlFor={fieldId('instructions')}
            error={errors.instructions}
            labelInfo="(optional)"
            helperText="One step per line. Ctrl+Enter saves."
          >
            <TextArea
              id={fieldId('instructions')}
              fill
              rows={6}
              value={draft.instructions}
              onChange={(event) => set('instructions', event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void handleSubmit();
              }}
              intent={errors.instructions ? 'danger' : 'none'}
              placeholder={
                'e.g. Rack the bar on your front delts.\nSit down between your heels, three seconds down.\nDrive up, elbows high.'
              }
            />
          </FormField>
        </DialogBody>
        <DialogFooter
          actions={
            <>
              <Button text="Cancel" onClick={cancel} />
              <Button
                type="submit"
                intent="primary"
                loading={saving}
                text={mode.kind === 'edit' ? 'Save changes' : 'Create exercise'}
              />
            </>
          }
        />
      </form>
    </Dialog>
  );
}
