/**
 * How long the calendar takes from a range's data arriving to FullCalendar's painted view, measured
 * in the page with the User Timing API (bench/calendar-render.ts reads it; nothing in the app
 * depends on it). "Painted" is the first task after the next animation frame once FullCalendar
 * reports its events set: that frame is the one that paints them, and a message posted from its
 * callback runs right after the paint (a second animation frame would add up to a frame of idle).
 */

const DATA_MARK = 'lt-calendar:data';
const PAINTED_MARK = 'lt-calendar:painted';
export const RENDER_MEASURE = 'lt-calendar:render';

export interface CalendarRenderTiming {
  durationMs: number;
  eventCount: number;
  view: string;
  /** How many renders were measured since the page loaded. */
  count: number;
}

declare global {
  interface Window {
    /** The last measured calendar render (for benchmarks). */
    ltCalendarRender?: CalendarRenderTiming;
  }
}

let pending = false;
let measured = 0;

/** A range's workouts have just reached the calendar. */
export function markCalendarData(): void {
  performance.mark(DATA_MARK);
  pending = true;
}

/** FullCalendar has set its events; measure once the frame that shows them is painted. */
export function markCalendarEventsSet(eventCount: number, view: string): void {
  if (!pending) return;
  pending = false;
  requestAnimationFrame(() => {
    const afterPaint = new MessageChannel();
    afterPaint.port1.onmessage = () => {
      performance.mark(PAINTED_MARK);
      const measure = performance.measure(RENDER_MEASURE, DATA_MARK, PAINTED_MARK);
      measured += 1;
      window.ltCalendarRender = { durationMs: measure.duration, eventCount, view, count: measured };
      afterPaint.port1.close();
    };
    afterPaint.port2.postMessage(null);
  });
}
