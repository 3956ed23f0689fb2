/**
 * One exercise of the workout: its handle (drag, or Space and arrows), its place ("A1" in a
 * superset), what was prescribed, the suggested weight with its one-line reason and the plates to
 * load, and its sets. The menu moves it, groups it, changes its rest and removes it (with Undo).
 */
import {
  Button,
  Card,
  Classes,
  Icon,
  Menu,
  MenuDivider,
  MenuItem,
  PopoverNext,
  Tag,
} from '@blueprintjs/core';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { VoiceNoteMeta, WorkoutEntry } from '../../../shared/domain/workout';
import { formatWeight, type WeightUnit } from '../../components/units';
import { PlateCalculator } from './PlateCalculator';
import { formatClock, planSets, repsText, setLabels } from './setPlan';
import { SetRow, type SetField } from './SetRow';
import { VoiceNotes } from './VoiceNotes';
import type { ExerciseActions } from './useExerciseActions';
import type { SetActions } from './useSetActions';

const REST_CHOICES = [60, 90, 120, 150, 180, 240, 300];

export interface ExerciseCardProps {
  entry: WorkoutEntry;
  index: number;
  count: number;
  label: string;
  unit: WeightUnit;
  setActions: SetActions;
  exerciseActions: ExerciseActions;
  onMove: (rowKey: string, step: 1 | -1, field: SetField) => void;
  onLogged: (rowKey: string) => void;
  sessionId: string;
  voiceNotes: readonly VoiceNoteMeta[];
}

/** "3 × 5 @ RPE 8 · rest 2:00". */
function prescriptionLine(entry: WorkoutEntry, unit: WeightUnit): string {
  const p = entry.prescription;
  const parts: string[] = [];
  if (p) {
    const reps = repsText(p.repsMin, p.repsMax);
    let head = reps ? `${p.sets} × ${reps}` : `${p.sets} sets`;
    if (p.loadKg !== null) head += ` at ${formatWeight(p.loadKg, unit)}`;
    else if (p.percentOneRepMax !== null) head += ` at ${p.percentOneRepMax}%`;
    if (p.rpe !== null) head += ` @ RPE ${p.rpe}`;
    else if (p.rir !== null) head += ` @ ${p.rir} RIR`;
    parts.push(head);
    if (p.tempo) parts.push(`tempo ${p.tempo}`);
  }
  parts.push(`rest ${formatClock(entry.restSeconds)}`);
  return parts.join(' · ');
}

function columnTitle(entry: WorkoutEntry): string {
  if (entry.targets.length === 0) return entry.lastTime ? 'Last time' : '';
  return entry.lastTime ? 'Plan · last time' : 'Plan';
}

