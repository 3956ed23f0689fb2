/**
 * Edits one template in place: its name, tags and description, and its exercises with their
 * prescriptions. Nothing to save: every change is stored as it is made (UX.md). The template
 * library shows it beside the list; the program builder embeds it (in a drawer, `compact`) to
 * edit a day, deciding through `resolveTarget` whether a change goes to the template itself or to
 * a copy for "this week only".
 */
import { useState } from 'react';
import { Button, Classes, NonIdealState } from '@blueprintjs/core';
import type { TemplateExerciseInput } from '../../../shared/domain/prescription';
import { useToaster } from '../../app/toaster';
import { errorMessage } from '../../components/ErrorCallout';
import { useUnits } from '../../components/useUnits';
import { usePreferences } from '../settings';
import { useGetTemplateQuery } from './api';
import { ExerciseList } from './ExerciseList';
import { TemplateFields } from './TemplateFields';
import { useExerciseList } from './useExerciseList';
import { useWriteTarget } from './useWriteTarget';
import './templates.css';

export interface TemplateEditorProps {
  templateId: string;
  /** Called before the first change is saved; resolves to the template id to write to (the same one, or a
   *  fork made for "this week only"), or null to drop the change. Absent: write to templateId. */
  resolveTarget?: () => Promise<string | null>;
  /** After each saved change of the exercise list, for an undo stack. */
  onExercisesSaved?: (change: {
    templateId: string;
    before: TemplateExerciseInput[];
    after: TemplateExerciseInput[];
  }) => void;
  /** A narrower layout for a drawer. */
  compact?: boolean;
  /** Focus and select the name on opening (a template just created, to type its name over). */
  autoFocusName?: boolean;
}

/** A fresh editor per template: switching templates never carries one's edits into another. */
export function TemplateEditor(props: TemplateEditorProps) {
  return <Editor key={props.templateId} {...props} />;
}

function Editor({
  templateId,
  resolveTarget,
  onExercisesSaved,
  compact,
  autoFocusName,
}: TemplateEditorProps) {
  const target = useWriteTarget(templateId, resolveTarget);
  const { data, error, isError, refetch } = useGetTemplateQuery({ id: target.activeId });
  // `detail` is the active template's own data (what the list syncs with); while a copy loads,
  // the template it was made from stays on screen.
  const detail = data?.id === target.activeId ? data : undefined;
  const shown = detail ?? data;
  const { weightUnit } = useUnits();
  // Loads are shown in the user's unit: rows are built once it is known, not in the default.
  const { isLoaded: unitKnown } = usePreferences();
  const toaster = useToaster();
  const [fieldsSaving, setFieldsSaving] = useState(false);
  const list = useExerciseList({
    target,
    detail: unitKnown ? detail : undefined,
    unit: weightUnit,
    onExercisesSaved,
    onSaveFailed: (failure, retry) =>
      toaster.show(
        retry
          ? {
              intent: 'danger',
              icon: 'error',
              message: `The exercises could not be saved: ${errorMessage(failure)} Your changes are still here.`,
              timeout: 0,
              action: { text: 'Retry', onClick: retry },
            }
          : {
              intent: 'danger',
              icon: 'error',
              message: `That change was not saved: ${errorMessage(failure)}`,
            },
        `template-save-${templateId}`,
      ),
  });

  if (isError && !shown) {
    return (
      <NonIdealState
        icon="error"
        title="This template could not be opened"
        description={errorMessage(error)}
        action={<Button icon="refresh" text="Try again" onClick={() => void refetch()} />}
      />
    );
  }
  if (!shown || !unitKnown) return <EditorSkeleton compact={compact} />;

  const totalSets = list.rows.reduce((sum, row) => sum + (row.setRows?.length ?? (Number(row.sets) || 0)), 0);
  return (
    <section
      className={compact ? 'lt-tpl-editor lt-tpl-editor--compact' : 'lt-tpl-editor'}
      aria-label={`Template ${shown.name}`}
    >
      <TemplateFields
        detail={shown}
        target={target}
        compact={compact}
        autoFocusName={autoFocusName}
        onSavingChange={setFieldsSaving}
      />
      <div className={`lt-tpl-summary ${Classes.TEXT_MUTED}`}>
        <span>
          {list.rows.length} {list.rows.length === 1 ? 'exercise' : 'exercises'} · {totalSets}{' '}
          {totalSets === 1 ? 'set' : 'sets'}
        </span>
        <span
          className={
            list.errors.size > 0 && !list.saving && !fieldsSaving
              ? 'lt-tpl-saved lt-tpl-error'
              : 'lt-tpl-saved'
          }
          aria-live="polite"
        >
          {list.saving || fieldsSaving
            ? 'Saving…'
            : list.errors.size > 0
              ? 'Fix the marked values to save them'
              : 'All changes saved'}
        </span>
      </div>
      <ExerciseList list={list} weightUnit={weightUnit} compact={compact} />
    </section>
  );
}

function EditorSkeleton({ compact }: { compact?: boolean }) {
  return (
    <section
      className={compact ? 'lt-tpl-editor lt-tpl-editor--compact' : 'lt-tpl-editor'}
      aria-busy="true"
      aria-label="Loading template"
    >
      <div className="lt-tpl-fields-head">
        <div className={`${Classes.SKELETON} lt-tpl-skeleton-name`}>Upper body strength A</div>
        <div className={`${Classes.SKELETON} lt-tpl-skeleton-line`}>push strength</div>
      </div>
      <ol className="lt-tpl-ex-list">
        {[0, 1, 2, 3].map((index) => (
          <li key={index} className="lt-tpl-ex lt-tpl-ex--alone">
            <div className={`${Classes.SKELETON} lt-tpl-skeleton-row`}>Barbell Back Squat 5 × 5 80 %</div>
          </li>
        ))}
      </ol>
    </section>
  );
}
