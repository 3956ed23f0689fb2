/**
 * One toaster for the app, reachable from any screen with `useToaster()`: Blueprint's `Toast`s,
 * in Blueprint's toast container and with its enter and exit animations, newest at the bottom.
 *
 * Not Blueprint's `OverlayToaster`: in 6.20 it hands every toast the same transition ref
 * (palantir/blueprint#8121, fix not released), so a toast shown while another is leaving gets
 * the leaver's exit classes and stays invisible until its timer ends. Here each toast keeps its
 * own ref for its whole life.
 */
import { Classes, Portal, Toast, type ToastProps } from '@blueprintjs/core';
import {
  createContext,
  createRef,
  useCallback,
  useContext,
  useMemo,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { CSSTransition, TransitionGroup } from 'react-transition-group';

interface ToasterApi {
  /** Shows a toast; with the key of one still shown, replaces that one in place (and restarts its timer). */
  show(toast: ToastProps, key?: string): string;
  dismiss(key: string): void;
}

/** More than this and the oldest goes. */
const MAX_TOASTS = 4;
/** Blueprint's toast transition: $pt-transition-duration * 3 + $pt-transition-duration / 2. */
const TRANSITION_MS = 350;

interface ShownToast {
  key: string;
  props: ToastProps;
  /** Bumped when the toast is replaced in place: the Toast remounts, so its timer starts again. */
  version: number;
  node: RefObject<HTMLDivElement | null>;
}

const ToasterContext = createContext<ToasterApi | null>(null);

let nextToastId = 0;

export function ToasterProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ShownToast[]>([]);

  const show = useCallback((props: ToastProps, key?: string) => {
    const toastKey = key ?? `toast-${(nextToastId += 1)}`;
    setToasts((shown) => {
      const existing = shown.find((toast) => toast.key === toastKey);
      if (existing) {
        return shown.map((toast) =>
          toast.key === toastKey ? { ...toast, props, version: toast.version + 1 } : toast,
        );
      }
      const fresh: ShownToast = { key: toastKey, props, version: 0, node: createRef<HTMLDivElement>() };
      return [fresh, ...shown.slice(0, MAX_TOASTS - 1)];
    });
    return toastKey;
  }, []);

  const dismiss = useCallback((key: string) => {
    setToasts((shown) => shown.filter((toast) => toast.key !== key));
  }, []);

  const value = useMemo(() => ({ show, dismiss }), [show, dismiss]);

  // Escape with the focus on a toast clears them all, as Blueprint's toaster does.
  const onKeyDown = useCallback((event: KeyboardEvent) => {
    if (event.key === 'Escape') setToasts([]);
  }, []);

  return (
    <ToasterContext.Provider value={value}>
      {children}
      <Portal>
        <div
          className={`${Classes.TOAST_CONTAINER} ${Classes.TOAST_CONTAINER}-bottom ${Classes.TOAST_CONTAINER}-in-portal`}
          onKeyDown={onKeyDown}
        >
          <TransitionGroup component={null}>
            {toasts.map((toast) => (
              <CSSTransition
                key={toast.key}
                nodeRef={toast.node}
                classNames={Classes.TOAST}
                timeout={TRANSITION_MS}
                appear
              >
                <Toast
                  key={toast.version}
                  ref={toast.node}
                  {...toast.props}
                  onDismiss={(timedOut) => {
                    toast.props.onDismiss?.(timedOut);
                    dismiss(toast.key);
                  }}
                />
              </CSSTransition>
            ))}
          </TransitionGroup>
        </div>
      </Portal>
    </ToasterContext.Provider>
  );
}

export function useToaster(): ToasterApi {
  const toaster = useContext(ToasterContext);
  if (!toaster) throw new Error('useToaster() must be used inside <ToasterProvider>');
  return toaster;
}
