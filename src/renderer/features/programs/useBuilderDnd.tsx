/**
 * The builder's drag and drop: sensors for the pointer and the keyboard, copy mode (Alt held, or
 * C pressed during a keyboard drag), what a drop does to the program, and what a screen reader
 * hears at every step ("Picked up Upper A from week 2, day 1", "Moved Upper A to week 3, day 2").
 */
import {
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { Icon } from '@blueprintjs/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  copyDay,
  copyWeekInto,
  dayAt,
  duplicateWeek,
  isEmptyWeek,
  moveDay,
  moveWeek,
  setDayTemplate,
  type MakeId,
  type ProgramDoc,
  type SlotRef,
} from '../../../shared/calc/program-ops';
import {
  builderKeyboardCoordinates,
  dragDataOf,
  dropDataOf,
  type DragData,
  type DropData,
} from './builderDnd';
import type { TemplateIndex } from './templateIndex';
import type { ProgramDocumentApi } from './useProgramDocument';

interface Options {
  program: ProgramDocumentApi;
  templates: TemplateIndex;
  makeId: MakeId;
  moveExercise: (drag: Extract<DragData, { kind: 'exercise' }>, drop: DropData) => Promise<string | null>;
  announce: (message: string) => void;
  /** After a drop: the grid moves its focus to where the thing landed. */
  onLanded: (target: { slot?: SlotRef; weekId?: string }, byKeyboard: boolean) => void;
}

export function slotName(doc: ProgramDoc | null, slot: SlotRef): string {
  const weekNumber = (doc?.weeks.findIndex((week) => week.id === slot.weekId) ?? -1) + 1;
  return `week ${weekNumber}, day ${slot.dayIndex + 1}`;
}

function weekNumberOf(doc: ProgramDoc | null, weekId: string): number {
  return (doc?.weeks.findIndex((week) => week.id === weekId) ?? -1) + 1;
}

