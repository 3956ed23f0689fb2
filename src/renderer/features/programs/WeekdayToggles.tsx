/** Mon…Sun as toggle buttons: the weekdays a program's training days fall on. */
import { Button, Intent } from '@blueprintjs/core';
import { WEEKDAY_SHORT_NAMES } from '../../../shared/domain/dates';

const LONG_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function WeekdayToggles({
  id,
  value,
  onChange,
  label = 'Training weekdays',
  small,
}: {
  id?: string;
  value: readonly number[];
  onChange: (weekdays: number[]) => void;
  label?: string;
  small?: boolean;
}) {
  return (
    <div id={id} role="group" aria-label={label} className="lt-weekday-toggles">
      {WEEKDAY_SHORT_NAMES.map((name, index) => {
        const day = index + 1;
        const on = value.includes(day);
        return (
          <Button
            key={name}
            text={name}
            size={small ? 'small' : 'medium'}
            aria-label={LONG_NAMES[index]}
            aria-pressed={on}
            intent={on ? Intent.PRIMARY : Intent.NONE}
            variant={on ? 'solid' : 'outlined'}
            onClick={() =>
              onChange(on ? value.filter((other) => other !== day) : [...value, day].sort((a, b) => a - b))
            }
          />
        );
      })}
    </div>
  );
}
