/**
 * The builder's program-wide actions: duplicate, export as a file, archive (with Undo), and a new
 * library template opened beside the grid. Each first waits for the edits still being saved.
 */
import { Intent } from '@blueprintjs/core';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { isAppErrorShape } from '../../../shared/contract/errors';
import type { TemplateSummary } from '../../../shared/domain/template';
import { useToaster } from '../../app/toaster';
import { errorMessage } from '../../components/ErrorCallout';
import { useCreateTemplateMutation } from '../templates';
import { useDuplicateProgramMutation, useLazyExportProgramQuery, useSetProgramArchivedMutation } from './api';
import { downloadFile } from './programFile';
import type { ProgramDocumentApi } from './useProgramDocument';

export function useProgramActions(
  programId: string,
  program: ProgramDocumentApi,
  library: readonly TemplateSummary[],
  openTemplate: (templateId: string) => void,
) {
  const toaster = useToaster();
  const navigate = useNavigate();
  const [duplicateProgram] = useDuplicateProgramMutation();
  const [exportProgram] = useLazyExportProgramQuery();
  const [setArchived] = useSetProgramArchivedMutation();
  const [createTemplate, createTemplateState] = useCreateTemplateMutation();
  const fail = useCallback(
    (error: Parameters<typeof errorMessage>[0]) =>
      toaster.show({ message: errorMessage(error), intent: Intent.DANGER, icon: 'error' }),
    [toaster],
  );

  const duplicate = useCallback(async () => {
    await program.flush().catch(() => undefined);
    const result = await duplicateProgram({ id: programId });
    if (result.error) return fail(result.error);
    toaster.show({
      message: `Duplicated as “${result.data.name}”`,
      intent: Intent.SUCCESS,
      icon: 'duplicate',
      action: { text: 'Open', onClick: () => void navigate(`/programs/${result.data.id}`) },
    });
  }, [duplicateProgram, fail, navigate, program, programId, toaster]);

  const exportFile = useCallback(async () => {
    await program.flush().catch(() => undefined);
    const result = await exportProgram({ id: programId });
    if (!result.data) return fail(result.error);
    downloadFile(result.data.fileName, result.data.json);
    toaster.show({ message: `Exported ${result.data.fileName}`, icon: 'export', timeout: 3000 });
  }, [exportProgram, fail, program, programId, toaster]);

  const archive = useCallback(
    async (archived: boolean, name: string) => {
      const result = await setArchived({ id: programId, archived });
      if (result.error) return fail(result.error);
      toaster.show({
        message: archived ? `Archived “${name}”` : `Restored “${name}”`,
        icon: archived ? 'archive' : 'unarchive',
        action: archived
          ? { text: 'Undo', onClick: () => void setArchived({ id: programId, archived: false }) }
          : undefined,
      });
    },
    [fail, programId, setArchived, toaster],
  );

  /** "New template", or "New template 2"… (library names are unique). */
  const newTemplate = useCallback(async () => {
    const taken = new Set(library.map((item) => item.name.toLowerCase()));
    for (let number = 1; number < 1000; number += 1) {
      const name = number === 1 ? 'New template' : `New template ${number}`;
      if (taken.has(name.toLowerCase())) continue;
      const result = await createTemplate({ name, description: '', tags: [], exercises: [] });
      if (!result.error) return openTemplate(result.data.id);
      // An archived template (or another window) has the name: try the next one.
      if (isAppErrorShape(result.error) && result.error.code === 'conflict') continue;
      return fail(result.error);
    }
  }, [createTemplate, fail, library, openTemplate]);

  return { duplicate, exportFile, archive, newTemplate, creatingTemplate: createTemplateState.isLoading };
}
