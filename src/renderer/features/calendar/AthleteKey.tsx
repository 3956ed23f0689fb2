/**
 * The key to a calendar showing several athletes: each athlete's bar colour and the initials their
 * chips carry, with the full name. Scrolls off (clipped to two lines) when there are many; the
 * picker's list shows every colour too.
 */
import { Classes } from '@blueprintjs/core';
import { memo } from 'react';
import { useStatusTheme } from '../../components/statusColors';
import { athleteColor, initialsOf } from './athleteColors';
import type { ShownAthlete } from './workoutEvents';

export const AthleteKey = memo(function AthleteKey({ athletes }: { athletes: readonly ShownAthlete[] }) {
  const theme = useStatusTheme();
  return (
    <ul className="lt-cal-key" aria-label="Athlete colours">
      {athletes.map((athlete) => (
        <li key={athlete.id} title={athlete.name}>
          <span
            className="lt-swatch"
            style={{ backgroundColor: athleteColor(athlete.color, theme) }}
            aria-hidden
          />
          <span className="lt-cal-key__initials">{initialsOf(athlete.name)}</span>
          <span className={Classes.TEXT_MUTED}>{athlete.name}</span>
        </li>
      ))}
    </ul>
  );
});
