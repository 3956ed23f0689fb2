/**
 * The keyboard's way to drag: pick the week and day to move or copy a day to (or to put a
 * library template on), with what is there now and what will happen to it said in words.
 */
import {
  Button,
  Callout,
  Classes,
  Dialog,
  DialogBody,
  DialogFooter,
  HTMLSelect,
  Intent,
} from '@blueprintjs/core';
import { useState, type FormEvent } from 'react';
import { dayAt, type ProgramDoc, type SlotRef } from '../../../shared/calc/program-ops';
import { FormField } from '../../components/FormField';
import type { TemplateIndex } from './templateIndex';

export type SlotPickerMode =
  { kind: 'move'; from: SlotRef } | { kind: 'copy'; from: SlotRef } | { kind: 'place'; templateId: string };

interface SlotPickerDialogProps {
  mode: SlotPickerMode | null;
  doc: ProgramDoc;
  templates: TemplateIndex;
  onPick: (mode: SlotPickerMode, to: SlotRef) => void;
  onClose: () => void;
}

export function SlotPickerDialog({ mode, doc, templates, onPick, onClose }: SlotPickerDialogProps) {
  return (
    <Dialog
      isOpen={mode !== null}
      onClose={onClose}
      title={
        mode?.kind === 'move' ? 'Move day to…' : mode?.kind === 'copy' ? 'Copy day to…' : 'Put on a day…'
      }
      icon={mode?.kind === 'move' ? 'move' : mode?.kind === 'copy' ? 'duplicate' : 'add'}
      className="lt-slot-dialog"
      // The builder puts the focus back on the grid itself: Blueprint would do it after the
      // closing animation, taking it from wherever the keyboard has gone since.
      shouldReturnFocusOnClose={false}
      // Opened from a menu, the dialog's own focusing can lose to the closing menu: the first
      // field takes the focus once the dialog is in, unless the keyboard is already inside it
      // (on a slow machine the opening animation ends after the user has tabbed on).
      onOpened={(node) => {
        const active = document.activeElement;
        if (active && node.contains(active)) return;
        document.getElementById('slot-week')?.focus();
      }}
    >
      {mode && (
        <SlotPickerForm mode={mode} doc={doc} templates={templates} onPick={onPick} onClose={onClose} />
      )}
    </Dialog>
  );
}

function initialTarget(mode: SlotPickerMode, doc: ProgramDoc): { week: number; day: number } {
  if (mode.kind === 'place') {
    // The first rest day, where a new template most likely goes.
    for (const [weekIndex, week] of doc.weeks.entries()) {
      for (let dayIndex = 0; dayIndex < doc.daysPerWeek; dayIndex += 1) {
        if (!week.days.some((day) => day.dayIndex === dayIndex && day.templateId))
          return { week: weekIndex, day: dayIndex };
      }
    }
    return { week: 0, day: 0 };
  }
  const weekIndex = doc.weeks.findIndex((week) => week.id === mode.from.weekId);
  // The same day of the next week (where a copy usually goes); from the last week, the one before;
  // in a one-week program, the next day.
  if (weekIndex + 1 < doc.weeks.length) return { week: weekIndex + 1, day: mode.from.dayIndex };
  if (weekIndex > 0) return { week: weekIndex - 1, day: mode.from.dayIndex };
  return { week: 0, day: (mode.from.dayIndex + 1) % doc.daysPerWeek };
}

function SlotPickerForm({
  mode,
  doc,
  templates,
  onPick,
  onClose,
}: Required<Omit<SlotPickerDialogProps, 'mode'>> & { mode: SlotPickerMode }) {
  const [target, setTarget] = useState(() => initialTarget(mode, doc));
  const week = doc.weeks[target.week] ?? doc.weeks[0]!;
  const to = { weekId: week.id, dayIndex: target.day };
  const there = dayAt(doc, to);
  const thereName = there?.templateId ? (templates.get(there.templateId)?.name ?? 'a workout') : null;
  const source = mode.kind === 'place' ? null : dayAt(doc, mode.from);
  const sourceName =
    mode.kind === 'place'
      ? (templates.get(mode.templateId)?.name ?? 'The template')
      : (templates.get(source?.templateId)?.name ?? 'This day');
  const same = mode.kind !== 'place' && mode.from.weekId === to.weekId && mode.from.dayIndex === to.dayIndex;

  const consequence = same
    ? 'That is where it is now: pick another day.'
    : !thereName
      ? `Week ${target.week + 1}, day ${target.day + 1} is a rest day: ${sourceName} goes there.`
      : mode.kind === 'move'
        ? `Week ${target.week + 1}, day ${target.day + 1} holds ${thereName}: the two days swap.`
        : `Week ${target.week + 1}, day ${target.day + 1} holds ${thereName}: ${sourceName} replaces it (Undo brings it back).`;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (same) return;
    onPick(mode, to);
  }

  return (
    <form onSubmit={submit}>
      <DialogBody>
        <p className={Classes.TEXT_MUTED}>
          {mode.kind === 'place'
            ? `Put ${sourceName} on:`
            : `${sourceName}, now on week ${doc.weeks.findIndex((item) => item.id === mode.from.weekId) + 1}, day ${mode.from.dayIndex + 1}, to:`}
        </p>
        <div className="lt-slot-dialog__fields">
          <FormField label="Week" htmlFor="slot-week">
            <HTMLSelect
              id="slot-week"
              autoFocus
              fill
              value={target.week}
              onChange={(event) => setTarget({ ...target, week: Number(event.currentTarget.value) })}
              options={doc.weeks.map((_, index) => ({ value: index, label: `Week ${index + 1}` }))}
            />
          </FormField>
          <FormField label="Day" htmlFor="slot-day">
            <HTMLSelect
              id="slot-day"
              fill
              value={target.day}
              onChange={(event) => setTarget({ ...target, day: Number(event.currentTarget.value) })}
              options={Array.from({ length: doc.daysPerWeek }, (_, index) => {
                const day = week.days.find((candidate) => candidate.dayIndex === index);
                const name = day?.templateId ? (templates.get(day.templateId)?.name ?? 'workout') : 'rest';
                return { value: index, label: `Day ${index + 1} — ${name}` };
              })}
            />
          </FormField>
        </div>
        <Callout
          intent={same ? Intent.WARNING : Intent.NONE}
          icon={same ? 'warning-sign' : 'info-sign'}
          compact
        >
          {consequence}
        </Callout>
      </DialogBody>
      <DialogFooter
        actions={
          <>
            <Button text="Cancel" onClick={onClose} />
            <Button
              type="submit"
              intent={Intent.PRIMARY}
              disabled={same}
              text={mode.kind === 'move' ? 'Move' : mode.kind === 'copy' ? 'Copy' : 'Put it there'}
            />
          </>
        }
      />
    </form>
  );
}
