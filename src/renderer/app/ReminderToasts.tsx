/**
 * Workout reminders in the web host: each backend `reminder` event (the workout-reminders job)
 * shows a toast with the workout and when it starts. In the Electron shell (the preload bridge is
 * there) the shell shows a desktop notification instead, so the page stays quiet.
 */
import { Intent } from '@blueprintjs/core';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import type { EventPayload } from '../../shared/contract/events';
import { getTransport } from './api';
import { useToaster } from './toaster';
import './reminders.css';

/** How long a reminder stays up (hovering it keeps it); long enough to notice from across a room. */
const REMINDER_TOAST_MS = 20_000;

function inDesktopShell(): boolean {
  return 'liftTracker' in window;
}

/** Mounted once, inside the toaster, by the app frame. */
export function ReminderToasts(): null {
  const toaster = useToaster();
  const navigate = useNavigate();

  useEffect(() => {
    if (inDesktopShell()) return;
    return getTransport().subscribe((event) => {
      if (event.name !== 'reminder') return;
      toaster.show(
        {
          icon: 'notifications',
          intent: Intent.PRIMARY,
          timeout: REMINDER_TOAST_MS,
          message: <ReminderMessage reminder={event.payload} />,
          action: { text: 'Open calendar', onClick: () => void navigate('/calendar') },
        },
        // One toast per workout, however often the event arrives.
        `reminder-${event.payload.scheduledWorkoutId}`,
      );
    });
  }, [toaster, navigate]);

  return null;
}

function ReminderMessage({ reminder }: { reminder: EventPayload<'reminder'> }) {
  return (
    <span className="lt-reminder">
      <strong className="lt-reminder__title">{reminder.title}</strong>
      <span className="lt-reminder__body">{reminder.body}</span>
    </span>
  );
}
