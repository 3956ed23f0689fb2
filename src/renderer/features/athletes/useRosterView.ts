/**
 * What the roster shows: the search text and whether archived athletes are listed.
 *
 * The view is React state, so a control shows its new value the moment it is used; the address
 * follows it (`?q=…&archived=1`, replacing the entry) so a reload or coming back to the roster
 * restores it. The address is not the controls' source: React Router applies address changes in a
 * transition, and a switch checked straight from it sprang back unticked for a moment after a click.
 */
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

export interface RosterView {
  text: string;
  includeArchived: boolean;
}

function viewFromParams(params: URLSearchParams): RosterView {
  return { text: params.get('q') ?? '', includeArchived: params.get('archived') === '1' };
}

export function useRosterView(): [RosterView, (change: Partial<RosterView>) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const [view, setView] = useState(() => viewFromParams(searchParams));

  // Whenever the address differs from the view (after a change here, or a link to the bare
  // roster), write the view into it; other parameters are left alone.
  useEffect(() => {
    const inAddress = viewFromParams(searchParams);
    if (inAddress.text === view.text && inAddress.includeArchived === view.includeArchived) return;
    setSearchParams(
      (params) => {
        if (view.text) params.set('q', view.text);
        else params.delete('q');
        if (view.includeArchived) params.set('archived', '1');
        else params.delete('archived');
        return params;
      },
      { replace: true },
    );
  }, [view, searchParams, setSearchParams]);

  return [view, (change) => setView((current) => ({ ...current, ...change }))];
}
