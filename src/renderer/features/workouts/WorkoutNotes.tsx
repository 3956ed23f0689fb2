/** The workout's text notes: saved after a short pause in typing, and when the field is left. */
import { FormGroup, TextArea } from '@blueprintjs/core';
import { useEffect, useId, useRef, useState } from 'react';
import type { WorkoutDetail } from '../../../shared/domain/workout';
import { useUpdateWorkoutMutation } from './api';

const SAVE_PAUSE_MS = 600;

export function WorkoutNotes({ detail }: { detail: WorkoutDetail }) {
  const id = useId();
  const [updateWorkout, { isError }] = useUpdateWorkoutMutation();
  const [draft, setDraft] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef<string | null>(null);

  const save = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const notes = latest.current;
    if (notes === null || notes === detail.notes) return;
    void updateWorkout({ id: detail.id, notes });
  };
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  // Once saved, the stored notes show again (so another window's edit shows too).
  useEffect(() => {
    if (draft !== null && draft === detail.notes && document.activeElement?.id !== id) setDraft(null);
  }, [detail.notes, draft, id]);

  return (
    <FormGroup
      className="lt-wo-notes"
      label="Notes"
      labelFor={id}
      helperText={
        isError ? 'The notes were not saved: check that Lift Tracker is running, then type again.' : undefined
      }
      intent={isError ? 'danger' : 'none'}
    >
      <TextArea
        id={id}
        fill
        autoResize
        maxLength={2000}
        placeholder="How it went, what to change next time…"
        value={draft ?? detail.notes}
        onChange={(event) => {
          latest.current = event.target.value;
          setDraft(event.target.value);
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(save, SAVE_PAUSE_MS);
        }}
        onBlur={save}
      />
    </FormGroup>
  );
}
