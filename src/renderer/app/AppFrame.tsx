/**
 * The frame every screen sits in: a sidebar with the eight sections, a top bar with the current
 * athlete, and the screen itself. Also applies the theme, the app-wide shortcuts and the toaster
 * (with the web host's workout reminders).
 */
import {
  Alignment,
  Button,
  Callout,
  Classes,
  Icon,
  Intent,
  Navbar,
  NavbarGroup,
  Tooltip,
} from '@blueprintjs/core';
import { useEffect } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { CurrentAthletePicker } from '../features/athletes';
import { usePreferences } from '../features/settings';
import { errorMessage } from '../components/ErrorCallout';
import { useAppInfoQuery } from './appInfoApi';
import { AppHotkeys, useOpenHotkeysDialog } from './hotkeys';
import { ReminderToasts } from './ReminderToasts';
import { SECTIONS } from './sections';
import { useApplyTheme } from './theme';
import { ToasterProvider } from './toaster';
import './app.css';

export function AppFrame() {
  const { preferences, isLoaded } = usePreferences();
  useApplyTheme(isLoaded ? preferences.theme : undefined);
  useDocumentTitle();

  return (
    <ToasterProvider>
      <AppHotkeys />
      <ReminderToasts />
      <div className="lt-frame">
        <Sidebar />
        <div className="lt-workspace">
          <TopBar />
          <BackendProblem />
          <main className="lt-main" id="main">
            <Outlet />
          </main>
        </div>
      </div>
    </ToasterProvider>
  );
}

function Sidebar() {
  const { data: info } = useAppInfoQuery({});
  return (
    <nav className="lt-sidebar" aria-label="Sections">
      <div className="lt-brand">
        <Icon icon="pulse" intent={Intent.PRIMARY} size={18} />
        <span className="lt-brand__name">Lift Tracker</span>
      </div>
      <ul className="lt-nav">
        {SECTIONS.map((section, index) => (
          <li key={section.view}>
            <NavLink
              to={section.path}
              className={({ isActive }) => `lt-nav__link${isActive ? ' lt-nav__link--active' : ''}`}
              title={`${section.label} (Ctrl+${index + 1} or g ${section.goKey})`}
            >
              <Icon icon={section.icon} size={16} className="lt-nav__icon" />
              <span>{section.label}</span>
            </NavLink>
          </li>
        ))}
      </ul>
      <div className={`lt-sidebar__footer ${Classes.TEXT_MUTED}`}>
        {info ? (
          <>
            <div className="lt-sidebar__org" title={info.organization.name}>
              {info.organization.name}
            </div>
            <div>
              Version {info.version}
              {info.host === 'web' ? ' · web' : ''}
            </div>
          </>
        ) : (
          <div className={Classes.SKELETON}>Version</div>
        )}
      </div>
    </nav>
  );
}

function TopBar() {
  const openShortcuts = useOpenHotkeysDialog();
  return (
    <Navbar className="lt-topbar">
      <NavbarGroup align={Alignment.START}>
        <span className={`lt-topbar__label ${Classes.TEXT_MUTED}`} aria-hidden>
          Athlete
        </span>
        <CurrentAthletePicker />
      </NavbarGroup>
      <NavbarGroup align={Alignment.END}>
        <Tooltip content="Keyboard shortcuts (?)" placement="bottom-end">
          <Button
            variant="minimal"
            icon="key-command"
            aria-label="Keyboard shortcuts"
            onClick={openShortcuts}
          />
        </Tooltip>
      </NavbarGroup>
    </Navbar>
  );
}

/** When the backend cannot be reached, say so once, above every screen. */
function BackendProblem() {
  const { error, refetch, isFetching } = useAppInfoQuery({});
  if (!error) return null;
  return (
    <Callout
      className="lt-backend-problem"
      intent={Intent.DANGER}
      icon="offline"
      title="Lift Tracker’s data is not reachable"
    >
      <p>{errorMessage(error)}</p>
      <Button
        size="small"
        icon="refresh"
        text="Try again"
        loading={isFetching}
        onClick={() => void refetch()}
      />
    </Callout>
  );
}

function useDocumentTitle() {
  const { pathname } = useLocation();
  useEffect(() => {
    const section = SECTIONS.find(
      (candidate) => pathname === candidate.path || pathname.startsWith(`${candidate.path}/`),
    );
    document.title = section ? `${section.label} · Lift Tracker` : 'Lift Tracker';
  }, [pathname]);
}
