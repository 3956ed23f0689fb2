/**
 * What the template library shows: search text, tag filter, archived or not. React state, so a
 * control shows its new value at once; the address follows (`?q=…&tag=push&tag=legs&archived=1`,
 * replacing the entry), so a reload or coming back restores the view (as the roster does).
 */
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

export interface TemplatesView {
  text: string;
  tags: string[];
  includeArchived: boolean;
}

function viewFromParams(params: URLSearchParams): TemplatesView {
  return {
    text: params.get('q') ?? '',
    tags: params.getAll('tag'),
    includeArchived: params.get('archived') === '1',
  };
}

const sameView = (a: TemplatesView, b: TemplatesView) =>
  a.text === b.text && a.includeArchived === b.includeArchived && a.tags.join('\n') === b.tags.join('\n');

export function useTemplatesView(): [TemplatesView, (change: Partial<TemplatesView>) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const [view, setView] = useState(() => viewFromParams(searchParams));

  useEffect(() => {
    if (sameView(viewFromParams(searchParams), view)) return;
    setSearchParams(
      (params) => {
        if (view.text) params.set('q', view.text);
        else params.delete('q');
        params.delete('tag');
        for (const tag of view.tags) params.append('tag', tag);
        if (view.includeArchived) params.set('archived', '1');
        else params.delete('archived');
        return params;
      },
      { replace: true },
    );
  }, [view, searchParams, setSearchParams]);

  return [view, (change) => setView((current) => ({ ...current, ...change }))];
}
