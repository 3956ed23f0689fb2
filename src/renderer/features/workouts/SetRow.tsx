/**
 * One set: its type, last time's set (the ghost), weight, reps and RPE, and ✓. The fields show the
 * planned values as placeholders, so Enter (or ✓, or a swipe right on a touch screen) logs the set
 * as planned; typing first logs what was typed. What is typed is saved after a short pause, so a
 * reload loses nothing. Arrow keys move between sets (up, down) and fields (left, right at the
 * edge of the text); Escape puts back what was typed. A swipe left deletes the set (with Undo).
 */
import { Button, Classes, Icon, Intent, Menu, MenuItem, PopoverNext } from '@blueprintjs/core';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { SET_TYPES, type SetType } from '../../../shared/domain/prescription';
import type { WeightUnit } from '../../components/units';
import {
  describeGhost,
  describeTarget,
  parseReps,
  parseRpe,
  parseWeight,
  SET_TYPE_LABELS,
  weightText,
  type SetRowPlan,
} from './setPlan';
import { RpeScale } from './RpeTools';
import type { SetActions, SetValues } from './useSetActions';
import { useSwipe } from './useSwipe';

export type SetField = 'weight' | 'reps' | 'rpe';
const FIELDS: readonly SetField[] = ['weight', 'reps', 'rpe'];
const SAVE_PAUSE_MS = 500;

type Drafts = Partial<Record<SetField, string>>;

export interface SetRowProps {
  entryId: string;
  exerciseName: string;
  row: SetRowPlan;
  label: string;
  /** The athlete did this exercise before: a set without a ghost shows a dash. */
  hasHistory: boolean;
  unit: WeightUnit;
  actions: SetActions;
  /** Arrow up/down: the same field of the set above or below. */
  onMove: (rowKey: string, step: 1 | -1, field: SetField) => void;
  /** The set was logged from the keyboard: focus moves to the next set to do. */
  onLogged: (rowKey: string) => void;
}

function fieldText(row: SetRowPlan, field: SetField, unit: WeightUnit): string {
  const set = row.set;
  if (!set) return '';
  if (field === 'weight') return weightText(set.weightKg, unit);
  if (field === 'reps') return set.reps === null ? '' : String(set.reps);
  return set.rpe === null ? '' : String(set.rpe);
}

function parseDrafts(
  drafts: Drafts,
  unit: WeightUnit,
): { values: SetValues; errors: Partial<Record<SetField, string>> } {
  const values: SetValues = {};
  const errors: Partial<Record<SetField, string>> = {};
  if (drafts.weight !== undefined) {
    const parsed = parseWeight(drafts.weight, unit);
    if (parsed.ok) values.weightKg = parsed.value;
    else errors.weight = parsed.message;
  }
  if (drafts.reps !== undefined) {
    const parsed = parseReps(drafts.reps);
    if (parsed.ok) values.reps = parsed.value;
    else errors.reps = parsed.message;
  }
  if (drafts.rpe !== undefined) {
    const parsed = parseRpe(drafts.rpe);
    if (parsed.ok) values.rpe = parsed.value;
    else errors.rpe = parsed.message;
  }
  return { values, errors };
}

