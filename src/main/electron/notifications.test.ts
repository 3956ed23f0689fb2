import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackendEvent } from '../../shared/contract/events';
import { showReminderNotifications } from './notifications';
import { fakeBackend, type FakeBackend } from './test-support/fake-backend';
import { BrowserWindow, Notification, fake, resetFakeElectron } from './test-support/fake-electron';

vi.mock('electron', () => import('./test-support/fake-electron'));

const reminder: BackendEvent = {
  name: 'reminder',
  payload: {
    scheduledWorkoutId: '01890000-0000-7000-8000-000000000001',
    athleteId: '01890000-0000-7000-8000-000000000002',
    athleteName: 'Ada',
    templateName: 'Upper A',
    startsAt: '2026-03-02T17:00:00.000Z',
    date: '2026-03-02',
    startTime: '17:00',
    title: 'Ada: Upper A at 17:00',
    body: 'Starts in 2 hours.',
  },
};

let backend: FakeBackend;
let window: BrowserWindow;

beforeEach(() => {
  resetFakeElectron();
  backend = fakeBackend();
  window = new BrowserWindow({ width: 1200, height: 800 });
});

const getWindow = () => window as unknown as Electron.BrowserWindow;

describe('reminder notifications', () => {
  it('shows a desktop notification with the reminder’s words', () => {
    showReminderNotifications(backend, getWindow);
    backend.emit(reminder);

    expect(Notification.instances).toHaveLength(1);
    expect(Notification.instances[0]?.options).toEqual({
      title: 'Ada: Upper A at 17:00',
      body: 'Starts in 2 hours.',
    });
    expect(fake.log).toContain('notification: Ada: Upper A at 17:00');
  });

  it('brings the window forward when the notification is clicked', () => {
    showReminderNotifications(backend, getWindow);
    window.minimized = true;
    backend.emit(reminder);

    Notification.instances[0]?.click();

    expect(window.calls).toEqual(['restore', 'show', 'focus']);
  });

  it('shows nothing for other events, or where the system has no notifications', () => {
    showReminderNotifications(backend, getWindow);
    backend.emit({ name: 'changed', payload: { tables: ['scheduled_workout'] } });
    Notification.supported = false;
    backend.emit(reminder);

    expect(Notification.instances).toHaveLength(0);
  });

  it('stops listening when disposed', () => {
    const dispose = showReminderNotifications(backend, getWindow);
    dispose();
    backend.emit(reminder);

    expect(Notification.instances).toHaveLength(0);
    expect(backend.listeners.size).toBe(0);
  });
});
