/**
 * Import an exercise library file (free-exercise-db JSON) from Settings. The import is all or
 * nothing: a malformed file lists its problems, entry by entry, and changes nothing.
 */
import { useId, useState, type ChangeEvent } from 'react';
import { Callout, Classes, FileInput, FormGroup, Section, SectionCard, Spinner } from '@blueprintjs/core';
import { format } from 'date-fns';
import { isAppErrorShape, fieldIssues, type FieldIssue } from '../../../shared/contract/errors';
import { CATEGORIES, EQUIPMENT, FORCES, LEVELS, MECHANICS, MUSCLES } from '../../../shared/domain/exercise';
import { errorMessage } from '../../components/ErrorCallout';
import { useImportExercisesMutation } from './api';
import './exercises.css';

const MAX_BYTES = 20_000_000;
const PROBLEMS_SHOWN = 20;
const LAST_IMPORT_KEY = 'lift-tracker.exercises.lastImport';

interface ImportCounts {
  total: number;
  added: number;
  merged: number;
  unchanged: number;
}

interface LastImport {
  fileName: string;
  finishedAt: string;
  counts: ImportCounts;
}

/** The words a file may use, listed once under its problems (each problem shortens long lists). */
interface Vocabulary {
  title: string;
  words: readonly string[];
}
const MUSCLE_WORDS: Vocabulary = { title: 'Muscles', words: MUSCLES };
const VOCABULARY_OF_FIELD: Record<string, Vocabulary> = {
  primaryMuscles: MUSCLE_WORDS,
  secondaryMuscles: MUSCLE_WORDS,
  equipment: { title: 'Equipment', words: EQUIPMENT },
  level: { title: 'Levels', words: LEVELS },
  category: { title: 'Categories', words: CATEGORIES },
  mechanic: { title: 'Mechanics', words: MECHANICS },
  force: { title: 'Forces', words: FORCES },
};

type ImportState =
  | { status: 'idle' }
  | { status: 'importing'; fileName: string; entries: number | null }
  | {
      status: 'failed';
      fileName: string;
      message: string;
      problems: string[];
      /** All the problems in the file; the backend lists at most 100 of them. */
      problemCount: number;
      vocabularies: Vocabulary[];
    };

export function importSummary({ total, added, merged, unchanged }: ImportCounts): string {
  return `${total} ${total === 1 ? 'exercise' : 'exercises'}: ${added} added, ${merged} merged, ${unchanged} unchanged`;
}

function loadLastImport(): LastImport | null {
  try {
    return JSON.parse(localStorage.getItem(LAST_IMPORT_KEY) ?? 'null') as LastImport | null;
  } catch {
    return null;
  }
}

