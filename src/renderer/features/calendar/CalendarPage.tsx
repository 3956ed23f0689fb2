/**
 * The calendar: one athlete's workouts, or several athletes' at once (a colour each), by month,
 * week, day or as a list, coloured by status. Templates are dragged from the side panel onto dates,
 * workouts are dragged to move them, a date is clicked to add one, a workout is clicked to open it.
 * What is shown lives in the address (useCalendarView); the range re-fetches by itself when the
 * backend reports schedule changes (RTK Query tags), never by polling.
 */
import {
  Button,
  ContextMenuPopover,
  Intent,
  NonIdealState,
  useHotkeys,
  type HotkeyConfig,
} from '@blueprintjs/core';
import type FullCalendar from '@fullcalendar/react';
import { skipToken } from '@reduxjs/toolkit/query/react';
import { isMonday, nextMonday, parseISO } from 'date-fns';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Athlete } from '../../../shared/domain/athlete';
import type { ScheduledWorkout } from '../../../shared/domain/schedule';
import type { TemplateSummary } from '../../../shared/domain/template';
import { useToaster } from '../../app/toaster';
import { ErrorCallout, errorMessage } from '../../components/ErrorCallout';
import { StatusLegend } from '../../components/StatusLegend';
import { statusColorVariables, useStatusTheme } from '../../components/statusColors';
import { useAthletesQuery } from '../athletes';
import { ApplyProgramDialog } from '../programs';
import { usePreferences } from '../settings';
import {
  useCreateScheduledWorkoutMutation,
  useDeleteScheduledWorkoutMutation,
  useScheduleRangeQuery,
} from './api';
import { AthleteKey } from './AthleteKey';
import { AthletePicker } from './AthletePicker';
import { athleteColorIndexes } from './athleteColors';
import { ApplyProgramButton, CalendarToolbar, VIEW_KEYS } from './CalendarToolbar';
import { formatShortDay } from './dateFormat';
import { MoveDialog } from './MoveDialog';
import { QuickAddDialog, type QuickAddValues } from './QuickAddDialog';
import { markCalendarData } from './renderTiming';
import { skeletonEvents } from './skeletonEvents';
import { TemplatePanel } from './TemplatePanel';
import {
  CALENDAR_VIEWS,
  FULLCALENDAR_VIEWS,
  useCalendarView,
  VIEW_LABELS,
  type CalendarView,
} from './useCalendarView';
import { dayCapacity, useElementHeight, weeksIn } from './useDayCapacity';
import { useWorkoutActions, type Placement } from './useWorkoutActions';
import { WorkoutCalendar, type ShownRange, type WorkoutMenuRequest } from './WorkoutCalendar';
import { WorkoutDrawer } from './WorkoutDrawer';
import { toEvents, toIsoDate, type ShownAthlete } from './workoutEvents';
import { WorkoutMenu } from './WorkoutMenu';
import './calendar.css';