export function useBuilderDnd({ program, templates, makeId, moveExercise, announce, onLanded }: Options) {
  const [active, setActive] = useState<DragData | null>(null);
  const [copying, setCopying] = useState(false);
  const copyingRef = useRef(false);
  const byKeyboard = useRef(false);
  const lastResult = useRef<string | null>(null);

  const setCopy = useCallback((value: boolean) => {
    copyingRef.current = value;
    setCopying(value);
  }, []);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: builderKeyboardCoordinates,
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
    }),
  );

  // Copy mode while dragging: Alt held (pointer), or C toggled (keyboard: Alt+Space is the
  // window menu on some systems).
  const copyable = active?.kind === 'day' || active?.kind === 'week';
  useEffect(() => {
    if (!copyable) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Alt') {
        event.preventDefault();
        setCopy(true);
      } else if ((event.key === 'c' || event.key === 'C') && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        setCopy(!copyingRef.current);
        announce(copyingRef.current ? 'Copy: dropping makes a copy.' : 'Move: dropping moves it.');
      }
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key === 'Alt' && !byKeyboard.current) setCopy(false);
    };
    const onPointerMove = (event: PointerEvent) => {
      if (event.altKey !== copyingRef.current) setCopy(event.altKey);
    };
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('keyup', onKeyUp, true);
    window.addEventListener('pointermove', onPointerMove);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('keyup', onKeyUp, true);
      window.removeEventListener('pointermove', onPointerMove);
    };
  }, [announce, copyable, setCopy]);

  const describeDrag = useCallback(
    (data: DragData | undefined): string => {
      const doc = program.getDoc();
      if (!data) return 'the item';
      switch (data.kind) {
        case 'template':
          return `template ${data.name}`;
        case 'day':
          return `${data.name} from ${slotName(doc, data)}`;
        case 'week':
          return `week ${weekNumberOf(doc, data.weekId)}`;
        case 'exercise':
          return `${data.name} from ${templates.get(data.templateId)?.name ?? 'its day'}, ${slotName(doc, data)}`;
      }
    },
    [program, templates],
  );

  const describeDrop = useCallback(
    (drag: DragData | undefined, drop: DropData | undefined): string => {
      const doc = program.getDoc();
      if (!drop) return 'no place to drop it';
      if (drop.kind === 'weekrow') {
        const week = doc?.weeks.find((candidate) => candidate.id === drop.weekId);
        const number = weekNumberOf(doc, drop.weekId);
        if (!copyingRef.current) return `week ${number}`;
        return week && isEmptyWeek(week) && drag?.kind === 'week' && drag.weekId !== drop.weekId
          ? `week ${number} (empty: the copy fills it)`
          : `week ${number} (the copy goes in after it)`;
      }
      if (drop.kind === 'exercise') {
        if (drag?.kind === 'exercise' && drag.dayId === drop.dayId && drag.exerciseId === drop.exerciseId) {
          return 'its own place';
        }
        return `before ${drop.name} in ${slotName(doc, drop)}`;
      }
      const there = doc ? dayAt(doc, drop) : undefined;
      const name = there?.templateId ? templates.get(there.templateId)?.name : null;
      const consequence =
        drag?.kind === 'day' && name && !copyingRef.current
          ? ', they will swap'
          : name
            ? ', it will be replaced'
            : '';
      return `${slotName(doc, drop)} (${name ?? 'rest day'}${consequence})`;
    },
    [program, templates],
  );

  const onDragStart = useCallback(
    (event: DragStartEvent) => {
      lastResult.current = null;
      byKeyboard.current = event.activatorEvent instanceof KeyboardEvent;
      setCopy(event.activatorEvent instanceof MouseEvent && event.activatorEvent.altKey);
      setActive(dragDataOf(event.active) ?? null);
    },
    [setCopy],
  );

  /** What a drop does; returns the sentence for the announcement and the undo list. */
  const drop = useCallback(
    (drag: DragData, target: DropData, copy: boolean): string | null => {
      const doc = program.getDoc();
      if (!doc) return null;
      if (drag.kind === 'template' && target.kind === 'slot') {
        const there = dayAt(doc, target);
        const replaced =
          there?.templateId && there.templateId !== drag.templateId
            ? templates.get(there.templateId)?.name
            : null;
        const label = replaced
          ? `Put ${drag.name} on ${slotName(doc, target)} instead of ${replaced}`
          : `Put ${drag.name} on ${slotName(doc, target)}`;
        if (there?.templateId === drag.templateId)
          return `${drag.name} is already on ${slotName(doc, target)}`;
        return program.change(label, (current) => setDayTemplate(current, target, drag.templateId, makeId))
          ? label
          : null;
      }
      if (drag.kind === 'day' && target.kind === 'slot') {
        if (drag.weekId === target.weekId && drag.dayIndex === target.dayIndex)
          return `${drag.name} stays where it was`;
        const there = dayAt(doc, target);
        const otherName = there?.templateId ? templates.get(there.templateId)?.name : null;
        const from = { weekId: drag.weekId, dayIndex: drag.dayIndex };
        const label = copy
          ? `Copied ${drag.name} to ${slotName(doc, target)}${otherName ? ` (replacing ${otherName})` : ''}`
          : otherName
            ? `Swapped ${drag.name} (${slotName(doc, from)}) with ${otherName} (${slotName(doc, target)})`
            : `Moved ${drag.name} to ${slotName(doc, target)}`;
        const op = copy
          ? (current: ProgramDoc) => copyDay(current, from, target, makeId)
          : (current: ProgramDoc) => moveDay(current, from, target);
        return program.change(label, op) ? label : null;
      }
      if (drag.kind === 'week' && target.kind === 'weekrow') {
        const fromNumber = weekNumberOf(doc, drag.weekId);
        const toIndex = doc.weeks.findIndex((week) => week.id === target.weekId);
        if (toIndex < 0) return null;
        if (copy) {
          // Onto an empty week, the copy fills it; onto a planned one, it goes in after it.
          const targetWeek = doc.weeks[toIndex]!;
          if (isEmptyWeek(targetWeek) && target.weekId !== drag.weekId) {
            const label = `Copied week ${fromNumber} into week ${toIndex + 1}`;
            return program.change(label, (current) =>
              copyWeekInto(current, drag.weekId, target.weekId, makeId),
            )
              ? label
              : null;
          }
          const label = `Duplicated week ${fromNumber} as week ${toIndex + 2}`;
          return program.change(label, (current) =>
            duplicateWeek(
              current,
              drag.weekId,
              makeId,
              current.weeks.findIndex((week) => week.id === target.weekId) + 1,
            ),
          )
            ? label
            : null;
        }
        if (target.weekId === drag.weekId) return `Week ${fromNumber} stays where it was`;
        const label = `Moved week ${fromNumber} to week ${toIndex + 1}`;
        return program.change(label, (current) =>
          moveWeek(
            current,
            drag.weekId,
            current.weeks.findIndex((week) => week.id === target.weekId),
          ),
        )
          ? label
          : null;
      }
      return null;
    },
    [makeId, program, templates],
  );

  const onDragEnd = useCallback(
    (event: DragEndEvent) => {
      const drag = dragDataOf(event.active);
      const target = dropDataOf(event.over);
      const copy = copyingRef.current;
      setActive(null);
      setCopy(false);
      if (!drag || !target) {
        lastResult.current = null;
        return;
      }
      if (drag.kind === 'exercise') {
        if (
          target.kind === 'exercise' &&
          target.dayId === drag.dayId &&
          target.exerciseId === drag.exerciseId
        ) {
          lastResult.current = `${drag.name} stays where it was`;
          return;
        }
        lastResult.current = `Moving ${drag.name}…`;
        void moveExercise(drag, target).then((result) => {
          if (result) announce(result);
        });
        if (target.kind !== 'weekrow')
          onLanded({ slot: { weekId: target.weekId, dayIndex: target.dayIndex } }, byKeyboard.current);
        return;
      }
      lastResult.current = drop(drag, target, copy);
      if (target.kind === 'slot')
        onLanded({ slot: { weekId: target.weekId, dayIndex: target.dayIndex } }, byKeyboard.current);
      else if (target.kind === 'weekrow')
        onLanded(
          { weekId: copy ? undefined : drag.kind === 'week' ? drag.weekId : undefined },
          byKeyboard.current,
        );
    },
    [announce, drop, moveExercise, onLanded, setCopy],
  );

  const onDragCancel = useCallback(() => {
    setActive(null);
    setCopy(false);
  }, [setCopy]);

  const announcements = useMemo<Announcements>(
    () => ({
      onDragStart: ({ active: started }) => {
        const data = dragDataOf(started);
        const copyHint =
          data?.kind === 'day' || data?.kind === 'week' ? ' Press C to copy instead of moving.' : '';
        return `Picked up ${describeDrag(data)}.${copyHint}`;
      },
      onDragOver: ({ active: moving, over }) => {
        const data = dragDataOf(moving);
        const name =
          data?.kind === 'week'
            ? `Week ${weekNumberOf(program.getDoc(), data.weekId)}`
            : data && 'name' in data
              ? data.name
              : 'It';
        return over
          ? `${name} is over ${describeDrop(data, dropDataOf(over))}.`
          : `${name} is not over a place where it can go.`;
      },
      onDragEnd: ({ active: ended, over }) => {
        if (lastResult.current)
          return /[.…]$/.test(lastResult.current) ? lastResult.current : `${lastResult.current}.`;
        const data = dragDataOf(ended);
        return over
          ? `${describeDrag(data)} cannot go there; nothing changed.`
          : `Dropped ${describeDrag(data)} outside the program; nothing changed.`;
      },
      onDragCancel: ({ active: cancelled }) =>
        `Cancelled: ${describeDrag(dragDataOf(cancelled))} was not moved.`,
    }),
    [describeDrag, describeDrop, program],
  );

  return { sensors, active, copying, onDragStart, onDragEnd, onDragCancel, announcements };
}

