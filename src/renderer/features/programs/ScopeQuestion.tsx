/**
 * "This week only, or every week that uses it?" — asked before a template shared by several days
 * (or other programs) is changed from one day. The answer comes back as a promise, so the code
 * that edits can simply await it.
 */
import { Button, Classes, Dialog, DialogBody, DialogFooter, Intent } from '@blueprintjs/core';
import { useCallback, useRef, useState, type MouseEvent, type ReactElement } from 'react';

export type Scope = 'week' | 'all';

export interface ScopeQuestionText {
  templateName: string;
  weekNumber: number;
  /** Weeks of this program with a day on the template, this one included ("1–4"). */
  weeks: string;
  dayCount: number;
  otherPrograms: number;
}

export function useScopeQuestion(): [ReactElement, (question: ScopeQuestionText) => Promise<Scope | null>] {
  const [question, setQuestion] = useState<ScopeQuestionText | null>(null);
  const resolver = useRef<((scope: Scope | null) => void) | null>(null);

  // The Space that dropped a dragged exercise opens this dialog, and its key-up would press the
  // focused button: a button pressed from the keyboard counts only after a key went down in here.
  const keysArmed = useRef(false);

  const ask = useCallback((next: ScopeQuestionText) => {
    resolver.current?.(null);
    keysArmed.current = false;
    setQuestion(next);
    return new Promise<Scope | null>((resolve) => {
      resolver.current = resolve;
    });
  }, []);

  const answer = (scope: Scope | null) => {
    resolver.current?.(scope);
    resolver.current = null;
    setQuestion(null);
  };

  /** A click from the pointer (detail ≥ 1), or from a key pressed in the dialog. */
  const pressed = (action: () => void) => (event: MouseEvent) => {
    if (event.detail === 0 && !keysArmed.current) return;
    action();
  };

  const element = (
    <Dialog
      isOpen={question !== null}
      onClose={() => answer(null)}
      title={question ? `Change “${question.templateName}”` : ''}
      icon="fork"
      className="lt-scope-dialog"
    >
      {question && (
        <div
          onKeyDown={() => {
            keysArmed.current = true;
          }}
        >
          <DialogBody>
            <p>
              <strong>{question.templateName}</strong> is used on {question.dayCount}{' '}
              {question.dayCount === 1 ? 'day' : 'days'} of this program (
              {question.weeks.includes('–') || question.weeks.includes(',') ? 'weeks' : 'week'}{' '}
              {question.weeks})
              {question.otherPrograms > 0 &&
                ` and in ${question.otherPrograms} other ${question.otherPrograms === 1 ? 'program' : 'programs'}`}
              . Change it for:
            </p>
            <p className={Classes.TEXT_MUTED}>
              “This week only” makes a copy of the template for week {question.weekNumber}; the other weeks
              keep the original. Undo takes the change back either way.
            </p>
          </DialogBody>
          <DialogFooter
            actions={
              <>
                <Button text="Cancel" onClick={pressed(() => answer(null))} />
                <Button
                  text={`Week ${question.weekNumber} only`}
                  icon="fork"
                  autoFocus
                  onClick={pressed(() => answer('week'))}
                />
                <Button
                  intent={Intent.PRIMARY}
                  text={question.otherPrograms > 0 ? 'Everywhere it is used' : 'Every week that uses it'}
                  onClick={pressed(() => answer('all'))}
                />
              </>
            }
          />
        </div>
      )}
    </Dialog>
  );
  return [element, ask];
}

/** "1–4", "2, 5", "3": week numbers as people write them. */
export function weekRanges(weekNumbers: readonly number[]): string {
  const sorted = [...new Set(weekNumbers)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const week of sorted) {
    const last = runs.at(-1);
    if (last && week === last[1] + 1) last[1] = week;
    else runs.push([week, week]);
  }
  return runs.map(([from, to]) => (from === to ? `${from}` : `${from}–${to}`)).join(', ');
}
