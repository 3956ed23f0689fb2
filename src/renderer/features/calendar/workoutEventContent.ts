/**
 * How a workout reads on the calendar: a chip filled with its status colour holding the template
 * name, its time, a week badge for program workouts (W3) and a pin when it was moved by hand. When
 * several athletes are shown, a bar in the athlete's colour sits outside the chip (so it never mixes
 * with the status fill) and the athlete's initials lead the text.
 *
 * Built as plain DOM nodes (FullCalendar's `domNodes` content), not React: React content goes
 * through a portal per event, and a busy month spent most of its render time there.
 */
import { Classes } from '@blueprintjs/core';
import type { EventContentArg } from '@fullcalendar/core';
import type { ScheduleStatus } from '../../../shared/domain/schedule';
import type { ResolvedTheme } from '../../app/theme';
import { STATUS_LABELS } from '../../components/statusColors';
import { athleteColor, initialsOf } from './athleteColors';
import { formatShortDay, shortClockTime } from './dateFormat';
import { digestOf, isWorkoutEvent, workoutOf, type DayDigest } from './workoutEvents';

export const SKELETON_EVENT = 'lt-cal-skeleton';

/**
 * The id of the hidden text that names an event (its element points at it with aria-labelledby).
 * FullCalendar keeps an event's element when the workout changes and only re-renders its content,
 * so a name written on the element when it mounted would go stale ("Scheduled" on a missed one).
 */
export function eventLabelId(eventId: string): string {
  return `lt-cal-label-${eventId}`;
}
export const MENU_BUTTON_CLASS = 'lt-cal-menu-button';
const PIN_TITLE = 'Moved by hand: program changes keep it on this date';
const DIGEST_ORDER: readonly ScheduleStatus[] = [
  'completed',
  'in_progress',
  'scheduled',
  'missed',
  'skipped',
];

interface RenderOptions {
  showAthletes: boolean;
  theme: ResolvedTheme;
}

