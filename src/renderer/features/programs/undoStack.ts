/**
 * The builder's undo and redo for the session: every operation (a drop, a week edit, a generator,
 * an exercise list saved in the day editor) pushes one entry that knows how to take itself back
 * and do itself again. Entries run one at a time, in order, so a quick Ctrl+Z Ctrl+Z undoes two
 * things and never interleaves their saves.
 */
import { useCallback, useMemo, useRef, useSyncExternalStore } from 'react';

export interface UndoEntry {
  /** What the coach did, as a toast finishes it: "Undid: Moved Upper A to week 3, day 2". */
  label: string;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
}

export interface UndoState {
  undoLabel: string | null;
  redoLabel: string | null;
  busy: boolean;
}

export interface UndoStack extends UndoState {
  push: (entry: UndoEntry) => void;
  /** Resolves with the entry it undid (null when there was nothing to undo). Rejects when the entry failed; it then stays. */
  undo: () => Promise<UndoEntry | null>;
  redo: () => Promise<UndoEntry | null>;
  clear: () => void;
}

/** How many steps back a session keeps. */
const LIMIT = 200;

class Stack {
  private done: UndoEntry[] = [];
  private undone: UndoEntry[] = [];
  private running: Promise<unknown> = Promise.resolve();
  private busyCount = 0;
  private listeners = new Set<() => void>();
  private snapshot: UndoState = { undoLabel: null, redoLabel: null, busy: false };

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  private changed() {
    this.snapshot = {
      undoLabel: this.done.at(-1)?.label ?? null,
      redoLabel: this.undone.at(-1)?.label ?? null,
      busy: this.busyCount > 0,
    };
    for (const listener of this.listeners) listener();
  }

  push(entry: UndoEntry) {
    this.done.push(entry);
    if (this.done.length > LIMIT) this.done.shift();
    this.undone = [];
    this.changed();
  }

  clear() {
    this.done = [];
    this.undone = [];
    this.changed();
  }

  /** Runs after whatever is running; a failed step puts its entry back where it was. */
  private step(from: UndoEntry[], to: UndoEntry[], run: (entry: UndoEntry) => Promise<void>) {
    const next = this.running.then(async () => {
      const entry = from.pop();
      if (!entry) return null;
      this.busyCount += 1;
      this.changed();
      try {
        await run(entry);
        to.push(entry);
        return entry;
      } catch (error) {
        from.push(entry);
        throw error;
      } finally {
        this.busyCount -= 1;
        this.changed();
      }
    });
    this.running = next.catch(() => undefined);
    return next;
  }

  undo() {
    return this.step(this.done, this.undone, (entry) => entry.undo());
  }

  redo() {
    return this.step(this.undone, this.done, (entry) => entry.redo());
  }
}

export function useUndoStack(): UndoStack {
  const stackRef = useRef<Stack | null>(null);
  if (stackRef.current === null) stackRef.current = new Stack();
  const stack = stackRef.current;
  const state = useSyncExternalStore(stack.subscribe, stack.getSnapshot);
  const push = useCallback((entry: UndoEntry) => stack.push(entry), [stack]);
  const undo = useCallback(() => stack.undo(), [stack]);
  const redo = useCallback(() => stack.redo(), [stack]);
  const clear = useCallback(() => stack.clear(), [stack]);
  return useMemo(() => ({ ...state, push, undo, redo, clear }), [state, push, undo, redo, clear]);
}
