/**
 * Per-set rows of one exercise (a top set and back-offs, warm-ups, a drop set): type, reps, load
 * and effort per set, in the exercise's columns; rows are added and removed here, and the
 * exercise's Sets follows their number.
 */
import { Button, HTMLSelect } from '@blueprintjs/core';
import { SET_TYPES, type SetType } from '../../../shared/domain/prescription';
import type { WeightUnit } from '../../components/units';
import { newKey, topSetWithBackOffs, type ExerciseDraft, type FieldErrors, type SetRowDraft } from './draft';
import { effortLabel, invalidProps, loadLabel } from './fieldProps';
import type { ChangeMode } from './useExerciseList';

export const SET_TYPE_LABELS: Record<SetType, string> = {
  warmup: 'Warm-up',
  working: 'Working',
  drop: 'Drop set',
  failure: 'To failure',
};

const MAX_SETS = 20;

interface SetRowsProps {
  row: ExerciseDraft;
  errors: FieldErrors | undefined;
  weightUnit: WeightUnit;
  onEdit: (key: string, edit: (row: ExerciseDraft) => ExerciseDraft, mode: ChangeMode) => void;
  onUndoableEdit: (key: string, edit: (row: ExerciseDraft) => ExerciseDraft, message: string) => void;
}

export function SetRows({ row, errors, weightUnit, onEdit, onUndoableEdit }: SetRowsProps) {
  const setRows = row.setRows ?? [];
  const editSets = (edit: (rows: SetRowDraft[]) => SetRowDraft[], mode: ChangeMode) =>
    onEdit(
      row.key,
      (current) => {
        const next = edit(current.setRows ?? []);
        return { ...current, setRows: next, sets: String(next.length) };
      },
      mode,
    );
  const editSet = (index: number, change: Partial<SetRowDraft>, mode: ChangeMode = 'typing') =>
    editSets((rows) => rows.map((set, at) => (at === index ? { ...set, ...change } : set)), mode);

  return (
    <div className="lt-tpl-sets" role="group" aria-label={`Sets of ${row.exerciseName}`}>
      {setRows.map((set, index) => {
        const label = `Set ${index + 1}`;
        return (
          <div key={set.key} className="lt-tpl-set" role="group" aria-label={label}>
            <span className="lt-tpl-set-number" aria-hidden>
              {index + 1}
            </span>
            <HTMLSelect
              minimal
              iconName="caret-down"
              className="lt-tpl-select lt-tpl-set-type"
              aria-label={`${label} type`}
              value={set.setType}
              onChange={(event) =>
                editSet(index, { setType: event.currentTarget.value as SetType }, 'structural')
              }
            >
              {SET_TYPES.map((type) => (
                <option key={type} value={type}>
                  {SET_TYPE_LABELS[type]}
                </option>
              ))}
            </HTMLSelect>
            <input
              {...invalidProps(row.key, `set.${index}.reps`, errors)}
              aria-label={`${label} reps`}
              placeholder="–"
              autoComplete="off"
              value={set.reps}
              onChange={(event) => editSet(index, { reps: event.target.value })}
            />
            <input
              {...invalidProps(row.key, `set.${index}.load`, errors)}
              aria-label={`${label} ${loadLabel(row.loadKind, weightUnit)}`}
              inputMode="decimal"
              placeholder="–"
              autoComplete="off"
              value={set.load}
              onChange={(event) => editSet(index, { load: event.target.value })}
            />
            <input
              {...invalidProps(row.key, `set.${index}.effort`, errors)}
              aria-label={`${label} ${effortLabel(row.effortKind)}`}
              inputMode="decimal"
              placeholder="–"
              autoComplete="off"
              value={set.effort}
              onChange={(event) => editSet(index, { effort: event.target.value })}
            />
            <Button
              size="small"
              variant="minimal"
              icon="minus"
              className="lt-tpl-set-remove"
              aria-label={`Remove set ${index + 1}`}
              disabled={setRows.length === 1}
              onClick={() =>
                onUndoableEdit(
                  row.key,
                  (current) => {
                    const next = (current.setRows ?? []).filter((_, at) => at !== index);
                    return { ...current, setRows: next, sets: String(next.length) };
                  },
                  `Removed set ${index + 1} of ${row.exerciseName}`,
                )
              }
            />
          </div>
        );
      })}
      <div className="lt-tpl-sets-footer">
        <Button
          size="small"
          variant="minimal"
          icon="add"
          text="Add set"
          disabled={setRows.length >= MAX_SETS}
          onClick={() =>
            editSets((rows) => {
              const last = rows[rows.length - 1];
              return [
                ...rows,
                {
                  key: newKey(),
                  setType: 'working',
                  reps: '',
                  load: '',
                  effort: '',
                  ...last,
                  ...(last ? { key: newKey() } : {}),
                },
              ];
            }, 'structural')
          }
        />
        <Button
          size="small"
          variant="minimal"
          icon="layers"
          text="Top set + 3 back-offs at −10 %"
          onClick={() =>
            onUndoableEdit(
              row.key,
              topSetWithBackOffs,
              `Replaced the sets of ${row.exerciseName} with a top set and back-offs`,
            )
          }
        />
      </div>
    </div>
  );
}
