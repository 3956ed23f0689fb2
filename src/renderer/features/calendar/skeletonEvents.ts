/**
 * Placeholder chips for the first load: the shape of a training week (Monday, Wednesday, Friday)
 * in grey skeleton blocks, so the calendar shows its real layout rather than a spinner.
 */
import type { EventInput } from '@fullcalendar/core';
import { addDays, differenceInCalendarDays, parseISO } from 'date-fns';
import { SKELETON_EVENT } from './workoutEventContent';
import { toIsoDate } from './workoutEvents';

const TRAINING_DAY_OFFSETS = new Set([0, 2, 4]);

export function skeletonEvents(range: { from: string; to: string }): EventInput[] {
  const first = parseISO(range.from);
  const days = differenceInCalendarDays(parseISO(range.to), first) + 1;
  const events: EventInput[] = [];
  for (let offset = 0; offset < days; offset += 1) {
    const date = addDays(first, offset);
    // ISO weekday offset from Monday, so the pattern sits on the same weekdays in every view.
    if (!TRAINING_DAY_OFFSETS.has((date.getDay() + 6) % 7) && days > 1) continue;
    events.push({
      id: `skeleton-${offset}`,
      start: toIsoDate(date),
      allDay: true,
      editable: false,
      classNames: [SKELETON_EVENT],
    });
  }
  return events;
}
