/**
 * Export and import of a program as a JSON file. The file's content comes from the backend
 * (`programs.export`, with its templates inside); here it is only handed to the browser as a
 * download, or read back from a file the coach picked.
 */
import type { AppErrorShape } from '../../../shared/contract/errors';
import { fieldIssues } from '../../../shared/contract/errors';

/** Saves text as a file through a temporary download link (works in Electron and the browser). */
export function downloadFile(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next turn: Chromium starts the download from the click, not synchronously.
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The problems of a refused import as sentences, one per problem (the backend names each one). */
export function importProblems(error: AppErrorShape): string[] {
  const issues = fieldIssues(error);
  if (issues.length === 0) return [error.message];
  return [...new Set(issues.map((issue) => issue.message))];
}
