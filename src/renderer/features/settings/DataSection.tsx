/**
 * Where the data lives and how much of it there is (app.info), and "Check data" (app.checkData):
 * an on-demand read of the whole history that counts it and looks for orphaned rows.
 */
import { Button, Callout, Classes, Intent, Section, SectionCard, Tooltip } from '@blueprintjs/core';
import { intlFormat, parseISO } from 'date-fns';
import { useState } from 'react';
import type { OutputOf } from '../../../shared/contract';
import { useAppInfoQuery } from '../../app/appInfoApi';
import { ErrorCallout } from '../../components/ErrorCallout';
import { formatWeightTotal } from '../../components/units';
import { useCheckDataMutation } from './api';
import { usePreferences } from './usePreferences';

const count = new Intl.NumberFormat();

export function DataSection() {
  const { data: info, error, isLoading, refetch } = useAppInfoQuery({});
  const [copied, setCopied] = useState(false);
  const skeleton = isLoading ? Classes.SKELETON : undefined;

  async function copyPath() {
    if (!info) return;
    try {
      await navigator.clipboard.writeText(info.dataDir);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2000);
    } catch {
      // Clipboard access can be refused; the path stays selectable as text.
    }
  }

  return (
    <Section title="Data" icon="database" compact>
      <SectionCard>
        {error ? (
          <ErrorCallout title="Could not read the app's details" error={error} onRetry={refetch} />
        ) : (
          <dl className="lt-facts">
            <dt>Organization</dt>
            <dd className={skeleton}>{info?.organization.name ?? 'Loading'}</dd>
            <dt>Data folder</dt>
            <dd className={`lt-facts__path ${skeleton ?? ''}`}>
              <code className="lt-facts__code" aria-label="Data folder path">
                {info?.dataDir ?? 'Loading'}
              </code>
              <Tooltip content={copied ? 'Copied' : 'Copy the path'} placement="top">
                <Button
                  size="small"
                  variant="minimal"
                  icon={copied ? 'tick' : 'duplicate'}
                  aria-label="Copy the data folder path"
                  onClick={() => void copyPath()}
                  disabled={!info}
                />
              </Tooltip>
            </dd>
            <dt>Athletes</dt>
            <dd className={skeleton}>{info ? count.format(info.athleteCount) : '0'}</dd>
            <dt>Exercises</dt>
            <dd className={skeleton}>{info ? count.format(info.exerciseCount) : '0'}</dd>
            <dt>Version</dt>
            <dd className={skeleton}>
              {info
                ? `${info.version} · ${info.host === 'electron' ? 'desktop app' : 'web host'}`
                : 'Loading'}
            </dd>
          </dl>
        )}
        <p className={`lt-facts__note ${Classes.TEXT_MUTED}`}>
          Everything is stored in this folder on this computer. Weights are kept in kilograms; units only
          change how they are shown.
        </p>
      </SectionCard>
      <SectionCard>
        <DataCheck />
      </SectionCard>
    </Section>
  );
}

type DataCheckResult = OutputOf<'app.checkData'>;

/** A session's day in the user's locale, e.g. "12 Mar 2021" or "Mar 12, 2021". */
function sessionDate(iso: string | null): string {
  if (!iso) return '–';
  return intlFormat(parseISO(iso), { year: 'numeric', month: 'short', day: 'numeric' });
}

function plural(value: number, one: string, many: string): string {
  return `${count.format(value)} ${value === 1 ? one : many}`;
}

function DataCheck() {
  const [checkData, { data: result, error, isLoading, reset }] = useCheckDataMutation();
  const { preferences } = usePreferences();

  return (
    <div className="lt-data-check" aria-busy={isLoading}>
      <div className="lt-data-check__action">
        <Button
          icon="endorsed"
          text="Check data"
          aria-label="Check data"
          loading={isLoading}
          onClick={() => void checkData({})}
        />
        <p className={`lt-data-check__hint ${Classes.TEXT_MUTED}`}>
          Reads the whole training history to count it and look for broken links; on a large history this can
          take a few seconds.
        </p>
      </div>
      {error && (
        <ErrorCallout
          className="lt-data-check__outcome"
          title="Could not check the data"
          error={error}
          onRetry={() => {
            reset();
            void checkData({});
          }}
        />
      )}
      {result && !error && (
        <section className="lt-data-check__result" aria-label="Data check result">
          <dl className="lt-facts">
            <dt>Sessions</dt>
            <dd>{count.format(result.sessions)}</dd>
            <dt>Exercise entries</dt>
            <dd>{count.format(result.exerciseEntries)}</dd>
            <dt>Sets</dt>
            <dd>
              {count.format(result.sets)}
              <span className={Classes.TEXT_MUTED}>
                {' '}
                · {count.format(result.completedWorkingSets)} completed working
              </span>
            </dd>
            <dt>Lifetime volume</dt>
            <dd>{formatWeightTotal(result.lifetimeVolumeKg, preferences.weightUnit)}</dd>
            <dt>First session</dt>
            <dd>{sessionDate(result.firstSessionAt)}</dd>
            <dt>Last session</dt>
            <dd>{sessionDate(result.lastSessionAt)}</dd>
          </dl>
          <CheckOutcome result={result} />
        </section>
      )}
    </div>
  );
}

function CheckOutcome({ result }: { result: DataCheckResult }) {
  const checkedIn = `Checked in ${
    result.durationMs < 1000
      ? `${Math.max(1, Math.round(result.durationMs))} ms`
      : `${(result.durationMs / 1000).toFixed(1)} s`
  }.`;
  if (result.orphanedEntries === 0 && result.orphanedSets === 0) {
    return (
      <Callout
        className="lt-data-check__outcome"
        intent={Intent.SUCCESS}
        icon="tick-circle"
        title="No problems found"
        compact
      >
        Every exercise entry belongs to a session and every set to an exercise entry. {checkedIn}
      </Callout>
    );
  }
  const orphans = [
    result.orphanedEntries > 0 &&
      `${plural(result.orphanedEntries, 'exercise entry belongs', 'exercise entries belong')} to a deleted or missing session`,
    result.orphanedSets > 0 &&
      `${plural(result.orphanedSets, 'set belongs', 'sets belong')} to a deleted or missing exercise entry`,
  ].filter(Boolean);
  return (
    <Callout
      className="lt-data-check__outcome"
      intent={Intent.WARNING}
      icon="warning-sign"
      title="Orphaned rows found"
      compact
    >
      <p>{orphans.join('; ')}.</p>
      <p>
        They are counted above but belong to no workout the app shows, and the lifetime volume leaves them
        out. An import or sync that stopped part-way can leave such rows. {checkedIn}
      </p>
    </Callout>
  );
}