/** What follows the pointer (or the keyboard) while dragging. */
export function DragPreview({
  data,
  copying,
  templates,
  doc,
}: {
  data: DragData;
  copying: boolean;
  templates: TemplateIndex;
  doc: ProgramDoc | null;
}) {
  const copyBadge = copying ? (
    <span className="lt-drag-preview__copy">
      <Icon icon="duplicate" size={11} /> Copy
    </span>
  ) : null;
  switch (data.kind) {
    case 'template':
    case 'day': {
      const info = templates.get(data.templateId);
      return (
        <div className="lt-drag-preview lt-drag-preview--day">
          <div className="lt-drag-preview__title">
            {data.name}
            {data.kind === 'day' && copyBadge}
          </div>
          <div className="lt-drag-preview__meta">
            {info ? `${info.exerciseCount} ${info.exerciseCount === 1 ? 'exercise' : 'exercises'}` : ''}
          </div>
        </div>
      );
    }
    case 'week':
      return (
        <div className="lt-drag-preview lt-drag-preview--week">
          <Icon icon="drag-handle-vertical" size={12} /> Week {weekNumberOf(doc, data.weekId)}
          {copyBadge}
        </div>
      );
    case 'exercise':
      return (
        <div className="lt-drag-preview lt-drag-preview--exercise">
          <Icon icon="drag-handle-vertical" size={12} /> {data.name}
        </div>
      );
  }
}
