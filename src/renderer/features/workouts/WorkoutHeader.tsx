/**
 * The workout's header: its name (edited in place), who and since when, the time so far, the sets
 * logged of those planned, the volume, and the tools: RPE, discard (with Undo), Finish.
 */
import { Button, Classes, EditableText, Intent } from '@blueprintjs/core';
import type { WorkoutDetail } from '../../../shared/domain/workout';
import { formatWeightTotal, type WeightUnit } from '../../components/units';
import { useUpdateWorkoutMutation } from './api';
import { formatDuration } from './setPlan';
import { useElapsedSeconds } from './WorkoutParts';

export interface WorkoutHeaderProps {
  detail: WorkoutDetail;
  doneCount: number;
  setCount: number;
  volumeKg: number;
  unit: WeightUnit;
  finishing: boolean;
  onRpe: () => void;
  onDiscard: () => void;
  onFinish: () => void;
}

export function WorkoutHeader({
  detail,
  doneCount,
  setCount,
  volumeKg,
  unit,
  finishing,
  onRpe,
  onDiscard,
  onFinish,
}: WorkoutHeaderProps) {
  const [updateWorkout] = useUpdateWorkoutMutation();
  const elapsed = useElapsedSeconds(detail.startedAt);
  const startedAt = new Date(detail.startedAt).toLocaleTimeString(undefined, {
    hour: 'numeric',
    minute: '2-digit',
  });

  return (
    <header className="lt-wo-head">
      <div className="lt-wo-head__title">
        <h2 className={`${Classes.HEADING} lt-wo-head__name`}>
          <EditableText
            defaultValue={detail.name}
            placeholder="Workout"
            maxLength={120}
            aria-label="Workout name"
            onConfirm={(name) => name !== detail.name && void updateWorkout({ id: detail.id, name })}
          />
        </h2>
        <div className={`${Classes.TEXT_MUTED} lt-wo-head__meta`}>
          {detail.athleteName} · started {startedAt}
        </div>
      </div>
      <dl className="lt-wo-stats">
        <div>
          <dt>Time</dt>
          <dd>{formatDuration(elapsed)}</dd>
        </div>
        <div>
          <dt>Sets</dt>
          <dd>
            {doneCount}
            <span className={Classes.TEXT_MUTED}>/{setCount}</span>
          </dd>
        </div>
        <div>
          <dt>Volume</dt>
          <dd>{formatWeightTotal(volumeKg, unit)}</dd>
        </div>
      </dl>
      <div className="lt-wo-head__tools">
        <Button
          size="large"
          icon="dashboard"
          text="RPE"
          title="RPE scale and calculator (Alt+R)"
          onClick={onRpe}
        />
        <Button
          size="large"
          icon="trash"
          variant="minimal"
          aria-label="Discard the workout"
          title="Discard the workout (Undo in the message)"
          onClick={onDiscard}
        />
        <Button
          size="large"
          className="lt-wo-finish"
          intent={Intent.SUCCESS}
          icon="flag"
          text="Finish"
          title="Finish the workout (Alt+F)"
          loading={finishing}
          onClick={onFinish}
        />
      </div>
    </header>
  );
}
