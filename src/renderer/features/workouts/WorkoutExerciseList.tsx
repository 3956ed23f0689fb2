/**
 * The workout's exercises in order, each a card with its sets. Reordered by dragging a card's
 * handle, or from the keyboard (focus the handle, Space, arrows, Space), each step announced in
 * words; or with Move up/down in a card's menu.
 */
import { NonIdealState } from '@blueprintjs/core';
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
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useMemo, useRef, type Ref } from 'react';
import type { WorkoutDetail } from '../../../shared/domain/workout';
import type { WeightUnit } from '../../components/units';
import { ExerciseCard } from './ExerciseCard';
import type { SetField } from './SetRow';
import { entryLabels, type ExerciseActions } from './useExerciseActions';
import type { SetActions } from './useSetActions';

const INSTRUCTIONS =
  'To reorder, press Space or Enter on the handle to pick the exercise up, move it with the arrow ' +
  'keys, and press Space or Enter to drop it, or Escape to put it back.';

export interface WorkoutExerciseListProps {
  detail: WorkoutDetail;
  unit: WeightUnit;
  listRef: Ref<HTMLOListElement>;
  setActions: SetActions;
  exerciseActions: ExerciseActions;
  onMove: (rowKey: string, step: 1 | -1, field: SetField) => void;
  onLogged: (rowKey: string) => void;
}

export function WorkoutExerciseList({
  detail,
  unit,
  listRef,
  setActions,
  exerciseActions,
  onMove,
  onLogged,
}: WorkoutExerciseListProps) {
  const { entries } = detail;
  const count = entries.length;
  const labels = entryLabels(entries);
  const lastOver = useRef<string | number | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const announcements = useMemo<Announcements>(() => {
    const nameOf = (id: string | number) =>
      entries.find((entry) => entry.id === id)?.exerciseName ?? 'The exercise';
    const positionOf = (id: string | number) => entries.findIndex((entry) => entry.id === id) + 1;
    return {
      onDragStart: ({ active }) => {
        lastOver.current = active.id;
        return `Picked up ${nameOf(active.id)}, at position ${positionOf(active.id)} of ${count}.`;
      },
      onDragOver: ({ active, over }) => {
        // Said only when the place changes: the first "over" is the exercise's own place.
        if ((over?.id ?? null) === lastOver.current) return undefined;
        lastOver.current = over?.id ?? null;
        return over
          ? `${nameOf(active.id)} is over position ${positionOf(over.id)} of ${count}.`
          : `${nameOf(active.id)} is not over a position.`;
      },
      onDragEnd: ({ active, over }) =>
        over
          ? `Moved ${nameOf(active.id)} to position ${positionOf(over.id)} of ${count}.`
          : `${nameOf(active.id)} was put back.`,
      onDragCancel: ({ active }) =>
        `Cancelled: ${nameOf(active.id)} stays at position ${positionOf(active.id)}.`,
    };
  }, [count, entries]);

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const entry = entries.find((candidate) => candidate.id === active.id);
    const to = entries.findIndex((candidate) => candidate.id === over.id);
    if (entry && to >= 0) void exerciseActions.move(entry, to);
  };

  return (
    <>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{ screenReaderInstructions: { draggable: INSTRUCTIONS }, announcements }}
      >
        <SortableContext items={entries.map((entry) => entry.id)} strategy={verticalListSortingStrategy}>
          <ol className="lt-wo-entries" aria-label="Exercises" ref={listRef}>
            {entries.map((entry, index) => (
              <ExerciseCard
                key={entry.id}
                entry={entry}
                index={index}
                count={count}
                label={labels[index]!}
                unit={unit}
                setActions={setActions}
                exerciseActions={exerciseActions}
                onMove={onMove}
                onLogged={onLogged}
                sessionId={detail.id}
                voiceNotes={detail.voiceNotes}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      {count === 0 && (
        <NonIdealState
          className="lt-wo-empty"
          icon="add"
          title="No exercises yet"
          description="Type an exercise’s name below and press Enter to add it."
        />
      )}
    </>
  );
}
