/**
 * The whole mesocycle at once: weeks as rows, training days as columns, the week and day headers
 * sticky while it scrolls both ways. One tab stop (a roving focus): the arrow keys move between
 * days (and onto a week's handle on the left), Home/End go to the ends of a week, Ctrl+Home/End
 * to the first and last week. Enter opens a day, Delete clears it, Ctrl+C / Ctrl+V copy and paste
 * it, Shift+F10 opens its menu; Space picks up a day or a week to drag it with the arrow keys.
 */
import { useDraggable, useDroppable } from '@dnd-kit/core';
import { Button, Icon, Menu, PopoverNext, Tag, Tooltip } from '@blueprintjs/core';
import { memo, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { DayDoc, ProgramDoc, SlotRef, WeekDoc } from '../../../shared/calc/program-ops';
import { dragId, dropId, type DragData } from './builderDnd';
import { DayCell } from './DayCell';
import { DayMenuItems, WeekMenuItems, type DayMenuActions, type WeekMenuActions } from './gridMenus';
import { PHASE_INTENTS, phaseLabel } from './phases';
import { modifierChips } from './prescriptionText';
import type { TemplateIndex } from './templateIndex';

export interface GridFocus {
  row: number;
  /** −1 is the week's handle; 0… the training days. */
  col: number;
}

export interface GridProps {
  doc: ProgramDoc;
  templates: TemplateIndex;
  showExercises: boolean;
  focus: GridFocus;
  onFocusChange: (focus: GridFocus) => void;
  /** Bumped when the builder wants the focused day focused in the page (after a keyboard drop or a dialog). */
  focusRequest: number;
  dragging: DragData | null;
  copying: boolean;
  formatWeight: (kg: number) => string;
  /** Which menu is open: `day:<weekId>:<dayIndex>` or `week:<weekId>`. */
  openMenu: string | null;
  onOpenMenuChange: (key: string | null) => void;
  canPaste: boolean;
  dayActions: DayMenuActions;
  weekActions: WeekMenuActions;
  onAddWeek: () => void;
}

const dayMenuKey = (slot: SlotRef) => `day:${slot.weekId}:${slot.dayIndex}`;
const weekMenuKey = (weekId: string) => `week:${weekId}`;

export function ProgramGrid(props: GridProps) {
  const { doc, focus, onFocusChange } = props;
  const gridRef = useRef<HTMLDivElement>(null);
  const days = Array.from({ length: doc.daysPerWeek }, (_, index) => index);
  const rows = doc.weeks.length;
  const clamped = {
    row: Math.min(Math.max(focus.row, 0), rows - 1),
    col: Math.min(Math.max(focus.col, -1), doc.daysPerWeek - 1),
  };

  // Focus follows the arrow keys, and the builder's requests (a keyboard drop lands the focus
  // where the day went).
  const wantsFocus = useRef(false);
  const seenRequest = useRef(props.focusRequest);
  useEffect(() => {
    if (seenRequest.current !== props.focusRequest) {
      seenRequest.current = props.focusRequest;
      wantsFocus.current = true;
    }
    if (!wantsFocus.current) return;
    wantsFocus.current = false;
    const element = gridRef.current?.querySelector<HTMLElement>(
      `[data-grid-row="${clamped.row}"][data-grid-col="${clamped.col}"]`,
    );
    element?.focus();
    element?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  });

  // A menu closed with Escape leaves the focus nowhere (its button is not a tab stop): bring it
  // back to the day or week it was opened on, unless a dialog it opened has taken it.
  const previousMenu = useRef(props.openMenu);
  useEffect(() => {
    const closed = previousMenu.current !== null && props.openMenu === null;
    previousMenu.current = props.openMenu;
    if (!closed) return;
    const timer = window.setTimeout(() => {
      // A menu item that opened a dialog: the dialog has (or is about to take) the focus.
      if (document.querySelector('.bp6-dialog, [role="alertdialog"]')) return;
      gridRef.current
        ?.querySelector<HTMLElement>(`[data-grid-row="${clamped.row}"][data-grid-col="${clamped.col}"]`)
        ?.focus();
    }, 50);
    return () => window.clearTimeout(timer);
  }, [props.openMenu, clamped.row, clamped.col]);

  function moveFocus(row: number, col: number) {
    wantsFocus.current = true;
    onFocusChange({
      row: Math.min(Math.max(row, 0), rows - 1),
      col: Math.min(Math.max(col, -1), doc.daysPerWeek - 1),
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (props.dragging) return;
    const target = (event.target as HTMLElement).closest<HTMLElement>('[data-grid-row]');
    if (!target || target !== event.target) return;
    const row = Number(target.dataset.gridRow);
    const col = Number(target.dataset.gridCol);
    const week = doc.weeks[row];
    if (!week) return;
    const slot = { weekId: week.id, dayIndex: col };
    const day = week.days.find((candidate) => candidate.dayIndex === col);
    const mod = event.ctrlKey || event.metaKey;
    const moves: Record<string, [number, number]> = {
      ArrowRight: [row, col + 1],
      ArrowLeft: [row, col - 1],
      ArrowDown: [row + 1, col],
      ArrowUp: [row - 1, col],
      PageDown: [row + 4, col],
      PageUp: [row - 4, col],
      Home: mod ? [0, col] : [row, -1],
      End: mod ? [rows - 1, col] : [row, doc.daysPerWeek - 1],
    };
    const handled = (() => {
      const move = moves[event.key];
      if (move) {
        moveFocus(move[0], move[1]);
        return true;
      }
      switch (event.key) {
        case 'Enter':
          if (col < 0) {
            props.onOpenMenuChange(weekMenuKey(week.id));
            return true;
          }
          if (day?.templateId) props.dayActions.open(slot);
          else props.dayActions.pickTemplate(slot);
          return true;
        case 'F10':
          if (!event.shiftKey) return false;
          props.onOpenMenuChange(col < 0 ? weekMenuKey(week.id) : dayMenuKey(slot));
          return true;
        case 'ContextMenu':
          props.onOpenMenuChange(col < 0 ? weekMenuKey(week.id) : dayMenuKey(slot));
          return true;
        case 'Delete':
        case 'Backspace':
          if (col < 0 || !day?.templateId) return false;
          props.dayActions.clearDay(slot);
          return true;
        case 'c':
        case 'C':
          if (!mod || col < 0 || !day?.templateId) return false;
          props.dayActions.copyToClipboard(slot);
          return true;
        case 'v':
        case 'V':
          if (!mod || col < 0) return false;
          props.dayActions.paste(slot);
          return true;
        default:
          return false;
      }
    })();
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  return (
    <div
      ref={gridRef}
      role="grid"
      aria-label="Program weeks and days"
      aria-rowcount={rows + 1}
      aria-colcount={doc.daysPerWeek + 1}
      className={`lt-grid${props.showExercises ? '' : ' lt-grid--overview'}`}
      style={{ ['--lt-days' as string]: doc.daysPerWeek }}
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        const target = (event.target as HTMLElement).closest<HTMLElement>('[data-grid-row]');
        if (!target || target !== event.target) return;
        const row = Number(target.dataset.gridRow);
        const col = Number(target.dataset.gridCol);
        if (row !== focus.row || col !== focus.col) onFocusChange({ row, col });
      }}
    >
      <div role="row" className="lt-grid__row lt-grid__head" aria-rowindex={1}>
        <div role="columnheader" className="lt-grid__corner">
          Week
        </div>
        {days.map((dayIndex) => (
          <div role="columnheader" key={dayIndex} className="lt-grid__day-head">
            Day {dayIndex + 1}
          </div>
        ))}
      </div>
      {doc.weeks.map((week, weekIndex) => (
        <WeekRow key={week.id} {...props} week={week} weekIndex={weekIndex} focus={clamped} />
      ))}
      <div className="lt-grid__foot">
        <Button
          icon="add"
          variant="minimal"
          text="Add week"
          disabled={rows >= 52}
          onClick={props.onAddWeek}
          className="lt-grid__add-week"
        />
      </div>
    </div>
  );
}

type WeekRowProps = GridProps & { week: WeekDoc; weekIndex: number };

function WeekRow(props: WeekRowProps) {
  const { week, weekIndex, doc, dragging } = props;
  const drop = useDroppable({ id: dropId.weekRow(week.id), data: { kind: 'weekrow', weekId: week.id } });
  const modifiers = useMemo(
    () => ({
      volumeFactor: week.volumeFactor,
      intensityDeltaPercent: week.intensityDeltaPercent,
      rpeDelta: week.rpeDelta,
    }),
    [week.volumeFactor, week.intensityDeltaPercent, week.rpeDelta],
  );
  const daysBySlot = new Map<number, DayDoc>(week.days.map((day) => [day.dayIndex, day]));
  let dropMarker = '';
  if (drop.isOver && dragging?.kind === 'week' && dragging.weekId !== week.id) {
    const fromIndex = doc.weeks.findIndex((candidate) => candidate.id === dragging.weekId);
    dropMarker = props.copying
      ? week.days.every((day) => day.templateId === null)
        ? ' lt-grid__row--drop-into'
        : ' lt-grid__row--drop-after'
      : fromIndex < weekIndex
        ? ' lt-grid__row--drop-after'
        : ' lt-grid__row--drop-before';
  }
  return (
    <div
      role="row"
      ref={drop.setNodeRef}
      aria-rowindex={weekIndex + 2}
      className={`lt-grid__row lt-phase--${week.phase ?? 'none'}${week.deload ? ' lt-grid__row--deload' : ''}${dropMarker}`}
    >
      <WeekHeader {...props} />
      {Array.from({ length: doc.daysPerWeek }, (_, dayIndex) => {
        const day = daysBySlot.get(dayIndex);
        const slot = { weekId: week.id, dayIndex };
        const menuKey = dayMenuKey(slot);
        return (
          <DayCell
            key={dayIndex}
            weekId={week.id}
            weekNumber={weekIndex + 1}
            dayIndex={dayIndex}
            modifiers={modifiers}
            day={day}
            template={props.templates.get(day?.templateId)}
            focused={props.focus.row === weekIndex && props.focus.col === dayIndex}
            showExercises={props.showExercises}
            dragging={dragging}
            copying={props.copying}
            formatWeight={props.formatWeight}
            menuOpen={props.openMenu === menuKey}
            onMenuOpenChange={(open) => props.onOpenMenuChange(open ? menuKey : null)}
            renderMenu={() => (
              <DayMenuItems
                slot={slot}
                hasWorkout={Boolean(day?.templateId)}
                hasOverrides={Boolean(day && Object.keys(day.overrides).length > 0)}
                canPaste={props.canPaste}
                actions={props.dayActions}
              />
            )}
            onOpen={() =>
              day?.templateId ? props.dayActions.open(slot) : props.dayActions.pickTemplate(slot)
            }
          />
        );
      })}
    </div>
  );
}

const WeekHeader = memo(function WeekHeader(props: WeekRowProps) {
  const { week, weekIndex, doc } = props;
  const weekNumber = weekIndex + 1;
  const drag = useDraggable({
    id: dragId.week(week.id),
    data: { kind: 'week', weekId: week.id } satisfies DragData,
    attributes: { roleDescription: 'week' },
  });
  const chips = modifierChips(week);
  const menuKey = weekMenuKey(week.id);
  const focused = props.focus.row === weekIndex && props.focus.col === -1;
  return (
    <div role="rowheader" className={`lt-week-head${drag.isDragging ? ' lt-week-head--dragging' : ''}`}>
      <div className="lt-week-head__top">
        <div
          ref={drag.setNodeRef}
          {...drag.attributes}
          {...drag.listeners}
          role="button"
          tabIndex={focused ? 0 : -1}
          data-grid-row={weekIndex}
          data-grid-col={-1}
          className="lt-week-head__handle"
          aria-label={`Week ${weekNumber}${week.phase ? `, ${phaseLabel(week.phase)}` : ''}${week.deload ? ', deload' : ''}`}
          aria-haspopup="menu"
        >
          <Icon icon="drag-handle-vertical" size={12} className="lt-week-head__grip" />
          <span className="lt-week-head__title">Week {weekNumber}</span>
        </div>
        <PopoverNext
          isOpen={props.openMenu === menuKey}
          onInteraction={(open) => props.onOpenMenuChange(open ? menuKey : null)}
          // The grid puts the focus back on the week itself (the menu button is not a tab stop); no
          // closing animation, so Escape returns the focus before the next key is pressed.
          shouldReturnFocusOnClose={false}
          transitionDuration={0}
          placement="bottom-start"
          content={
            <Menu aria-label={`Week ${weekNumber} actions`}>
              <WeekMenuItems
                weekId={week.id}
                weekIndex={weekIndex}
                weekCount={doc.weeks.length}
                phase={week.phase}
                deload={week.deload}
                hasModifiers={chips.length > 0}
                actions={props.weekActions}
              />
            </Menu>
          }
          renderTarget={({ ref, ...targetProps }) => (
            <Button
              {...targetProps}
              ref={ref}
              size="small"
              variant="minimal"
              icon="more"
              tabIndex={-1}
              aria-label={`Week ${weekNumber} actions`}
              className="lt-week-head__menu"
            />
          )}
        />
      </div>
      <div className="lt-week-head__tags">
        {week.phase && (
          <Tag minimal intent={PHASE_INTENTS[week.phase]} className="lt-week-head__phase">
            {phaseLabel(week.phase)}
          </Tag>
        )}
        {week.deload && week.phase !== 'deload' && (
          <Tag minimal intent="success" icon="pause" className="lt-week-head__phase">
            Deload
          </Tag>
        )}
        {chips.map((chip) => (
          <Tooltip key={chip.key} content={chip.title} compact placement="top">
            <button
              type="button"
              tabIndex={-1}
              className="lt-week-head__chip"
              onClick={() => props.weekActions.editModifiers(week.id)}
            >
              {chip.text}
            </button>
          </Tooltip>
        ))}
      </div>
    </div>
  );
});
