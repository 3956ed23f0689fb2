/**
 * The roster: a dense table of athletes with search, "show archived", add/edit in a dialog and
 * archive with Undo. Search text and the archived toggle are kept in the URL (see useRosterView),
 * so a reload or the back button returns to the same view.
 */
import {
  Button,
  Classes,
  HTMLTable,
  InputGroup,
  Intent,
  NonIdealState,
  Switch,
  Tag,
  Tooltip,
  useHotkeys,
} from '@blueprintjs/core';
import { format } from 'date-fns';
import { useDeferredValue, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useSearchParams } from 'react-router';
import type { Athlete } from '../../../shared/domain/athlete';
import { useToaster } from '../../app/toaster';
import { ErrorCallout, errorMessage } from '../../components/ErrorCallout';
import { useUnits } from '../../components/useUnits';
import { usePreferences, useUpdatePreferencesMutation } from '../settings';
import { useAthletesQuery, useSetAthleteArchivedMutation } from './api';
import { AthleteDialog } from './AthleteDialog';
import { PinSetTag } from './PinSetTag';
import { timeZoneOffset } from './timeZones';
import { useRosterView } from './useRosterView';
import { onTableRowKeyDown } from '../../components/tableRowKeys';
import './athletes.css';

type DialogState = { mode: 'closed' } | { mode: 'add' } | { mode: 'edit'; athlete: Athlete };

export function AthletesPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const [{ text, includeArchived }, updateView] = useRosterView();
  const deferredText = useDeferredValue(text);
  const { data, error, isLoading, isFetching, refetch } = useAthletesQuery({
    text: deferredText,
    includeArchived,
  });
  const [dialog, setDialog] = useState<DialogState>({ mode: 'closed' });
  const archive = useArchive();

  // `?new=1` (from the dashboard or the athlete picker) opens the add dialog once.
  useEffect(() => {
    if (searchParams.get('new') !== '1') return;
    setDialog({ mode: 'add' });
    setSearchParams(
      (params) => {
        params.delete('new');
        return params;
      },
      { replace: true },
    );
  }, [searchParams, setSearchParams]);

  const hotkeys = useMemo(
    () => [
      {
        combo: 'n',
        global: true,
        group: 'Athletes',
        label: 'New athlete',
        preventDefault: true,
        onKeyDown: () => setDialog({ mode: 'add' }),
      },
    ],
    [],
  );
  useHotkeys(hotkeys);

  const athletes = data?.items ?? [];
  const rosterIsEmpty =
    !isLoading && !error && athletes.length === 0 && deferredText === '' && !includeArchived;

  return (
    <div className="lt-page lt-athletes">
      <header className="lt-page-header">
        <h1 className={Classes.HEADING}>Athletes</h1>
        {!isLoading && !rosterIsEmpty && (
          <span className="lt-page-header__meta" aria-live="polite">
            {athletes.length === 1 ? '1 athlete' : `${athletes.length} athletes`}
            {deferredText ? ` matching “${deferredText}”` : ''}
          </span>
        )}
        <div className="lt-page-header__spacer" />
        {!rosterIsEmpty && (
          <>
            <InputGroup
              type="search"
              className="lt-athletes__search"
              leftIcon="search"
              placeholder="Search athletes"
              aria-label="Search athletes"
              value={text}
              onValueChange={(value) => updateView({ text: value })}
              rightElement={isFetching && !isLoading ? <span className="lt-input-unit">…</span> : undefined}
            />
            <Switch
              className="lt-athletes__archived-toggle"
              label="Show archived"
              checked={includeArchived}
              onChange={(event) => updateView({ includeArchived: event.currentTarget.checked })}
            />
            <Button
              intent={Intent.PRIMARY}
              icon="add"
              text="Add athlete"
              onClick={() => setDialog({ mode: 'add' })}
            />
          </>
        )}
      </header>

      {error ? (
        <ErrorCallout title="The roster could not be loaded" error={error} onRetry={refetch} />
      ) : rosterIsEmpty ? (
        <NonIdealState
          icon="people"
          title="No athletes yet"
          description="Add the athletes you coach to plan their programs, log their workouts and follow their progress."
          action={
            <Button
              intent={Intent.PRIMARY}
              icon="add"
              text="Add athlete"
              onClick={() => setDialog({ mode: 'add' })}
            />
          }
        />
      ) : !isLoading && athletes.length === 0 ? (
        <NonIdealState
          icon="search"
          title={deferredText ? `No athletes match “${deferredText}”` : 'No athletes'}
          description={
            includeArchived
              ? undefined
              : 'Archived athletes are hidden; turn on “Show archived” to include them.'
          }
          action={
            deferredText ? <Button text="Clear search" onClick={() => updateView({ text: '' })} /> : undefined
          }
        />
      ) : (
        <RosterTable
          athletes={athletes}
          loading={isLoading}
          onEdit={(athlete) => setDialog({ mode: 'edit', athlete })}
          onArchive={archive}
        />
      )}

      <AthleteDialog
        isOpen={dialog.mode !== 'closed'}
        athlete={dialog.mode === 'edit' ? dialog.athlete : undefined}
        onClose={() => setDialog({ mode: 'closed' })}
      />
    </div>
  );
}

