/**
 * The visual program builder (#/programs/<id>): the template library on the left, the whole
 * mesocycle as a grid of weeks × training days, and a preview of it on the calendar with its
 * volume and intensity charts. Every change is saved as it is made and can be undone (Ctrl+Z) and
 * redone (Ctrl+Shift+Z or Ctrl+Y); drags have keyboard and menu equivalents.
 */
import { DndContext, DragOverlay, MeasuringStrategy } from '@dnd-kit/core';
import { Classes, NonIdealState, Switch } from '@blueprintjs/core';
import { useCallback, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { uuidv7 } from 'uuidv7';
import { runGenerator, type GeneratorId } from '../../../shared/calc/periodization';
import {
  addWeek,
  daysLostBySetDaysPerWeek,
  dayAt,
  setDaysPerWeek,
  setName,
  setWeekCount,
  setWeekFields,
  type ProgramDoc,
  type SlotRef,
} from '../../../shared/calc/program-ops';
import { id as idSchema } from '../../../shared/domain/common';
import { useResolvedTheme } from '../../app/theme';
import { ErrorCallout } from '../../components/ErrorCallout';
import { useUnits } from '../../components/useUnits';
import { usePreferences } from '../settings';
import { useListTemplatesQuery } from '../templates';
import { ApplyProgramDialog } from './ApplyProgramDialog';
import { AppliedBanner, ArchivedBanner, BuilderSkeleton } from './BuilderBanners';
import { BuilderHeader } from './BuilderHeader';
import { builderCollisionDetection, SCREEN_READER_INSTRUCTIONS } from './builderDnd';
import { useBuilderView, useStoredFlag } from './builderView';
import { DayDrawer, type DrawerTarget } from './DayDrawer';
import { GeneratorDialog } from './GeneratorDialog';
import { ProgramGrid, type GridFocus } from './ProgramGrid';
import { ProgramPreview } from './ProgramPreview';
import { useScopeQuestion } from './ScopeQuestion';
import { SlotPickerDialog, type SlotPickerMode } from './SlotPickerDialog';
import { TemplateLibrary } from './TemplateLibrary';
import { TemplatePickerDialog } from './TemplatePickerDialog';
import { useTemplateIndex } from './templateIndex';
import { useAnnouncer } from './useAnnouncer';
import { useBuilderCommands } from './useBuilderCommands';
import { DragPreview, slotName, useBuilderDnd } from './useBuilderDnd';
import { useGridActions } from './useGridActions';
import { useProgramActions } from './useProgramActions';
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
          <Link to="/programs" className={Classes.BUTTON}>
            Go to the programs
          </Link>
        }
      />
    );
  }
  return <ProgramBuilder key={programId} programId={programId} />;
}

