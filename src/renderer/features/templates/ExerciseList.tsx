/**
 * The template's exercises in order: reordered by dragging a handle, by the keyboard (focus a
 * handle, Space, arrows, Space) or by "Move up/down" in a row's menu, each result announced in
 * words; grouped into supersets; removed with Undo; added with the picker below (Enter adds, and
 * focus goes to the new row's Sets).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Classes, Intent } from '@blueprintjs/core';
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import type { ExerciseSummary } from '../../../shared/domain/exercise';
import { useToaster } from '../../app/toaster';
import type { WeightUnit } from '../../components/units';
import { ExercisePicker } from '../exercises';
import {
  GROUP_LETTERS,
  newDraft,
  nextFreeGroup,
  positionLabels,
  supersetPlaces,
  type ExerciseDraft,
} from './draft';
import { ExerciseRow, type RowAction } from './ExerciseRow';
import type { ExerciseList as ExerciseListState } from './useExerciseList';

export const MAX_EXERCISES = 40;

const INSTRUCTIONS =
  'To reorder, press Space or Enter on the handle to pick the exercise up, move it with the arrow ' +
  'keys, and press Space or Enter to drop it, or Escape to put it back.';

interface ExerciseListProps {
  list: ExerciseListState;
  weightUnit: WeightUnit;
  compact?: boolean;
}

export function ExerciseList({ list, weightUnit, compact }: ExerciseListProps) {
  const { rows, change, update, errors, listError } = list;
  const toaster = useToaster();
  const containerRef = useRef<HTMLDivElement>(null);
  const focusAfterRender = useRef<{ key: string; selector: string } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const lastOver = useRef<string | number | null>(null);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  useEffect(() => {
    const request = focusAfterRender.current;
    if (!request) return;
    const element = containerRef.current?.querySelector<HTMLElement>(
      `[data-row-key="${request.key}"] ${request.selector}`,
    );
    if (!element) return;
    focusAfterRender.current = null;
    element.focus();
    if (element instanceof HTMLInputElement) element.select();
  }, [rows]);

  const nameOf = useCallback(
    (key: string | number) => rows.find((row) => row.key === key)?.exerciseName ?? 'The exercise',
    [rows],
  );
  const positionOf = useCallback(
    (key: string | number) => rows.findIndex((row) => row.key === key) + 1,
    [rows],
  );

  const announcements = useMemo<Announcements>(
    () => ({
      onDragStart: ({ active }) => {
        lastOver.current = active.id;
        return `Picked up ${nameOf(active.id)}, at position ${positionOf(active.id)} of ${rows.length}.`;
      },
      onDragOver: ({ active, over }) => {
        // Said only when the place changes: the first "over" is the row's own place.
        if ((over?.id ?? null) === lastOver.current) return undefined;
        lastOver.current = over?.id ?? null;
        return over
          ? `${nameOf(active.id)} is over position ${positionOf(over.id)} of ${rows.length}.`
          : `${nameOf(active.id)} is not over a position.`;
      },
      onDragEnd: ({ active, over }) =>
        over
          ? `Moved ${nameOf(active.id)} to position ${positionOf(over.id)} of ${rows.length}.`
          : `${nameOf(active.id)} was put back at position ${positionOf(active.id)} of ${rows.length}.`,
      onDragCancel: ({ active }) =>
        `Cancelled: ${nameOf(active.id)} stays at position ${positionOf(active.id)} of ${rows.length}.`,
    }),
    [nameOf, positionOf, rows.length],
  );

  const handleDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    change((current) => {
      const from = current.findIndex((row) => row.key === active.id);
      const to = current.findIndex((row) => row.key === over.id);
      return from < 0 || to < 0 ? current : arrayMove(current, from, to);
    }, 'structural');
  };

  const removeRow = useCallback(
    (key: string) => {
      let removed: { row: ExerciseDraft; index: number } | null = null;
      change((current) => {
        const index = current.findIndex((row) => row.key === key);
        if (index < 0) return current;
        removed = { row: current[index]!, index };
        return current.filter((row) => row.key !== key);
      }, 'structural');
      const gone = removed as { row: ExerciseDraft; index: number } | null;
      if (!gone) return;
      setAnnouncement(`Removed ${gone.row.exerciseName}.`);
      toaster.show({
        icon: 'trash',
        message: `Removed ${gone.row.exerciseName}`,
        timeout: 8000,
        action: {
          text: 'Undo',
          onClick: () => {
            change((current) => {
              if (current.some((row) => row.key === gone.row.key)) return current;
              const at = Math.min(gone.index, current.length);
              return [...current.slice(0, at), gone.row, ...current.slice(at)];
            }, 'structural');
            focusAfterRender.current = { key: gone.row.key, selector: '.lt-tpl-handle' };
            setAnnouncement(`Put ${gone.row.exerciseName} back at position ${gone.index + 1}.`);
          },
        },
      });
    },
    [change, toaster],
  );

  const undoableEdit = useCallback(
    (key: string, edit: (row: ExerciseDraft) => ExerciseDraft, message: string) => {
      let before: ExerciseDraft | undefined;
      change(
        (current) =>
          current.map((row) => {
            if (row.key !== key) return row;
            before = row;
            return edit(row);
          }),
        'structural',
      );
      const previous = before as ExerciseDraft | undefined;
      if (!previous) return;
      toaster.show({
        icon: 'edit',
        message,
        timeout: 8000,
        action: {
          text: 'Undo',
          onClick: () =>
            change((current) => current.map((row) => (row.key === key ? previous : row)), 'structural'),
        },
      });
    },
    [change, toaster],
  );

  const onAction = useCallback(
    (key: string, action: RowAction) => {
      if (action === 'remove') {
        removeRow(key);
        return;
      }
      change((current) => {
        const index = current.findIndex((row) => row.key === key);
        const row = current[index];
        if (!row) return current;
        if (action === 'moveUp' || action === 'moveDown') {
          const to = action === 'moveUp' ? index - 1 : index + 1;
          if (to < 0 || to >= current.length) return current;
          // Focus stays on the row's Actions button (the menu returns it there), ready to move again.
          setAnnouncement(`Moved ${row.exerciseName} to position ${to + 1} of ${current.length}.`);
          return arrayMove(current, index, to);
        }
        if (action === 'leaveSuperset') {
          return current.map((item) => (item.key === key ? { ...item, supersetGroup: null } : item));
        }
        // Superset with the next exercise: join its group, or bring it into ours, or start one.
        const next = current[index + 1];
        if (!next) return current;
        const group = row.supersetGroup ?? next.supersetGroup ?? nextFreeGroup(current);
        setAnnouncement(`${row.exerciseName} and ${next.exerciseName} are superset ${group}.`);
        return current.map((item, at) =>
          at === index || at === index + 1 ? { ...item, supersetGroup: group } : item,
        );
      }, 'structural');
    },
    [change, removeRow],
  );

  const add = (exercise: ExerciseSummary) => {
    if (rows.length >= MAX_EXERCISES) return;
    const row = newDraft(exercise.id, {
      exerciseName: exercise.name,
      primaryMuscles: exercise.primaryMuscles,
    });
    focusAfterRender.current = { key: row.key, selector: '[data-field="sets"]' };
    change((current) => [...current, row], 'structural');
    setAnnouncement(`Added ${exercise.name} at position ${rows.length + 1}.`);
  };

  const places = supersetPlaces(rows);
  const labels = positionLabels(rows);
  const usedGroups = new Set(rows.map((row) => row.supersetGroup).filter(Boolean));
  const groupOptions = GROUP_LETTERS.filter(
    (letter) => usedGroups.has(letter) || letter === nextFreeGroup(rows),
  );

  return (
    <div ref={containerRef} className={compact ? 'lt-tpl-list lt-tpl-list--compact' : 'lt-tpl-list'}>
      {rows.length > 0 && (
        <div className="lt-tpl-colheads" aria-hidden>
          <span />
          <span>#</span>
          <span>Exercise</span>
          <span>Group</span>
          <span>Sets</span>
          <span>Reps</span>
          <span>Load</span>
          <span>Effort</span>
          <span>Rest</span>
          <span>Tempo</span>
          <span />
        </div>
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={handleDragEnd}
        accessibility={{ announcements, screenReaderInstructions: { draggable: INSTRUCTIONS } }}
      >
        <SortableContext items={rows.map((row) => row.key)} strategy={verticalListSortingStrategy}>
          <ol className="lt-tpl-ex-list" aria-label="Exercises">
            {rows.map((row, index) => (
              <ExerciseRow
                key={row.key}
                row={row}
                index={index}
                count={rows.length}
                positionLabel={labels[index]!}
                place={places[index]!}
                errors={errors.get(row.key)}
                weightUnit={weightUnit}
                groupOptions={groupOptions}
                onEdit={update}
                onAction={onAction}
                onUndoableEdit={undoableEdit}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      {rows.length === 0 && (
        <p className={`${Classes.TEXT_MUTED} lt-tpl-list-empty`}>
          No exercises yet. Type a name below and press Enter to add the first one.
        </p>
      )}
      <div className="lt-tpl-add">
        <ExercisePicker
          onPick={add}
          disabled={rows.length >= MAX_EXERCISES}
          placeholder={
            rows.length >= MAX_EXERCISES
              ? `A template holds at most ${MAX_EXERCISES} exercises`
              : 'Add exercise: type a name, Enter adds it…'
          }
          className="lt-tpl-picker"
        />
      </div>
      {listError && (
        <div role="alert" className={`lt-tpl-error ${Classes.INTENT_DANGER}`} data-intent={Intent.DANGER}>
          {listError}
        </div>
      )}
      <div role="status" aria-live="polite" className="lt-visually-hidden">
        {announcement}
      </div>
    </div>
  );
}
