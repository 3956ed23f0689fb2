/**
 * The builder's header: the program's name (edited in place, saved on Enter or blur), its size,
 * whether everything is saved, Undo/Redo, the generators, the plan/preview switch, Apply… and the
 * program's other actions.
 */
import {
  Button,
  ButtonGroup,
  Classes,
  EditableText,
  HTMLSelect,
  Icon,
  Menu,
  MenuDivider,
  MenuItem,
  PopoverNext,
  SegmentedControl,
  Spinner,
  Tooltip,
} from '@blueprintjs/core';
import { Link } from 'react-router';
import { GENERATORS, type GeneratorId } from '../../../shared/calc/periodization';
import type { SaveStatus } from './useProgramDocument';
import type { UndoState } from './undoStack';

export type BuilderView = 'plan' | 'preview';

interface BuilderHeaderProps {
  name: string;
  weekCount: number;
  daysPerWeek: number;
  archived: boolean;
  status: SaveStatus;
  undo: UndoState;
  view: BuilderView;
  onViewChange: (view: BuilderView) => void;
  onRename: (name: string) => void;
  onWeekCount: (weeks: number) => void;
  onDaysPerWeek: (days: number) => void;
  onUndo: () => void;
  onRedo: () => void;
  onRetry: () => void;
  onGenerator: (id: GeneratorId) => void;
  onApply: () => void;
  onDuplicate: () => void;
  onExport: () => void;
  onArchive: (archived: boolean) => void;
}

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

function SaveIndicator({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) {
  if (status.kind === 'saving') {
    return (
      <span
        className={`lt-save-state${status.slow ? ' lt-save-state--slow' : ''}`}
        role="status"
        title={
          status.slow
            ? 'Lift Tracker is not answering yet. Your change is kept here and saved when it does.'
            : undefined
        }
      >
        <Spinner size={12} /> {status.slow ? 'Waiting for Lift Tracker… (change kept)' : 'Saving…'}
      </span>
    );
  }
  if (status.kind === 'error') {
    return (
      <span className="lt-save-state lt-save-state--error" role="alert">
        <Icon icon="error" size={12} />
        <span title={status.message}>
          {status.retrying ? 'Not saved yet, retrying…' : 'Not saved'}: {status.message}
        </span>
        {!status.retrying && (
          <Button size="small" variant="minimal" intent="danger" text="Retry" onClick={onRetry} />
        )}
      </span>
    );
  }
  return (
    <span className="lt-save-state lt-save-state--saved" role="status">
      <Icon icon="tick" size={12} /> Saved
    </span>
  );
}

export function BuilderHeader(props: BuilderHeaderProps) {
  return (
    <header className="lt-builder__header">
      <Link to="/programs" className="lt-builder__back" aria-label="Back to programs">
        <Icon icon="chevron-left" />
        Programs
      </Link>
      <h1 className={`${Classes.HEADING} lt-builder__name`}>
        <EditableText
          key={props.name}
          defaultValue={props.name}
          maxLength={120}
          placeholder="Program name"
          selectAllOnFocus
          onConfirm={(value) => {
            if (value.trim() && value.trim() !== props.name) props.onRename(value);
          }}
          aria-label="Program name"
        />
      </h1>
      <div className="lt-builder__size">
        <HTMLSelect
          aria-label="Weeks"
          value={props.weekCount}
          onChange={(event) => props.onWeekCount(Number(event.currentTarget.value))}
          options={Array.from({ length: 52 }, (_, index) => ({
            value: index + 1,
            label: `${index + 1} ${index === 0 ? 'week' : 'weeks'}`,
          }))}
        />
        <span className={Classes.TEXT_MUTED}>×</span>
        <HTMLSelect
          aria-label="Training days a week"
          value={props.daysPerWeek}
          onChange={(event) => props.onDaysPerWeek(Number(event.currentTarget.value))}
          options={Array.from({ length: 7 }, (_, index) => ({
            value: index + 1,
            label: `${index + 1} ${index === 0 ? 'day' : 'days'}`,
          }))}
        />
      </div>
      <SaveIndicator status={props.status} onRetry={props.onRetry} />
      <span className="lt-page-header__spacer" />
      <SegmentedControl
        aria-label="View"
        size="small"
        value={props.view}
        onValueChange={(value) => props.onViewChange(value as BuilderView)}
        options={[
          { value: 'plan', label: 'Plan', icon: 'grid-view' },
          { value: 'preview', label: 'Preview', icon: 'timeline-bar-chart' },
        ]}
      />
      <ButtonGroup>
        <Tooltip
          content={
            props.undo.undoLabel ? `Undo: ${props.undo.undoLabel} (${mod}Z)` : `Nothing to undo (${mod}Z)`
          }
          placement="bottom"
        >
          <Button
            icon="undo"
            aria-label="Undo"
            disabled={!props.undo.undoLabel}
            aria-keyshortcuts="Control+Z"
            onClick={props.onUndo}
          />
        </Tooltip>
        <Tooltip
          content={
            props.undo.redoLabel
              ? `Redo: ${props.undo.redoLabel} (${mod}Shift+Z)`
              : `Nothing to redo (${mod}Shift+Z)`
          }
          placement="bottom"
        >
          <Button
            icon="redo"
            aria-label="Redo"
            disabled={!props.undo.redoLabel}
            aria-keyshortcuts="Control+Shift+Z Control+Y"
            onClick={props.onRedo}
          />
        </Tooltip>
      </ButtonGroup>
      <PopoverNext
        placement="bottom-end"
        content={
          <Menu aria-label="Generators">
            {GENERATORS.map((generator) => (
              <MenuItem
                key={generator.id}
                text={generator.label}
                label="…"
                title={generator.description}
                onClick={() => props.onGenerator(generator.id)}
              />
            ))}
          </Menu>
        }
      >
        <Button icon="predictive-analysis" endIcon="caret-down" text="Generators" />
      </PopoverNext>
      <Button
        icon="calendar"
        intent="primary"
        text="Apply…"
        disabled={props.archived}
        onClick={props.onApply}
      />
      <PopoverNext
        placement="bottom-end"
        content={
          <Menu aria-label="Program actions">
            <MenuItem icon="duplicate" text="Duplicate" onClick={props.onDuplicate} />
            <MenuItem icon="export" text="Export JSON" onClick={props.onExport} />
            <MenuDivider />
            {props.archived ? (
              <MenuItem icon="unarchive" text="Restore" onClick={() => props.onArchive(false)} />
            ) : (
              <MenuItem icon="archive" text="Archive" onClick={() => props.onArchive(true)} />
            )}
          </Menu>
        }
      >
        <Button icon="more" aria-label="More program actions" />
      </PopoverNext>
    </header>
  );
}
