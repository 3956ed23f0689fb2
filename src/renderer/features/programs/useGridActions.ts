/**
 * What the grid's menus, keys and dialogs do to the program: a day opened, moved, copied, pasted
 * or cleared; a week moved, duplicated, inserted, deleted or given a phase. Each is one change of
 * the program (one undo step) with a sentence for screen readers.
 */
import { useCallback, useMemo, useState } from 'react';
import {
  addWeek,
  clearDay,
  dayAt,
  duplicateWeek,
  moveDay,
  moveWeek,
  removeWeek,
  setDayOverrides,
  setDayTemplate,
  setWeekFields,
  type MakeId,
  type ProgramDoc,
  type SlotRef,
  type WeekFields,
} from '../../../shared/calc/program-ops';
import type { PrescriptionOverride } from '../../../shared/domain/prescription';
import type { TemplateSummary } from '../../../shared/domain/template';
import { useToaster } from '../../app/toaster';
import type { DayMenuActions, WeekMenuActions } from './gridMenus';
import type { SlotPickerMode } from './SlotPickerDialog';
import type { TemplateIndex } from './templateIndex';
import type { Act } from './useBuilderCommands';
import { slotName } from './useBuilderDnd';
import type { ProgramDocumentApi } from './useProgramDocument';

interface Clipboard {
  templateId: string;
  overrides: Record<string, PrescriptionOverride>;
  name: string;
}

interface Options {
  program: ProgramDocumentApi;
  templates: TemplateIndex;
  act: Act;
  announce: (message: string) => void;
  makeId: MakeId;
  openDay: (slot: SlotRef, templateId: string) => void;
  openTemplatePicker: (slot: SlotRef) => void;
  openSlotPicker: (mode: SlotPickerMode) => void;
  openWeekDialog: (weekId: string) => void;
  /** Puts the grid's focus on a day (col ≥ 0) or a week's handle (col −1), and the page's focus with it. */
  focusCell: (row: number, col: number) => void;
}

/** Copies a day's template and overrides onto a slot (what Copy to… and paste do). */
function placeCopy(
  doc: ProgramDoc,
  to: SlotRef,
  templateId: string | null,
  overrides: Record<string, PrescriptionOverride>,
  makeId: MakeId,
): ProgramDoc {
  const placed = setDayTemplate(doc, to, templateId, makeId);
  return templateId && Object.keys(overrides).length > 0 ? setDayOverrides(placed, to, overrides) : placed;
}