/** The file's entries, if it parses, so problems can name the exercise they are about. */
function entriesOf(content: string): unknown[] | null {
  try {
    const parsed: unknown = JSON.parse(content);
    return Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function describeProblem(issue: FieldIssue, entries: unknown[] | null): string {
  const [index, ...field] = issue.path;
  if (typeof index !== 'number') {
    return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
  }
  // The backend may already say which entry it is about; say it only once.
  if (issue.message.startsWith(`Entry ${index + 1}`)) return issue.message;
  const entry = entries?.[index] as { name?: unknown } | undefined;
  const name = typeof entry?.name === 'string' && entry.name.trim() ? ` (“${entry.name.trim()}”)` : '';
  const where = field.length > 0 ? `, ${field.join('.')}` : '';
  return `Entry ${index + 1}${name}${where}: ${issue.message}`;
}

/** The vocabularies the problems are about, each once, in the order they first come up. */
function vocabulariesOf(issues: FieldIssue[]): Vocabulary[] {
  const found = issues
    .map((issue) => VOCABULARY_OF_FIELD[String(issue.path[1])])
    .filter((vocabulary) => vocabulary !== undefined);
  return [...new Set(found)];
}

/** How many problems the file has: the backend's message counts them all, its list stops at 100. */
function problemCountOf(message: string, listed: number): number {
  const counted = Number(/has (\d+) problems?/.exec(message)?.[1]);
  return Number.isFinite(counted) && counted > listed ? counted : listed;
}

/** The backend's reason, saying (once) that nothing was imported and what to do next. */
function failureSentence(message: string): string {
  const reason = message.replace(/\.$/, '');
  const saysNothingImported = /nothing was imported/i.test(reason);
  return `${reason}. ${saysNothingImported ? '' : 'Nothing was imported. '}Fix the file and choose it again.`;
}

export function ExerciseImportCard() {
  const inputId = useId();
  const [importExercises] = useImportExercisesMutation();
  const [state, setState] = useState<ImportState>({ status: 'idle' });
  const [lastImport, setLastImport] = useState<LastImport | null>(loadLastImport);

  const handleFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const file = input.files?.[0];
    // Let the same file be picked again after fixing it.
    input.value = '';
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setState({
        status: 'failed',
        fileName: file.name,
        message: 'The file is larger than 20 MB. Nothing was imported',
        problems: [],
        problemCount: 0,
        vocabularies: [],
      });
      return;
    }
    setState({ status: 'importing', fileName: file.name, entries: null });
    const content = await file.text();
    const entries = entriesOf(content);
    setState({ status: 'importing', fileName: file.name, entries: entries?.length ?? null });

    const result = await importExercises({ fileName: file.name, content });
    if (result.data) {
      const finished: LastImport = {
        fileName: file.name,
        finishedAt: new Date().toISOString(),
        counts: result.data,
      };
      setLastImport(finished);
      setState({ status: 'idle' });
      try {
        localStorage.setItem(LAST_IMPORT_KEY, JSON.stringify(finished));
      } catch {
        // Not remembered across reloads; the import itself is done.
      }
      return;
    }
    const issues = isAppErrorShape(result.error) ? fieldIssues(result.error) : [];
    const message = errorMessage(result.error);
    setState({
      status: 'failed',
      fileName: file.name,
      message,
      problems: issues.map((issue) => describeProblem(issue, entries)),
      problemCount: problemCountOf(message, issues.length),
      vocabularies: vocabulariesOf(issues),
    });
  };

  const importing = state.status === 'importing';
  return (
    <Section className="lt-ex-import" title="Exercise library" icon="import" compact>
      <SectionCard>
        <p className={`lt-ex-import-intro ${Classes.TEXT_SMALL} ${Classes.TEXT_MUTED}`}>
          A JSON file in the free-exercise-db format. Exercises whose names are already in the library are
          merged, not doubled. A file with any problem is rejected as a whole and changes nothing.
        </p>
        <FormGroup label="Exercise library file" labelFor={inputId} className="lt-ex-import-field">
          <FileInput
            fill
            disabled={importing}
            text={importing ? state.fileName : 'Choose a .json file…'}
            buttonText="Browse"
            hasSelection={importing}
            onInputChange={(event) => void handleFile(event)}
            inputProps={{
              id: inputId,
              accept: '.json,application/json',
              'aria-label': 'Exercise library file',
            }}
          />
        </FormGroup>

        <div role="status" aria-live="polite" className="lt-ex-import-status">
          {state.status === 'importing' && (
            <div className="lt-ex-import-progress">
              <Spinner size={16} aria-label="Importing" />
              <span>
                Importing {state.entries === null ? '' : `${state.entries} exercises from `}
                {state.fileName}…
              </span>
            </div>
          )}
          {state.status === 'failed' && (
            <Callout intent="danger" icon="error" title={`${state.fileName} was not imported`}>
              <p>{failureSentence(state.message)}</p>
              {state.problems.length > 0 && (
                <ul className="lt-ex-import-problems" aria-label="Problems in the file">
                  {state.problems.slice(0, PROBLEMS_SHOWN).map((problem, index) => (
                    <li key={index}>{problem}</li>
                  ))}
                  {state.problemCount > PROBLEMS_SHOWN && (
                    <li className={Classes.TEXT_MUTED}>and {state.problemCount - PROBLEMS_SHOWN} more</li>
                  )}
                </ul>
              )}
              {state.vocabularies.length > 0 && (
                <dl
                  className={`lt-ex-import-words ${Classes.TEXT_SMALL}`}
                  aria-label="Words the file may use"
                >
                  {state.vocabularies.map((vocabulary) => (
                    <div key={vocabulary.title}>
                      <dt>{vocabulary.title}</dt>
                      <dd>{vocabulary.words.join(', ')}</dd>
                    </div>
                  ))}
                </dl>
              )}
            </Callout>
          )}
          {state.status === 'idle' && lastImport && (
            <Callout intent="success" icon="tick-circle" title={`Imported ${lastImport.fileName}`}>
              {importSummary(lastImport.counts)}
              <span className={Classes.TEXT_MUTED}> · {format(new Date(lastImport.finishedAt), 'PPp')}</span>
            </Callout>
          )}
        </div>
      </SectionCard>
    </Section>
  );
}
