/**
 * How many workout chips fit in a month-view day cell at the calendar's current size: the month
 * gets no more events per day than that (a digest chip stands for the rest; workoutEvents.ts), so
 * FullCalendar never has to render and measure workouts nobody can see.
 */
import { differenceInCalendarDays, parseISO } from 'date-fns';
import { useEffect, useState, type RefObject } from 'react';

/** The weekday header row, a cell's day number, and one chip with its gap (calendar.css). */
const HEADER_PX = 31;
const DAY_NUMBER_PX = 24;
const CELL_BOTTOM_PX = 4;
const CHIP_PX = 20;

export function dayCapacity(calendarHeightPx: number, weeks: number): number {
  const cellHeight = (calendarHeightPx - HEADER_PX) / Math.max(1, weeks);
  return Math.max(1, Math.floor((cellHeight - DAY_NUMBER_PX - CELL_BOTTOM_PX) / CHIP_PX));
}

export function weeksIn(range: { from: string; to: string }): number {
  return Math.round((differenceInCalendarDays(parseISO(range.to), parseISO(range.from)) + 1) / 7);
}

/** The element's height, following resizes. */
export function useElementHeight(ref: RefObject<HTMLElement | null>): number | null {
  const [height, setHeight] = useState<number | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    setHeight(element.clientHeight);
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return height;
}
