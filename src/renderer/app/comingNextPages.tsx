/**
 * Sections that later issues fill. Each says plainly what it will hold; none shows made-up data.
 * Replace a page here with the feature's own page when it lands.
 */
import { Classes } from '@blueprintjs/core';
import { ComingNext } from '../components/ComingNext';
import { sectionFor } from './sections';
import type { View } from '../../shared/domain/preferences';

function ComingNextPage({ view, children }: { view: View; children: string }) {
  const section = sectionFor(view);
  return (
    <div className="lt-page">
      <header className="lt-page-header">
        <h1 className={Classes.HEADING}>{section.label}</h1>
      </header>
      <ComingNext title={section.label} icon={section.icon}>
        {children}
      </ComingNext>
    </div>
  );
}

export function AnalyticsPage() {
  return (
    <ComingNextPage view="analytics">
      Charts of the current athlete’s training: weekly volume, estimated 1RM trends, muscle balance, a
      training heatmap and personal records, each with a one-line takeaway.
    </ComingNextPage>
  );
}
