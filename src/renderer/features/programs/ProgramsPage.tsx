/**
 * The program list: a dense table (name, weeks × days, phase outline, athletes, upcoming
 * workouts, last change) with search, archived programs on demand, a new program ("n"), import
 * of a program file, and per program: open, apply, duplicate, export, archive (with Undo).
 */
import {
  Button,
  Classes,
  HTMLTable,
  InputGroup,
  Intent,
  Menu,
  MenuItem,
  NonIdealState,
  PopoverNext,
  Switch,
  Tag,
  useHotkeys,
} from '@blueprintjs/core';
import { format } from 'date-fns';
import { useDeferredValue, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { ProgramSummary } from '../../../shared/domain/program';
import { useToaster } from '../../app/toaster';
import { ErrorCallout, errorMessage } from '../../components/ErrorCallout';
import { PROGRAMS_TABS, SectionTabs } from '../../components/SectionTabs';
import {
  useDuplicateProgramMutation,
  useLazyExportProgramQuery,
  useListProgramsQuery,
  useSetProgramArchivedMutation,
} from './api';
import { ApplyProgramDialog } from './ApplyProgramDialog';
import { ImportProgramButton } from './ImportProgramButton';
import { NewProgramDialog } from './NewProgramDialog';
import { PhaseOutline } from './phases';
import { downloadFile } from './programFile';
import { onTableRowKeyDown } from '../../components/tableRowKeys';
import './programs.css';

const SKELETON_ROWS = 5;

function useListView() {
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const [includeArchived, setIncludeArchived] = useState(params.get('archived') === '1');
  useEffect(() => {
    const inAddress = { q: params.get('q') ?? '', archived: params.get('archived') === '1' };
    if (inAddress.q === text && inAddress.archived === includeArchived) return;
    setParams(
      (next) => {
        if (text) next.set('q', text);
        else next.delete('q');
        if (includeArchived) next.set('archived', '1');
        else next.delete('archived');
        return next;
      },
      { replace: true },
    );
  }, [text, includeArchived, params, setParams]);
  return { text, setText, includeArchived, setIncludeArchived };
}

export function ProgramsPage() {
  const { text, setText, includeArchived, setIncludeArchived } = useListView();
  const deferredText = useDeferredValue(text);
  const { data, error, isLoading, isFetching, refetch } = useListProgramsQuery({
    text: deferredText,
    includeArchived,
  });
  const [creating, setCreating] = useState(false);
  const [applying, setApplying] = useState<string | null>(null);
  const actions = useProgramActions();

  const hotkeys = useMemo(
    () => [
      {
        combo: 'n',
        global: true,
        group: 'Programs',
        label: 'New program',
        preventDefault: true,
        onKeyDown: () => setCreating(true),
      },
    ],
    [],
  );
  useHotkeys(hotkeys);

  const programs = data?.items ?? [];
  const listIsEmpty =
    !isLoading && !error && programs.length === 0 && deferredText === '' && !includeArchived;

  return (
    <div className="lt-page lt-programs">
      <header className="lt-page-header">
        <h1 className="lt-visually-hidden">Programs</h1>
        <SectionTabs tabs={PROGRAMS_TABS} label="Programs and templates" asTitle />
        {!isLoading && !listIsEmpty && (
          <span className="lt-page-header__meta" aria-live="polite">
            {programs.length === 1 ? '1 program' : `${programs.length} programs`}
            {deferredText ? ` matching “${deferredText}”` : ''}
          </span>
        )}
        <div className="lt-page-header__spacer" />
        {!listIsEmpty && (
          <>
            <InputGroup
              type="search"
              className="lt-programs__search"
              leftIcon="search"
              placeholder="Search programs"
              aria-label="Search programs"
              value={text}
              onValueChange={setText}
              rightElement={isFetching && !isLoading ? <span className="lt-input-unit">…</span> : undefined}
            />
            <Switch
              className="lt-programs__archived-toggle"
              label="Show archived"
              checked={includeArchived}
              onChange={(event) => setIncludeArchived(event.currentTarget.checked)}
            />
            <ImportProgramButton />
            <Button
              intent={Intent.PRIMARY}
              icon="add"
              text="New program"
              title="New program (n)"
              onClick={() => setCreating(true)}
            />
          </>
        )}
      </header>

      {error ? (
        <ErrorCallout title="The programs could not be loaded" error={error} onRetry={refetch} />
      ) : listIsEmpty ? (
        <NonIdealState
          icon="timeline-events"
          title="No programs yet"
          description="A program lays out a training block week by week. Build one from your templates, then apply it to athletes to fill their calendars."
          action={
            <div className="lt-programs__empty-actions">
              <Button
                intent={Intent.PRIMARY}
                icon="add"
                text="New program"
                onClick={() => setCreating(true)}
              />
              <ImportProgramButton />
            </div>
          }
        />
      ) : !isLoading && programs.length === 0 ? (
        <NonIdealState
          icon="search"
          title={deferredText ? `No programs match “${deferredText}”` : 'No programs'}
          description={
            includeArchived
              ? undefined
              : 'Archived programs are hidden; turn on “Show archived” to include them.'
          }
          action={deferredText ? <Button text="Clear search" onClick={() => setText('')} /> : undefined}
        />
      ) : (
        <ProgramTable
          programs={programs}
          loading={isLoading}
          onApply={(program) => setApplying(program.id)}
          actions={actions}
        />
      )}

      <NewProgramDialog isOpen={creating} onClose={() => setCreating(false)} />
      <ApplyProgramDialog
        isOpen={applying !== null}
        programId={applying ?? undefined}
        onClose={() => setApplying(null)}
      />
    </div>
  );
}

interface ProgramActions {
  duplicate: (program: ProgramSummary) => void;
  exportFile: (program: ProgramSummary) => void;
  setArchived: (program: ProgramSummary, archived: boolean) => void;
}

/** Duplicate, export and archive (with Undo), each confirmed by a toast. */
function useProgramActions(): ProgramActions {
  const toaster = useToaster();
  const navigate = useNavigate();
  const [duplicateProgram] = useDuplicateProgramMutation();
  const [exportProgram] = useLazyExportProgramQuery();
  const [setProgramArchived] = useSetProgramArchivedMutation();
  const fail = (error: Parameters<typeof errorMessage>[0]) =>
    toaster.show({ message: errorMessage(error), intent: Intent.DANGER, icon: 'error' });

  return {
    duplicate: (program) => {
      void duplicateProgram({ id: program.id }).then((result) => {
        if (result.error) return fail(result.error);
        toaster.show({
          message: `Duplicated as “${result.data.name}”`,
          icon: 'duplicate',
          intent: Intent.SUCCESS,
          action: { text: 'Open', onClick: () => void navigate(`/programs/${result.data.id}`) },
        });
      });
    },
    exportFile: (program) => {
      void exportProgram({ id: program.id }).then((result) => {
        if (result.error || !result.data) return fail(result.error);
        downloadFile(result.data.fileName, result.data.json);
        toaster.show({ message: `Exported “${program.name}” as ${result.data.fileName}`, icon: 'export' });
      });
    },
    setArchived: (program, archived) => {
      void setProgramArchived({ id: program.id, archived }).then((result) => {
        if (result.error) return fail(result.error);
        if (!archived) {
          toaster.show({ message: `Restored “${program.name}”`, icon: 'unarchive', timeout: 3000 });
          return;
        }
        toaster.show({
          message: `Archived “${program.name}”`,
          icon: 'archive',
          timeout: 8000,
          action: {
            text: 'Undo',
            onClick: () => void setProgramArchived({ id: program.id, archived: false }),
          },
        });
      });
    },
  };
}

interface ProgramTableProps {
  programs: ProgramSummary[];
  loading: boolean;
  onApply: (program: ProgramSummary) => void;
  actions: ProgramActions;
}

function ProgramTable({ programs, loading, onApply, actions }: ProgramTableProps) {
  const navigate = useNavigate();
  const open = (program: ProgramSummary) => void navigate(`/programs/${program.id}`);

  function onRowKeyDown(event: KeyboardEvent<HTMLTableRowElement>, program: ProgramSummary) {
    onTableRowKeyDown(event, { Enter: () => open(program) });
  }

  return (
    <div className="lt-programs__table-scroll">
      <HTMLTable
        compact
        striped
        interactive
        className="lt-programs__table"
        aria-label="Programs"
        aria-busy={loading}
      >
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col" className="lt-numeric">
              Weeks × days
            </th>
            <th scope="col">Phases</th>
            <th scope="col" className="lt-numeric">
              Athletes
            </th>
            <th scope="col" className="lt-numeric">
              Upcoming workouts
            </th>
            <th scope="col">Updated</th>
            <th scope="col" className="lt-programs__actions-header">
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
                      <span className={Classes.SKELETON}>Loading program</span>
                    </td>
                  ))}
                </tr>
              ))
            : programs.map((program) => (
                <tr
                  key={program.id}
                  tabIndex={0}
                  className={program.archived ? 'lt-programs__row--archived' : undefined}
                  onClick={(event) => {
                    if ((event.target as HTMLElement).closest('button, a, .bp6-popover')) return;
                    open(program);
                  }}
                  onKeyDown={(event) => onRowKeyDown(event, program)}
                >
                  <td className="lt-programs__name">
                    <span>{program.name}</span>
                    {program.archived && (
                      <Tag minimal round>
                        Archived
                      </Tag>
                    )}
                    {program.description && (
                      <span className={`lt-programs__description ${Classes.TEXT_MUTED}`}>
                        {program.description}
                      </span>
                    )}
                  </td>
                  <td className="lt-numeric">
                    {program.weekCount} × {program.daysPerWeek}
                  </td>
                  <td>
                    <PhaseOutline phases={program.phases} />
                  </td>
                  <td className="lt-numeric">
                    {program.athleteCount || <span className={Classes.TEXT_MUTED}>–</span>}
                  </td>
                  <td className="lt-numeric">
                    {program.upcomingWorkouts || <span className={Classes.TEXT_MUTED}>–</span>}
                  </td>
                  <td className={Classes.TEXT_MUTED}>
                    <time dateTime={program.updatedAt} title={new Date(program.updatedAt).toLocaleString()}>
                      {format(new Date(program.updatedAt), 'd MMM yyyy')}
                    </time>
                  </td>
                  <td className="lt-programs__actions">
                    {!program.archived && (
                      <Button
                        size="small"
                        variant="minimal"
                        icon="calendar"
                        text="Apply…"
                        aria-label={`Apply ${program.name}`}
                        onClick={() => onApply(program)}
                      />
                    )}
                    <PopoverNext
                      placement="bottom-end"
                      content={
                        <Menu aria-label={`Actions for ${program.name}`}>
                          <MenuItem icon="edit" text="Open in the builder" onClick={() => open(program)} />
                          <MenuItem
                            icon="duplicate"
                            text="Duplicate"
                            onClick={() => actions.duplicate(program)}
                          />
                          <MenuItem
                            icon="export"
                            text="Export JSON"
                            onClick={() => actions.exportFile(program)}
                          />
                          {program.archived ? (
                            <MenuItem
                              icon="unarchive"
                              text="Restore"
                              onClick={() => actions.setArchived(program, false)}
                            />
                          ) : (
                            <MenuItem
                              icon="archive"
                              text="Archive"
                              onClick={() => actions.setArchived(program, true)}
                            />
                          )}
                        </Menu>
                      }
                    >
                      <Button
                        size="small"
                        variant="minimal"
                        icon="more"
                        aria-label={`More actions for ${program.name}`}
                      />
                    </PopoverNext>
                  </td>
                </tr>
              ))}
        </tbody>
      </HTMLTable>
    </div>
  );
}
