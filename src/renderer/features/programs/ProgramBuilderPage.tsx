/**
 * The visual program builder (#/programs/<id>): the template library on the left, the whole
 * mesocycle as a grid of weeks × training days, and a preview of it on the calendar with its
 * volume and intensity charts. Every change is saved as it is made and can be undone (Ctrl+Z) and
 * redone (Ctrl+Shift+Z or Ctrl+Y); drags have keyboard and menu equivalents.
 */
import { DndContext, DragOverlay, MeasuringStrategy } from '@dnd-kit/core';
import { Callout, Classes, Intent, NonIdealState, Switch, useHotkeys } from '@blueprintjs/core';
import { useCallback, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { uuidv7 } from 'uuidv7';
import { runGenerator, type GeneratorId } from '../../../shared/calc/periodization';
import {
  addWeek,
  clearDay,
  daysLostBySetDaysPerWeek,
  dayAt,
  duplicateWeek,
  moveDay,
  moveWeek,
  removeWeek,
  setDayOverrides,
  setDayTemplate,
  setDaysPerWeek,
  setName,
  setWeekCount,
  setWeekFields,
  type ProgramDoc,
  type SlotRef,
  type WeekFields,
} from '../../../shared/calc/program-ops';
import { id as idSchema } from '../../../shared/domain/common';
import type { PrescriptionOverride } from '../../../shared/domain/prescription';
import type { TemplateSummary } from '../../../shared/domain/template';
import { useResolvedTheme } from '../../app/theme';
import { useToaster } from '../../app/toaster';
import { ErrorCallout, errorMessage } from '../../components/ErrorCallout';
import { useUnits } from '../../components/useUnits';
import { usePreferences } from '../settings';
import { useCreateTemplateMutation, useListTemplatesQuery } from '../templates';
import { useDuplicateProgramMutation, useLazyExportProgramQuery, useSetProgramArchivedMutation } from './api';
import { ApplyProgramDialog } from './ApplyProgramDialog';
import { BuilderHeader, type BuilderView } from './BuilderHeader';
import { builderCollisionDetection, SCREEN_READER_INSTRUCTIONS } from './builderDnd';
import { DayDrawer, type DrawerTarget } from './DayDrawer';
import { GeneratorDialog } from './GeneratorDialog';
import { ProgramGrid, type GridFocus } from './ProgramGrid';
import { ProgramPreview } from './ProgramPreview';
import { downloadFile } from './programFile';
import { useScopeQuestion } from './ScopeQuestion';
import { SlotPickerDialog, type SlotPickerMode } from './SlotPickerDialog';
import { TemplateLibrary } from './TemplateLibrary';
import { TemplatePickerDialog } from './TemplatePickerDialog';
import { useTemplateIndex } from './templateIndex';
import { useAnnouncer } from './useAnnouncer';
import { DragPreview, slotName, useBuilderDnd } from './useBuilderDnd';
import { useProgramDocument } from './useProgramDocument';
import { useTemplateEdits } from './useTemplateEdits';
import { useUndoStack } from './undoStack';
import { WeekModifiersDialog } from './WeekModifiersDialog';
import './programs.css';

const makeId = () => uuidv7();

export function ProgramBuilderPage() {
  const { programId } = useParams();
  if (!programId || !idSchema.safeParse(programId).success) {
    return (
      <NonIdealState
        icon="search"
        title="No such program"
        description="This address does not name a program."
        action={
          <Link to="/programs" className={`${Classes.BUTTON}`}>
            Go to the programs
          </Link>
        }
      />
    );
  }
  return <ProgramBuilder key={programId} programId={programId} />;
}

interface Clipboard {
  templateId: string;
  overrides: Record<string, PrescriptionOverride>;
  name: string;
}

/** A view setting of the builder kept across visits (localStorage; a view choice, not data). */
function useStoredFlag(key: string, initial: boolean): [boolean, (value: boolean) => void] {
  const [value, setValue] = useState(() => {
    try {
      const stored = window.localStorage.getItem(key);
      return stored === null ? initial : stored === '1';
    } catch {
      return initial;
    }
  });
  const update = useCallback(
    (next: boolean) => {
      setValue(next);
      try {
        window.localStorage.setItem(key, next ? '1' : '0');
      } catch {
        // Storage can be unavailable (private mode): the setting then lasts for this visit.
      }
    },
    [key],
  );
  return [value, update];
}

function useBuilderView(): [BuilderView, (view: BuilderView) => void] {
  const [params, setParams] = useSearchParams();
  const view: BuilderView = params.get('view') === 'preview' ? 'preview' : 'plan';
  const setView = useCallback(
    (next: BuilderView) =>
      setParams(
        (current) => {
          if (next === 'preview') current.set('view', 'preview');
          else current.delete('view');
          return current;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [view, setView];
}

function ProgramBuilder({ programId }: { programId: string }) {
  const undo = useUndoStack();
  const program = useProgramDocument(programId, undo);
  const { doc, detail } = program;
  const library = useListTemplatesQuery({ text: '', tags: [], includeArchived: false });
  const templates = useTemplateIndex(detail, library.data?.items);
  const { formatWeight: formatWeightOrDash, weightUnit } = useUnits();
  const formatWeight = useCallback((kg: number) => formatWeightOrDash(kg), [formatWeightOrDash]);
  const { preferences } = usePreferences();
  const dark = useResolvedTheme(preferences.theme) === 'dark';
  const toaster = useToaster();
  const navigate = useNavigate();
  const [view, setView] = useBuilderView();
  const [showExercises, setShowExercises] = useStoredFlag('lift-tracker:builder-show-exercises', true);
  const [libraryCollapsed, setLibraryCollapsed] = useStoredFlag(
    'lift-tracker:builder-library-collapsed',
    false,
  );
  const [focus, setFocus] = useState<GridFocus>({ row: 0, col: 0 });
  const [focusRequest, setFocusRequest] = useState(0);
  const [openMenu, setOpenMenu] = useState<string | null>(null);
  const [clipboard, setClipboard] = useState<Clipboard | null>(null);
  const [slotPicker, setSlotPicker] = useState<SlotPickerMode | null>(null);
  const [templatePicker, setTemplatePicker] = useState<SlotRef | null>(null);
  const [weekDialog, setWeekDialog] = useState<string | null>(null);
  const [generator, setGenerator] = useState<GeneratorId | null>(null);
  const [drawer, setDrawer] = useState<DrawerTarget | null>(null);
  const [applyOpen, setApplyOpen] = useState(false);
  const [scopeDialog, askScope] = useScopeQuestion();
  const [liveRegion, announce] = useAnnouncer();
  const [createTemplate, createTemplateState] = useCreateTemplateMutation();
  const [duplicateProgram] = useDuplicateProgramMutation();
  const [exportProgram] = useLazyExportProgramQuery();
  const [setArchived] = useSetProgramArchivedMutation();

  const edits = useTemplateEdits({ programId, program, templates, undo, askScope, announce });

  const runUndo = useCallback(async () => {
    try {
      const entry = await undo.undo();
      if (entry) {
        toaster.show({ message: `Undid: ${entry.label}`, icon: 'undo', timeout: 3000 }, 'builder-undo');
        announce(`Undid: ${entry.label}`);
      }
    } catch (error) {
      toaster.show({
        message: `Could not undo: ${errorMessage(error as never)}`,
        intent: Intent.DANGER,
        icon: 'error',
      });
    }
  }, [announce, toaster, undo]);

  const runRedo = useCallback(async () => {
    try {
      const entry = await undo.redo();
      if (entry) {
        toaster.show({ message: `Redid: ${entry.label}`, icon: 'redo', timeout: 3000 }, 'builder-undo');
        announce(`Redid: ${entry.label}`);
      }
    } catch (error) {
      toaster.show({
        message: `Could not redo: ${errorMessage(error as never)}`,
        intent: Intent.DANGER,
        icon: 'error',
      });
    }
  }, [announce, toaster, undo]);

  /** A change with a sentence for screen readers; destructive ones also offer Undo in a toast. */
  const act = useCallback(
    (label: string, op: (current: ProgramDoc) => ProgramDoc, options: { undoToast?: boolean } = {}) => {
      const done = program.change(label, op);
      if (done) {
        announce(label);
        if (options.undoToast) {
          toaster.show({
            message: label,
            icon: 'undo',
            timeout: 6000,
            action: { text: 'Undo', onClick: () => void runUndo() },
          });
        }
      }
      return done;
    },
    [announce, program, runUndo, toaster],
  );

  /** Moves the grid's focus to a day (and the page's focus too when `now`: after a keyboard drop or a dialog). */
  const focusSlot = useCallback(
    (slot: SlotRef, now = true) => {
      const row = program.getDoc()?.weeks.findIndex((week) => week.id === slot.weekId) ?? -1;
      if (row < 0) return;
      setFocus({ row, col: slot.dayIndex });
      if (now) setFocusRequest((count) => count + 1);
    },
    [program],
  );

  const dnd = useBuilderDnd({
    program,
    templates,
    makeId,
    moveExercise: edits.moveExercise,
    announce,
    onLanded: (target, byKeyboard) => {
      if (target.slot) focusSlot(target.slot, byKeyboard);
      else if (target.weekId) {
        const row = program.getDoc()?.weeks.findIndex((week) => week.id === target.weekId) ?? -1;
        if (row < 0) return;
        setFocus({ row, col: -1 });
        if (byKeyboard) setFocusRequest((count) => count + 1);
      }
    },
  });

  const hotkeys = useMemo(
    () => [
      {
        combo: 'mod+z',
        global: true,
        group: 'Program builder',
        label: 'Undo',
        preventDefault: true,
        onKeyDown: () => void runUndo(),
      },
      {
        combo: 'mod+shift+z',
        global: true,
        group: 'Program builder',
        label: 'Redo',
        preventDefault: true,
        onKeyDown: () => void runRedo(),
      },
      {
        combo: 'mod+y',
        global: true,
        group: 'Program builder',
        label: 'Redo',
        preventDefault: true,
        onKeyDown: () => void runRedo(),
      },
      {
        combo: 'shift+p',
        global: true,
        group: 'Program builder',
        label: 'Switch between the plan and the preview',
        onKeyDown: () => setView(view === 'plan' ? 'preview' : 'plan'),
      },
    ],
    [runRedo, runUndo, setView, view],
  );
  useHotkeys(hotkeys);

  const templateName = useCallback(
    (templateId: string | null | undefined) => templates.get(templateId)?.name ?? 'the workout',
    [templates],
  );

  const dayActions = useMemo(
    () => ({
      open: (slot: SlotRef) => {
        const current = program.getDoc();
        const day = current ? dayAt(current, slot) : undefined;
        if (day?.templateId) setDrawer({ kind: 'day', slot, templateId: day.templateId });
      },
      pickTemplate: (slot: SlotRef) => setTemplatePicker(slot),
      moveTo: (slot: SlotRef) => setSlotPicker({ kind: 'move', from: slot }),
      copyTo: (slot: SlotRef) => setSlotPicker({ kind: 'copy', from: slot }),
      copyToClipboard: (slot: SlotRef) => {
        const current = program.getDoc();
        const day = current ? dayAt(current, slot) : undefined;
        if (!day?.templateId) return;
        const name = templateName(day.templateId);
        setClipboard({ templateId: day.templateId, overrides: day.overrides, name });
        announce(`Copied ${name} from ${slotName(current, slot)}. Ctrl+V on another day puts it there.`);
        toaster.show(
          { message: `Copied ${name} — Ctrl+V on another day pastes it`, icon: 'clipboard', timeout: 3000 },
          'builder-clipboard',
        );
      },
      paste: (slot: SlotRef) => {
        if (!clipboard) {
          announce('Nothing copied yet: Ctrl+C on a day copies it.');
          return;
        }
        const label = `Pasted ${clipboard.name} to ${slotName(program.getDoc(), slot)}`;
        act(label, (current) => {
          const placed = setDayTemplate(current, slot, clipboard.templateId, makeId);
          return Object.keys(clipboard.overrides).length > 0
            ? setDayOverrides(placed, slot, clipboard.overrides)
            : placed;
        });
      },
      clearDay: (slot: SlotRef) => {
        const current = program.getDoc();
        const day = current ? dayAt(current, slot) : undefined;
        if (!day?.templateId) return;
        act(
          `Cleared ${templateName(day.templateId)} from ${slotName(current, slot)}`,
          (next) => clearDay(next, slot, makeId),
          {
            undoToast: true,
          },
        );
      },
      clearOverrides: (slot: SlotRef) =>
        act(`Cleared the changes on ${slotName(program.getDoc(), slot)}`, (current) =>
          setDayOverrides(current, slot, {}),
        ),
    }),
    [act, announce, clipboard, program, templateName, toaster],
  );

  const weekActions = useMemo(() => {
    const numberOf = (weekId: string) =>
      (program.getDoc()?.weeks.findIndex((week) => week.id === weekId) ?? -1) + 1;
    const weekOf = (weekId: string) => program.getDoc()?.weeks.find((week) => week.id === weekId);
    return {
      moveBy: (weekId: string, offset: number) => {
        const from = numberOf(weekId);
        const to = from + offset;
        if (act(`Moved week ${from} to week ${to}`, (current) => moveWeek(current, weekId, to - 1))) {
          setFocus({ row: to - 1, col: -1 });
          setFocusRequest((count) => count + 1);
        }
      },
      duplicate: (weekId: string) => {
        const from = numberOf(weekId);
        act(`Duplicated week ${from} as week ${from + 1}`, (current) =>
          duplicateWeek(current, weekId, makeId),
        );
      },
      insert: (weekId: string, where: 'before' | 'after') => {
        const at = numberOf(weekId) - 1 + (where === 'after' ? 1 : 0);
        act(`Inserted an empty week as week ${at + 1}`, (current) =>
          addWeek(
            current,
            makeId,
            current.weeks.findIndex((week) => week.id === weekId) + (where === 'after' ? 1 : 0),
          ),
        );
      },
      remove: (weekId: string) =>
        act(`Deleted week ${numberOf(weekId)}`, (current) => removeWeek(current, weekId), {
          undoToast: true,
        }),
      setPhase: (weekId: string, phase: WeekFields['phase']) => {
        const week = weekOf(weekId);
        const deload = phase === 'deload' ? true : week?.phase === 'deload' ? false : week?.deload;
        act(`Set week ${numberOf(weekId)} to ${phase ?? 'no phase'}`, (current) =>
          setWeekFields(current, weekId, { phase, deload }),
        );
      },
      toggleDeload: (weekId: string) => {
        const week = weekOf(weekId);
        act(`${week?.deload ? 'Unmarked' : 'Marked'} week ${numberOf(weekId)} as a deload`, (current) =>
          setWeekFields(current, weekId, { deload: !week?.deload }),
        );
      },
      editModifiers: (weekId: string) => setWeekDialog(weekId),
      resetModifiers: (weekId: string) =>
        act(`Reset the volume and intensity of week ${numberOf(weekId)}`, (current) =>
          setWeekFields(current, weekId, { volumeFactor: 1, intensityDeltaPercent: 0, rpeDelta: 0 }),
        ),
    };
  }, [act, program]);

  if (program.loadError && !doc) {
    return (
      <div className="lt-page">
        <ErrorCallout
          title="The program could not be opened"
          error={program.loadError}
          onRetry={program.refetch}
        />
      </div>
    );
  }
  if (!doc || !detail) return <BuilderSkeleton />;

  const weekForDialog = weekDialog ? doc.weeks.findIndex((week) => week.id === weekDialog) : -1;
  const libraryItems = library.data?.items ?? [];
  const athletes = detail.assignments;
  const upcoming = athletes.reduce((sum, assignment) => sum + assignment.upcoming, 0);
  const athleteNames = [...new Set(athletes.map((assignment) => assignment.athleteName))];

  return (
    <div className="lt-builder">
      <BuilderHeader
        name={doc.name}
        weekCount={doc.weeks.length}
        daysPerWeek={doc.daysPerWeek}
        archived={detail.archived}
        status={program.status}
        undo={undo}
        view={view}
        onViewChange={setView}
        onRename={(name) => act(`Renamed the program to ${name.trim()}`, (current) => setName(current, name))}
        onWeekCount={(count) => {
          const dropped = doc.weeks
            .slice(count)
            .filter((week) => week.days.some((day) => day.templateId)).length;
          act(
            count < doc.weeks.length
              ? `Shortened the program to ${count} ${count === 1 ? 'week' : 'weeks'}`
              : `Lengthened the program to ${count} weeks`,
            (current) => setWeekCount(current, count, makeId),
            { undoToast: dropped > 0 },
          );
        }}
        onDaysPerWeek={(days) => {
          const lost = daysLostBySetDaysPerWeek(doc, days);
          act(
            lost > 0
              ? `Set ${days} training days a week (removed ${lost} workout ${lost === 1 ? 'day' : 'days'} beyond day ${days})`
              : `Set ${days} training ${days === 1 ? 'day' : 'days'} a week`,
            (current) => setDaysPerWeek(current, days),
            { undoToast: lost > 0 },
          );
        }}
        onUndo={() => void runUndo()}
        onRedo={() => void runRedo()}
        onRetry={program.retry}
        onGenerator={setGenerator}
        onApply={() => {
          void program.flush().finally(() => setApplyOpen(true));
        }}
        onDuplicate={() => {
          void program.flush().then(async () => {
            const result = await duplicateProgram({ id: programId });
            if (result.error) {
              toaster.show({ message: errorMessage(result.error), intent: Intent.DANGER, icon: 'error' });
              return;
            }
            toaster.show({
              message: `Duplicated as “${result.data.name}”`,
              intent: Intent.SUCCESS,
              icon: 'duplicate',
              action: { text: 'Open', onClick: () => void navigate(`/programs/${result.data.id}`) },
            });
          });
        }}
        onExport={() => {
          void program.flush().then(async () => {
            const result = await exportProgram({ id: programId });
            if (!result.data) {
              toaster.show({ message: errorMessage(result.error), intent: Intent.DANGER, icon: 'error' });
              return;
            }
            downloadFile(result.data.fileName, result.data.json);
            toaster.show({ message: `Exported ${result.data.fileName}`, icon: 'export', timeout: 3000 });
          });
        }}
        onArchive={(archived) => {
          void setArchived({ id: programId, archived }).then((result) => {
            if (result.error) {
              toaster.show({ message: errorMessage(result.error), intent: Intent.DANGER, icon: 'error' });
              return;
            }
            toaster.show({
              message: archived ? `Archived “${doc.name}”` : `Restored “${doc.name}”`,
              icon: archived ? 'archive' : 'unarchive',
              action: archived
                ? { text: 'Undo', onClick: () => void setArchived({ id: programId, archived: false }) }
                : undefined,
            });
          });
        }}
      />
      {athletes.length > 0 && (
        <Callout intent={Intent.PRIMARY} icon="people" compact className="lt-builder__applied">
          Applied to {athleteNames.length} {athleteNames.length === 1 ? 'athlete' : 'athletes'} (
          {athleteNames.slice(0, 4).join(', ')}
          {athleteNames.length > 4 ? ` and ${athleteNames.length - 4} more` : ''})
          {upcoming > 0
            ? ` — their ${upcoming} upcoming ${upcoming === 1 ? 'workout follows' : 'workouts follow'} your edits.`
            : ' — none of its workouts are still to come, so edits change no calendar.'}
        </Callout>
      )}
      {detail.archived && (
        <Callout intent={Intent.WARNING} icon="archive" compact className="lt-builder__applied">
          This program is archived: it can still be edited, but it is hidden from the list and cannot be
          applied.
        </Callout>
      )}

      <DndContext
        sensors={dnd.sensors}
        collisionDetection={builderCollisionDetection}
        measuring={{ droppable: { strategy: MeasuringStrategy.WhileDragging } }}
        onDragStart={dnd.onDragStart}
        onDragEnd={dnd.onDragEnd}
        onDragCancel={dnd.onDragCancel}
        accessibility={{
          announcements: dnd.announcements,
          screenReaderInstructions: { draggable: SCREEN_READER_INSTRUCTIONS },
          restoreFocus: false,
        }}
      >
        {view === 'plan' ? (
          <div className={`lt-builder__body${libraryCollapsed ? ' lt-builder__body--wide' : ''}`}>
            <TemplateLibrary
              collapsed={libraryCollapsed}
              onCollapsedChange={setLibraryCollapsed}
              creating={createTemplateState.isLoading}
              onPlace={(template: TemplateSummary) =>
                setSlotPicker({ kind: 'place', templateId: template.id })
              }
              onEdit={(template) => setDrawer({ kind: 'template', templateId: template.id })}
              onNew={() => {
                void createTemplate({ name: 'New template', description: '', tags: [], exercises: [] }).then(
                  (result) => {
                    if (result.error) {
                      toaster.show({
                        message: errorMessage(result.error),
                        intent: Intent.DANGER,
                        icon: 'error',
                      });
                      return;
                    }
                    setDrawer({ kind: 'template', templateId: result.data.id, isNew: true });
                  },
                );
              }}
            />
            <section className="lt-builder__plan" aria-label="Plan">
              <div className="lt-builder__toolbar">
                <span className={`${Classes.TEXT_MUTED} lt-builder__hint`}>
                  Drag a day to move it, Alt+drag to copy · Arrows move, Space picks up, Shift+F10 opens the
                  menu
                </span>
                <span className="lt-page-header__spacer" />
                <Switch
                  className="lt-builder__toggle"
                  label="Show exercises"
                  checked={showExercises}
                  onChange={(event) => setShowExercises(event.currentTarget.checked)}
                />
              </div>
              <div className="lt-builder__grid-scroll">
                <ProgramGrid
                  doc={doc}
                  templates={templates}
                  showExercises={showExercises}
                  focus={focus}
                  onFocusChange={setFocus}
                  focusRequest={focusRequest}
                  dragging={dnd.active}
                  copying={dnd.copying}
                  formatWeight={formatWeight}
                  openMenu={openMenu}
                  onOpenMenuChange={setOpenMenu}
                  canPaste={clipboard !== null}
                  dayActions={dayActions}
                  weekActions={weekActions}
                  onAddWeek={() =>
                    act(`Added week ${doc.weeks.length + 1}`, (current) => addWeek(current, makeId))
                  }
                />
              </div>
            </section>
          </div>
        ) : (
          <ProgramPreview
            doc={doc}
            templates={templates}
            templatesWithExercises={templates.withExercises}
            dark={dark}
          />
        )}
        <DragOverlay dropAnimation={null}>
          {dnd.active ? (
            <DragPreview data={dnd.active} copying={dnd.copying} templates={templates} doc={doc} />
          ) : null}
        </DragOverlay>
      </DndContext>

      <SlotPickerDialog
        mode={slotPicker}
        doc={doc}
        templates={templates}
        onClose={() => {
          setSlotPicker(null);
          setFocusRequest((count) => count + 1);
        }}
        onPick={(mode, to) => {
          setSlotPicker(null);
          if (mode.kind === 'place') {
            const name = templateName(mode.templateId);
            act(`Put ${name} on ${slotName(doc, to)}`, (current) =>
              setDayTemplate(current, to, mode.templateId, makeId),
            );
          } else {
            const from = mode.from;
            const source = dayAt(doc, from);
            const name = templateName(source?.templateId);
            const there = dayAt(doc, to);
            if (mode.kind === 'copy') {
              act(`Copied ${name} to ${slotName(doc, to)}`, (current) => {
                const placed = setDayTemplate(current, to, source?.templateId ?? null, makeId);
                return source && Object.keys(source.overrides).length > 0
                  ? setDayOverrides(placed, to, source.overrides)
                  : placed;
              });
            } else {
              act(
                there?.templateId
                  ? `Swapped ${name} (${slotName(doc, from)}) with ${templateName(there.templateId)} (${slotName(doc, to)})`
                  : `Moved ${name} to ${slotName(doc, to)}`,
                (current) => moveDay(current, from, to),
              );
            }
          }
          focusSlot(to);
        }}
      />
      <TemplatePickerDialog
        slot={templatePicker}
        title={templatePicker ? `Template for ${slotName(doc, templatePicker)}` : ''}
        library={libraryItems}
        currentTemplateId={templatePicker ? (dayAt(doc, templatePicker)?.templateId ?? null) : null}
        onClose={() => {
          setTemplatePicker(null);
          setFocusRequest((count) => count + 1);
        }}
        onPick={(slot, template) => {
          setTemplatePicker(null);
          act(`Put ${template.name} on ${slotName(doc, slot)}`, (current) =>
            setDayTemplate(current, slot, template.id, makeId),
          );
          focusSlot(slot);
        }}
      />
      <WeekModifiersDialog
        week={weekForDialog >= 0 ? { doc: doc.weeks[weekForDialog]!, number: weekForDialog + 1 } : null}
        onClose={() => {
          setWeekDialog(null);
          setFocusRequest((count) => count + 1);
        }}
        onApply={(weekId, fields) =>
          act(`Changed the volume and intensity of week ${weekForDialog + 1}`, (current) =>
            setWeekFields(current, weekId, fields),
          )
        }
      />
      <GeneratorDialog
        generatorId={generator}
        doc={doc}
        templates={templates.withExercises}
        unit={weightUnit}
        formatWeight={formatWeight}
        onClose={() => setGenerator(null)}
        onApply={(generatorId, label, params) =>
          act(`Applied ${label.toLowerCase()}`, (current) => {
            const run = runGenerator(generatorId, current, templates.withExercises, params);
            if (!run.ok) throw new Error(run.issues[0]?.message ?? 'The generator’s values are not valid');
            return run.result.document;
          })
        }
      />
      <DayDrawer
        target={drawer}
        doc={doc}
        templates={templates}
        formatWeight={formatWeight}
        resolveTarget={edits.resolveTarget}
        onExercisesSaved={(change) =>
          edits.recordExercises(`Edited the exercises of ${templateName(change.templateId)}`, [change])
        }
        onClearDay={dayActions.clearDay}
        onClose={() => setDrawer(null)}
      />
      <ApplyProgramDialog isOpen={applyOpen} programId={programId} onClose={() => setApplyOpen(false)} />
      {scopeDialog}
      {liveRegion}
    </div>
  );
}

function BuilderSkeleton() {
  return (
    <div className="lt-builder" aria-busy="true" aria-label="Loading the program">
      <header className="lt-builder__header">
        <span className={Classes.SKELETON}>Programs</span>
        <h1 className={`${Classes.HEADING} ${Classes.SKELETON}`}>Loading the program</h1>
      </header>
      <div className="lt-builder__body">
        <aside className="lt-library">
          {Array.from({ length: 6 }, (_, index) => (
            <div key={index} className={`lt-library-card ${Classes.SKELETON}`}>
              Template
            </div>
          ))}
        </aside>
        <section className="lt-builder__plan">
          <div className="lt-builder__grid-scroll">
            {Array.from({ length: 4 }, (_, index) => (
              <div key={index} className={`lt-skeleton-row ${Classes.SKELETON}`} />
            ))}
          </div>
        </section>
      </div>
    </div>
  );
}