export function useGridActions(options: Options) {
  const { program, templates, act, announce, makeId, focusCell } = options;
  const toaster = useToaster();
  const [clipboard, setClipboard] = useState<Clipboard | null>(null);

  const templateName = useCallback(
    (templateId: string | null | undefined) => templates.get(templateId)?.name ?? 'the workout',
    [templates],
  );
  const rowOf = useCallback(
    (weekId: string) => program.getDoc()?.weeks.findIndex((week) => week.id === weekId) ?? -1,
    [program],
  );

  const dayActions = useMemo<DayMenuActions>(
    () => ({
      open: (slot) => {
        const current = program.getDoc();
        const day = current ? dayAt(current, slot) : undefined;
        if (day?.templateId) options.openDay(slot, day.templateId);
      },
      pickTemplate: options.openTemplatePicker,
      moveTo: (slot) => options.openSlotPicker({ kind: 'move', from: slot }),
      copyTo: (slot) => options.openSlotPicker({ kind: 'copy', from: slot }),
      copyToClipboard: (slot) => {
        const current = program.getDoc();
        const day = current ? dayAt(current, slot) : undefined;
        if (!day?.templateId) return;
        const name = templateName(day.templateId);
        setClipboard({ templateId: day.templateId, overrides: day.overrides, name });
        announce(`Copied ${name} from ${slotName(current, slot)}. Ctrl+V on another day puts it there.`);
        toaster.show(
          { message: `Copied ${name} — Ctrl+V on another day pastes it`, icon: 'clipboard', timeout: 3000 },
          'builder-clipboard',
        );
      },
      paste: (slot) => {
        if (!clipboard) {
          announce('Nothing copied yet: Ctrl+C on a day copies it.');
          return;
        }
        act(`Pasted ${clipboard.name} to ${slotName(program.getDoc(), slot)}`, (current) =>
          placeCopy(current, slot, clipboard.templateId, clipboard.overrides, makeId),
        );
      },
      clearDay: (slot) => {
        const current = program.getDoc();
        const day = current ? dayAt(current, slot) : undefined;
        if (!day?.templateId) return;
        act(
          `Cleared ${templateName(day.templateId)} from ${slotName(current, slot)}`,
          (next) => clearDay(next, slot, makeId),
          { undoToast: true },
        );
      },
      clearOverrides: (slot) =>
        act(`Cleared the changes on ${slotName(program.getDoc(), slot)}`, (current) =>
          setDayOverrides(current, slot, {}),
        ),
    }),
    // The dialog openers are setState calls, stable for the page's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [act, announce, clipboard, makeId, program, templateName, toaster],
  );

  const weekActions = useMemo<WeekMenuActions>(() => {
    const numberOf = (weekId: string) => rowOf(weekId) + 1;
    const weekOf = (weekId: string) => program.getDoc()?.weeks.find((week) => week.id === weekId);
    return {
      moveBy: (weekId, offset) => {
        const from = numberOf(weekId);
        const to = from + offset;
        if (act(`Moved week ${from} to week ${to}`, (current) => moveWeek(current, weekId, to - 1))) {
          focusCell(to - 1, -1);
        }
      },
      duplicate: (weekId) => {
        const from = numberOf(weekId);
        act(`Duplicated week ${from} as week ${from + 1}`, (current) =>
          duplicateWeek(current, weekId, makeId),
        );
      },
      insert: (weekId, where) => {
        const after = where === 'after' ? 1 : 0;
        act(`Inserted an empty week as week ${numberOf(weekId) + after}`, (current) =>
          addWeek(current, makeId, current.weeks.findIndex((week) => week.id === weekId) + after),
        );
      },
      remove: (weekId) =>
        act(`Deleted week ${numberOf(weekId)}`, (current) => removeWeek(current, weekId), {
          undoToast: true,
        }),
      setPhase: (weekId, phase: WeekFields['phase']) => {
        const week = weekOf(weekId);
        // A deload phase is a deload week; leaving it makes the week a training week again.
        const deload = phase === 'deload' ? true : week?.phase === 'deload' ? false : week?.deload;
        act(`Set week ${numberOf(weekId)} to ${phase ?? 'no phase'}`, (current) =>
          setWeekFields(current, weekId, { phase, deload }),
        );
      },
      toggleDeload: (weekId) => {
        const week = weekOf(weekId);
        act(`${week?.deload ? 'Unmarked' : 'Marked'} week ${numberOf(weekId)} as a deload`, (current) =>
          setWeekFields(current, weekId, { deload: !week?.deload }),
        );
      },
      editModifiers: options.openWeekDialog,
      resetModifiers: (weekId) =>
        act(`Reset the volume and intensity of week ${numberOf(weekId)}`, (current) =>
          setWeekFields(current, weekId, { volumeFactor: 1, intensityDeltaPercent: 0, rpeDelta: 0 }),
        ),
    };
    // See above: the dialog opener is stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [act, focusCell, makeId, program, rowOf]);

  /** Move to… / Copy to… / Put on a day… answered. */
  const pickSlot = useCallback(
    (mode: SlotPickerMode, to: SlotRef) => {
      const doc = program.getDoc();
      if (!doc) return;
      if (mode.kind === 'place') {
        act(`Put ${templateName(mode.templateId)} on ${slotName(doc, to)}`, (current) =>
          setDayTemplate(current, to, mode.templateId, makeId),
        );
      } else {
        const source = dayAt(doc, mode.from);
        const name = templateName(source?.templateId);
        const there = dayAt(doc, to);
        if (mode.kind === 'copy') {
          act(`Copied ${name} to ${slotName(doc, to)}`, (current) =>
            placeCopy(current, to, source?.templateId ?? null, source?.overrides ?? {}, makeId),
          );
        } else {
          act(
            there?.templateId
              ? `Swapped ${name} (${slotName(doc, mode.from)}) with ${templateName(there.templateId)} (${slotName(doc, to)})`
              : `Moved ${name} to ${slotName(doc, to)}`,
            (current) => moveDay(current, mode.from, to),
          );
        }
      }
      focusCell(rowOf(to.weekId), to.dayIndex);
    },
    [act, focusCell, makeId, program, rowOf, templateName],
  );

  /** A template chosen for a day from the template picker. */
  const pickTemplate = useCallback(
    (slot: SlotRef, template: TemplateSummary) => {
      act(`Put ${template.name} on ${slotName(program.getDoc(), slot)}`, (current) =>
        setDayTemplate(current, slot, template.id, makeId),
      );
      focusCell(rowOf(slot.weekId), slot.dayIndex);
    },
    [act, focusCell, makeId, program, rowOf],
  );

  return { dayActions, weekActions, canPaste: clipboard !== null, pickSlot, pickTemplate, templateName };
}