export function CalendarPage() {
  const navigate = useNavigate();
  const theme = useStatusTheme();
  const [shown, updateShown] = useCalendarView();
  const { preferences, isLoaded: preferencesLoaded } = usePreferences();
  const athletesQuery = useAthletesQuery({ text: '', includeArchived: false });
  const athletes = useMemo(() => athletesQuery.data?.items ?? [], [athletesQuery.data]);

  // Picked in the calendar, or else the app frame's athlete; archived or deleted ones drop out.
  const wantedIds =
    shown.athleteIds.length > 0
      ? shown.athleteIds
      : preferences.currentAthleteId
        ? [preferences.currentAthleteId]
        : [];
  const wantedKey = wantedIds.join(',');
  const shownAthletes = useMemo(() => {
    const ids = wantedKey ? wantedKey.split(',') : [];
    return ids.flatMap((id) => athletes.filter((athlete) => athlete.id === id));
  }, [wantedKey, athletes]);
  const colorIndexes = useMemo(
    () => athleteColorIndexes(shownAthletes.map((athlete) => athlete.id)),
    [shownAthletes],
  );
  const shownList = useMemo<ShownAthlete[]>(
    () =>
      shownAthletes.map((athlete) => ({
        id: athlete.id,
        name: athlete.name,
        color: colorIndexes.get(athlete.id) ?? 0,
      })),
    [shownAthletes, colorIndexes],
  );

  const [range, setRange] = useState<ShownRange | null>(null);
  const rangeArgs = useMemo(
    () =>
      range && shownAthletes.length > 0
        ? { athleteIds: shownAthletes.map((athlete) => athlete.id), from: range.from, to: range.to }
        : null,
    [range, shownAthletes],
  );
  const rangeQuery = useScheduleRangeQuery(rangeArgs ?? skipToken);

  // While another range or selection loads, keep showing what is known for the athletes still
  // shown (no flash of an empty month); the very first load shows skeleton chips instead.
  const { currentData, data } = rangeQuery;
  const lastMarked = useRef<unknown>(null);
  if (currentData && currentData !== lastMarked.current) {
    lastMarked.current = currentData;
    markCalendarData();
  }
  const workouts = useMemo(() => {
    if (currentData) return currentData.items;
    if (!data) return null;
    const ids = new Set(shownList.map((athlete) => athlete.id));
    return data.items.filter((workout) => ids.has(workout.athleteId));
  }, [currentData, data, shownList]);
  const mainRef = useRef<HTMLDivElement>(null);
  const calendarHeight = useElementHeight(mainRef);
  const perDay =
    range?.view === 'month' && calendarHeight ? dayCapacity(calendarHeight, weeksIn(range)) : null;
  const events = useMemo(
    () =>
      workouts ? toEvents(workouts, shownList, perDay) : range && rangeArgs ? skeletonEvents(range) : [],
    [workouts, shownList, perDay, range, rangeArgs],
  );

  const calendarRef = useRef<FullCalendar>(null);
  const actions = useWorkoutActions(rangeArgs);
  const [quickAdd, setQuickAdd] = useState<QuickAddValues | null>(null);
  const openWorkoutId = shown.workoutId;
  const setOpenWorkoutId = useCallback(
    (workoutId: string | null) => updateShown({ workoutId }),
    [updateShown],
  );
  const [menu, setMenu] = useState<WorkoutMenuRequest | null>(null);
  const [moving, setMoving] = useState<ScheduledWorkout | null>(null);
  const [applying, setApplying] = useState(false);
  const defaultAthleteId =
    shownAthletes.find((athlete) => athlete.id === preferences.currentAthleteId)?.id ??
    shownAthletes[0]?.id ??
    null;

  const calendarApi = () => calendarRef.current?.getApi();
  // The calendar follows the view and date when they change from outside it (a link followed
  // while it is open); its own navigation reports back the same values, which change nothing here.
  useEffect(() => {
    const api = calendarRef.current?.getApi();
    if (!api) return;
    const wanted = FULLCALENDAR_VIEWS[shown.view];
    const date = shown.date ?? toIsoDate(new Date());
    if (api.view.type !== wanted || toIsoDate(api.getDate()) !== date) api.changeView(wanted, date);
  }, [shown.view, shown.date]);
  const changeView = useCallback(
    (view: CalendarView) => calendarRef.current?.getApi().changeView(FULLCALENDAR_VIEWS[view]),
    [],
  );
  const quickAddOn = useCallback(
    (placement: Placement, templateId: string | null = null) =>
      setQuickAdd({
        athleteId: defaultAthleteId,
        templateId,
        date: placement.date,
        startTime: placement.startTime,
      }),
    [defaultAthleteId],
  );
  const dropTemplate = useDropTemplate(shownAthletes, (placement, templateId) =>
    quickAddOn(placement, templateId),
  );

  const hotkeys = useMemo<HotkeyConfig[]>(() => {
    const go = (label: string, combo: string, run: () => void): HotkeyConfig => ({
      combo,
      label,
      global: true,
      group: 'Calendar',
      preventDefault: true,
      onKeyDown: run,
    });
    return [
      go('Today', 't', () => calendarRef.current?.getApi().today()),
      go('Next period', 'j', () => calendarRef.current?.getApi().next()),
      go('Previous period', 'k', () => calendarRef.current?.getApi().prev()),
      go('Next period', 'right', () => calendarRef.current?.getApi().next()),
      go('Previous period', 'left', () => calendarRef.current?.getApi().prev()),
      ...CALENDAR_VIEWS.map((view) =>
        go(`${VIEW_LABELS[view]} view`, VIEW_KEYS[view], () => changeView(view)),
      ),
      go('Apply a program', 'a', () => setApplying(true)),
      go('Schedule a workout', 'n', () => {
        const today = toIsoDate(new Date());
        const inRange = range && today >= range.from && today <= range.to;
        quickAddOn({ date: inRange || !range ? today : range.date, startTime: null });
      }),
    ];
  }, [changeView, quickAddOn, range]);
  useHotkeys(hotkeys);

  const colorOf = useCallback((athleteId: string) => colorIndexes.get(athleteId) ?? 0, [colorIndexes]);
  const pickAthletes = useCallback((athleteIds: string[]) => updateShown({ athleteIds }), [updateShown]);
  const periodStart = range?.date;
  const scheduleTemplate = useCallback(
    (template: TemplateSummary) =>
      quickAddOn({ date: periodStart ?? toIsoDate(new Date()), startTime: null }, template.id),
    [quickAddOn, periodStart],
  );

  const quickAddAthletes = useMemo(
    () => [...shownAthletes, ...athletes.filter((athlete) => !shownAthletes.includes(athlete))],
    [shownAthletes, athletes],
  );

  if (athletesQuery.error) {
    return (
      <div className="lt-page">
        <ErrorCallout
          title="The athletes could not be loaded"
          error={athletesQuery.error}
          onRetry={athletesQuery.refetch}
        />
      </div>
    );
  }
  if (athletesQuery.data && athletes.length === 0) {
    return (
      <NonIdealState
        className="lt-cal-empty"
        icon="calendar"
        title="No athletes yet"
        description="The calendar shows your athletes’ workouts. Add an athlete to start planning."
        action={
          <Button
            intent={Intent.PRIMARY}
            icon="add"
            text="Add an athlete"
            onClick={() => navigate('/athletes?new=1')}
          />
        }
      />
    );
  }
  const nobodyPicked = athletesQuery.data && preferencesLoaded && shownAthletes.length === 0;

  return (
    <div className="lt-cal-page" style={statusColorVariables(theme)}>
      <CalendarToolbar
        title={range?.title ?? ''}
        view={range?.view ?? shown.view}
        onPrevious={() => calendarApi()?.prev()}
        onNext={() => calendarApi()?.next()}
        onToday={() => calendarApi()?.today()}
        onView={changeView}
        onAdd={() => quickAddOn({ date: range?.date ?? toIsoDate(new Date()), startTime: null })}
        actions={<ApplyProgramButton onClick={() => setApplying(true)} />}
      />
      <div className="lt-cal-subbar">
        <AthletePicker
          athletes={athletes}
          selected={shownAthletes}
          currentAthleteId={preferences.currentAthleteId}
          colorOf={colorOf}
          onChange={pickAthletes}
        />
        {shownAthletes.length > 1 ? (
          <AthleteKey athletes={shownList} />
        ) : (
          <div className="lt-page-header__spacer" />
        )}
        {rangeQuery.isFetching && workouts && <span className="lt-cal-subbar__updating">Updating…</span>}
        <StatusLegend className="lt-cal-legend" />
      </div>
      {rangeQuery.error && (
        <ErrorCallout
          className="lt-cal-error"
          title="The calendar could not be loaded"
          error={rangeQuery.error}
          onRetry={rangeQuery.refetch}
        />
      )}
      <div className="lt-cal-body">
        <TemplatePanel onSchedule={scheduleTemplate} />
        <div className="lt-cal-main" ref={mainRef}>
          {nobodyPicked && (
            <NonIdealState
              className="lt-cal-nobody"
              icon="person"
              title="Whose calendar?"
              description="Pick an athlete above (or several, to plan a group), or choose the current athlete at the top of the window."
            />
          )}
          <WorkoutCalendar
            calendarRef={calendarRef}
            initialView={shown.view}
            initialDate={shown.date}
            events={events}
            showAthletes={shownAthletes.length > 1}
            theme={theme}
            onRangeChange={(next) => {
              setRange(next);
              updateShown({ view: next.view, date: next.focusDate });
            }}
            onDateChosen={(placement) => quickAddOn(placement)}
            onOpen={(workout) => setOpenWorkoutId(workout.id)}
            onMove={actions.move}
            onTemplateDropped={dropTemplate}
            onMenu={setMenu}
          />
        </div>
      </div>

      <ContextMenuPopover
        isOpen={menu !== null}
        targetOffset={menu ? { left: menu.left, top: menu.top } : undefined}
        isDarkTheme={theme === 'dark'}
        onClose={() => setMenu(null)}
        content={
          menu ? (
            <WorkoutMenu
              workout={menu.workout}
              onOpen={() => setOpenWorkoutId(menu.workout.id)}
              onSkip={(skipped) => void actions.setSkipped(menu.workout, skipped)}
              onMove={() => setMoving(menu.workout)}
              onDelete={() => void actions.remove(menu.workout)}
            />
          ) : (
            <span />
          )
        }
      />
      <WorkoutDrawer
        workoutId={openWorkoutId}
        actions={actions}
        onMove={setMoving}
        onClose={() => setOpenWorkoutId(null)}
      />
      <MoveDialog workout={moving} onMove={actions.move} onClose={() => setMoving(null)} />
      <ApplyProgramDialog
        isOpen={applying}
        onClose={() => setApplying(false)}
        initialAthleteIds={shownAthletes.map((athlete) => athlete.id)}
        initialStartDate={firstMondayFrom(range?.date)}
      />
      <QuickAddDialog initial={quickAdd} athletes={quickAddAthletes} onClose={() => setQuickAdd(null)} />
    </div>
  );
}