function ProgramBuilder({ programId }: { programId: string }) {
  const undo = useUndoStack();
  const program = useProgramDocument(programId, undo);
  const { doc, detail } = program;
  const library = useListTemplatesQuery({ text: '', tags: [], includeArchived: false });
  const libraryItems = useMemo(() => library.data?.items ?? [], [library.data]);
  const templates = useTemplateIndex(detail, libraryItems);
  const { formatWeight: formatWeightOrDash, weightUnit } = useUnits();
  const formatWeight = useCallback((kg: number) => formatWeightOrDash(kg), [formatWeightOrDash]);
  const { preferences } = usePreferences();
  const dark = useResolvedTheme(preferences.theme) === 'dark';

  const [view, setView] = useBuilderView();
  const [showExercises, setShowExercises] = useStoredFlag('lift-tracker:builder-show-exercises', true);
  const [libraryCollapsed, setLibraryCollapsed] = useStoredFlag(
    'lift-tracker:builder-library-collapsed',
    false,
  );
  const [focus, setFocus] = useState<GridFocus>({ row: 0, col: 0 });
  const [focusRequest, setFocusRequest] = useState(0);
  const [openMenu, setOpenMenu] = useState<string | null>(null);
  const [slotPicker, setSlotPicker] = useState<SlotPickerMode | null>(null);
  const [templatePicker, setTemplatePicker] = useState<SlotRef | null>(null);
  const [weekDialog, setWeekDialog] = useState<string | null>(null);
  const [generator, setGenerator] = useState<GeneratorId | null>(null);
  const [drawer, setDrawer] = useState<DrawerTarget | null>(null);
  const [applyOpen, setApplyOpen] = useState(false);
  const [scopeDialog, askScope] = useScopeQuestion();
  const [liveRegion, announce] = useAnnouncer();

  const viewHotkeys = useMemo(
    () => [
      {
        combo: 'shift+p',
        label: 'Switch between the plan and the preview',
        onKeyDown: () => setView(view === 'plan' ? 'preview' : 'plan'),
      },
    ],
    [setView, view],
  );
  const { act, runUndo, runRedo } = useBuilderCommands(program, undo, announce, viewHotkeys);
  const edits = useTemplateEdits({ programId, program, templates, undo, askScope, announce });
  const actions = useProgramActions(programId, program, libraryItems, (templateId) =>
    setDrawer({ kind: 'template', templateId, isNew: true }),
  );

  /** The grid's focus on a day (col ≥ 0) or a week's handle (col −1); `now` moves the page's focus too. */
  const focusCell = useCallback((row: number, col: number, now = true) => {
    if (row < 0) return;
    setFocus({ row, col });
    if (now) setFocusRequest((count) => count + 1);
  }, []);
  const returnFocusToGrid = useCallback(() => setFocusRequest((count) => count + 1), []);

  const grid = useGridActions({
    program,
    templates,
    act,
    announce,
    makeId,
    openDay: (slot, templateId) => setDrawer({ kind: 'day', slot, templateId }),
    openTemplatePicker: setTemplatePicker,
    openSlotPicker: setSlotPicker,
    openWeekDialog: setWeekDialog,
    focusCell,
  });

  const rowOf = (weekId: string) => program.getDoc()?.weeks.findIndex((week) => week.id === weekId) ?? -1;
  const dnd = useBuilderDnd({
    program,
    templates,
    makeId,
    moveExercise: edits.moveExercise,
    announce,
    onLanded: (target, byKeyboard) => {
      if (target.slot) focusCell(rowOf(target.slot.weekId), target.slot.dayIndex, byKeyboard);
      else if (target.weekId) focusCell(rowOf(target.weekId), -1, byKeyboard);
    },
  });

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
        onWeekCount={(count) => onWeekCount(doc, count, act)}
        onDaysPerWeek={(days) => onDaysPerWeek(doc, days, act)}
        onUndo={() => void runUndo()}
        onRedo={() => void runRedo()}
        onRetry={program.retry}
        onGenerator={setGenerator}
        onApply={() => void program.flush().finally(() => setApplyOpen(true))}
        onDuplicate={() => void actions.duplicate()}
        onExport={() => void actions.exportFile()}
        onArchive={(archived) => void actions.archive(archived, doc.name)}
      />
      <AppliedBanner assignments={detail.assignments} />
      {detail.archived && <ArchivedBanner />}

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
              creating={actions.creatingTemplate}
              onPlace={(template) => setSlotPicker({ kind: 'place', templateId: template.id })}
              onEdit={(template) => setDrawer({ kind: 'template', templateId: template.id })}
              onNew={() => void actions.newTemplate()}
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
                  canPaste={grid.canPaste}
                  dayActions={grid.dayActions}
                  weekActions={grid.weekActions}
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
          returnFocusToGrid();
        }}
        onPick={(mode, to) => {
          setSlotPicker(null);
          grid.pickSlot(mode, to);
        }}
      />
      <TemplatePickerDialog
        slot={templatePicker}
        title={templatePicker ? `Template for ${slotName(doc, templatePicker)}` : ''}
        library={libraryItems}
        currentTemplateId={templatePicker ? (dayAt(doc, templatePicker)?.templateId ?? null) : null}
        onClose={() => {
          setTemplatePicker(null);
          returnFocusToGrid();
        }}
        onPick={(slot, template) => {
          setTemplatePicker(null);
          grid.pickTemplate(slot, template);
        }}
      />
      <WeekModifiersDialog
        week={weekForDialog >= 0 ? { doc: doc.weeks[weekForDialog]!, number: weekForDialog + 1 } : null}
        onClose={() => {
          setWeekDialog(null);
          returnFocusToGrid();
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
          // Replayed on a fresher program after a conflict, the generator runs again on it.
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
          edits.recordExercises(`Edited the exercises of ${grid.templateName(change.templateId)}`, [change])
        }
        onClearDay={grid.dayActions.clearDay}
        onClose={() => setDrawer(null)}
      />
      <ApplyProgramDialog isOpen={applyOpen} programId={programId} onClose={() => setApplyOpen(false)} />
      {scopeDialog}
      {liveRegion}
    </div>
  );
}

type ActFn = ReturnType<typeof useBuilderCommands>['act'];

/** Fewer weeks drop the last ones (with Undo in the toast when they held workouts). */
function onWeekCount(doc: ProgramDoc, count: number, act: ActFn) {
  const dropped = doc.weeks.slice(count).filter((week) => week.days.some((day) => day.templateId)).length;
  act(
    count < doc.weeks.length
      ? `Shortened the program to ${count} ${count === 1 ? 'week' : 'weeks'}`
      : `Lengthened the program to ${count} weeks`,
    (current) => setWeekCount(current, count, makeId),
    { undoToast: dropped > 0 },
  );
}

/** Fewer days a week drop the days beyond them (said, with Undo). */
function onDaysPerWeek(doc: ProgramDoc, days: number, act: ActFn) {
  const lost = daysLostBySetDaysPerWeek(doc, days);
  act(
    lost > 0
      ? `Set ${days} training days a week (removed ${lost} workout ${lost === 1 ? 'day' : 'days'} beyond day ${days})`
      : `Set ${days} training ${days === 1 ? 'day' : 'days'} a week`,
    (current) => setDaysPerWeek(current, days),
    { undoToast: lost > 0 },
  );
}
