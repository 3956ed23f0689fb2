import { describe, expect, it } from 'vitest';
import type { ScheduledWorkout, ScheduleStatus } from '../../../shared/domain/schedule';
import { digestOf, toEvents, type ShownAthlete } from './workoutEvents';

const ATHLETES: ShownAthlete[] = [
  { id: '00000000-0000-7000-8000-00000000000a', name: 'Ada Lovelace', color: 3 },
  { id: '00000000-0000-7000-8000-00000000000b', name: 'Ben Okri', color: 5 },
];

let serial = 0;
function workout(fields: Partial<ScheduledWorkout> & { date: string }): ScheduledWorkout {
  serial += 1;
  return {
    id: `00000000-0000-7000-8000-${String(serial).padStart(12, '0')}`,
    athleteId: ATHLETES[0]!.id,
    startTime: null,
    templateId: '00000000-0000-7000-8000-0000000000ff',
    templateName: 'Upper A',
    status: 'scheduled',
    programId: null,
    programName: null,
    assignmentId: null,
    weekNumber: null,
    dayIndex: null,
    notes: '',
    datePinned: false,
    sessionId: null,
    updatedAt: '2026-12-01T10:00:00.000Z',
    ...fields,
  };
}

describe('toEvents', () => {
  it('puts a workout with a start time at that time and one without on the whole day', () => {
    const [timed, anyTime] = toEvents(
      [workout({ date: '2026-12-07', startTime: '18:30' }), workout({ date: '2026-12-08' })],
      ATHLETES,
    );
    expect(timed).toMatchObject({ start: '2026-12-07T18:30', allDay: false });
    expect(anyTime).toMatchObject({ start: '2026-12-08', allDay: true });
  });

  it('lets scheduled, missed and skipped workouts be dragged, never started or finished ones', () => {
    const statuses: ScheduleStatus[] = ['scheduled', 'missed', 'skipped', 'in_progress', 'completed'];
    const events = toEvents(
      statuses.map((status) => workout({ date: '2026-12-07', status })),
      ATHLETES,
    );
    expect(events.map((event) => event.startEditable)).toEqual([true, true, true, false, false]);
  });

  it('carries the athlete’s name, colour and place among those shown', () => {
    const [event] = toEvents([workout({ date: '2026-12-07', athleteId: ATHLETES[1]!.id })], ATHLETES);
    expect(event!.extendedProps).toMatchObject({ athleteName: 'Ben Okri', athleteColor: 5, athleteOrder: 1 });
  });

  it('shows a busy day’s first workouts and one digest counting the rest by status', () => {
    const day = [
      workout({ date: '2026-12-07', athleteId: ATHLETES[1]!.id, status: 'completed' }),
      workout({ date: '2026-12-07', status: 'completed' }),
      workout({ date: '2026-12-07', startTime: '07:00', status: 'missed' }),
      workout({ date: '2026-12-07', athleteId: ATHLETES[1]!.id, startTime: '06:00' }),
    ];
    const quiet = workout({ date: '2026-12-08' });
    const events = toEvents([...day, quiet], ATHLETES, 3);

    const onBusyDay = events.filter((event) => event.start!.toString().startsWith('2026-12-07'));
    expect(onBusyDay).toHaveLength(3);
    // In the calendar's order: Ada's any-time workout, Ada's 07:00, then the digest.
    expect(onBusyDay[0]!.id).toBe(day[1]!.id);
    expect(onBusyDay[1]!.id).toBe(day[2]!.id);
    expect(digestOf(onBusyDay[2] as { extendedProps: Record<string, unknown> })).toEqual({
      date: '2026-12-07',
      count: 2,
      byStatus: { completed: 1, scheduled: 1 },
    });
    expect(events.some((event) => event.id === quiet.id)).toBe(true);
  });

  it('leaves a day that fits alone, however many days there are', () => {
    const workouts = Array.from({ length: 31 }, (_, index) =>
      workout({ date: `2026-12-${String(index + 1).padStart(2, '0')}` }),
    );
    const events = toEvents(workouts, ATHLETES, 2);
    expect(events).toHaveLength(31);
    expect(
      events.every((event) => digestOf(event as { extendedProps: Record<string, unknown> }) === null),
    ).toBe(true);
  });
});
