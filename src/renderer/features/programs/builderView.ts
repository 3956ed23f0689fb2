/** The builder's view settings: the plan or the preview (in the address), and choices kept across visits. */
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { BuilderView } from './BuilderHeader';

/** A view setting kept across visits (localStorage: a way of looking, not data). */
export function useStoredFlag(key: string, initial: boolean): [boolean, (value: boolean) => void] {
  const [value, setValue] = useState(() => {
    try {
      const stored = window.localStorage.getItem(key);
      return stored === null ? initial : stored === '1';
    } catch {
      return initial;
    }
  });
  const update = useCallback(
    (next: boolean) => {
      setValue(next);
      try {
        window.localStorage.setItem(key, next ? '1' : '0');
      } catch {
        // Storage can be unavailable (private mode): the setting then lasts for this visit.
      }
    },
    [key],
  );
  return [value, update];
}

/** Plan or preview, kept in the address (?view=preview) so a reload comes back to it. */
export function useBuilderView(): [BuilderView, (view: BuilderView) => void] {
  const [params, setParams] = useSearchParams();
  const view: BuilderView = params.get('view') === 'preview' ? 'preview' : 'plan';
  const setView = useCallback(
    (next: BuilderView) =>
      setParams(
        (current) => {
          if (next === 'preview') current.set('view', 'preview');
          else current.delete('view');
          return current;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [view, setView];
}
