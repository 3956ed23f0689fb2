/**
 * Every exercise of a past workout with its sets, each set's weight, reps and RPE editable in
 * place (in the user's unit): a cell is saved when it is left or on Enter (which moves down to the
 * same cell of the next set), Escape puts the stored value back. The workout's totals and records
 * follow from the backend; a set that now beats a record says so in a toast.
 */
import { Classes, HTMLTable, Icon, InputGroup, Intent, Tag } from '@blueprintjs/core';
import { useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { countsForVolume, setVolumeKg } from '../../../shared/calc/volume';
import type { WorkoutDetail, WorkoutEntry, WorkoutSet } from '../../../shared/domain/workout';
import { useToaster } from '../../app/toaster';
import { errorMessage } from '../../components/ErrorCallout';
import { formatWeight, type WeightUnit } from '../../components/units';
import { useUpdateSetMutation } from './api';
import { setE1rmKg } from './HistoryFormat';
import { parseReps, parseRpe, parseWeight, SET_TYPE_LABELS, setLabels, weightText } from './setPlan';
import { describeRecord } from './useSetActions';

type Cell = 'weight' | 'reps' | 'rpe';

export function SessionEditSets({ detail, unit }: { detail: WorkoutDetail; unit: WeightUnit }) {
  if (detail.entries.length === 0)
    return <p className={Classes.TEXT_MUTED}>No exercises were logged in this workout.</p>;
  return (
    <div className="lt-session-sets">
      {detail.entries.map((entry) => (
        <EntrySets key={entry.id} entry={entry} unit={unit} />
      ))}
    </div>
  );
}

function EntrySets({ entry, unit }: { entry: WorkoutEntry; unit: WeightUnit }) {
  const labels = setLabels(entry.sets);
  const volumeKg = entry.sets.reduce((sum, set) => sum + (countsForVolume(set) ? setVolumeKg(set) : 0), 0);
  const headingId = `entry-${entry.id}`;
  return (
    <section className="lt-session-entry" aria-labelledby={headingId}>
      <header className="lt-session-entry__header">
        <h2 id={headingId} className={Classes.HEADING}>
          <Link to={`/workouts/exercises/${entry.exerciseId}`} title="This exercise's history">
            {entry.exerciseName}
          </Link>
        </h2>
        {entry.supersetGroup && (
          <Tag minimal round>
            Superset {entry.supersetGroup}
          </Tag>
        )}
        <span className={`lt-session-entry__volume ${Classes.TEXT_MUTED}`}>
          Volume {formatWeight(volumeKg, unit)}
        </span>
      </header>
      {entry.notes && <p className={`lt-session-entry__notes ${Classes.TEXT_MUTED}`}>{entry.notes}</p>}
      {entry.sets.length === 0 ? (
        <p className={Classes.TEXT_MUTED}>No sets logged.</p>
      ) : (
        <HTMLTable compact striped className="lt-session-entry__table" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">Set</th>
              <th scope="col" className="lt-numeric">
                Weight <span className={Classes.TEXT_MUTED}>{unit}</span>
              </th>
              <th scope="col" className="lt-numeric">
                Reps
              </th>
              <th scope="col" className="lt-numeric">
                RPE
              </th>
              <th scope="col" className="lt-numeric">
                e1RM
              </th>
              <th scope="col" className="lt-numeric">
                Volume
              </th>
              <th scope="col" className="lt-session-entry__done">
                Done
              </th>
            </tr>
          </thead>
          <tbody>
            {entry.sets.map((set, index) => (
              <SetRow
                key={set.id}
                set={set}
                label={labels[index] ?? String(index + 1)}
                exerciseName={entry.exerciseName}
                unit={unit}
              />
            ))}
          </tbody>
        </HTMLTable>
      )}
    </section>
  );
}

function SetRow({
  set,
  label,
  exerciseName,
  unit,
}: {
  set: WorkoutSet;
  label: string;
  exerciseName: string;
  unit: WeightUnit;
}) {
  const e1rm = setE1rmKg(set);
  const counts = countsForVolume(set);
  const name = `${exerciseName}, set ${label}`;
  return (
    <tr className={set.completed ? undefined : 'lt-session-entry__undone'}>
      <td className="lt-session-entry__label" title={SET_TYPE_LABELS[set.setType]}>
        {label}
      </td>
      <td className="lt-numeric">
        <SetCell set={set} cell="weight" unit={unit} label={`Weight, ${name}`} />
      </td>
      <td className="lt-numeric">
        <SetCell set={set} cell="reps" unit={unit} label={`Reps, ${name}`} />
      </td>
      <td className="lt-numeric">
        <SetCell set={set} cell="rpe" unit={unit} label={`RPE, ${name}`} />
      </td>
      <td className="lt-numeric">{e1rm !== null ? formatWeight(e1rm, unit) : '–'}</td>
      <td className="lt-numeric">{counts ? formatWeight(setVolumeKg(set), unit) : '–'}</td>
      <td className="lt-session-entry__done">
        {set.completed ? (
          <Icon icon="tick" intent={Intent.SUCCESS} title="Done" />
        ) : (
          <span className={Classes.TEXT_MUTED}>No</span>
        )}
      </td>
    </tr>
  );
}

function storedText(set: WorkoutSet, cell: Cell, unit: WeightUnit): string {
  if (cell === 'weight') return weightText(set.weightKg, unit);
  const value = cell === 'reps' ? set.reps : set.rpe;
  return value === null ? '' : String(value);
}

/** Moves to the same cell of the next set on the page (across exercises), if there is one. */
function focusNextCell(from: HTMLInputElement, cell: Cell) {
  const page = from.closest('.lt-session-sets');
  if (!page) return;
  const cells = Array.from(page.querySelectorAll<HTMLInputElement>(`input[data-cell="${cell}"]`));
  cells[cells.indexOf(from) + 1]?.focus();
}

function SetCell({
  set,
  cell,
  unit,
  label,
}: {
  set: WorkoutSet;
  cell: Cell;
  unit: WeightUnit;
  label: string;
}) {
  const [updateSet] = useUpdateSetMutation();
  const toaster = useToaster();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const stored = storedText(set, cell, unit);
  const value = draft ?? stored;

  async function save(): Promise<boolean> {
    if (draft === null || draft.trim() === stored) {
      setDraft(null);
      setError(null);
      return true;
    }
    const parsed =
      cell === 'weight' ? parseWeight(draft, unit) : cell === 'reps' ? parseReps(draft) : parseRpe(draft);
    if (!parsed.ok) {
      setError(parsed.message);
      return false;
    }
    const field = cell === 'weight' ? 'weightKg' : cell;
    const result = await updateSet({ id: set.id, [field]: parsed.value });
    if (result.error) {
      setError(errorMessage(result.error));
      return false;
    }
    setDraft(null);
    setError(null);
    // Like the workout screen's: the exercise once, then what the set beat.
    const [first] = result.data.newRecords;
    if (first)
      toaster.show(
        {
          intent: Intent.SUCCESS,
          icon: 'crown',
          timeout: 6000,
          message: `New personal record${result.data.newRecords.length > 1 ? 's' : ''}! ${first.exerciseName}: ${result.data.newRecords
            .map((record) => describeRecord(record, unit).slice(first.exerciseName.length + 2))
            .join('; ')}`,
        },
        `records-${first.exerciseId}`,
      );
    return true;
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      const input = event.currentTarget;
      void save().then((saved) => {
        if (saved) focusNextCell(input, cell);
      });
    } else if (event.key === 'Escape' && (draft !== null || error !== null)) {
      event.preventDefault();
      event.stopPropagation();
      setDraft(null);
      setError(null);
    }
  }

  return (
    <>
      <InputGroup
        small
        className={`lt-session-cell lt-session-cell--${cell}`}
        inputClassName="lt-numeric"
        aria-label={label}
        aria-invalid={error ? true : undefined}
        title={error ?? undefined}
        intent={error ? Intent.DANGER : Intent.NONE}
        inputMode="decimal"
        autoComplete="off"
        data-cell={cell}
        value={value}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onBlur={() => void save()}
        onKeyDown={onKeyDown}
      />
      {error && (
        <span className="lt-session-cell__error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
