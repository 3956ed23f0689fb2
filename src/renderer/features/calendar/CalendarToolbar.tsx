/**
 * The calendar's header: where we are (prev, today, next and the period's title), how it is shown
 * (month, week, day, list), whose workouts, and the actions that add to it. Every control has a
 * shortcut (registered in CalendarPage, listed by "?").
 */
import { Button, ButtonGroup, Classes, Intent, Tooltip } from '@blueprintjs/core';
import type { ReactNode } from 'react';
import { CALENDAR_VIEWS, VIEW_LABELS, type CalendarView } from './useCalendarView';

export const VIEW_KEYS: Record<CalendarView, string> = { month: 'm', week: 'w', day: 'd', list: 'l' };

interface CalendarToolbarProps {
  title: string;
  view: CalendarView;
  onPrevious(): void;
  onNext(): void;
  onToday(): void;
  onView(view: CalendarView): void;
  onAdd(): void;
  /** Extra actions (Apply program), shown after "New workout". */
  actions?: ReactNode;
}

export function CalendarToolbar({
  title,
  view,
  onPrevious,
  onNext,
  onToday,
  onView,
  onAdd,
  actions,
}: CalendarToolbarProps) {
  const unit = view === 'list' ? 'week' : view;
  return (
    <header className="lt-cal-toolbar">
      <h1 className={`${Classes.HEADING} lt-cal-toolbar__heading`}>Calendar</h1>
      <ButtonGroup>
        <Tooltip content={`Previous ${unit} (k or ←)`} placement="bottom">
          <Button icon="chevron-left" aria-label={`Previous ${unit}`} onClick={onPrevious} />
        </Tooltip>
        <Tooltip content="Today (t)" placement="bottom">
          <Button text="Today" onClick={onToday} />
        </Tooltip>
        <Tooltip content={`Next ${unit} (j or →)`} placement="bottom">
          <Button icon="chevron-right" aria-label={`Next ${unit}`} onClick={onNext} />
        </Tooltip>
      </ButtonGroup>
      <h2 className="lt-cal-toolbar__title" aria-live="polite">
        {title}
      </h2>
      <div className="lt-page-header__spacer" />
      <ButtonGroup role="group" aria-label="Calendar view" className="lt-cal-views">
        {CALENDAR_VIEWS.map((candidate) => (
          <Tooltip
            key={candidate}
            content={`${VIEW_LABELS[candidate]} view (${VIEW_KEYS[candidate]})`}
            placement="bottom"
          >
            <Button
              text={VIEW_LABELS[candidate]}
              active={candidate === view}
              aria-pressed={candidate === view}
              onClick={() => onView(candidate)}
            />
          </Tooltip>
        ))}
      </ButtonGroup>
      <Tooltip content="Schedule a workout (n)" placement="bottom">
        <Button icon="add" text="New workout" onClick={onAdd} />
      </Tooltip>
      {actions}
    </header>
  );
}

export function ApplyProgramButton({ onClick }: { onClick(): void }) {
  return (
    <Tooltip content="Put a program on athletes’ calendars (a)" placement="bottom-end">
      <Button intent={Intent.PRIMARY} icon="send-to-graph" text="Apply program" onClick={onClick} />
    </Tooltip>
  );
}
