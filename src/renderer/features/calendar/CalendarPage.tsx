/** SCAFFOLD (issue 6): the calendar; replaced by the real screen. */
export function CalendarPage() {
  return <div className="lt-page">Calendar</div>;
}
