/**
 * One exercise of a template as a dense row: drag handle, position (A1 in a superset), name,
 * group, sets, reps, load, effort, rest, tempo, actions; notes and "Sets differ" below, and the
 * per-set rows when sets differ. Inputs keep the text as typed; a refused value is marked and its
 * message (the shared schema's) is tied to it with aria-describedby.
 */
import { memo, type CSSProperties, type ReactNode } from 'react';
import {
  Button,
  Classes,
  HTMLSelect,
  Menu,
  MenuDivider,
  MenuItem,
  PopoverNext,
  Switch,
} from '@blueprintjs/core';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Link } from 'react-router';
import { muscleLabel } from '../exercises';
import type { WeightUnit } from '../../components/units';
import {
  formatReps,
  formatRest,
  parseReps,
  parseRest,
  withSetsAlike,
  withSetsDiffer,
  resizeSetRows,
  parseNumber,
  topSetWithBackOffs,
  type EffortKind,
  type ExerciseDraft,
  type FieldErrors,
  type FieldKey,
  type LoadKind,
  type SupersetPlace,
} from './draft';
import { effortLabel, errorId, invalidProps, loadLabel } from './fieldProps';
import type { ChangeMode } from './useExerciseList';
import { SetRows } from './SetRows';

export type RowAction = 'moveUp' | 'moveDown' | 'supersetWithNext' | 'leaveSuperset' | 'remove';

export interface ExerciseRowProps {
  row: ExerciseDraft;
  index: number;
  count: number;
  positionLabel: string;
  place: SupersetPlace;
  errors: FieldErrors | undefined;
  weightUnit: WeightUnit;
  groupOptions: readonly string[];
  onEdit: (key: string, edit: (row: ExerciseDraft) => ExerciseDraft, mode: ChangeMode) => void;
  onAction: (key: string, action: RowAction) => void;
  /** An edit that throws values away (per-set rows merged, loads cleared): said in a toast with Undo. */
  onUndoableEdit: (key: string, edit: (row: ExerciseDraft) => ExerciseDraft, message: string) => void;
}

const FIELD_NAMES: Partial<Record<string, string>> = { type: 'Set type' };

