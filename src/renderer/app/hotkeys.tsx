/**
 * App-wide keyboard shortcuts (UX.md: keyboard first on a laptop). Blueprint's HotkeysProvider
 * (in main.tsx) lists every registered shortcut in the dialog that "?" opens.
 *
 * - Ctrl+1…8 go to the sections in sidebar order.
 * - "g" then a letter goes to a section ("g a" Athletes); Blueprint has no key sequences, so the
 *   letter after "g" is caught here, before any screen's own single-key shortcut sees it.
 * - "/" focuses the current screen's search box (the first `input[type=search]` in <main>).
 * - "?" opens the shortcuts dialog. Blueprint opens it by itself but does not list it, so it is
 *   registered here too, to appear in the list.
 */
import { HotkeysContext, useHotkeys, type HotkeyConfig } from '@blueprintjs/core';
import { useCallback, useContext, useEffect, useMemo, useRef } from 'react';
import { useNavigate } from 'react-router';
import { SECTIONS } from './sections';

const SEQUENCE_TIMEOUT_MS = 1500;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function focusScreenSearch(): boolean {
  const search = document.querySelector<HTMLInputElement>(
    'main input[type="search"]:not([disabled]), main [role="searchbox"]',
  );
  if (!search) return false;
  search.focus();
  search.select?.();
  return true;
}

export function AppHotkeys() {
  const navigate = useNavigate();
  const sequenceUntil = useRef(0);

  // The letter after "g": caught on window in the capture phase, so it does not also trigger a
  // screen's single-key shortcut (Blueprint listens on document, later in the same event).
  const openDialog = useOpenHotkeysDialog();
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      // Blueprint opens the dialog on Shift+/; a "?" without Shift (other layouts, synthetic
      // keyboards, test drivers) should open it too.
      if (event.key === '?' && !event.shiftKey && !isTyping(event.target)) {
        openDialog();
        return;
      }
      if (Date.now() > sequenceUntil.current) return;
      if (event.key === 'Shift' || event.key === 'Control' || event.key === 'Alt' || event.key === 'Meta')
        return;
      sequenceUntil.current = 0;
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const section = SECTIONS.find((candidate) => candidate.goKey === event.key.toLowerCase());
      if (!section) return;
      event.preventDefault();
      event.stopPropagation();
      navigate(section.path);
    }
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [navigate, openDialog]);

  const startSequence = useCallback(() => {
    sequenceUntil.current = Date.now() + SEQUENCE_TIMEOUT_MS;
  }, []);

  const hotkeys = useMemo<HotkeyConfig[]>(
    () => [
      {
        combo: 'g',
        global: true,
        group: 'Go to',
        label: `Go to a section: g then ${SECTIONS.map((section) => section.goKey).join(', ')}`,
        onKeyDown: startSequence,
      },
      ...SECTIONS.map((section, index): HotkeyConfig => ({
        combo: `ctrl+${index + 1}`,
        global: true,
        group: 'Go to',
        label: `${section.label} (g ${section.goKey})`,
        preventDefault: true,
        onKeyDown: () => navigate(section.path),
      })),
      {
        combo: '/',
        global: true,
        group: 'Anywhere',
        label: 'Search this screen',
        preventDefault: true,
        onKeyDown: () => focusScreenSearch(),
      },
      {
        combo: '?',
        global: true,
        group: 'Anywhere',
        label: 'Show keyboard shortcuts',
        onKeyDown: openDialog,
      },
    ],
    [navigate, startSequence, openDialog],
  );
  useHotkeys(hotkeys);
  return null;
}

/** Opens the shortcuts dialog (the same one "?" opens). */
export function useOpenHotkeysDialog(): () => void {
  const [, dispatch] = useContext(HotkeysContext);
  return useCallback(() => dispatch({ type: 'OPEN_DIALOG' }), [dispatch]);
}
