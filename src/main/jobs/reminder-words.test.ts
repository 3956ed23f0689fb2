import { describe, expect, it } from 'vitest';
import { reminderWords, untilStart } from './reminder-words';

const facts = {
  athleteName: 'Ada',
  templateName: 'Upper A',
  date: '2026-03-02',
  startTime: '17:00',
  today: '2026-03-02',
  athleteTimeZone: 'Europe/London',
  localTimeZone: 'Europe/London',
  minutesUntilStart: 120,
};

describe('reminder words', () => {
  it('names the athlete, the workout and its time, and how long until it starts', () => {
    expect(reminderWords(facts)).toEqual({ title: 'Ada: Upper A at 17:00', body: 'Starts in 2 hours.' });
  });

  it('says tomorrow, or the day, when the workout is not today', () => {
    expect(reminderWords({ ...facts, date: '2026-03-03' }).title).toBe('Ada: Upper A tomorrow at 17:00');
    expect(reminderWords({ ...facts, date: '2026-03-05' }).title).toBe('Ada: Upper A on Thu 5 Mar at 17:00');
  });

  it('says whose clock the time is on when the athlete lives in another time zone', () => {
    expect(reminderWords({ ...facts, athleteTimeZone: 'America/New_York' }).title).toBe(
      'Ada: Upper A at 17:00 (New York time)',
    );
  });

  it('rounds the time left to whole minutes, in hours past the hour', () => {
    expect(untilStart(0.2)).toBe('now');
    expect(untilStart(1)).toBe('in 1 minute');
    expect(untilStart(44.6)).toBe('in 45 minutes');
    expect(untilStart(60)).toBe('in 1 hour');
    expect(untilStart(90)).toBe('in 1 h 30 min');
    expect(untilStart(72 * 60)).toBe('in 72 hours');
  });
});
