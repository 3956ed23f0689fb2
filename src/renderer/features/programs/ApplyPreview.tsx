/**
 * The apply dialog's right-hand side: where the program's workouts land (week by week), until
 * when, who already has it from that date, and the days an athlete already trains, with the
 * choice of what happens there.
 */
import { Callout, Classes, Intent, Radio, RadioGroup, Spinner } from '@blueprintjs/core';
import type { SerializedError } from '@reduxjs/toolkit';
import { useMemo } from 'react';
import type { AppErrorShape } from '../../../shared/contract/errors';
import type { OutputOf } from '../../../shared/contract';
import type { ConflictChoice } from '../../../shared/domain/program';
import { errorMessage } from '../../components/ErrorCallout';
import { formatLongDay, formatShortDay } from './dates';
import { plural } from './text';

type PreviewData = OutputOf<'programs.previewApply'>;

const CONFLICT_LABELS: Record<ConflictChoice, { label: string; help: string }> = {
  keep_both: { label: 'Keep both', help: 'the program’s workout goes beside the one already there' },
  replace: {
    label: 'Replace',
    help: 'workouts there that have not started are removed (Undo brings them back)',
  },
  shift: { label: 'Shift past them', help: 'the program moves on to the next free training day' },
};

interface ApplyPreviewProps {
  /** The checked input the preview is for; null while the form is incomplete. */
  input: { startDate: string } | null;
  data: PreviewData | undefined;
  isFetching: boolean;
  error: AppErrorShape | SerializedError | undefined;
  /** What to pick first, while `input` is null. */
  missing: string;
  onConflict: ConflictChoice;
  onConflictChange: (choice: ConflictChoice) => void;
}

export function ApplyPreview({
  input,
  data,
  isFetching,
  error,
  missing,
  onConflict,
  onConflictChange,
}: ApplyPreviewProps) {
  const conflictsByAthlete = useMemo(() => {
    const groups = new Map<string, { athleteName: string; days: PreviewData['conflicts'] }>();
    for (const conflict of data?.conflicts ?? []) {
      const group = groups.get(conflict.athleteId) ?? { athleteName: conflict.athleteName, days: [] };
      group.days.push(conflict);
      groups.set(conflict.athleteId, group);
    }
    return [...groups.values()];
  }, [data]);
  const weeksOfDays = useMemo(() => {
    const weeks = new Map<number, PreviewData['days']>();
    for (const day of data?.days ?? []) {
      const list = weeks.get(day.weekNumber) ?? [];
      list.push(day);
      weeks.set(day.weekNumber, list);
    }
    return [...weeks.entries()];
  }, [data]);
  const alreadyApplied = data?.alreadyApplied ?? [];

  return (
    <section className="lt-apply__preview" aria-label="Where the workouts land" aria-busy={isFetching}>
      {!input ? (
        <p className={Classes.TEXT_MUTED}>{missing}</p>
      ) : error ? (
        <Callout intent={Intent.DANGER} icon="error">
          {errorMessage(error)}
        </Callout>
      ) : !data || !input ? (
        <div className="lt-apply__loading">
          <Spinner size={20} />
        </div>
      ) : (
        <>
          <p className="lt-apply__summary">
            <strong>{plural(data.days.length, 'workout')}</strong> per athlete, from{' '}
            <strong>{formatLongDay(input.startDate)}</strong>
            {data.endDate ? (
              <>
                {' '}
                to <strong>{formatLongDay(data.endDate)}</strong>
              </>
            ) : null}
            .
          </p>
          {alreadyApplied.length > 0 && (
            <Callout intent={Intent.PRIMARY} icon="info-sign" className="lt-apply__note">
              Already applied from this date to {alreadyApplied.map((item) => item.athleteName).join(', ')}:
              nothing will be doubled.
            </Callout>
          )}
          <ol className="lt-apply__weeks" aria-label="Dates by week">
            {weeksOfDays.map(([weekNumber, days]) => (
              <li key={weekNumber}>
                <span className="lt-apply__week-label">Week {weekNumber}</span>
                <span className="lt-apply__week-days">
                  {days.map((day) => (
                    <span
                      key={`${day.dayIndex}-${day.date}`}
                      className="lt-apply__day"
                      title={day.templateName}
                    >
                      <span className="lt-apply__date">{formatShortDay(day.date)}</span> {day.templateName}
                    </span>
                  ))}
                </span>
              </li>
            ))}
          </ol>
          {conflictsByAthlete.length > 0 && (
            <div className="lt-apply__conflicts">
              <Callout intent={Intent.WARNING} icon="warning-sign" title="Days that already have a workout">
                <ul>
                  {conflictsByAthlete.map((group) => (
                    <li key={group.athleteName}>
                      <strong>{group.athleteName}</strong>:{' '}
                      {group.days
                        .map(
                          (conflict) =>
                            `${formatShortDay(conflict.date)} (${conflict.workouts
                              .map((workout) => workout.templateName)
                              .join(', ')})`,
                        )
                        .join('; ')}
                    </li>
                  ))}
                </ul>
              </Callout>
              <RadioGroup
                label="On those days"
                selectedValue={onConflict}
                onChange={(event) => onConflictChange(event.currentTarget.value as ConflictChoice)}
                className="lt-apply__choice"
              >
                {(Object.keys(CONFLICT_LABELS) as ConflictChoice[]).map((choice) => (
                  <Radio
                    key={choice}
                    value={choice}
                    labelElement={
                      <span>
                        <strong>{CONFLICT_LABELS[choice].label}</strong>{' '}
                        <span className={Classes.TEXT_MUTED}>— {CONFLICT_LABELS[choice].help}</span>
                      </span>
                    }
                  />
                ))}
              </RadioGroup>
            </div>
          )}
        </>
      )}
    </section>
  );
}