/** Archive or restore; archiving offers Undo (UX.md: every destructive action is undoable). */
function useArchive(): (athlete: Athlete, archived: boolean) => void {
  const [setArchived] = useSetAthleteArchivedMutation();
  const [updatePreferences] = useUpdatePreferencesMutation();
  const { preferences } = usePreferences();
  const toaster = useToaster();

  return (athlete, archived) => {
    const wasCurrent = preferences.currentAthleteId === athlete.id;
    void setArchived({ id: athlete.id, archived }).then((result) => {
      if (result.error) {
        toaster.show({ message: errorMessage(result.error), intent: Intent.DANGER, icon: 'error' });
        return;
      }
      if (!archived) {
        toaster.show({ message: `Restored ${athlete.name}`, icon: 'unarchive', timeout: 3000 });
        return;
      }
      toaster.show({
        message: `Archived ${athlete.name}`,
        icon: 'archive',
        timeout: 8000,
        action: {
          text: 'Undo',
          onClick: () => {
            void setArchived({ id: athlete.id, archived: false }).then((undone) => {
              if (!undone.error && wasCurrent) void updatePreferences({ currentAthleteId: athlete.id });
            });
          },
        },
      });
    });
  };
}

interface RosterTableProps {
  athletes: Athlete[];
  loading: boolean;
  onEdit: (athlete: Athlete) => void;
  onArchive: (athlete: Athlete, archived: boolean) => void;
}

const SKELETON_ROWS = 6;

function RosterTable({ athletes, loading, onEdit, onArchive }: RosterTableProps) {
  const { formatWeight } = useUnits();
  const { preferences } = usePreferences();
  const [updatePreferences] = useUpdatePreferencesMutation();

  function onRowKeyDown(event: KeyboardEvent<HTMLTableRowElement>, athlete: Athlete) {
    onTableRowKeyDown(event, { Enter: () => onEdit(athlete) });
  }

  return (
    <div className="lt-table-scroll">
      <HTMLTable compact striped interactive className="lt-roster" aria-label="Athletes" aria-busy={loading}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Time zone</th>
            <th scope="col" className="lt-numeric">
              Bodyweight
            </th>
            <th scope="col">Kiosk</th>
            <th scope="col">Notes</th>
            <th scope="col">Updated</th>
            <th scope="col" className="lt-roster__actions-header">
              <span className={Classes.TEXT_MUTED}>Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {loading
            ? Array.from({ length: SKELETON_ROWS }, (_, index) => (
                <tr key={index} aria-hidden>
                  {Array.from({ length: 7 }, (_, cell) => (
                    <td key={cell}>
                      <span className={Classes.SKELETON}>Loading athlete</span>
                    </td>
                  ))}
                </tr>
              ))
            : athletes.map((athlete) => {
                const isCurrent = preferences.currentAthleteId === athlete.id;
                return (
                  <tr
                    key={athlete.id}
                    tabIndex={0}
                    className={athlete.archived ? 'lt-roster__row--archived' : undefined}
                    onClick={(event) => {
                      if ((event.target as HTMLElement).closest('button')) return;
                      onEdit(athlete);
                    }}
                    onKeyDown={(event) => onRowKeyDown(event, athlete)}
                  >
                    <td className="lt-roster__name">
                      <span>{athlete.name}</span>
                      {isCurrent && (
                        <Tag minimal round intent={Intent.PRIMARY}>
                          Current
                        </Tag>
                      )}
                      {athlete.archived && (
                        <Tag minimal round>
                          Archived
                        </Tag>
                      )}
                    </td>
                    <td>
                      {athlete.timeZone.replaceAll('_', ' ')}
                      {athlete.timeZone !== 'UTC' && (
                        <span className={`lt-roster__offset ${Classes.TEXT_MUTED}`}>
                          {timeZoneOffset(athlete.timeZone)}
                        </span>
                      )}
                    </td>
                    <td className="lt-numeric">{formatWeight(athlete.bodyweightKg)}</td>
                    <td>{athlete.hasPin ? <PinSetTag /> : <span className={Classes.TEXT_MUTED}>–</span>}</td>
                    <td
                      className={`lt-roster__notes ${Classes.TEXT_MUTED}`}
                      title={athlete.notes || undefined}
                    >
                      {athlete.notes || '–'}
                    </td>
                    <td className={Classes.TEXT_MUTED}>
                      <time dateTime={athlete.updatedAt}>
                        {format(new Date(athlete.updatedAt), 'd MMM yyyy')}
                      </time>
                    </td>
                    <td className="lt-roster__actions">
                      {athlete.archived || isCurrent ? (
                        // Keeps the icons in the same columns on every row.
                        <span className="lt-roster__action-slot" aria-hidden />
                      ) : (
                        <Tooltip content="Make current athlete" placement="top" hoverOpenDelay={400}>
                          <Button
                            size="small"
                            variant="minimal"
                            icon="person"
                            aria-label={`Make ${athlete.name} current`}
                            onClick={() => void updatePreferences({ currentAthleteId: athlete.id })}
                          />
                        </Tooltip>
                      )}
                      <Tooltip content="Edit" placement="top" hoverOpenDelay={400}>
                        <Button
                          size="small"
                          variant="minimal"
                          icon="edit"
                          aria-label={`Edit ${athlete.name}`}
                          onClick={() => onEdit(athlete)}
                        />
                      </Tooltip>
                      {athlete.archived ? (
                        <Tooltip content="Restore to the roster" placement="top" hoverOpenDelay={400}>
                          <Button
                            size="small"
                            variant="minimal"
                            icon="unarchive"
                            aria-label={`Restore ${athlete.name}`}
                            onClick={() => onArchive(athlete, false)}
                          />
                        </Tooltip>
                      ) : (
                        <Tooltip
                          content="Archive (hide from the roster)"
                          placement="top"
                          hoverOpenDelay={400}
                        >
                          <Button
                            size="small"
                            variant="minimal"
                            icon="archive"
                            aria-label={`Archive ${athlete.name}`}
                            onClick={() => onArchive(athlete, true)}
                          />
                        </Tooltip>
                      )}
                    </td>
                  </tr>
                );
              })}
        </tbody>
      </HTMLTable>
    </div>
  );
}
