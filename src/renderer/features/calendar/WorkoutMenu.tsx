/**
 * A workout's actions, for its context menu (right click, the "…" button, the context-menu key):
 * Open, Skip or Unskip, Move to…, Delete. Started and finished workouts only open; the menu says why.
 */
import { Menu, MenuDivider, MenuItem } from '@blueprintjs/core';
import type { ScheduledWorkout } from '../../../shared/domain/schedule';
import { formatShortDay } from './dateFormat';
import { isLocked } from './workoutEvents';

interface WorkoutMenuProps {
  workout: ScheduledWorkout;
  onOpen(): void;
  onSkip(skipped: boolean): void;
  onMove(): void;
  onDelete(): void;
}

export function WorkoutMenu({ workout, onOpen, onSkip, onMove, onDelete }: WorkoutMenuProps) {
  const locked = isLocked(workout);
  const skipped = workout.status === 'skipped';
  const heading = `${workout.templateName} · ${formatShortDay(workout.date)}`;
  return (
    <Menu aria-label={`Actions for ${workout.templateName}`}>
      <MenuDivider title={heading} />
      <MenuItem icon="document-open" text="Open" label="Enter" onClick={onOpen} />
      <MenuDivider />
      {locked ? (
        <MenuItem
          disabled
          icon="lock"
          text={workout.status === 'completed' ? 'Done: its session holds what was lifted' : 'In progress'}
        />
      ) : (
        <>
          <MenuItem
            icon={skipped ? 'undo' : 'disable'}
            text={skipped ? 'Unskip' : 'Skip'}
            onClick={() => onSkip(!skipped)}
          />
          <MenuItem icon="move" text="Move to…" onClick={onMove} />
          <MenuDivider />
          <MenuItem icon="trash" intent="danger" text="Delete" onClick={onDelete} />
        </>
      )}
    </Menu>
  );
}
