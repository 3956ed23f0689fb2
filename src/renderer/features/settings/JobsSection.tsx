/**
 * Settings → Background jobs: what each job does and when, whether it runs now, how its last run
 * went (when, how long, what it did, the error if it failed), how often it has run, and a button
 * that runs it now. Kept fresh by the `changed` events every run sends.
 */
import {
  Button,
  Classes,
  Icon,
  Intent,
  Section,
  SectionCard,
  Spinner,
  Tag,
  Tooltip,
} from '@blueprintjs/core';
import { formatDistanceStrict, intlFormat, parseISO } from 'date-fns';
import { useEffect, useState } from 'react';
import type { JobStatus } from '../../../shared/domain/jobs';
import { ErrorCallout } from '../../components/ErrorCallout';
import { useJobsQuery, useRunJobMutation } from './api';

const count = new Intl.NumberFormat();
/** How often "3 minutes ago" is brought up to date. */
const RELATIVE_TIME_REFRESH_MS = 30_000;

export function JobsSection() {
  const { data, error, isLoading, refetch } = useJobsQuery({});
  const now = useNow(RELATIVE_TIME_REFRESH_MS);

  return (
    <Section title="Background jobs" icon="automatic-updates" compact>
      {error ? (
        <SectionCard>
          <ErrorCallout title="Could not read the background jobs" error={error} onRetry={refetch} />
        </SectionCard>
      ) : isLoading || !data ? (
        <SectionCard>
          <div className={Classes.SKELETON}>Loading the background jobs</div>
        </SectionCard>
      ) : (
        data.items.map((job) => (
          <SectionCard key={job.name}>
            <JobCard job={job} now={now} />
          </SectionCard>
        ))
      )}
    </Section>
  );
}

function JobCard({ job, now }: { job: JobStatus; now: Date }) {
  const [runJob, { isLoading: asking, data: asked, reset }] = useRunJobMutation();
  const headingId = `job-${job.name}`;

  // "Queued" says the ask was heard while a run was going; it goes once that run is over.
  useEffect(() => {
    if (!job.running) reset();
  }, [job.running, reset]);

  return (
    <section className="lt-job" aria-labelledby={headingId}>
      <div className="lt-job__header">
        <div className="lt-job__title">
          <h3 id={headingId} className={`${Classes.HEADING} lt-job__name`}>
            {job.label}
          </h3>
          {job.running && (
            <Tag intent={Intent.PRIMARY} minimal icon={<Spinner size={10} aria-hidden />}>
              {asked?.queued ? 'Running · queued again' : 'Running now'}
            </Tag>
          )}
        </div>
        <Button
          size="small"
          icon="play"
          text="Run now"
          aria-label={`Run ${job.label} now`}
          loading={asking}
          onClick={() => void runJob({ name: job.name })}
        />
      </div>
      <p className={`lt-job__description ${Classes.TEXT_MUTED}`}>{job.description}</p>
      <dl className="lt-facts lt-job__facts">
        <dt>Runs</dt>
        <dd>{job.trigger}</dd>
        <dt>Last run</dt>
        <dd>
          <LastRun job={job} now={now} />
        </dd>
        <dt>Took</dt>
        <dd>{job.lastDurationMs === null ? '–' : formatDuration(job.lastDurationMs)}</dd>
        <dt>Result</dt>
        <dd>{job.lastResult ?? '–'}</dd>
        {job.lastError && (
          <>
            <dt>Last error</dt>
            <dd className="lt-job__error">
              <Icon icon="error" size={12} aria-hidden /> {job.lastError}
            </dd>
          </>
        )}
        <dt>Run count</dt>
        <dd>{count.format(job.runCount)}</dd>
      </dl>
    </section>
  );
}

function LastRun({ job, now }: { job: JobStatus; now: Date }) {
  const at = job.lastFinishedAt ?? job.lastStartedAt;
  if (!at) return <span className={Classes.TEXT_MUTED}>Not yet</span>;
  const date = parseISO(at);
  const exact = intlFormat(date, { dateStyle: 'medium', timeStyle: 'medium' } as Intl.DateTimeFormatOptions);
  return (
    <Tooltip content={<span role="tooltip">{exact}</span>} placement="top" compact>
      {/* Focusable, so the exact time shows from the keyboard too. */}
      <time dateTime={at} className="lt-job__time" tabIndex={0}>
        {relativeTime(date, now)}
      </time>
    </Tooltip>
  );
}

/** "just now", "3 minutes ago" (a moved test clock can put a run ahead of this computer's time). */
function relativeTime(date: Date, now: Date): string {
  if (Math.abs(now.getTime() - date.getTime()) < 45_000) return 'just now';
  return formatDistanceStrict(date, now, { addSuffix: true, roundingMethod: 'floor' });
}

function formatDuration(ms: number): string {
  if (ms < 1) return 'under 1 ms';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The current time, renewed every `everyMs` so relative times move on. */
function useNow(everyMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
