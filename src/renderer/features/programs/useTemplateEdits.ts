/**
 * Changes to a day's template made from the builder: its exercises reordered, an exercise moved
 * to another day, or any edit in the day editor. A template shared with other weeks (or other
 * programs) asks first: this week only (a copy is made for the week, `templates.fork`) or every
 * week that uses it. Each change is one undo entry: the fork, and the exercise lists before and
 * after (`templates.saveExercises` puts them back).
 */
import { Intent } from '@blueprintjs/core';
import { useCallback } from 'react';
import { daysUsingTemplate, type SlotRef } from '../../../shared/calc/program-ops';
import type { AppErrorShape } from '../../../shared/contract/errors';
import type { TemplateExerciseInput } from '../../../shared/domain/prescription';
import { toTemplateExerciseInputs } from '../../../shared/domain/template';
import { useAppDispatch } from '../../app/store';
import { useToaster } from '../../app/toaster';
import { errorMessage } from '../../components/ErrorCallout';
import { templatesApi, useForkTemplateMutation, useSaveTemplateExercisesMutation } from '../templates';
import type { DragData, DropData } from './builderDnd';
import { weekRanges, type ScopeQuestionText, type Scope } from './ScopeQuestion';
import type { TemplateIndex } from './templateIndex';
import type { ProgramDocumentApi } from './useProgramDocument';
import type { UndoStack } from './undoStack';

interface Options {
  programId: string;
  program: ProgramDocumentApi;
  templates: TemplateIndex;
  undo: UndoStack;
  askScope: (question: ScopeQuestionText) => Promise<Scope | null>;
  announce: (message: string) => void;
}

class EditCancelled extends Error {}

