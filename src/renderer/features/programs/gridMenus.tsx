/**
 * The menus of a day and of a week: every drag has its action here too (Move to…, Copy to…,
 * Move up/down, Duplicate), so the whole builder works from the keyboard alone.
 */
import { MenuDivider, MenuItem } from '@blueprintjs/core';
import { PHASES, type Phase } from '../../../shared/domain/program';
import type { SlotRef } from '../../../shared/calc/program-ops';
import { phaseLabel } from './phases';

export interface DayMenuActions {
  open: (slot: SlotRef) => void;
  pickTemplate: (slot: SlotRef) => void;
  moveTo: (slot: SlotRef) => void;
  copyTo: (slot: SlotRef) => void;
  copyToClipboard: (slot: SlotRef) => void;
  paste: (slot: SlotRef) => void;
  clearDay: (slot: SlotRef) => void;
  clearOverrides: (slot: SlotRef) => void;
}

export function DayMenuItems({
  slot,
  hasWorkout,
  hasOverrides,
  canPaste,
  actions,
}: {
  slot: SlotRef;
  hasWorkout: boolean;
  hasOverrides: boolean;
  canPaste: boolean;
  actions: DayMenuActions;
}) {
  if (!hasWorkout) {
    return (
      <>
        <MenuItem
          icon="add"
          text="Put a template here…"
          label="Enter"
          onClick={() => actions.pickTemplate(slot)}
        />
        <MenuItem
          icon="clipboard"
          text="Paste day"
          label="Ctrl+V"
          disabled={!canPaste}
          onClick={() => actions.paste(slot)}
        />
      </>
    );
  }
  return (
    <>
      <MenuItem icon="edit" text="Open day" label="Enter" onClick={() => actions.open(slot)} />
      <MenuItem icon="exchange" text="Change template…" onClick={() => actions.pickTemplate(slot)} />
      <MenuDivider />
      <MenuItem icon="move" text="Move to…" onClick={() => actions.moveTo(slot)} />
      <MenuItem icon="duplicate" text="Copy to…" onClick={() => actions.copyTo(slot)} />
      <MenuItem
        icon="clipboard"
        text="Copy day"
        label="Ctrl+C"
        onClick={() => actions.copyToClipboard(slot)}
      />
      <MenuItem
        icon="clipboard"
        text="Paste day here"
        label="Ctrl+V"
        disabled={!canPaste}
        onClick={() => actions.paste(slot)}
      />
      <MenuDivider />
      {hasOverrides && (
        <MenuItem icon="reset" text="Clear this day’s changes" onClick={() => actions.clearOverrides(slot)} />
      )}
      <MenuItem
        icon="eraser"
        text="Clear day (rest)"
        label="Delete"
        intent="danger"
        onClick={() => actions.clearDay(slot)}
      />
    </>
  );
}

export interface WeekMenuActions {
  moveBy: (weekId: string, offset: number) => void;
  duplicate: (weekId: string) => void;
  insert: (weekId: string, where: 'before' | 'after') => void;
  remove: (weekId: string) => void;
  setPhase: (weekId: string, phase: Phase | null) => void;
  toggleDeload: (weekId: string) => void;
  editModifiers: (weekId: string) => void;
  resetModifiers: (weekId: string) => void;
}

export function WeekMenuItems({
  weekId,
  weekIndex,
  weekCount,
  phase,
  deload,
  hasModifiers,
  actions,
}: {
  weekId: string;
  weekIndex: number;
  weekCount: number;
  phase: Phase | null;
  deload: boolean;
  hasModifiers: boolean;
  actions: WeekMenuActions;
}) {
  return (
    <>
      <MenuItem
        icon="arrow-up"
        text="Move up"
        disabled={weekIndex === 0}
        onClick={() => actions.moveBy(weekId, -1)}
      />
      <MenuItem
        icon="arrow-down"
        text="Move down"
        disabled={weekIndex === weekCount - 1}
        onClick={() => actions.moveBy(weekId, 1)}
      />
      <MenuItem icon="duplicate" text="Duplicate" onClick={() => actions.duplicate(weekId)} />
      <MenuItem
        icon="add-row-top"
        text="Insert empty week before"
        onClick={() => actions.insert(weekId, 'before')}
      />
      <MenuItem
        icon="add-row-bottom"
        text="Insert empty week after"
        onClick={() => actions.insert(weekId, 'after')}
      />
      <MenuDivider />
      <MenuItem icon="tag" text="Phase">
        {[null, ...PHASES].map((value) => (
          <MenuItem
            key={value ?? 'none'}
            text={phaseLabel(value)}
            roleStructure="listoption"
            selected={phase === value}
            onClick={() => actions.setPhase(weekId, value)}
          />
        ))}
      </MenuItem>
      <MenuItem
        icon="pause"
        text={deload ? 'Not a deload week' : 'Deload week'}
        onClick={() => actions.toggleDeload(weekId)}
      />
      <MenuItem icon="settings" text="Volume and intensity…" onClick={() => actions.editModifiers(weekId)} />
      {hasModifiers && (
        <MenuItem
          icon="reset"
          text="Reset volume and intensity"
          onClick={() => actions.resetModifiers(weekId)}
        />
      )}
      <MenuDivider />
      <MenuItem
        icon="trash"
        text="Delete week"
        intent="danger"
        disabled={weekCount <= 1}
        onClick={() => actions.remove(weekId)}
      />
    </>
  );
}
