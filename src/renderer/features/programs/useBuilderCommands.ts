/**
 * The builder's commands: a change with its sentence for screen readers (and, when it removes
 * something, a toast with Undo), and undo/redo with their shortcuts (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y)
 * and toasts saying what was undone.
 */
import { Intent, useHotkeys } from '@blueprintjs/core';
import { useCallback, useMemo } from 'react';
import type { ProgramDoc } from '../../../shared/calc/program-ops';
import { useToaster } from '../../app/toaster';
import { errorMessage } from '../../components/ErrorCallout';
import type { ProgramDocumentApi } from './useProgramDocument';
import type { UndoStack } from './undoStack';

export type Act = (
  label: string,
  op: (current: ProgramDoc) => ProgramDoc,
  options?: { undoToast?: boolean },
) => boolean;

export function useBuilderCommands(
  program: ProgramDocumentApi,
  undo: UndoStack,
  announce: (message: string) => void,
  extraHotkeys: { combo: string; label: string; onKeyDown: () => void }[] = [],
) {
  const toaster = useToaster();

  const step = useCallback(
    async (direction: 'undo' | 'redo') => {
      const [done, icon] = direction === 'undo' ? (['Undid', 'undo'] as const) : (['Redid', 'redo'] as const);
      try {
        const entry = await (direction === 'undo' ? undo.undo() : undo.redo());
        if (!entry) return;
        toaster.show({ message: `${done}: ${entry.label}`, icon, timeout: 3000 }, 'builder-undo');
        announce(`${done}: ${entry.label}`);
      } catch (error) {
        toaster.show({
          message: `Could not ${direction}: ${errorMessage(error as never)}`,
          intent: Intent.DANGER,
          icon: 'error',
        });
      }
    },
    [announce, toaster, undo],
  );
  const runUndo = useCallback(() => step('undo'), [step]);
  const runRedo = useCallback(() => step('redo'), [step]);

  const act = useCallback<Act>(
    (label, op, options = {}) => {
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

  const hotkeys = useMemo(
    () =>
      [
        { combo: 'mod+z', label: 'Undo', onKeyDown: () => void runUndo() },
        { combo: 'mod+shift+z', label: 'Redo', onKeyDown: () => void runRedo() },
        { combo: 'mod+y', label: 'Redo', onKeyDown: () => void runRedo() },
        ...extraHotkeys,
      ].map((hotkey) => ({ ...hotkey, global: true, group: 'Program builder', preventDefault: true })),
    [extraHotkeys, runRedo, runUndo],
  );
  useHotkeys(hotkeys);

  return { act, runUndo, runRedo };
}
