/**
 * FullCalendar, set up for training: Monday-first month, week and day time grids (workouts with a
 * start time at their time, the others in an "Any time" row), a month agenda list; events moved by
 * drag, templates dropped from the side panel, dates clicked for a quick add. It reports what the
 * coach does; the page decides what to call.
 */
import type {
  CalendarOptions,
  DatesSetArg,
  DayCellMountArg,
  EventApi,
  EventClickArg,
  EventContentArg,
  EventDropArg,
  EventInput,
  EventMountArg,
} from '@fullcalendar/core';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin, { type DateClickArg, type DropArg } from '@fullcalendar/interaction';
import listPlugin from '@fullcalendar/list';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { ScheduledWorkout } from '../../../shared/domain/schedule';
import type { ResolvedTheme } from '../../app/theme';
import { formatLongDay } from './dateFormat';
import { markCalendarEventsSet } from './renderTiming';
import { ensureDayTabStop, useCalendarKeyboard } from './useCalendarKeyboard';
import { FULLCALENDAR_VIEWS, type CalendarView } from './useCalendarView';
import type { Placement } from './useWorkoutActions';
import { eventLabelId, workoutEventContent } from './workoutEventContent';
import { digestOf, isWorkoutEvent, placementOf, toIsoDate, workoutOf } from './workoutEvents';

const PLUGINS = [dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin];

const VIEW_OF_FULLCALENDAR = Object.fromEntries(
  Object.entries(FULLCALENDAR_VIEWS).map(([view, fullCalendarView]) => [fullCalendarView, view]),
) as Record<string, CalendarView>;

const EVENT_TIME_FORMAT = {
  hour: 'numeric',
  minute: '2-digit',
  omitZeroMinute: true,
  meridiem: 'narrow',
} as const;

const VIEW_OPTIONS: CalendarOptions['views'] = {
  // The chip writes the time itself (workoutEventContent.ts); FullCalendar's per-event formatting
  // was a tenth of a busy month's render.
  dayGridMonth: { dayMaxEvents: true, displayEventTime: false },
  // Workouts at the same hour sit side by side up to a readable width, then "+N" opens the rest.
  timeGridWeek: { dayMaxEvents: 3, eventMaxStack: 2 },
  timeGridDay: { dayMaxEvents: false, eventMaxStack: 6 },
  // An agenda reads by time first, then athlete.
  listWeek: {
    listDayFormat: { weekday: 'long', day: 'numeric', month: 'long' },
    listDaySideFormat: false,
    eventOrder: 'start,athleteOrder,title',
  },
};

export interface ShownRange {
  view: CalendarView;
  /** The first day of the period (the month's 1st, the week's Monday, the day). */
  date: string;
  /** The day the calendar is on within it (kept across view changes: month → week shows its week). */
  focusDate: string;
  /** First and last day on screen (a month view shows a few days around the month). */
  from: string;
  to: string;
  title: string;
}

export interface WorkoutMenuRequest {
  workout: ScheduledWorkout;
  left: number;
  top: number;
}

interface WorkoutCalendarProps {
  calendarRef: RefObject<FullCalendar | null>;
  initialView: CalendarView;
  initialDate: string | null;
  events: EventInput[];
  showAthletes: boolean;
  theme: ResolvedTheme;
  onRangeChange(range: ShownRange): void;
  onDateChosen(placement: Placement): void;
  onOpen(workout: ScheduledWorkout): void;
  onMove(workout: ScheduledWorkout, to: Placement): Promise<boolean>;
  onTemplateDropped(templateId: string, placement: Placement): void;
  onMenu(request: WorkoutMenuRequest): void;
}

