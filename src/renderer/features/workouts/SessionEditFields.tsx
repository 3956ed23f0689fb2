/**
 * A past workout's name, start and end, edited in place: each is saved when it is left (or on
 * Enter), without a Save button; Escape puts the stored value back. What the backend refuses (an
 * end before the start, a start in the future) is said under the field, and nothing changes.
 */
import { InputGroup, Intent } from '@blueprintjs/core';
import { format, isValid, parseISO } from 'date-fns';
import { useId, useState, type KeyboardEvent } from 'react';
import type { FieldIssue } from '../../../shared/contract/errors';
import { WORKOUT_LIMITS, type WorkoutDetail } from '../../../shared/domain/workout';
import { FormField, issuesOf, messageFor } from '../../components/FormField';
import { useUpdateWorkoutMutation } from './api';
import { WorkoutNotes } from './WorkoutNotes';

type Field = 'name' | 'startedAt' | 'completedAt';

/** An ISO timestamp as a datetime-local field holds it, on this computer's clock. */
function toLocalInput(iso: string | null): string {
  return iso ? format(parseISO(iso), "yyyy-MM-dd'T'HH:mm") : '';
}

/** A datetime-local value as an ISO timestamp; null when it is not a whole date and time. */
function fromLocalInput(value: string): string | null {
  const date = new Date(value);
  return value && isValid(date) ? date.toISOString() : null;
}

export function SessionEditFields({ detail }: { detail: WorkoutDetail }) {
  const ids = { name: useId(), startedAt: useId(), completedAt: useId() };
  const [updateWorkout] = useUpdateWorkoutMutation();
  const [drafts, setDrafts] = useState<Partial<Record<Field, string>>>({});
  const [issues, setIssues] = useState<FieldIssue[]>([]);

  const stored: Record<Field, string> = {
    name: detail.name,
    startedAt: toLocalInput(detail.startedAt),
    completedAt: toLocalInput(detail.completedAt),
  };
  const valueOf = (field: Field) => drafts[field] ?? stored[field];
  const forget = (field: Field) => setDrafts(({ [field]: _dropped, ...rest }) => rest);

  async function save(field: Field) {
    const draft = drafts[field];
    if (draft === undefined || draft === stored[field]) {
      forget(field);
      return;
    }
    let change: { name: string } | { startedAt: string } | { completedAt: string };
    if (field === 'name') change = { name: draft.trim() };
    else {
      const iso = fromLocalInput(draft);
      if (iso === null) {
        const label = field === 'startedAt' ? 'Start' : 'End';
        setIssues([{ path: [field], message: `${label} must be a whole date and time` }]);
        return;
      }
      change = field === 'startedAt' ? { startedAt: iso } : { completedAt: iso };
    }
    const result = await updateWorkout({ id: detail.id, ...change });
    if (result.error) {
      const found = issuesOf(result.error);
      setIssues(
        found.length > 0
          ? found
          : [
              {
                path: [field],
                message: 'message' in result.error ? String(result.error.message) : 'Not saved',
              },
            ],
      );
      return;
    }
    setIssues((current) => current.filter((issue) => issue.path[0] !== field));
    forget(field);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>, field: Field) {
    if (event.key === 'Enter') {
      event.preventDefault();
      void save(field);
    } else if (event.key === 'Escape' && drafts[field] !== undefined) {
      event.preventDefault();
      event.stopPropagation();
      forget(field);
      setIssues((current) => current.filter((issue) => issue.path[0] !== field));
    }
  }

  const input = (field: Field, props: { type?: string; label: string; className?: string }) => {
    const error = messageFor(issues, field);
    return (
      <FormField label={props.label} htmlFor={ids[field]} error={error} className={props.className}>
        <InputGroup
          id={ids[field]}
          type={props.type}
          value={valueOf(field)}
          maxLength={field === 'name' ? WORKOUT_LIMITS.name : undefined}
          intent={error ? Intent.DANGER : Intent.NONE}
          aria-invalid={error ? true : undefined}
          disabled={field === 'completedAt' && detail.completedAt === null}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setDrafts((current) => ({ ...current, [field]: value }));
          }}
          onBlur={() => void save(field)}
          onKeyDown={(event) => onKeyDown(event, field)}
        />
      </FormField>
    );
  };

  return (
    <div className="lt-session-edit">
      <div className="lt-session-edit__row">
        {input('name', { label: 'Name', className: 'lt-session-edit__name' })}
        {input('startedAt', { label: 'Started', type: 'datetime-local' })}
        {input('completedAt', {
          label: detail.completedAt === null ? 'Finished (in progress)' : 'Finished',
          type: 'datetime-local',
        })}
      </div>
      <WorkoutNotes detail={detail} />
    </div>
  );
}
