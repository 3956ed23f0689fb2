/**
 * Tabs that are addresses: a section with sub-pages (Programs · Templates) shows them as tabs and
 * each tab is a link, so the back button, a reload and a deep link all land on the same tab.
 * Styled as Blueprint tabs (which key on aria-selected); `aria-current="page"` is what a screen
 * reader announces for the open one.
 */
import { Classes } from '@blueprintjs/core';
import { Link, useMatch, useResolvedPath } from 'react-router';

export interface SectionTab {
  label: string;
  to: string;
  /** Match `to` exactly (a parent path such as /programs would otherwise match its children). */
  end?: boolean;
}

function TabLink({ tab }: { tab: SectionTab }) {
  const resolved = useResolvedPath(tab.to);
  const active = useMatch({ path: resolved.pathname, end: tab.end ?? false }) !== null;
  return (
    <Link
      to={tab.to}
      className={`${Classes.TAB} lt-section-tab`}
      aria-selected={active}
      aria-current={active ? 'page' : undefined}
    >
      {tab.label}
    </Link>
  );
}

/**
 * `asTitle`: the tabs are the page's visible title (a section's pages put their own h1, visually
 * hidden, beside them), drawn at heading size. Both pages of a section use the same header.
 */
export function SectionTabs({
  tabs,
  label,
  asTitle = false,
}: {
  tabs: readonly SectionTab[];
  label: string;
  asTitle?: boolean;
}) {
  return (
    <nav
      aria-label={label}
      className={`${Classes.TABS} lt-section-tabs${asTitle ? ' lt-section-tabs--title' : ''}`}
    >
      <div className={Classes.TAB_LIST}>
        {tabs.map((tab) => (
          <TabLink key={tab.to} tab={tab} />
        ))}
      </div>
    </nav>
  );
}

export const PROGRAMS_TABS: readonly SectionTab[] = [
  { label: 'Programs', to: '/programs', end: true },
  { label: 'Templates', to: '/programs/templates' },
];
