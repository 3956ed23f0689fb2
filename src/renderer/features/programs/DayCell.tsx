/**
 * One training-day slot of the grid: a compact card of the day's template with every exercise's
 * effective prescription for that week (template, the day's overrides, the week's modifiers), or
 * an empty "Rest" target. The card is a drop target (templates, days, exercises) and, when it
 * holds a workout, can itself be dragged (Space on the keyboard); each exercise can be dragged too.
 */
import { useDraggable, useDroppable } from '@dnd-kit/core';
import { Button, Icon, Menu, PopoverNext, Tooltip } from '@blueprintjs/core';
import { memo, useMemo, type ReactNode } from 'react';
import { resolveTemplate, type WeekModifiers } from '../../../shared/calc/prescription';
import type { DayDoc } from '../../../shared/calc/program-ops';
import type { TemplateExercise } from '../../../shared/domain/template';
import type { ResolvedPrescription } from '../../../shared/domain/prescription';
import { dragId, dropId, type DragData } from './builderDnd';
import { compactPrescription, spokenPrescription } from './prescriptionText';
import type { TemplateInfo } from './templateIndex';

export interface DayCellProps {
  weekId: string;
  weekNumber: number;
  dayIndex: number;
  modifiers: WeekModifiers;
  day: DayDoc | undefined;
  template: TemplateInfo | undefined;
  /** The roving tab stop of the grid is on this card. */
  focused: boolean;
  showExercises: boolean;
  /** What is being dragged (null when nothing): cards highlight when they can take it. */
  dragging: DragData | null;
  copying: boolean;
  formatWeight: (kg: number) => string;
  menuOpen: boolean;
  onMenuOpenChange: (open: boolean) => void;
  renderMenu: () => ReactNode;
  onOpen: () => void;
}

function mergeRefs<T>(...refs: ((node: T | null) => void)[]) {
  return (node: T | null) => refs.forEach((ref) => ref(node));
}

export const DayCell = memo(function DayCell(props: DayCellProps) {
  const { weekId, weekNumber, dayIndex, day, template, dragging } = props;
  const hasWorkout = Boolean(day?.templateId);
  const name = template?.name ?? (hasWorkout ? 'Loading template…' : 'Rest');
  const drop = useDroppable({ id: dropId.slot(weekId, dayIndex), data: { kind: 'slot', weekId, dayIndex } });
  const drag = useDraggable({
    id: dragId.day(weekId, dayIndex),
    disabled: !hasWorkout,
    data: { kind: 'day', weekId, dayIndex, templateId: day?.templateId ?? '', name } satisfies DragData,
    attributes: { roleDescription: 'workout day' },
  });

  const resolved = useMemo(
    () => (template?.exercises ? resolveTemplate(template.exercises, day?.overrides, props.modifiers) : null),
    [template?.exercises, day?.overrides, props.modifiers],
  );

  const takesDrop =
    dragging !== null &&
    (dragging.kind === 'template' || dragging.kind === 'day' || dragging.kind === 'exercise') &&
    !(dragging.kind === 'day' && dragging.weekId === weekId && dragging.dayIndex === dayIndex);
  const isOver = drop.isOver && takesDrop;
  const where = `Week ${weekNumber}, day ${dayIndex + 1}`;
  const label = hasWorkout
    ? `${where}: ${name}${template ? `, ${template.exerciseCount} ${template.exerciseCount === 1 ? 'exercise' : 'exercises'}` : ''}`
    : `${where}: rest day`;

  const className = [
    'lt-day',
    hasWorkout ? 'lt-day--workout' : 'lt-day--rest',
    template?.forked ? 'lt-day--forked' : '',
    drag.isDragging ? 'lt-day--dragging' : '',
    isOver ? `lt-day--over${props.copying ? ' lt-day--over-copy' : ''}` : '',
    takesDrop ? 'lt-day--can-drop' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div role="gridcell" className="lt-grid__cell" ref={drop.setNodeRef}>
      <div
        ref={drag.setNodeRef}
        {...drag.attributes}
        {...drag.listeners}
        role="button"
        aria-label={label}
        aria-haspopup="menu"
        // A rest day cannot be dragged, but it is no less usable (a drop target, a menu).
        aria-disabled={undefined}
        tabIndex={props.focused ? 0 : -1}
        data-grid-row={weekNumber - 1}
        data-grid-col={dayIndex}
        className={className}
        onDoubleClick={props.onOpen}
      >
        <div className="lt-day__head">
          {hasWorkout ? (
            <>
              <span className="lt-day__name" title={name}>
                {name}
              </span>
              {template?.forked && (
                <Tooltip content="A copy of the template for these weeks only" placement="top" compact>
                  <Icon icon="fork" size={12} className="lt-day__fork" aria-label="copy for these weeks" />
                </Tooltip>
              )}
            </>
          ) : (
            <span className="lt-day__rest">{dragging && takesDrop ? 'Drop here' : 'Rest'}</span>
          )}
          <PopoverNext
            isOpen={props.menuOpen}
            onInteraction={(open) => props.onMenuOpenChange(open)}
            // The grid puts the focus back on the day itself (the menu button is not a tab stop); no
            // closing animation, so Escape returns the focus before the next key is pressed.
            shouldReturnFocusOnClose={false}
            transitionDuration={0}
            placement="bottom-end"
            content={<Menu aria-label={`${where} actions`}>{props.renderMenu()}</Menu>}
            renderTarget={({ ref, ...targetProps }) => (
              <Button
                {...targetProps}
                ref={ref}
                size="small"
                variant="minimal"
                icon="more"
                tabIndex={-1}
                className="lt-day__menu"
                aria-label={`${where} actions`}
                // The card's own pointer handler would start a drag from the button.
                onPointerDown={(event) => event.stopPropagation()}
              />
            )}
          />
        </div>
        {hasWorkout && props.showExercises && (
          <ExerciseList
            dayId={day!.id}
            weekId={weekId}
            dayIndex={dayIndex}
            templateId={day!.templateId!}
            exercises={template?.exercises ?? null}
            preview={template?.exercisePreview ?? []}
            resolved={resolved}
            overrides={day!.overrides}
            focusable={props.focused}
            dragging={dragging}
            formatWeight={props.formatWeight}
          />
        )}
        {hasWorkout && !props.showExercises && template && (
          <div className="lt-day__count">
            {template.exerciseCount} {template.exerciseCount === 1 ? 'exercise' : 'exercises'}
          </div>
        )}
      </div>
    </div>
  );
});

