/**
 * The exercise library: filters on the left, a dense result table in the middle, the selected
 * exercise on the right. "n" opens a new custom exercise; "/" (app-wide) focuses the search.
 */
import { useCallback, useMemo, useState } from 'react';
import { Button, Classes, useHotkeys, type HotkeyConfig } from '@blueprintjs/core';
import { useNavigate, useParams } from 'react-router';
import { id as exerciseId } from '../../../shared/domain/common';
import type { ExerciseDetail } from '../../../shared/domain/exercise';
import { useToaster } from '../../app/toaster';
import { ExerciseDetails } from './ExerciseDetails';
import { ExerciseDialog, isEmptyDraft, type ExerciseDialogMode, type ExerciseDraft } from './ExerciseDialog';
import { ExerciseTable } from './ExerciseTable';
import { FilterPanel } from './FilterPanel';
import { NO_FILTERS, useLibraryView } from './filters';
import { SearchBox } from './SearchBox';
import './exercises.css';

export function ExercisesPage() {
  const { filters, setFilters, selectedId: storedId, setSelectedId: storeSelectedId } = useLibraryView();
  // The selected exercise is also in the address (#/exercises/<id>), so other screens can link here.
  const { '*': pathId } = useParams();
  const navigate = useNavigate();
  const selectedId = pathId && exerciseId.safeParse(pathId).success ? pathId : storedId;
  const setSelectedId = useCallback(
    (id: string | null) => {
      storeSelectedId(id);
      void navigate(id ? `/exercises/${id}` : '/exercises', { replace: true });
    },
    [navigate, storeSelectedId],
  );
  const [dialog, setDialog] = useState<ExerciseDialogMode | null>(null);
  // A new exercise's unsaved draft survives closing the dialog ("never lose an edit").
  const [unsavedDraft, setUnsavedDraft] = useState<ExerciseDraft | null>(null);
  const toaster = useToaster();

  const openNew = () => setDialog({ kind: 'create', draft: unsavedDraft ?? undefined });
  const clearFilters = () => setFilters({ ...NO_FILTERS, muscleRole: filters.muscleRole });

  const hotkeys = useMemo<HotkeyConfig[]>(
    () => [
      {
        combo: 'n',
        global: true,
        group: 'Exercises',
        label: 'New exercise',
        preventDefault: true,
        disabled: dialog !== null,
        onKeyDown: () => setDialog({ kind: 'create', draft: unsavedDraft ?? undefined }),
      },
    ],
    [dialog, unsavedDraft],
  );
  useHotkeys(hotkeys);

  const handleSaved = (exercise: ExerciseDetail, created: boolean) => {
    if (dialog?.kind === 'create') setUnsavedDraft(null);
    setDialog(null);
    setSelectedId(exercise.id);
    toaster.show({
      intent: 'success',
      icon: 'tick',
      message: created ? `Created “${exercise.name}”` : `Saved changes to “${exercise.name}”`,
      timeout: 3000,
    });
  };

  return (
    <div className="lt-ex-page">
      <header className="lt-ex-toolbar">
        <h1 className={`${Classes.HEADING} lt-ex-page-title`}>Exercises</h1>
        <div className="lt-ex-toolbar-search">
          <SearchBox
            value={filters.text}
            onChange={(text) => setFilters((current) => ({ ...current, text }))}
            onPick={(exercise) => setSelectedId(exercise.id)}
          />
        </div>
        <Button intent="primary" icon="plus" text="New exercise" onClick={openNew} title="New exercise (n)" />
      </header>
      <div className="lt-ex-body">
        <aside className="lt-ex-filters" aria-label="Exercise filters">
          <FilterPanel filters={filters} onChange={setFilters} />
        </aside>
        <section className="lt-ex-results" aria-label="Exercise list">
          <ExerciseTable
            filters={filters}
            selectedId={selectedId}
            onSelect={(exercise) => setSelectedId(exercise.id)}
            onClearFilters={clearFilters}
            onNewExercise={openNew}
          />
        </section>
        <aside className="lt-ex-details" aria-label="Exercise details">
          <ExerciseDetails
            exerciseId={selectedId}
            onSelect={setSelectedId}
            onEdit={(exercise) => setDialog({ kind: 'edit', exercise })}
            onDuplicate={(exercise) => setDialog({ kind: 'duplicate', from: exercise })}
          />
        </aside>
      </div>
      {dialog && (
        <ExerciseDialog
          // A fresh form for each opening.
          key={dialog.kind === 'edit' ? dialog.exercise.id : dialog.kind}
          mode={dialog}
          onSaved={handleSaved}
          onCancel={(draft) => {
            if (dialog.kind === 'create') setUnsavedDraft(draft && !isEmptyDraft(draft) ? draft : null);
            setDialog(null);
          }}
        />
      )}
    </div>
  );
}