export function ExerciseCard({
  entry,
  index,
  count,
  label,
  unit,
  setActions,
  exerciseActions,
  onMove,
  onLogged,
  sessionId,
  voiceNotes,
}: ExerciseCardProps) {
  const sortable = useSortable({ id: entry.id });
  const rows = planSets(entry);
  const labels = setLabels(rows);
  const doneCount = rows.filter((row) => row.set?.completed).length;
  const nextRow = rows.find((row) => !row.set?.completed);
  const headingId = `entry-${entry.id}-name`;
  const grouped = entry.supersetGroup !== null;

  return (
    <li
      ref={sortable.setNodeRef}
      style={{ transform: CSS.Translate.toString(sortable.transform), transition: sortable.transition }}
      className={`lt-wo-entry${grouped ? ' lt-wo-entry--superset' : ''}${sortable.isDragging ? ' lt-wo-entry--dragging' : ''}`}
      data-entry-id={entry.id}
      aria-labelledby={headingId}
    >
      <Card className="lt-wo-entry__card" compact>
        <header className="lt-wo-entry__head">
          <button
            type="button"
            className="lt-wo-handle"
            aria-label={`Move ${entry.exerciseName} (position ${index + 1} of ${count})`}
            {...sortable.attributes}
            {...sortable.listeners}
          >
            <Icon icon="drag-handle-vertical" />
          </button>
          <Tag minimal round className="lt-wo-entry__label" intent={grouped ? 'warning' : 'none'}>
            {label}
          </Tag>
          <div className="lt-wo-entry__title">
            <h3 id={headingId} className={`${Classes.HEADING} lt-wo-entry__name`}>
              {entry.exerciseName}
            </h3>
            <div className={`${Classes.TEXT_MUTED} lt-wo-entry__prescription`}>
              {prescriptionLine(entry, unit)}
              {grouped && ` · superset ${entry.supersetGroup}`}
            </div>
          </div>
          <span
            className={`${Classes.TEXT_MUTED} lt-wo-entry__count`}
            aria-label={`${doneCount} of ${rows.length} sets logged`}
          >
            {doneCount}/{rows.length}
          </span>
          <PopoverNext
            placement="bottom-end"
            content={
              <div className="lt-plates-popover">
                <PlateCalculator weightKg={nextRow?.plannedWeightKg ?? entry.suggestion?.weightKg ?? null} />
              </div>
            }
          >
            <Button
              variant="minimal"
              icon="layers"
              text="Plates"
              aria-label={`Plates for ${entry.exerciseName}`}
            />
          </PopoverNext>
          <PopoverNext
            placement="bottom-end"
            content={
              <Menu aria-label={`Actions for ${entry.exerciseName}`}>
                <MenuItem
                  icon="arrow-up"
                  text="Move up"
                  disabled={index === 0}
                  onClick={() => void exerciseActions.move(entry, index - 1)}
                />
                <MenuItem
                  icon="arrow-down"
                  text="Move down"
                  disabled={index === count - 1}
                  onClick={() => void exerciseActions.move(entry, index + 1)}
                />
                <MenuDivider />
                <MenuItem
                  icon="link"
                  text="Superset with next"
                  disabled={index === count - 1}
                  onClick={() => void exerciseActions.supersetWithNext(index)}
                />
                {grouped && (
                  <MenuItem
                    icon="unlink"
                    text="Leave superset"
                    onClick={() => void exerciseActions.leaveSuperset(entry)}
                  />
                )}
                <MenuItem icon="time" text="Rest after each set">
                  {REST_CHOICES.map((seconds) => (
                    <MenuItem
                      key={seconds}
                      text={formatClock(seconds)}
                      roleStructure="listoption"
                      selected={entry.restSeconds === seconds}
                      onClick={() => void exerciseActions.setRest(entry, seconds)}
                    />
                  ))}
                  <MenuDivider />
                  <MenuItem
                    text="The default (Settings)"
                    onClick={() => void exerciseActions.setRest(entry, null)}
                  />
                </MenuItem>
                <MenuDivider />
                <MenuItem
                  icon="add"
                  text="Add a warm-up set"
                  onClick={() => void setActions.add(entry.id, 'warmup')}
                />
                <MenuItem
                  icon="add"
                  text="Add a drop set"
                  onClick={() => void setActions.add(entry.id, 'drop')}
                />
                <MenuDivider />
                <MenuItem
                  icon="trash"
                  intent="danger"
                  text="Remove exercise"
                  onClick={() => void exerciseActions.remove(entry)}
                />
              </Menu>
            }
          >
            <Button variant="minimal" icon="more" aria-label={`Actions for ${entry.exerciseName}`} />
          </PopoverNext>
        </header>
        {entry.suggestion && (
          <p className="lt-wo-entry__suggestion">
            <Icon icon="trending-up" className="lt-wo-entry__suggestion-icon" />
            <strong>
              {formatWeight(entry.suggestion.weightKg, unit)}
              {entry.suggestion.reps !== null ? ` × ${entry.suggestion.reps}` : ''}
            </strong>
            <span className={Classes.TEXT_MUTED}>{entry.suggestion.reason}</span>
          </p>
        )}
        <table className="lt-wo-sets" aria-label={`Sets of ${entry.exerciseName}`}>
          <thead>
            <tr>
              <th scope="col">Set</th>
              <th scope="col">{columnTitle(entry)}</th>
              <th scope="col">{unit}</th>
              <th scope="col">Reps</th>
              <th scope="col">RPE</th>
              <th scope="col">
                <span className="lt-visually-hidden">Logged</span>
              </th>
              <th scope="col">
                <span className="lt-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, at) => (
              <SetRow
                key={row.key}
                entryId={entry.id}
                exerciseName={entry.exerciseName}
                row={row}
                label={labels[at]!}
                hasHistory={entry.lastTime !== null}
                unit={unit}
                actions={setActions}
                onMove={onMove}
                onLogged={onLogged}
              />
            ))}
          </tbody>
        </table>
        <div className="lt-wo-entry__foot">
          <Button
            icon="add"
            text="Add set"
            variant="minimal"
            className="lt-wo-add-set"
            aria-label={`Add a set to ${entry.exerciseName}`}
            onClick={() => void setActions.add(entry.id)}
          />
          <VoiceNotes
            sessionId={sessionId}
            entryId={entry.id}
            subject={entry.exerciseName}
            notes={voiceNotes}
            compact
          />
        </div>
      </Card>
    </li>
  );
}