export function useTemplateEdits({ programId, program, templates, undo, askScope, announce }: Options) {
  const dispatch = useAppDispatch();
  const toaster = useToaster();
  const [forkTemplate] = useForkTemplateMutation();
  const [saveExercises] = useSaveTemplateExercisesMutation();

  const fail = useCallback(
    (error: unknown) => {
      if (error instanceof EditCancelled) return;
      const message =
        error && typeof error === 'object' && 'code' in error
          ? errorMessage(error as AppErrorShape)
          : error instanceof Error
            ? error.message
            : 'The template could not be changed';
      toaster.show({ message, intent: Intent.DANGER, icon: 'error' });
    },
    [toaster],
  );

  /**
   * The template a change made on `slot` should be written to: the day's own, or a copy for
   * the week when the coach says "this week only"; null when the coach cancels.
   */
  const resolveTarget = useCallback(
    async (slot: SlotRef, templateId: string): Promise<string | null> => {
      const doc = program.getDoc();
      if (!doc) return null;
      const uses = daysUsingTemplate(doc, templateId);
      const inWeek = uses.filter((use) => use.weekId === slot.weekId);
      const info = templates.get(templateId);
      const otherPrograms = Math.max(0, (info?.programCount ?? 1) - 1);
      if (uses.length <= inWeek.length && otherPrograms === 0) return templateId;
      const weekNumber = doc.weeks.findIndex((week) => week.id === slot.weekId) + 1;
      const scope = await askScope({
        templateName: info?.name ?? 'This template',
        weekNumber,
        weeks: weekRanges(uses.map((use) => use.weekNumber)),
        dayCount: uses.length,
        otherPrograms,
      });
      if (scope === null) return null;
      if (scope === 'all') return templateId;

      // The fork is written by the backend; everything changed before it must be saved first.
      await program.flush();
      const before = program.getDoc();
      const forked = await forkTemplate({
        id: templateId,
        programId,
        dayIds: inWeek.map((use) => use.day.id),
      });
      if (forked.error) throw forked.error;
      await program.reload();
      const after = program.getDoc();
      if (before && after) {
        undo.push({
          label: `Made a copy of ${info?.name ?? 'the template'} for week ${weekNumber}`,
          undo: async () => program.restore(before),
          redo: async () => program.restore(after),
        });
      }
      announce(`Week ${weekNumber} now has its own copy of ${info?.name ?? 'the template'}`);
      return forked.data.id;
    },
    [announce, askScope, forkTemplate, program, programId, templates, undo],
  );

  const exercisesOf = useCallback(
    async (templateId: string): Promise<TemplateExerciseInput[]> => {
      const result = await dispatch(
        templatesApi.endpoints.getTemplate.initiate(
          { id: templateId },
          { forceRefetch: true, subscribe: false },
        ),
      );
      if (!result.data) throw result.error ?? new Error('The template could not be read');
      return toTemplateExerciseInputs(result.data.exercises);
    },
    [dispatch],
  );

  const save = useCallback(
    async (templateId: string, exercises: TemplateExerciseInput[]) => {
      const result = await saveExercises({ id: templateId, exercises });
      if (result.error) throw result.error;
    },
    [saveExercises],
  );

  /** Records an exercise-list change (from the day editor or a drop) for undo. */
  const recordExercises = useCallback(
    (
      label: string,
      changes: { templateId: string; before: TemplateExerciseInput[]; after: TemplateExerciseInput[] }[],
    ) => {
      undo.push({
        label,
        undo: async () => {
          for (const change of [...changes].reverse()) await save(change.templateId, change.before);
        },
        redo: async () => {
          for (const change of changes) await save(change.templateId, change.after);
        },
      });
    },
    [save, undo],
  );

  /** An exercise dropped on another exercise (before it) or on a day (at the end). */
  const moveExercise = useCallback(
    async (drag: Extract<DragData, { kind: 'exercise' }>, drop: DropData): Promise<string | null> => {
      if (drop.kind === 'weekrow') return null;
      const fromSlot = { weekId: drag.weekId, dayIndex: drag.dayIndex };
      const toSlot = { weekId: drop.weekId, dayIndex: drop.dayIndex };
      const doc = program.getDoc();
      const toDay = doc?.weeks
        .find((week) => week.id === toSlot.weekId)
        ?.days.find((day) => day.dayIndex === toSlot.dayIndex);
      const toTemplateId = toDay?.templateId;
      if (!toTemplateId) {
        toaster.show({
          message: 'Put a template on that day first, then move exercises into it',
          intent: Intent.WARNING,
        });
        return null;
      }
      const toPosition = drop.kind === 'exercise' ? drop.position : Number.POSITIVE_INFINITY;
      try {
        if (toTemplateId === drag.templateId) {
          const target = await resolveTarget(toSlot, toTemplateId);
          if (!target) throw new EditCancelled();
          const before = await exercisesOf(target);
          const moved = before[drag.position];
          if (!moved) throw new Error('That exercise is no longer in the template');
          const rest = before.filter((_, index) => index !== drag.position);
          const insertAt = Math.min(toPosition > drag.position ? toPosition - 1 : toPosition, rest.length);
          const after = [...rest.slice(0, insertAt), moved, ...rest.slice(insertAt)];
          if (after.every((item, index) => item === before[index])) return null;
          await save(target, after);
          const label = `Moved ${drag.name} to position ${insertAt + 1} in ${templates.get(toTemplateId)?.name ?? 'the template'}`;
          recordExercises(label, [{ templateId: target, before, after }]);
          return label;
        }
        const source = await resolveTarget(fromSlot, drag.templateId);
        if (!source) throw new EditCancelled();
        const target = await resolveTarget(toSlot, toTemplateId);
        if (!target) throw new EditCancelled();
        const sourceBefore = await exercisesOf(source);
        const targetBefore = await exercisesOf(target);
        const moved = sourceBefore[drag.position];
        if (!moved) throw new Error('That exercise is no longer in the template');
        const sourceAfter = sourceBefore.filter((_, index) => index !== drag.position);
        const insertAt = Math.min(toPosition, targetBefore.length);
        // A new row in the other template: its id stays with the template it came from.
        const { id: _movedId, ...copy } = moved;
        const targetAfter = [...targetBefore.slice(0, insertAt), copy, ...targetBefore.slice(insertAt)];
        await save(target, targetAfter);
        await save(source, sourceAfter);
        const weekNumber = (doc?.weeks.findIndex((week) => week.id === toSlot.weekId) ?? 0) + 1;
        const label = `Moved ${drag.name} to ${templates.get(toTemplateId)?.name ?? 'the template'} (week ${weekNumber}, day ${toSlot.dayIndex + 1})`;
        recordExercises(label, [
          { templateId: target, before: targetBefore, after: targetAfter },
          { templateId: source, before: sourceBefore, after: sourceAfter },
        ]);
        return label;
      } catch (error) {
        fail(error);
        return null;
      }
    },
    [exercisesOf, fail, program, recordExercises, resolveTarget, save, templates, toaster],
  );

  return { resolveTarget, recordExercises, moveExercise };
}
