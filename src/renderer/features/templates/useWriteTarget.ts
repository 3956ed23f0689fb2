/**
 * Which template the editor writes to. Normally the one it shows; when the program builder
 * embeds the editor, it is asked once, before the first change is saved (`resolveTarget`): the
 * same template, a copy made for "this week only", or null to drop the change (asked again on
 * the next one).
 */
import { useCallback, useRef, useState } from 'react';

export interface WriteTarget {
  /** The template being shown and written: the one given, or the copy it resolved to. */
  activeId: string;
  /** Resolves to the id to write to, or null when the change is to be dropped. */
  ensureTarget: () => Promise<string | null>;
  /** Follow a resolved copy (called once its exercises' ids are known). */
  follow: (id: string) => void;
}

export function useWriteTarget(
  templateId: string,
  resolveTarget?: () => Promise<string | null>,
): WriteTarget {
  const [activeId, setActiveId] = useState(templateId);
  const resolved = useRef<Promise<string | null> | null>(null);
  const resolveRef = useRef(resolveTarget);
  resolveRef.current = resolveTarget;

  const ensureTarget = useCallback(() => {
    const resolve = resolveRef.current;
    if (!resolve) return Promise.resolve(templateId);
    resolved.current ??= resolve().then(
      (target) => {
        if (target === null) resolved.current = null;
        return target;
      },
      (cause: unknown) => {
        resolved.current = null;
        throw cause;
      },
    );
    return resolved.current;
  }, [templateId]);

  return { activeId, ensureTarget, follow: setActiveId };
}
