/**
 * The rest timer, always in view above the exercises. Its state is the workout's (rest.startedAt
 * and rest.seconds, saved by completeSet and workouts.rest), so it runs on after a reload, in every
 * window. When it ends: a beep (Web Audio, when the preference says so) and a toast; a desktop
 * notification too when the app is not in front and notifications are allowed. After the end it
 * counts the time over, so the lifter sees how long the rest really was.
 */
import { Button, ButtonGroup, Intent, ProgressBar } from '@blueprintjs/core';
import { useEffect, useRef, useState } from 'react';
import type { RestTimer as RestState } from '../../../shared/domain/workout';
import { useToaster } from '../../app/toaster';
import { beep } from './beep';
import { formatClock } from './setPlan';

/** The clock, ticking while a rest runs (and a little after, to show the time over). */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const interval = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(interval);
  }, [active]);
  return now;
}

export function restEndsAt(rest: RestState): number {
  return new Date(rest.startedAt).getTime() + rest.seconds * 1000;
}

/** Beeps, toasts and notifies once when the rest ends while the screen is open. */
function useRestAlarm(rest: RestState | null, sound: boolean, nextUp: string | null) {
  const toaster = useToaster();
  const latest = useRef({ sound, nextUp });
  latest.current = { sound, nextUp };
  const endsAt = rest ? restEndsAt(rest) : null;

  useEffect(() => {
    if (endsAt === null) return;
    const wait = endsAt - Date.now();
    // A rest that ended before the screen opened (a reload long after) rings no more.
    if (wait <= 0) return;
    const timer = setTimeout(() => {
      const { sound: withSound, nextUp: next } = latest.current;
      if (withSound) beep();
      const body = next ? `Next: ${next}.` : 'Time for the next set.';
      toaster.show(
        { icon: 'time', intent: Intent.PRIMARY, timeout: 10_000, message: `Rest is over. ${body}` },
        'rest-over',
      );
      if (
        typeof Notification !== 'undefined' &&
        Notification.permission === 'granted' &&
        !document.hasFocus()
      ) {
        new Notification('Rest is over', { body, tag: 'lift-tracker-rest', silent: withSound });
      }
    }, wait);
    return () => clearTimeout(timer);
  }, [endsAt, toaster]);
}

export interface RestTimerProps {
  rest: RestState | null;
  /** The rest a new timer would run (the last exercise's or the default), in seconds. */
  defaultSeconds: number;
  sound: boolean;
  nextUp: string | null;
  onAdjust: (deltaSeconds: number) => void;
  onSkip: () => void;
  onStart: () => void;
}

export function RestTimer({
  rest,
  defaultSeconds,
  sound,
  nextUp,
  onAdjust,
  onSkip,
  onStart,
}: RestTimerProps) {
  const endsAt = rest ? restEndsAt(rest) : null;
  const now = useNow(endsAt !== null);
  useRestAlarm(rest, sound, nextUp);

  const remaining = endsAt === null ? null : Math.ceil((endsAt - now) / 1000);
  const over = remaining !== null && remaining <= 0;
  const fraction = rest && remaining !== null && rest.seconds > 0 ? Math.max(0, remaining) / rest.seconds : 0;

  return (
    <section
      className={`lt-rest${over ? ' lt-rest--over' : ''}${remaining === null ? ' lt-rest--idle' : ''}`}
      aria-label="Rest timer"
    >
      <div className="lt-rest__clock">
        <span className="lt-rest__caption">
          {remaining === null ? 'Rest' : over ? 'Rest over' : 'Resting'}
        </span>
        <span role="timer" aria-label="Rest" aria-live="off" className="lt-rest__time">
          {remaining === null
            ? formatClock(defaultSeconds)
            : over
              ? `+${formatClock(-remaining)}`
              : formatClock(remaining)}
        </span>
      </div>
      <div className="lt-rest__progress">
        {remaining !== null && !over ? (
          <ProgressBar value={fraction} intent={Intent.PRIMARY} stripes={false} animate={false} />
        ) : (
          <span className="lt-rest__hint">
            {remaining === null
              ? 'Starts by itself when you log a set.'
              : nextUp
                ? `Next: ${nextUp}`
                : 'Go when ready.'}
          </span>
        )}
      </div>
      <ButtonGroup className="lt-rest__buttons">
        {remaining !== null && !over ? (
          <>
            <Button
              size="large"
              text="−15 s"
              aria-label="15 seconds less rest"
              onClick={() => onAdjust(-15)}
            />
            <Button
              size="large"
              text="+15 s"
              aria-label="15 seconds more rest"
              onClick={() => onAdjust(15)}
            />
            <Button
              size="large"
              icon="fast-forward"
              text="Skip"
              aria-label="Skip the rest"
              onClick={onSkip}
            />
          </>
        ) : (
          <>
            {remaining !== null && (
              <Button
                size="large"
                icon="cross"
                text="Clear"
                aria-label="Clear the rest timer"
                onClick={onSkip}
              />
            )}
            <Button size="large" icon="play" text="Start rest" onClick={onStart} />
          </>
        )}
      </ButtonGroup>
    </section>
  );
}