/** Programs start on a Monday: the first one on or after today, or after the period shown if later. */
function firstMondayFrom(periodStart: string | undefined): string {
  const today = toIsoDate(new Date());
  const from = periodStart && periodStart > today ? parseISO(periodStart) : parseISO(today);
  return toIsoDate(isMonday(from) ? from : nextMonday(from));
}

/**
 * A template dropped on a date: scheduled at once for the one athlete shown; with several shown,
 * the quick-add dialog asks whose it is (the current athlete picked first).
 */
function useDropTemplate(
  shownAthletes: readonly Athlete[],
  askWhose: (placement: Placement, templateId: string) => void,
): (templateId: string, placement: Placement) => void {
  const toaster = useToaster();
  const [createWorkout] = useCreateScheduledWorkoutMutation();
  const [deleteWorkout] = useDeleteScheduledWorkoutMutation();
  return (templateId, placement) => {
    const [only, ...others] = shownAthletes;
    if (!only || others.length > 0) {
      askWhose(placement, templateId);
      return;
    }
    void createWorkout({
      athleteId: only.id,
      templateId,
      date: placement.date,
      startTime: placement.startTime,
    }).then((result) => {
      if (result.error) {
        toaster.show({
          message: `Not scheduled: ${errorMessage(result.error)}`,
          intent: Intent.DANGER,
          icon: 'error',
        });
        return;
      }
      const created = result.data;
      toaster.show({
        message: `Scheduled “${created.templateName}” for ${only.name} on ${formatShortDay(created.date)}`,
        intent: Intent.SUCCESS,
        icon: 'tick',
        timeout: 8000,
        action: { text: 'Undo', onClick: () => void deleteWorkout({ id: created.id }) },
      });
    });
  };
}