export const ExerciseRow = memo(function ExerciseRow({
  row,
  index,
  count,
  positionLabel,
  place,
  errors,
  weightUnit,
  groupOptions,
  onEdit,
  onAction,
  onUndoableEdit,
}: ExerciseRowProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({ id: row.key });
  const style: CSSProperties = { transform: CSS.Translate.toString(transform), transition };
  const edit = (change: Partial<ExerciseDraft>, mode: ChangeMode = 'typing') =>
    onEdit(row.key, (current) => ({ ...current, ...change }), mode);
  const differ = row.setRows !== null;
  const name = row.exerciseName;
  const grouped = row.supersetGroup !== null;

  const classes = ['lt-tpl-ex', `lt-tpl-ex--${place}`];
  if (grouped && place !== 'alone') classes.push('lt-tpl-ex--superset');
  if (isDragging) classes.push('lt-tpl-ex--dragging');

  const messages = Object.entries(errors ?? {}) as [FieldKey, string][];

  const toggleSetsDiffer = () =>
    differ
      ? onUndoableEdit(row.key, withSetsAlike, `${name}: every set alike again, as set 1 was`)
      : onEdit(row.key, withSetsDiffer, 'structural');
  // A new kind makes the numbers mean something else, so they are cleared (with Undo).
  const clearing =
    (field: 'load' | 'effort') =>
    (current: ExerciseDraft): Partial<ExerciseDraft> => ({
      [field]: '',
      setRows: current.setRows?.map((set) => ({ ...set, [field]: '' })) ?? null,
    });
  const hasValues = (field: 'load' | 'effort') =>
    row[field].trim() !== '' || (row.setRows ?? []).some((set) => set[field].trim() !== '');
  const changeKind = (field: 'load' | 'effort', change: Partial<ExerciseDraft>, label: string) => {
    const apply = (current: ExerciseDraft) => ({ ...current, ...change, ...clearing(field)(current) });
    if (hasValues(field))
      onUndoableEdit(row.key, apply, `${name}: ${field} now as ${label}; the old values were cleared`);
    else onEdit(row.key, apply, 'structural');
  };
  const changeLoadKind = (loadKind: LoadKind) =>
    changeKind('load', { loadKind }, loadKind === 'percent' ? '%1RM' : weightUnit);
  const changeEffortKind = (effortKind: EffortKind) =>
    changeKind('effort', { effortKind }, effortKind === 'rpe' ? 'RPE' : 'RIR');

  return (
    <li ref={setNodeRef} style={style} className={classes.join(' ')} data-row-key={row.key}>
      {(place === 'first' || (place === 'alone' && grouped)) && (
        <div className="lt-tpl-ss-label" aria-hidden={place === 'alone'}>
          {place === 'first'
            ? `Superset ${row.supersetGroup}`
            : `Superset ${row.supersetGroup} needs a second exercise next to this one`}
        </div>
      )}
      <div role="group" aria-label={name} className="lt-tpl-ex-body">
        <div className="lt-tpl-ex-main">
          <button
            type="button"
            ref={setActivatorNodeRef}
            className="lt-tpl-handle"
            {...attributes}
            {...listeners}
            aria-label={`Reorder ${name}`}
          >
            <span className="bp6-icon-standard bp6-icon-drag-handle-vertical" aria-hidden />
          </button>
          <span className="lt-tpl-pos" title={grouped ? `Superset ${row.supersetGroup}` : undefined}>
            {positionLabel}
          </span>
          <div className="lt-tpl-name">
            <Link
              to={`/exercises/${row.exerciseId}`}
              className="lt-tpl-name-link"
              title={`Open ${name} in the exercise library`}
            >
              {name}
            </Link>
            {row.primaryMuscles.length > 0 && (
              <span className={`${Classes.TEXT_MUTED} lt-tpl-muscles`}>
                {row.primaryMuscles.map(muscleLabel).join(', ')}
              </span>
            )}
          </div>
          <div className="lt-tpl-fields">
            <Cell label="Group" area="group">
              <HTMLSelect
                minimal
                iconName="caret-down"
                className="lt-tpl-select"
                aria-label="Superset group"
                value={row.supersetGroup ?? ''}
                onChange={(event) => edit({ supersetGroup: event.currentTarget.value || null }, 'structural')}
              >
                <option value="">–</option>
                {groupOptions.map((letter) => (
                  <option key={letter} value={letter}>
                    {letter}
                  </option>
                ))}
              </HTMLSelect>
            </Cell>
            <Cell label="Sets" area="sets">
              <input
                {...invalidProps(row.key, 'sets', errors)}
                aria-label="Sets"
                inputMode="numeric"
                autoComplete="off"
                value={row.sets}
                onChange={(event) => {
                  const sets = event.target.value;
                  const count = parseNumber(sets);
                  onEdit(
                    row.key,
                    (current) => ({
                      ...current,
                      sets,
                      setRows:
                        current.setRows &&
                        count !== null &&
                        Number.isInteger(count) &&
                        count >= 1 &&
                        count <= 20
                          ? resizeSetRows(current.setRows, count)
                          : current.setRows,
                    }),
                    'typing',
                  );
                }}
              />
            </Cell>
            <Cell label="Reps" area="reps">
              {differ ? (
                <PerSet />
              ) : (
                <input
                  {...invalidProps(row.key, 'reps', errors)}
                  aria-label="Reps"
                  placeholder="–"
                  title="Reps: 5, or a range such as 8-12"
                  autoComplete="off"
                  value={row.reps}
                  onChange={(event) => edit({ reps: event.target.value })}
                  onBlur={() => {
                    const { repsMin, repsMax } = parseReps(row.reps);
                    const shown = formatReps(repsMin, repsMax);
                    if (
                      Number.isInteger(repsMin) &&
                      (repsMax === null || Number.isInteger(repsMax)) &&
                      shown !== row.reps
                    )
                      edit({ reps: shown });
                  }}
                />
              )}
            </Cell>
            <Cell label="Load" area="load">
              <div className="lt-tpl-kinded">
                {differ ? (
                  <PerSet />
                ) : (
                  <input
                    {...invalidProps(row.key, 'load', errors)}
                    aria-label={loadLabel(row.loadKind, weightUnit)}
                    inputMode="decimal"
                    autoComplete="off"
                    placeholder="–"
                    value={row.load}
                    onChange={(event) => edit({ load: event.target.value })}
                  />
                )}
                <HTMLSelect
                  minimal
                  iconName="caret-down"
                  className="lt-tpl-select lt-tpl-kind"
                  aria-label="Load as"
                  value={row.loadKind}
                  onChange={(event) => changeLoadKind(event.currentTarget.value as LoadKind)}
                >
                  <option value="percent">%1RM</option>
                  <option value="weight">{weightUnit}</option>
                </HTMLSelect>
              </div>
            </Cell>
            <Cell label="Effort" area="effort">
              <div className="lt-tpl-kinded">
                {differ ? (
                  <PerSet />
                ) : (
                  <input
                    {...invalidProps(row.key, 'effort', errors)}
                    aria-label={effortLabel(row.effortKind)}
                    inputMode="decimal"
                    autoComplete="off"
                    placeholder="–"
                    value={row.effort}
                    onChange={(event) => edit({ effort: event.target.value })}
                  />
                )}
                <HTMLSelect
                  minimal
                  iconName="caret-down"
                  className="lt-tpl-select lt-tpl-kind"
                  aria-label="Effort as"
                  value={row.effortKind}
                  onChange={(event) => changeEffortKind(event.currentTarget.value as EffortKind)}
                >
                  <option value="rpe">RPE</option>
                  <option value="rir">RIR</option>
                </HTMLSelect>
              </div>
            </Cell>
            <Cell label="Rest" area="rest">
              <input
                {...invalidProps(row.key, 'rest', errors)}
                aria-label="Rest"
                placeholder="–"
                title="Rest: seconds (90), m:ss (1:30) or minutes (2m)"
                autoComplete="off"
                value={row.rest}
                onChange={(event) => edit({ rest: event.target.value })}
                onBlur={() => {
                  // "90" reads back as "1:30" once the coach moves on.
                  const seconds = parseRest(row.rest);
                  if (seconds !== null && Number.isInteger(seconds) && formatRest(seconds) !== row.rest)
                    edit({ rest: formatRest(seconds) });
                }}
              />
            </Cell>
            <Cell label="Tempo" area="tempo">
              <input
                {...invalidProps(row.key, 'tempo', errors)}
                aria-label="Tempo"
                placeholder="–"
                title="Tempo: eccentric, pause, concentric, pause, such as 3-1-X-0"
                autoComplete="off"
                spellCheck={false}
                value={row.tempo}
                onChange={(event) => edit({ tempo: event.target.value.toUpperCase() })}
              />
            </Cell>
          </div>
          <div className="lt-tpl-actions">
            <PopoverNext
              placement="bottom-end"
              content={
                <Menu size="small" aria-label={`Actions for ${name}`}>
                  <MenuItem
                    icon="arrow-up"
                    text="Move up"
                    disabled={index === 0}
                    onClick={() => onAction(row.key, 'moveUp')}
                  />
                  <MenuItem
                    icon="arrow-down"
                    text="Move down"
                    disabled={index === count - 1}
                    onClick={() => onAction(row.key, 'moveDown')}
                  />
                  <MenuDivider />
                  <MenuItem
                    icon="link"
                    text="Superset with next"
                    disabled={index === count - 1}
                    onClick={() => onAction(row.key, 'supersetWithNext')}
                  />
                  {grouped && (
                    <MenuItem
                      icon="unlink"
                      text="Leave superset"
                      onClick={() => onAction(row.key, 'leaveSuperset')}
                    />
                  )}
                  <MenuItem
                    icon="properties"
                    text={differ ? 'Same prescription for every set' : 'Sets differ'}
                    onClick={toggleSetsDiffer}
                  />
                  <MenuItem
                    icon="layers"
                    text="Top set + 3 back-offs at −10 %"
                    onClick={() =>
                      differ
                        ? onUndoableEdit(
                            row.key,
                            topSetWithBackOffs,
                            `Replaced the sets of ${name} with a top set and back-offs`,
                          )
                        : onEdit(row.key, topSetWithBackOffs, 'structural')
                    }
                  />
                  <MenuDivider />
                  <MenuItem
                    icon="trash"
                    intent="danger"
                    text="Remove"
                    onClick={() => onAction(row.key, 'remove')}
                  />
                </Menu>
              }
            >
              <Button size="small" variant="minimal" icon="more" aria-label={`Actions for ${name}`} />
            </PopoverNext>
            <Button
              size="small"
              variant="minimal"
              icon="cross"
              aria-label={`Remove ${name}`}
              title="Remove (Undo in the message that follows)"
              onClick={() => onAction(row.key, 'remove')}
            />
          </div>
        </div>
        <div className="lt-tpl-ex-extra">
          <input
            {...invalidProps(row.key, 'notes', errors)}
            className={`${Classes.INPUT} ${Classes.SMALL} lt-tpl-notes${errors?.notes ? ` ${Classes.INTENT_DANGER}` : ''}`}
            aria-label="Notes"
            placeholder="Add a note"
            value={row.notes}
            onChange={(event) => edit({ notes: event.target.value })}
          />
          <Switch
            className="lt-tpl-differ"
            label="Sets differ"
            checked={differ}
            onChange={toggleSetsDiffer}
          />
        </div>
        {row.setRows && (
          <SetRows
            row={row}
            errors={errors}
            weightUnit={weightUnit}
            onEdit={onEdit}
            onUndoableEdit={onUndoableEdit}
          />
        )}
        {messages.length > 0 && (
          <ul className="lt-tpl-messages">
            {messages.map(([field, message]) => (
              <li key={field} id={errorId(row.key, field)} role="alert" className="lt-tpl-error">
                {setPrefix(field)}
                {message}
              </li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
});

function setPrefix(field: FieldKey): string {
  const match = /^set\.(\d+)\.(\w+)$/.exec(field);
  if (!match) return '';
  const cell = FIELD_NAMES[match[2]!];
  return `Set ${Number(match[1]) + 1}${cell ? ` (${cell.toLowerCase()})` : ''}: `;
}

function Cell({ label, area, children }: { label: string; area: string; children: ReactNode }) {
  return (
    <div className={`lt-tpl-cell lt-tpl-cell--${area}`}>
      <span className="lt-tpl-cell-label" aria-hidden>
        {label}
      </span>
      {children}
    </div>
  );
}

function PerSet() {
  return <span className={`${Classes.TEXT_MUTED} lt-tpl-perset`}>per set</span>;
}