export function SetRow({
  entryId,
  exerciseName,
  row,
  label,
  hasHistory,
  unit,
  actions,
  onMove,
  onLogged,
}: SetRowProps) {
  const [drafts, setDrafts] = useState<Drafts>({});
  // The RPE scale to tap, opened by a tap or click on the RPE field (typing works as well).
  const [rpePicker, setRpePicker] = useState(false);
  const draftsRef = useRef<Drafts>({});
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const rowRef = useRef<HTMLTableRowElement>(null);
  const done = row.set?.completed ?? false;
  const { errors } = parseDrafts(drafts, unit);
  const setName = `${exerciseName}, set ${label}`;
  const shownRpe = parseRpe(drafts.rpe ?? fieldText(row, 'rpe', unit));

  const updateDrafts = (next: Drafts) => {
    draftsRef.current = next;
    setDrafts(next);
  };

  const cancelPause = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => cancelPause, []);

  /** Saves what was typed (the fields that are valid); drafts go once focus has left the row. */
  const flush = useCallback(async () => {
    cancelPause();
    const typed = draftsRef.current;
    const { values } = parseDrafts(typed, unit);
    if (Object.keys(values).length === 0) return;
    const saved = await actions.save(entryId, row, values);
    if (saved && !rowRef.current?.contains(document.activeElement) && draftsRef.current === typed)
      updateDrafts({});
  }, [actions, entryId, row, unit]);

  const edit = (field: SetField, text: string) => {
    updateDrafts({ ...draftsRef.current, [field]: text });
    cancelPause();
    timer.current = setTimeout(() => void flush(), SAVE_PAUSE_MS);
  };

  /** Logs the set: what was typed, else what is planned (weight and reps). */
  const log = useCallback(async () => {
    cancelPause();
    const typed = draftsRef.current;
    const { values, errors: invalid } = parseDrafts(typed, unit);
    if (Object.keys(invalid).length > 0) return false;
    // What was typed travels with the completion: nothing is left for a blur to save again.
    draftsRef.current = {};
    const planned: SetValues = { weightKg: row.plannedWeightKg, reps: row.plannedReps };
    const logged = await actions.complete(entryId, row, { ...planned, ...values });
    if (logged) updateDrafts({});
    else draftsRef.current = typed;
    return logged;
  }, [actions, entryId, row, unit]);

  const onKeyDown = (field: SetField, event: KeyboardEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    if (event.key === 'Enter' && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      if (done && Object.keys(draftsRef.current).length === 0) {
        onLogged(row.key);
        return;
      }
      if (done) void flush().then(() => onLogged(row.key));
      else if (Object.keys(errors).length === 0) {
        // Focus moves on at once; the set is logged in the background (failures say so).
        void log();
        onLogged(row.key);
      }
    } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !event.altKey) {
      event.preventDefault();
      void flush();
      onMove(row.key, event.key === 'ArrowDown' ? 1 : -1, field);
    } else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
      const atEnd = input.selectionStart === input.value.length;
      const step = event.key === 'ArrowRight' ? 1 : -1;
      if ((step === 1 && !atEnd) || (step === -1 && !atStart)) return;
      const next = FIELDS[FIELDS.indexOf(field) + step];
      if (!next) return;
      event.preventDefault();
      const target = rowRef.current?.querySelector<HTMLInputElement>(`[data-field="${next}"]`);
      target?.focus();
      target?.select();
    } else if (event.key === 'Escape' && draftsRef.current[field] !== undefined) {
      event.preventDefault();
      event.stopPropagation();
      cancelPause();
      const { [field]: _dropped, ...others } = draftsRef.current;
      updateDrafts(others);
    }
  };

  const swipe = useSwipe(rowRef, {
    onSwipeRight: () => {
      if (!done) void log();
    },
    onSwipeLeft: () => {
      if (row.set) void actions.remove(row.set, `set ${label} of ${exerciseName}`);
    },
  });

  const placeholder = (field: SetField): string => {
    // A logged set shows what was logged; a plan behind it would read as logged.
    if (done) return '';
    if (field === 'weight') return weightText(row.plannedWeightKg, unit);
    if (field === 'reps') return row.plannedReps === null ? '' : String(row.plannedReps);
    return row.targetRpe === null ? '' : String(row.targetRpe);
  };

  const input = (field: SetField, title: string, unitLabel: string) => {
    const error = errors[field];
    const errorId = `${row.key}-${field}-error`;
    const element = (
      <input
        className={`${Classes.INPUT} lt-wo-input${error ? ` ${Classes.INTENT_DANGER}` : ''}`}
        data-field={field}
        inputMode={field === 'reps' ? 'numeric' : 'decimal'}
        autoComplete="off"
        aria-label={`${title}, ${setName}${unitLabel ? ` (${unitLabel})` : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        placeholder={placeholder(field)}
        value={drafts[field] ?? fieldText(row, field, unit)}
        onChange={(event) => edit(field, event.target.value)}
        onFocus={(event) => event.target.select()}
        onBlur={() => void flush()}
        onKeyDown={(event) => {
          if (field === 'rpe') setRpePicker(false);
          onKeyDown(field, event);
        }}
        onPointerDown={field === 'rpe' ? () => setRpePicker(true) : undefined}
      />
    );
    return (
      <td className="lt-wo-set__field">
        {field === 'rpe' ? (
          <PopoverNext
            isOpen={rpePicker}
            autoFocus={false}
            enforceFocus={false}
            placement="left"
            onInteraction={(open, event) => {
              if (!open && event) setRpePicker(false);
            }}
            content={
              <div className="lt-rpe-popover">
                <RpeScale
                  keepFocus
                  selected={shownRpe.ok ? shownRpe.value : null}
                  onPick={(value) => {
                    setRpePicker(false);
                    edit('rpe', String(value));
                    void flush();
                  }}
                />
              </div>
            }
          >
            {element}
          </PopoverNext>
        ) : (
          element
        )}
        {error && (
          <div id={errorId} role="alert" className="lt-wo-set__error">
            {error}
          </div>
        )}
      </td>
    );
  };

  return (
    <tr
      ref={rowRef}
      data-set-key={row.key}
      className={`lt-wo-set lt-wo-set--${row.setType}${done ? ' lt-wo-set--done' : ''}`}
      {...swipe}
    >
      <td className="lt-wo-set__label">
        <PopoverNext
          placement="bottom-start"
          content={
            <Menu aria-label={`Type of ${setName}`}>
              {SET_TYPES.map((type: SetType) => (
                <MenuItem
                  key={type}
                  text={SET_TYPE_LABELS[type]}
                  roleStructure="listoption"
                  selected={type === row.setType}
                  onClick={() => void actions.save(entryId, row, { setType: type })}
                />
              ))}
            </Menu>
          }
        >
          <Button
            className="lt-wo-set__type"
            variant="minimal"
            text={label}
            aria-label={`Set ${label}: ${SET_TYPE_LABELS[row.setType]} (change the type)`}
            title={`${SET_TYPE_LABELS[row.setType]}: change the type (Alt+T)`}
          />
        </PopoverNext>
      </td>
      <td className="lt-wo-set__ghost">
        {row.target && <div className="lt-wo-set__target">{describeTarget(row.target, unit)}</div>}
        {(row.ghost || hasHistory) && (
          <div className={Classes.TEXT_MUTED}>{row.ghost ? describeGhost(row.ghost, unit) : '–'}</div>
        )}
      </td>
      {input('weight', 'Weight', unit)}
      {input('reps', 'Reps', '')}
      {input('rpe', 'RPE', '')}
      <td className="lt-wo-set__done">
        <Button
          className="lt-wo-check"
          intent={done ? Intent.SUCCESS : Intent.NONE}
          variant={done ? 'solid' : 'outlined'}
          icon={<Icon icon="tick" size={22} />}
          aria-label={done ? `Logged: ${setName} (undo)` : `Log ${setName}`}
          aria-pressed={done}
          onClick={() => {
            if (done && row.set) void actions.uncomplete(row.set);
            else void log();
          }}
        />
      </td>
      <td className="lt-wo-set__more">
        <PopoverNext
          placement="bottom-end"
          content={
            <Menu aria-label={`Actions for ${setName}`}>
              <MenuItem
                icon="duplicate"
                text="Duplicate"
                label="Ctrl+D"
                disabled={!row.set}
                onClick={() => row.set && void actions.duplicate(entryId, row.set)}
              />
              <MenuItem
                icon="trash"
                intent="danger"
                text="Delete"
                label="Ctrl+Del"
                disabled={!row.set}
                onClick={() => row.set && void actions.remove(row.set, `set ${label} of ${exerciseName}`)}
              />
            </Menu>
          }
        >
          <Button variant="minimal" icon="more" aria-label={`Actions for ${setName}`} />
        </PopoverNext>
      </td>
    </tr>
  );
}