export function WorkoutCalendar(props: WorkoutCalendarProps) {
  const { calendarRef, events, showAthletes, theme } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  // Read once: FullCalendar treats a changed option as a reason to re-render, and the page keeps
  // these in step with the calendar's own navigation.
  const [initial] = useState(() => ({ view: props.initialView, date: props.initialDate }));
  // FullCalendar keeps the callbacks it was mounted with for some hooks (eventDidMount); they read
  // the latest props through this ref.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });

  const keyboardHandlers = useMemo(
    () => ({
      onDateChosen: (date: string) => latest.current.onDateChosen({ date, startTime: null }),
      onMenu: (request: WorkoutMenuRequest) => latest.current.onMenu(request),
      workoutById: (id: string) => workoutFromCalendar(calendarRef.current, id),
    }),
    [calendarRef],
  );
  useCalendarKeyboard(containerRef, keyboardHandlers);

  const handleDatesSet = useCallback((arg: DatesSetArg) => {
    const last = new Date(arg.end);
    last.setDate(last.getDate() - 1);
    latest.current.onRangeChange({
      view: VIEW_OF_FULLCALENDAR[arg.view.type] ?? 'month',
      date: toIsoDate(arg.view.currentStart),
      focusDate: toIsoDate(arg.view.calendar.getDate()),
      from: toIsoDate(arg.start),
      to: toIsoDate(last),
      title: arg.view.title,
    });
    requestAnimationFrame(() => {
      if (containerRef.current) ensureDayTabStop(containerRef.current);
    });
  }, []);

  const handleEventsSet = useCallback(
    (eventApis: EventApi[]) => {
      // Skeletons do not count; a digest counts the workouts it stands for.
      let workouts = 0;
      for (const event of eventApis) workouts += isWorkoutEvent(event) ? 1 : (digestOf(event)?.count ?? 0);
      if (workouts > 0 || eventApis.length === 0) {
        markCalendarEventsSet(workouts, calendarRef.current?.getApi().view.type ?? '');
      }
    },
    [calendarRef],
  );

  const handleEventClick = useCallback(
    (arg: EventClickArg) => {
      arg.jsEvent.preventDefault();
      const digest = digestOf(arg.event);
      if (digest) {
        calendarRef.current?.getApi().changeView(FULLCALENDAR_VIEWS.day, digest.date);
        return;
      }
      if (!isWorkoutEvent(arg.event)) return;
      latest.current.onOpen(workoutOf(arg.event).workout);
    },
    [calendarRef],
  );

  const handleEventDrop = useCallback((arg: EventDropArg) => {
    const { workout } = workoutOf(arg.event);
    if (!arg.event.start) return arg.revert();
    // The page edits the cached range at once and takes the edit back on a refusal; the events
    // FullCalendar then receives put the workout where the data says (reverting here as well would
    // act on an event the new data has already replaced).
    void latest.current.onMove(workout, placementOf(arg.event.start, arg.event.allDay));
  }, []);

  const handleDateClick = useCallback((arg: DateClickArg) => {
    latest.current.onDateChosen(placementOf(arg.date, arg.allDay));
  }, []);

  const handleDrop = useCallback((arg: DropArg) => {
    const templateId = arg.draggedEl.dataset.templateId;
    if (templateId) latest.current.onTemplateDropped(templateId, placementOf(arg.date, arg.allDay));
  }, []);

  const handleEventDidMount = useCallback((arg: EventMountArg) => {
    const digest = digestOf(arg.event);
    if (digest) {
      arg.el.setAttribute('role', 'button');
      arg.el.setAttribute('aria-labelledby', eventLabelId(arg.event.id));
      return;
    }
    if (!isWorkoutEvent(arg.event)) {
      arg.el.setAttribute('aria-hidden', 'true');
      arg.el.tabIndex = -1;
      return;
    }
    arg.el.dataset.workoutId = arg.event.id;
    // Enter or a click opens the workout: a button to assistive technology, named by its content.
    arg.el.setAttribute('role', 'button');
    arg.el.setAttribute('aria-labelledby', eventLabelId(arg.event.id));
  }, []);

  const handleDayCellDidMount = useCallback((arg: DayCellMountArg) => {
    if (arg.view.type.startsWith('list')) return;
    arg.el.tabIndex = arg.isToday ? 0 : -1;
    // Named by its full date (FullCalendar names it by the day number alone, "10").
    arg.el.removeAttribute('aria-labelledby');
    arg.el.setAttribute('aria-label', formatLongDay(toIsoDate(arg.date)));
    arg.el.setAttribute('aria-description', 'Enter adds a workout on this day');
  }, []);

  const renderEventContent = useCallback(
    (arg: EventContentArg) => workoutEventContent(arg, { showAthletes, theme }),
    [showAthletes, theme],
  );

  return (
    <div ref={containerRef} className="lt-calendar">
      <FullCalendar
        ref={calendarRef}
        plugins={PLUGINS}
        initialView={FULLCALENDAR_VIEWS[initial.view]}
        initialDate={initial.date ?? undefined}
        headerToolbar={false}
        height="100%"
        firstDay={1}
        fixedWeekCount={false}
        navLinks
        nowIndicator
        editable
        eventDurationEditable={false}
        droppable
        events={events}
        eventOrder="athleteOrder,start,title"
        eventTimeFormat={EVENT_TIME_FORMAT}
        displayEventEnd={false}
        defaultTimedEventDuration="01:00"
        eventBackgroundColor="transparent"
        eventBorderColor="transparent"
        allDayText="Any time"
        scrollTime="06:00:00"
        views={VIEW_OPTIONS}
        noEventsContent="No workouts in this period"
        eventContent={renderEventContent}
        eventDidMount={handleEventDidMount}
        dayCellDidMount={handleDayCellDidMount}
        eventClick={handleEventClick}
        eventDrop={handleEventDrop}
        dateClick={handleDateClick}
        drop={handleDrop}
        datesSet={handleDatesSet}
        eventsSet={handleEventsSet}
      />
    </div>
  );
}

function workoutFromCalendar(calendar: FullCalendar | null, id: string): ScheduledWorkout | null {
  const event = calendar?.getApi().getEventById(id);
  return event ? workoutOf(event).workout : null;
}
