/**
 * Workout reminders as desktop notifications: the backend's `reminder` events (the
 * workout-reminders job) become an Electron Notification where the system supports them; a click
 * brings the window to the front. In the web host the page shows a toast instead.
 */
import { Notification, type BrowserWindow } from 'electron';
import type { BackendHandle } from '../backend/handle';
import { focusWindow } from './window';

/** Shows a notification for each reminder; returns the function that stops listening. */
export function showReminderNotifications(
  backend: BackendHandle,
  getWindow: () => BrowserWindow | null,
): () => void {
  // Held until closed or clicked: a notification the main process no longer references can be
  // collected, and its click handler with it.
  const shown = new Set<Notification>();
  const unsubscribe = backend.subscribe((event) => {
    if (event.name !== 'reminder' || !Notification.isSupported()) return;
    const notification = new Notification({ title: event.payload.title, body: event.payload.body });
    const forget = () => void shown.delete(notification);
    notification.on('click', () => {
      forget();
      const window = getWindow();
      if (window && !window.isDestroyed()) focusWindow(window);
    });
    notification.on('close', forget);
    shown.add(notification);
    notification.show();
  });
  return () => {
    unsubscribe();
    shown.clear();
  };
}
