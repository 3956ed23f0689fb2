/**
 * Apply a program to athletes: pick them, a start date and the weekdays they train on, see where
 * every workout lands (and where an athlete already has one), choose what happens on those days,
 * and apply in one transaction. The toast that follows offers Undo (which removes the workouts the
 * apply created that have not started) and a link to the calendar.
 *
 * The calendar's toolbar opens it too: without a `programId` the coach picks the program here.
 */
import {
  Button,
  Checkbox,
  Classes,
  Dialog,
  DialogBody,
  DialogFooter,
  HTMLSelect,
  InputGroup,
  Intent,
  Spinner,
  Tag,
} from '@blueprintjs/core';
import { useDeferredValue, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { suggestedWeekdays } from '../../../shared/calc/schedule';
import type { FieldIssue } from '../../../shared/contract/errors';
import { applyProgramInput, type ConflictChoice } from '../../../shared/domain/program';
import { useToaster } from '../../app/toaster';
import { errorMessage } from '../../components/ErrorCallout';
import { FormField, issuesOf, messageFor } from '../../components/FormField';
import { useAthletesQuery } from '../athletes';
import { usePreferences } from '../settings';
import {
  useApplyProgramMutation,
  useGetProgramQuery,
  useListProgramsQuery,
  usePreviewApplyProgramQuery,
  useUnapplyProgramMutation,
} from './api';
import { nextMondayIso } from './dates';
import { ApplyPreview } from './ApplyPreview';
import { plural } from './text';
import { WeekdayToggles } from './WeekdayToggles';

export interface ApplyProgramDialogProps {
  isOpen: boolean;
  onClose: () => void;
  programId?: string;
  initialAthleteIds?: string[];
  initialStartDate?: string;
}

export function ApplyProgramDialog(props: ApplyProgramDialogProps) {
  // A fresh form for every opening, from the props of that opening.
  const [opening, setOpening] = useState(0);
  const [wasOpen, setWasOpen] = useState(props.isOpen);
  if (props.isOpen !== wasOpen) {
    setWasOpen(props.isOpen);
    if (props.isOpen) setOpening(opening + 1);
  }
  return (
    <Dialog
      isOpen={props.isOpen}
      onClose={props.onClose}
      title="Apply program"
      icon="calendar"
      className="lt-apply-dialog"
      canOutsideClickClose={false}
    >
      {props.isOpen && <ApplyForm key={opening} {...props} />}
    </Dialog>
  );
}

/** What the coach still has to pick before the dates can be shown. */
function missingForPreview(programId: string, athleteIds: string[], weekdays: number[]): string {
  if (!programId) return 'Pick the program to see where its workouts land.';
  if (athleteIds.length === 0) return 'Pick at least one athlete to see where the workouts land.';
  if (weekdays.length === 0) return 'Pick the weekdays they train on.';
  return 'Give a start date like 2026-12-07.';
}

function ApplyForm({
  onClose,
  programId: givenProgramId,
  initialAthleteIds,
  initialStartDate,
}: ApplyProgramDialogProps) {
  const toaster = useToaster();
  const navigate = useNavigate();
  const { preferences } = usePreferences();
  const [programId, setProgramId] = useState(givenProgramId ?? '');
  const programs = useListProgramsQuery(
    { text: '', includeArchived: false },
    { skip: Boolean(givenProgramId) },
  );
  const program = useGetProgramQuery({ id: programId }, { skip: !programId });
  const athletes = useAthletesQuery({ text: '', includeArchived: false });
  const [athleteIds, setAthleteIds] = useState<string[]>(
    () => initialAthleteIds ?? (preferences.currentAthleteId ? [preferences.currentAthleteId] : []),
  );
  const [athleteFilter, setAthleteFilter] = useState('');
  const [startDate, setStartDate] = useState(initialStartDate ?? nextMondayIso());
  const [chosenWeekdays, setChosenWeekdays] = useState<number[] | null>(null);
  const [onConflict, setOnConflict] = useState<ConflictChoice>('keep_both');
  const [submitted, setSubmitted] = useState(false);
  const [apply, applyState] = useApplyProgramMutation();
  const [unapply] = useUnapplyProgramMutation();

  const daysPerWeek = program.data?.daysPerWeek;
  // Until the coach picks weekdays, they follow the program's days a week (3 → Mon, Wed, Fri).
  const weekdays = chosenWeekdays ?? (daysPerWeek ? suggestedWeekdays(daysPerWeek) : []);

  const input = { programId, athleteIds, startDate, weekdays, onConflict };
  const parsed = applyProgramInput.safeParse(input);
  const clientIssues: FieldIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        path: issue.path as (string | number)[],
        message: issue.path[0] === 'programId' ? 'Pick the program to apply' : issue.message,
      }));
  const issues = [...(submitted ? clientIssues : []), ...issuesOf(applyState.error)];
  const deferredInput = useDeferredValue(parsed.success ? parsed.data : null);
  const preview = usePreviewApplyProgramQuery(
    deferredInput ?? { programId: '', athleteIds: [], startDate: '', weekdays: [], onConflict: 'keep_both' },
    { skip: deferredInput === null },
  );
  const previewData = deferredInput ? preview.data : undefined;

  const knownAthletes = athletes.data?.items ?? [];
  const visibleAthletes = knownAthletes.filter((athlete) =>
    athlete.name.toLowerCase().includes(athleteFilter.trim().toLowerCase()),
  );
  function toggleAthlete(id: string) {
    setAthleteIds((current) =>
      current.includes(id) ? current.filter((value) => value !== id) : [...current, id],
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!parsed.success) return;
    const result = await apply(parsed.data);
    if (result.error) {
      if (issuesOf(result.error).length === 0) {
        toaster.show({ message: errorMessage(result.error), intent: Intent.DANGER, icon: 'error' });
      }
      return;
    }
    const { created, replaced, shifted, unchanged, assignmentIds } = result.data;
    const athleteCount = parsed.data.athleteIds.length;
    const extra = [
      replaced > 0 ? `${plural(replaced, 'workout')} replaced` : '',
      shifted > 0 ? `${plural(shifted, 'day')} shifted past existing workouts` : '',
      unchanged > 0 && created > 0 ? `${unchanged} already there` : '',
    ].filter(Boolean);
    const summary =
      created === 0 && unchanged > 0
        ? `Already scheduled: ${plural(unchanged, 'workout')} for ${plural(athleteCount, 'athlete')}, nothing doubled`
        : `Scheduled ${plural(created, 'workout')} for ${plural(athleteCount, 'athlete')}${
            extra.length > 0 ? ` (${extra.join(', ')})` : ''
          }`;
    const calendarLink = `/calendar?athletes=${parsed.data.athleteIds.join(',')}&date=${parsed.data.startDate}`;
    onClose();
    toaster.show({
      intent: Intent.SUCCESS,
      icon: 'calendar',
      timeout: 10000,
      message: (
        <span>
          {summary}.{' '}
          <a
            className="lt-toast-link"
            href={`#${calendarLink}`}
            onClick={(clicked) => {
              clicked.preventDefault();
              void navigate(calendarLink);
            }}
          >
            See the calendar
          </a>
        </span>
      ),
      action:
        assignmentIds.length > 0
          ? {
              text: 'Undo',
              onClick: () => {
                void unapply({ assignmentIds }).then((undone) => {
                  if (undone.error) {
                    toaster.show({
                      message: errorMessage(undone.error),
                      intent: Intent.DANGER,
                      icon: 'error',
                    });
                    return;
                  }
                  toaster.show({
                    message: `Removed ${plural(undone.data.removed, 'upcoming workout')}${
                      undone.data.restored > 0 ? `, brought back ${undone.data.restored}` : ''
                    }`,
                    icon: 'undo',
                  });
                });
              },
            }
          : undefined,
    });
  }

  const programError = messageFor(issues, 'programId');
  const athletesError = messageFor(issues, 'athleteIds');
  const startError = messageFor(issues, 'startDate');
  const weekdaysError = messageFor(issues, 'weekdays');

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <DialogBody className="lt-apply">
        <div className="lt-apply__form">
          {givenProgramId ? (
            <div className="lt-apply__program">
              <span className={Classes.TEXT_MUTED}>Program</span>
              <span className="lt-apply__program-name">{program.data?.name ?? '…'}</span>
              {program.data && (
                <Tag minimal>
                  {plural(program.data.weeks.length, 'week')} ×{' '}
                  {plural(program.data.daysPerWeek, 'training day')}
                </Tag>
              )}
            </div>
          ) : (
            <FormField label="Program" htmlFor="apply-program" error={programError}>
              <HTMLSelect
                id="apply-program"
                fill
                value={programId}
                onChange={(event) => {
                  setProgramId(event.currentTarget.value);
                  setChosenWeekdays(null);
                }}
              >
                <option value="">Pick a program…</option>
                {(programs.data?.items ?? []).map((item) => (
                  <option key={item.id} value={item.id}>
                    {item.name} ({item.weekCount} × {item.daysPerWeek})
                  </option>
                ))}
              </HTMLSelect>
            </FormField>
          )}

          <FormField
            label="Athletes"
            htmlFor="apply-athlete-filter"
            error={athletesError}
            labelInfo={athleteIds.length > 0 ? `(${athleteIds.length} picked)` : undefined}
          >
            <InputGroup
              id="apply-athlete-filter"
              type="search"
              leftIcon="search"
              placeholder="Filter athletes"
              value={athleteFilter}
              onValueChange={setAthleteFilter}
            />
            <div className="lt-apply__athletes" role="group" aria-label="Athletes to apply it to">
              {athletes.isLoading && <Spinner size={16} />}
              {visibleAthletes.map((athlete) => (
                <Checkbox
                  key={athlete.id}
                  label={athlete.name}
                  checked={athleteIds.includes(athlete.id)}
                  onChange={() => toggleAthlete(athlete.id)}
                />
              ))}
              {!athletes.isLoading && visibleAthletes.length === 0 && (
                <span className={Classes.TEXT_MUTED}>
                  {knownAthletes.length === 0
                    ? 'No athletes yet: add them under Athletes.'
                    : 'No athlete matches.'}
                </span>
              )}
            </div>
          </FormField>

          <div className="lt-apply__when">
            <FormField label="Start date" htmlFor="apply-start" error={startError}>
              <InputGroup
                id="apply-start"
                type="date"
                value={startDate}
                intent={startError ? Intent.DANGER : Intent.NONE}
                onValueChange={setStartDate}
              />
            </FormField>
            <FormField
              label="Training weekdays"
              htmlFor="apply-weekdays"
              error={weekdaysError}
              helperText={
                daysPerWeek && weekdays.length > 0 && weekdays.length !== daysPerWeek
                  ? `The program has ${plural(daysPerWeek, 'day')} a week on ${plural(weekdays.length, 'weekday')}: its weeks ${
                      weekdays.length < daysPerWeek ? 'stretch over more' : 'fit in fewer'
                    } calendar days`
                  : undefined
              }
            >
              <WeekdayToggles id="apply-weekdays" value={weekdays} onChange={setChosenWeekdays} />
            </FormField>
          </div>
        </div>

        <ApplyPreview
          input={deferredInput}
          data={previewData}
          isFetching={preview.isFetching}
          error={preview.error}
          missing={missingForPreview(programId, athleteIds, weekdays)}
          onConflict={onConflict}
          onConflictChange={setOnConflict}
        />
      </DialogBody>
      <DialogFooter
        actions={
          <>
            <Button text="Cancel" onClick={onClose} />
            <Button
              type="submit"
              intent={Intent.PRIMARY}
              icon="calendar"
              text={athleteIds.length > 1 ? `Apply to ${athleteIds.length} athletes` : 'Apply'}
              loading={applyState.isLoading}
            />
          </>
        }
      />
    </form>
  );
}
