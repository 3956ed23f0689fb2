/**
 * What can be done to a template from the library: create, duplicate, archive or restore, and
 * delete. Each says what happened in a toast, the destructive ones with Undo (UX.md). A template a
 * program or a scheduled workout uses cannot be deleted; the toast says so and offers to archive.
 */
import { useCallback, useMemo } from 'react';
import { Intent } from '@blueprintjs/core';
import type { TemplateSummary } from '../../../shared/domain/template';
import { useToaster } from '../../app/toaster';
import { errorMessage } from '../../components/ErrorCallout';
import { isAppErrorShape } from '../../../shared/contract/errors';
import {
  useCreateTemplateMutation,
  useListTemplatesQuery,
  useDeleteTemplateMutation,
  useDuplicateTemplateMutation,
  useRestoreTemplateMutation,
  useSetTemplateArchivedMutation,
} from './api';

type Usage = TemplateSummary['usage'];

export function isUsed(usage: Usage): boolean {
  return usage.programs > 0 || (usage.scheduledWorkouts ?? 0) > 0;
}

const newTemplateName = (number: number) => (number === 1 ? 'New template' : `New template ${number}`);

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "2 programs · 5 scheduled", or null when unused. */
export function usageSummary(usage: Usage): string | null {
  const parts: string[] = [];
  if (usage.programs > 0) parts.push(count(usage.programs, 'program', 'programs'));
  if (usage.scheduledWorkouts) parts.push(`${usage.scheduledWorkouts} scheduled`);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** Why a template cannot be deleted: "Used by 2 programs: archive it instead". */
export function deleteBlockedReason(usage: Usage): string | null {
  if (!isUsed(usage)) return null;
  const parts: string[] = [];
  if (usage.programs > 0) parts.push(count(usage.programs, 'program', 'programs'));
  if (usage.scheduledWorkouts)
    parts.push(count(usage.scheduledWorkouts, 'scheduled workout', 'scheduled workouts'));
  return `Used by ${parts.join(' and ')}: archive it instead`;
}

interface Actions {
  create: () => Promise<string | null>;
  duplicate: (template: TemplateSummary) => Promise<string | null>;
  setArchived: (template: TemplateSummary, archived: boolean) => Promise<void>;
  remove: (template: TemplateSummary) => Promise<boolean>;
}

/** `onOpen(id | null)` shows a template (after create, duplicate or an undone delete) or none. */
export function useTemplateActions(
  onOpen: (id: string | null, options?: { isNew?: boolean }) => void,
): Actions {
  const toaster = useToaster();
  const [createTemplate] = useCreateTemplateMutation();
  const [duplicateTemplate] = useDuplicateTemplateMutation();
  const [setTemplateArchived] = useSetTemplateArchivedMutation();
  const [deleteTemplate] = useDeleteTemplateMutation();
  const [restoreTemplate] = useRestoreTemplateMutation();

  const fail = useCallback(
    (what: string, error: Parameters<typeof errorMessage>[0]) =>
      toaster.show({ intent: Intent.DANGER, icon: 'error', message: `${what}: ${errorMessage(error)}` }),
    [toaster],
  );

  // Names are unique in the library: "New template", then "New template 2", and so on.
  const { data: everything } = useListTemplatesQuery({ text: '', tags: [], includeArchived: true });
  const create = useCallback(async () => {
    const taken = new Set((everything?.items ?? []).map((item) => item.name.trim().toLowerCase()));
    let number = 1;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      while (taken.has(newTemplateName(number).toLowerCase())) number += 1;
      const name = newTemplateName(number);
      const result = await createTemplate({ name, description: '', tags: [], exercises: [] });
      if (!result.error) {
        onOpen(result.data.id, { isNew: true });
        return result.data.id;
      }
      // Another window (or an archived template this list has not caught up with) took the name.
      if (isAppErrorShape(result.error) && result.error.code === 'conflict') {
        taken.add(name.toLowerCase());
        continue;
      }
      fail('Could not create a template', result.error);
      return null;
    }
    fail('Could not create a template', {
      code: 'conflict',
      message: 'Every “New template” name is taken; rename one',
    });
    return null;
  }, [createTemplate, everything, fail, onOpen]);

  const setArchived = useCallback(
    async (template: TemplateSummary, archived: boolean) => {
      const result = await setTemplateArchived({ id: template.id, archived });
      if (result.error) {
        fail(`Could not ${archived ? 'archive' : 'restore'} “${template.name}”`, result.error);
        return;
      }
      if (!archived) {
        toaster.show({
          icon: 'unarchive',
          message: `Restored “${template.name}” to the library`,
          timeout: 3000,
        });
        return;
      }
      toaster.show({
        icon: 'archive',
        message: `Archived “${template.name}”`,
        timeout: 8000,
        action: {
          text: 'Undo',
          onClick: () =>
            void setTemplateArchived({ id: template.id, archived: false }).then((undone) => {
              if (undone.error) fail(`Could not restore “${template.name}”`, undone.error);
            }),
        },
      });
    },
    [fail, setTemplateArchived, toaster],
  );

  const remove = useCallback(
    async (template: TemplateSummary): Promise<boolean> => {
      const blocked = deleteBlockedReason(template.usage);
      if (blocked) {
        toaster.show({
          intent: Intent.WARNING,
          icon: 'lock',
          message: `“${template.name}” cannot be deleted. ${blocked}.`,
          timeout: 8000,
          action: template.archived
            ? undefined
            : { text: 'Archive', onClick: () => void setArchived(template, true) },
        });
        return false;
      }
      const result = await deleteTemplate({ id: template.id });
      if (result.error) {
        fail(`Could not delete “${template.name}”`, result.error);
        return false;
      }
      onOpen(null);
      toaster.show({
        icon: 'trash',
        message: `Deleted “${template.name}”`,
        timeout: 8000,
        action: {
          text: 'Undo',
          onClick: () =>
            void restoreTemplate({ id: template.id }).then((restored) => {
              if (restored.error) fail(`Could not bring back “${template.name}”`, restored.error);
              else onOpen(template.id);
            }),
        },
      });
      return true;
    },
    [deleteTemplate, fail, onOpen, restoreTemplate, setArchived, toaster],
  );

  const duplicate = useCallback(
    async (template: TemplateSummary) => {
      const result = await duplicateTemplate({ id: template.id });
      if (result.error) {
        fail(`Could not duplicate “${template.name}”`, result.error);
        return null;
      }
      const copy = result.data;
      onOpen(copy.id);
      toaster.show({
        icon: 'duplicate',
        message: `Duplicated as “${copy.name}”`,
        timeout: 6000,
        action: {
          text: 'Undo',
          onClick: () =>
            void deleteTemplate({ id: copy.id }).then((deleted) => {
              if (deleted.error) fail(`Could not remove “${copy.name}”`, deleted.error);
              else onOpen(template.id);
            }),
        },
      });
      return copy.id;
    },
    [deleteTemplate, duplicateTemplate, fail, onOpen, toaster],
  );

  return useMemo(
    () => ({ create, duplicate, setArchived, remove }),
    [create, duplicate, setArchived, remove],
  );
}
