/** Where the data lives and how much of it there is, from app.info. */
import { Button, Classes, Section, SectionCard, Tooltip } from '@blueprintjs/core';
import { useState } from 'react';
import { useAppInfoQuery } from '../../app/appInfoApi';
import { ErrorCallout } from '../../components/ErrorCallout';

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
    </Section>
  );
}
