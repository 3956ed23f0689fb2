/**
 * What a scheduled workout prescribes, exercise by exercise: sets × reps, load (%1RM or a weight in
 * the user's unit), effort (RPE or RIR), rest and tempo, with the coach's notes under the exercise
 * and per-set rows (a top set, then back-offs) when the sets differ.
 */
import { Classes, HTMLTable, Tag } from '@blueprintjs/core';
import { Fragment } from 'react';
import type { ResolvedPrescription } from '../../../shared/domain/prescription';
import { useUnits } from '../../components/useUnits';
import {
  formatEffort,
  formatLoad,
  formatReps,
  formatRest,
  formatSetsAndReps,
  SET_TYPE_LABELS,
} from './prescriptionFormat';

export function PrescriptionTable({ prescription }: { prescription: readonly ResolvedPrescription[] }) {
  const { formatWeight } = useUnits();
  // Columns nobody filled in stay out: a template without tempos needs no column of dashes.
  const hasRest = prescription.some((item) => item.restSeconds !== null);
  const hasTempo = prescription.some((item) => item.tempo !== null);
  const columns = 4 + (hasRest ? 1 : 0) + (hasTempo ? 1 : 0);
  if (prescription.length === 0) {
    return <p className={Classes.TEXT_MUTED}>This template has no exercises yet.</p>;
  }
  return (
    <HTMLTable compact className="lt-cal-prescription" aria-label="Prescription">
      <thead>
        <tr>
          <th scope="col">Exercise</th>
          <th scope="col">Sets × reps</th>
          <th scope="col">Load</th>
          <th scope="col">Effort</th>
          {hasRest && (
            <th scope="col" className="lt-numeric">
              Rest
            </th>
          )}
          {hasTempo && <th scope="col">Tempo</th>}
        </tr>
      </thead>
      <tbody>
        {prescription.map((item) => (
          <Fragment key={item.templateExerciseId}>
            <tr>
              <th scope="row" className="lt-cal-prescription__exercise">
                {item.supersetGroup && (
                  <Tag
                    minimal
                    round
                    className="lt-cal-prescription__superset"
                    title={`Superset ${item.supersetGroup}`}
                  >
                    {item.supersetGroup}
                  </Tag>
                )}
                {item.exerciseName}
              </th>
              <td>{formatSetsAndReps(item)}</td>
              <td>{formatLoad(item, formatWeight)}</td>
              <td>{formatEffort(item)}</td>
              {hasRest && <td className="lt-numeric">{formatRest(item.restSeconds)}</td>}
              {hasTempo && <td>{item.tempo ?? '–'}</td>}
            </tr>
            {item.setDetails?.map((set, index) => (
              <tr key={index} className="lt-cal-prescription__set">
                <td>
                  Set {index + 1} · {SET_TYPE_LABELS[set.setType]}
                </td>
                <td>{formatReps(set)}</td>
                <td>{formatLoad(set, formatWeight)}</td>
                <td>{formatEffort(set)}</td>
                {hasRest && <td />}
                {hasTempo && <td />}
              </tr>
            ))}
            {item.notes && (
              <tr className="lt-cal-prescription__notes">
                <td colSpan={columns} className={Classes.TEXT_MUTED}>
                  {item.notes}
                </td>
              </tr>
            )}
          </Fragment>
        ))}
      </tbody>
    </HTMLTable>
  );
}