interface ExerciseListProps {
  dayId: string;
  weekId: string;
  dayIndex: number;
  templateId: string;
  exercises: TemplateExercise[] | null;
  preview: string[];
  resolved: ResolvedPrescription[] | null;
  overrides: DayDoc['overrides'];
  focusable: boolean;
  dragging: DragData | null;
  formatWeight: (kg: number) => string;
}

function ExerciseList(props: ExerciseListProps) {
  if (!props.exercises || !props.resolved) {
    // Just dropped from the library: the names now, the prescriptions once the save returns them.
    return (
      <ul className="lt-day__exercises" aria-busy="true">
        {props.preview.map((exerciseName, index) => (
          <li key={index} className="lt-ex-chip lt-ex-chip--pending">
            <span className="lt-ex-chip__name">{exerciseName}</span>
          </li>
        ))}
      </ul>
    );
  }
  if (props.exercises.length === 0) {
    return <div className="lt-day__empty">No exercises yet — open the day to add some</div>;
  }
  return (
    <ul className="lt-day__exercises">
      {props.exercises.map((exercise, position) => (
        <ExerciseChip
          key={exercise.id}
          {...props}
          exercise={exercise}
          position={position}
          prescription={props.resolved![position]!}
          changed={Boolean(props.overrides[exercise.id])}
        />
      ))}
    </ul>
  );
}

interface ExerciseChipProps extends Omit<
  ExerciseListProps,
  'exercises' | 'resolved' | 'preview' | 'overrides'
> {
  exercise: TemplateExercise;
  position: number;
  prescription: ResolvedPrescription;
  changed: boolean;
}

function ExerciseChip(props: ExerciseChipProps) {
  const { dayId, weekId, dayIndex, templateId, exercise, position, prescription, formatWeight } = props;
  const data = {
    kind: 'exercise',
    dayId,
    weekId,
    dayIndex,
    templateId,
    exerciseId: exercise.id,
    name: exercise.exerciseName,
    position,
  } satisfies DragData;
  const drag = useDraggable({
    id: dragId.exercise(dayId, exercise.id),
    data,
    attributes: { roleDescription: 'exercise' },
  });
  const drop = useDroppable({ id: dropId.exercise(dayId, exercise.id), data });
  const spoken = spokenPrescription(prescription, formatWeight);
  const isOver = drop.isOver && props.dragging?.kind === 'exercise';
  return (
    <li
      ref={mergeRefs(drag.setNodeRef, drop.setNodeRef)}
      {...drag.attributes}
      {...drag.listeners}
      role="button"
      tabIndex={props.focusable ? 0 : -1}
      aria-label={`${exercise.exerciseName}: ${spoken}`}
      title={`${exercise.exerciseName} — ${spoken}${props.changed ? ' (changed for this day)' : ''}`}
      className={[
        'lt-ex-chip',
        drag.isDragging ? 'lt-ex-chip--dragging' : '',
        isOver ? 'lt-ex-chip--over' : '',
        props.changed ? 'lt-ex-chip--changed' : '',
      ]
        .filter(Boolean)
        .join(' ')}
    >
      {exercise.supersetGroup && <span className="lt-ex-chip__group">{exercise.supersetGroup}</span>}
      <span className="lt-ex-chip__name">{exercise.exerciseName}</span>
      <span className="lt-ex-chip__rx">{compactPrescription(prescription, formatWeight)}</span>
    </li>
  );
}
