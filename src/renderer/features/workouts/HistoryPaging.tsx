/**
 * A long list a page at a time, in one table: each page the backend gives (a cursor each) is its
 * own <tbody>, cached by RTK Query under its own arguments; a row at the end asks for the next page
 * as the scroll comes near it (or on Enter, for the keyboard). Pages far from the view are swapped for
 * one empty row of the same height, so 5,000 sessions cost the DOM of a few pages.
 */
import { Button, Classes } from '@blueprintjs/core';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';

/** Pages within this distance of the view keep their rows. */
const KEEP_MARGIN = '1500px 0px';
/** The next page is asked for when the end of the list comes this close. */
const PREFETCH_PX = 800;

/** The element that scrolls the page (the app frame's main), for the observers' margins to apply. */
function scroller(element: Element): Element | null {
  return element.closest('main');
}

/**
 * The cursors of the pages shown so far: the first page (null) and each next one, in order.
 * `resetKey` (the filters) starts again from the first page when it changes.
 */
export function usePageCursors(resetKey: string): {
  cursors: (string | null)[];
  addCursor: (cursor: string) => void;
} {
  const [state, setState] = useState<{ key: string; cursors: (string | null)[] }>({
    key: resetKey,
    cursors: [null],
  });
  const cursors = state.key === resetKey ? state.cursors : [null];
  const addCursor = useCallback(
    (cursor: string) =>
      setState((current) => {
        const base = current.key === resetKey ? current.cursors : [null];
        return base.includes(cursor) ? current : { key: resetKey, cursors: [...base, cursor] };
      }),
    [resetKey],
  );
  return { cursors, addCursor };
}

/** One page's rows, or a spacer of their height while the page is far out of view. */
export function PagedBody({ children, columns }: { children: ReactNode; columns: number }) {
  const body = useRef<HTMLTableSectionElement>(null);
  const height = useRef(0);
  const [near, setNear] = useState(true);

  useEffect(() => {
    const element = body.current;
    if (!element) return;
    const observer = new IntersectionObserver(
      ([entry]) => {
        if (!entry) return;
        // Measured while the rows are still there, so the spacer takes their place exactly (the
        // entry's own rectangle: reading the element's would force a layout of the whole table).
        if (!entry.isIntersecting) height.current = entry.boundingClientRect.height;
        // Not a transition: under a steady scroll a transition keeps restarting and the rows coming
        // into view would stay blank until the scrolling stops.
        setNear(entry.isIntersecting || element.contains(document.activeElement));
      },
      { root: scroller(element), rootMargin: KEEP_MARGIN },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  return (
    <tbody ref={body}>
      {near ? (
        children
      ) : (
        <tr aria-hidden style={{ height: height.current }}>
          <td colSpan={columns} />
        </tr>
      )}
    </tbody>
  );
}

/** Rows of grey bars in the table's shape while a page loads. */
export function SkeletonRows({ rows, columns }: { rows: number; columns: number }) {
  return (
    <>
      {Array.from({ length: rows }, (_, row) => (
        <tr key={row} aria-hidden className="lt-history-skeleton">
          {Array.from({ length: columns }, (_, cell) => (
            <td key={cell}>
              <span className={Classes.SKELETON}>Loading</span>
            </td>
          ))}
        </tr>
      ))}
    </>
  );
}

/**
 * The end of what is loaded: asks for the next page when it comes near the view; its button does
 * the same from the keyboard (or if scrolling cannot reach it).
 */
export function LoadMoreRow({
  columns,
  onLoad,
  label,
}: {
  columns: number;
  onLoad: () => void;
  label: string;
}) {
  const row = useRef<HTMLTableRowElement>(null);
  const load = useRef(onLoad);
  load.current = onLoad;

  // The scroller's own position, checked once per frame while it scrolls (and once on arrival):
  // an IntersectionObserver was seen to miss this row now and then under a fast, steady scroll.
  useEffect(() => {
    const element = row.current;
    const root = element ? scroller(element) : null;
    if (!element || !root) return;
    let frame = 0;
    let asked = false;
    const check = () => {
      frame = 0;
      if (asked) return;
      const fromEnd = root.scrollHeight - root.scrollTop - root.clientHeight;
      if (fromEnd <= PREFETCH_PX) {
        asked = true;
        load.current();
      }
    };
    const onScroll = () => {
      if (frame === 0) frame = requestAnimationFrame(check);
    };
    frame = requestAnimationFrame(check);
    root.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      root.removeEventListener('scroll', onScroll);
    };
  }, []);

  return (
    <tbody>
      <tr ref={row} className="lt-history-more">
        <td colSpan={columns}>
          <Button variant="minimal" size="small" icon="chevron-down" text={label} onClick={onLoad} />
        </td>
      </tr>
    </tbody>
  );
}
