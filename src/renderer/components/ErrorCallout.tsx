import { Button, Callout, Intent } from '@blueprintjs/core';
import type { SerializedError } from '@reduxjs/toolkit';
import { isAppErrorShape, type AppErrorShape } from '../../shared/contract/errors';

/** A readable sentence for any error RTK Query can hand back. */
export function errorMessage(error: AppErrorShape | SerializedError | undefined): string {
  if (!error) return '';
  if (isAppErrorShape(error)) {
    if (error.code === 'unavailable')
      return `${error.message}. Check that Lift Tracker is still running, then retry.`;
    return error.message;
  }
  return error.message ?? 'Something went wrong';
}

interface ErrorCalloutProps {
  title: string;
  error: AppErrorShape | SerializedError | undefined;
  onRetry?: () => void;
  className?: string;
}

/** What happened and what to do about it, with a retry when one makes sense. */
export function ErrorCallout({ title, error, onRetry, className }: ErrorCalloutProps) {
  if (!error) return null;
  return (
    <Callout className={className} intent={Intent.DANGER} icon="error" title={title} role="alert">
      <p>{errorMessage(error)}</p>
      {onRetry && <Button size="small" text="Retry" icon="refresh" onClick={onRetry} />}
    </Callout>
  );
}
