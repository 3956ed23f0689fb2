/**
 * One OverlayToaster for the app, reachable from any screen with `useToaster()`.
 * Blueprint 6 has no toaster context of its own; this renders the toaster in the React tree
 * (so it shares the store, theme and portal) and hands out its `show`.
 */
import { OverlayToaster, Position, type ToastProps } from '@blueprintjs/core';
import { createContext, useCallback, useContext, useMemo, useRef, type ReactNode } from 'react';

interface ToasterApi {
  show(toast: ToastProps, key?: string): string | undefined;
  dismiss(key: string): void;
}

const ToasterContext = createContext<ToasterApi | null>(null);

export function ToasterProvider({ children }: { children: ReactNode }) {
  const toasterRef = useRef<OverlayToaster>(null);
  const show = useCallback((toast: ToastProps, key?: string) => toasterRef.current?.show(toast, key), []);
  const dismiss = useCallback((key: string) => toasterRef.current?.dismiss(key), []);
  const value = useMemo(() => ({ show, dismiss }), [show, dismiss]);
  return (
    <ToasterContext.Provider value={value}>
      {children}
      <OverlayToaster ref={toasterRef} position={Position.BOTTOM} maxToasts={4} />
    </ToasterContext.Provider>
  );
}

export function useToaster(): ToasterApi {
  const toaster = useContext(ToasterContext);
  if (!toaster) throw new Error('useToaster() must be used inside <ToasterProvider>');
  return toaster;
}
