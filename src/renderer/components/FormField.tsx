/**
 * A labelled form field that shows the validation problem for its own path, so an error sits next
 * to the field that is wrong (UX.md principle 3). Issues come from the shared zod schema on the
 * client and from the backend's `invalid_input` details alike; both use zod's issue shape.
 */
import { FormGroup, Intent } from '@blueprintjs/core';
import type { SerializedError } from '@reduxjs/toolkit';
import { useEffect, type ReactNode } from 'react';
import {
  fieldIssues,
  isAppErrorShape,
  type AppErrorShape,
  type FieldIssue,
} from '../../shared/contract/errors';

/** Issues from a failed call, with a leading wrapper key (e.g. `fields` in `{ id, fields }`) dropped. */
export function issuesOf(error: AppErrorShape | SerializedError | undefined, wrapper?: string): FieldIssue[] {
  if (!error || !isAppErrorShape(error)) return [];
  return fieldIssues(error).map((issue) =>
    wrapper && issue.path[0] === wrapper ? { ...issue, path: issue.path.slice(1) } : issue,
  );
}

/** The first message for a field (matched on the first path segment). */
export function messageFor(issues: readonly FieldIssue[], field: string): string | undefined {
  return issues.find((issue) => String(issue.path[0]) === field)?.message;
}

/** Messages that belong to no field on the form (shown above it). */
export function unplacedMessages(issues: readonly FieldIssue[], fields: readonly string[]): string[] {
  return issues
    .filter((issue) => !fields.includes(String(issue.path[0] ?? '')))
    .map((issue) => issue.message);
}

interface FormFieldProps {
  label: string;
  /** The id of the control, so the label names it (getByLabel in tests, screen readers alike). */
  htmlFor: string;
  error?: string;
  helperText?: ReactNode;
  labelInfo?: ReactNode;
  inline?: boolean;
  className?: string;
  children: ReactNode;
}

export function FormField({
  label,
  htmlFor,
  error,
  helperText,
  labelInfo,
  inline,
  className,
  children,
}: FormFieldProps) {
  const errorId = `${htmlFor}-error`;
  // Point the control at its error so a screen reader says why it is invalid, not only that it
  // is. Done here once, rather than in every control a field may hold (inputs, selects, pickers).
  useEffect(() => {
    const control = document.getElementById(htmlFor);
    if (!control || !error) return;
    const previous = control.getAttribute('aria-describedby');
    const ids = new Set((previous ?? '').split(/\s+/).filter(Boolean)).add(errorId);
    control.setAttribute('aria-describedby', [...ids].join(' '));
    return () => {
      if (previous === null) control.removeAttribute('aria-describedby');
      else control.setAttribute('aria-describedby', previous);
    };
  }, [htmlFor, errorId, error]);

  return (
    <FormGroup
      className={className}
      label={label}
      labelFor={htmlFor}
      labelInfo={labelInfo}
      inline={inline}
      intent={error ? Intent.DANGER : Intent.NONE}
      helperText={
        error ? (
          <span id={errorId} role="alert">
            {error}
          </span>
        ) : (
          helperText
        )
      }
    >
      {children}
    </FormGroup>
  );
}
