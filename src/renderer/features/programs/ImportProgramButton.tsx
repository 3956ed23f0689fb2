/**
 * Import a program file (from "Export JSON"): the file is read here and checked by the backend,
 * all or nothing; a refused file lists its problems in words, and nothing is created.
 */
import { Button, Classes, Dialog, DialogBody, DialogFooter, Intent } from '@blueprintjs/core';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { isAppErrorShape } from '../../../shared/contract/errors';
import { useToaster } from '../../app/toaster';
import { errorMessage } from '../../components/ErrorCallout';
import { useImportProgramMutation } from './api';
import { importProblems } from './programFile';

/** The backend accepts at most 5 MB; a bigger file is refused before it is read. */
const MAX_BYTES = 5_000_000;

export function ImportProgramButton() {
  const input = useRef<HTMLInputElement>(null);
  const [importProgram, { isLoading }] = useImportProgramMutation();
  const [problems, setProblems] = useState<{ fileName: string; messages: string[] } | null>(null);
  const toaster = useToaster();
  const navigate = useNavigate();

  async function onFile(file: File) {
    if (file.size > MAX_BYTES) {
      setProblems({ fileName: file.name, messages: ['The file is too large (at most 5 MB).'] });
      return;
    }
    const json = await file.text();
    const result = await importProgram({ json });
    if (result.error) {
      const messages = isAppErrorShape(result.error)
        ? importProblems(result.error)
        : [errorMessage(result.error)];
      setProblems({ fileName: file.name, messages });
      return;
    }
    toaster.show({
      message: `Imported “${result.data.name}”`,
      intent: Intent.SUCCESS,
      icon: 'import',
      action: { text: 'Open', onClick: () => void navigate(`/programs/${result.data.id}`) },
    });
  }

  return (
    <>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        hidden
        aria-label="Program file to import"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) void onFile(file);
        }}
      />
      <Button icon="import" text="Import JSON" loading={isLoading} onClick={() => input.current?.click()} />
      <Dialog
        isOpen={problems !== null}
        onClose={() => setProblems(null)}
        title="The program was not imported"
        icon="error"
      >
        <DialogBody>
          <p>
            <strong>{problems?.fileName}</strong> was not imported, and nothing was changed.{' '}
            {problems && problems.messages.length > 1 ? 'Its problems:' : 'The problem:'}
          </p>
          <ul className="lt-import-problems">
            {problems?.messages.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
          <p className={Classes.TEXT_MUTED}>
            Import a file made with “Export JSON” in Lift Tracker, or correct these entries and try again.
          </p>
        </DialogBody>
        <DialogFooter
          actions={<Button intent={Intent.PRIMARY} text="OK" onClick={() => setProblems(null)} />}
        />
      </Dialog>
    </>
  );
}