function element(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A Blueprint icon from its icon font (no SVG per chip). */
function icon(name: string, className: string): HTMLElement {
  const node = element(
    'span',
    `${Classes.ICON} ${Classes.ICON_STANDARD} ${Classes.iconClass(name)} ${className}`,
  );
  node.setAttribute('aria-hidden', 'true');
  return node;
}

/** The event's accessible name: read by screen readers, not shown. */
function hiddenLabel(eventId: string, text: string): HTMLElement {
  const label = element('span', 'lt-cal-sr-only', text);
  label.id = eventLabelId(eventId);
  return label;
}

function pinMark(): HTMLElement {
  const pin = icon('pin', 'lt-cal-pin');
  pin.title = PIN_TITLE;
  return pin;
}

/**
 * Opens the workout's menu (Open, Skip, Move to…, Delete) for keyboard and mouse alike. Its clicks
 * and keys are caught before FullCalendar sees them (useCalendarKeyboard), so it never opens the
 * drawer too.
 */
function menuButton(): HTMLElement {
  const button = element('button', MENU_BUTTON_CLASS);
  button.setAttribute('type', 'button');
  button.setAttribute('aria-label', 'Workout actions');
  button.append(icon('more', 'lt-cal-menu-button__icon'));
  return button;
}

/** The accessible name of a workout's event: everything the chip shows in colour and abbreviations. */
export function describeWorkoutEvent(arg: Pick<EventContentArg, 'event'>, showAthletes: boolean): string {
  const { workout, athleteName } = workoutOf(arg.event);
  const parts = [
    workout.templateName,
    STATUS_LABELS[workout.status],
    formatShortDay(workout.date) + (workout.startTime ? ` ${workout.startTime}` : ''),
  ];
  if (showAthletes) parts.unshift(athleteName);
  if (workout.weekNumber !== null)
    parts.push(`${workout.programName ?? 'Program'} week ${workout.weekNumber}`);
  if (workout.datePinned) parts.push('moved by hand');
  return parts.join(', ');
}

/** "28 more workouts on Tue 14 Jul: 20 completed, 8 scheduled. Open the day". */
export function describeDigest(digest: DayDigest): string {
  const parts = DIGEST_ORDER.filter((status) => digest.byStatus[status]).map(
    (status) => `${digest.byStatus[status]} ${STATUS_LABELS[status].toLowerCase()}`,
  );
  return `${digest.count} more workouts on ${formatShortDay(digest.date)}: ${parts.join(', ')}. Open the day`;
}

/** The rest of a busy day: how many, and a bar split by status in the status colours. */
function digestChip(eventId: string, digest: DayDigest): HTMLElement {
  const chip = element('div', 'lt-cal-digest-chip');
  chip.append(hiddenLabel(eventId, describeDigest(digest)));
  chip.append(element('span', 'lt-cal-digest-chip__count', `+${digest.count} more`));
  const bar = element('span', 'lt-cal-digest-chip__bar');
  bar.setAttribute('aria-hidden', 'true');
  for (const status of DIGEST_ORDER) {
    const count = digest.byStatus[status];
    if (!count) continue;
    const part = element('span', `lt-cal-digest-chip__part lt-cal-status--${status}`);
    part.style.flexGrow = String(count);
    bar.append(part);
  }
  chip.append(bar);
  return chip;
}

function listRow(arg: EventContentArg, { showAthletes, theme }: RenderOptions): HTMLElement {
  const { workout, athleteName, athleteColor: colorIndex } = workoutOf(arg.event);
  const row = element('div', 'lt-cal-row');
  row.append(hiddenLabel(arg.event.id, describeWorkoutEvent(arg, showAthletes)));
  if (showAthletes) {
    const athlete = element('span', 'lt-cal-row__athlete');
    const swatch = element('span', 'lt-swatch');
    swatch.style.backgroundColor = athleteColor(colorIndex, theme);
    athlete.append(swatch, athleteName);
    row.append(athlete);
  }
  row.append(element('span', 'lt-cal-row__title', workout.templateName));
  if (workout.weekNumber !== null) {
    row.append(
      element(
        'span',
        `lt-cal-row__program ${Classes.TEXT_MUTED}`,
        `${workout.programName} · week ${workout.weekNumber}`,
      ),
    );
  }
  if (workout.datePinned) row.append(pinMark());
  row.append(
    element('span', `lt-cal-status lt-cal-status--${workout.status}`, STATUS_LABELS[workout.status]),
  );
  row.append(menuButton());
  return row;
}

function workoutChip(arg: EventContentArg, { showAthletes, theme }: RenderOptions): HTMLElement {
  const { workout, athleteName, athleteColor: colorIndex } = workoutOf(arg.event);
  const frame = element('div', 'lt-cal-chip-frame');
  if (showAthletes) {
    const bar = element('span', 'lt-cal-athlete-bar');
    bar.style.backgroundColor = athleteColor(colorIndex, theme);
    frame.append(bar);
  }
  const chip = element('div', 'lt-cal-chip');
  chip.append(hiddenLabel(arg.event.id, describeWorkoutEvent(arg, showAthletes)));
  if (showAthletes) {
    // A day has the width for whole names; a month or a week cell only for initials.
    const wide = arg.view.type === 'timeGridDay';
    chip.append(element('span', 'lt-cal-chip__athlete', wide ? athleteName : initialsOf(athleteName)));
  }
  const time =
    arg.timeText ||
    (workout.startTime && arg.view.type === 'dayGridMonth' ? shortClockTime(workout.startTime) : '');
  if (time) chip.append(element('span', 'lt-cal-chip__time', time));
  chip.append(element('span', 'lt-cal-chip__title', workout.templateName));
  if (workout.weekNumber !== null)
    chip.append(element('span', 'lt-cal-chip__week', `W${workout.weekNumber}`));
  if (workout.datePinned) chip.append(pinMark());
  chip.append(menuButton());
  frame.append(chip);
  return frame;
}

export function workoutEventContent(arg: EventContentArg, options: RenderOptions): { domNodes: Node[] } {
  if (arg.event.classNames.includes(SKELETON_EVENT)) {
    return { domNodes: [element('div', `lt-cal-chip ${Classes.SKELETON}`, 'Workout')] };
  }
  const digest = digestOf(arg.event);
  if (digest) return { domNodes: [digestChip(arg.event.id, digest)] };
  if (!isWorkoutEvent(arg.event)) {
    // A template being dragged in from the side panel: only its name is known yet.
    const chip = element('div', 'lt-cal-chip');
    chip.append(element('span', 'lt-cal-chip__title', arg.event.title));
    return { domNodes: [chip] };
  }
  const isList = arg.view.type.startsWith('list');
  return { domNodes: [isList ? listRow(arg, options) : workoutChip(arg, options)] };
}
