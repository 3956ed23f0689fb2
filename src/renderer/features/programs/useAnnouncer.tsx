/**
 * A polite live region for what the builder did without a drag (menu actions, undo, pasting), so
 * a screen reader hears every result, not only the drags' (dnd-kit announces those itself).
 */
import { useCallback, useState, type ReactElement } from 'react';

export function useAnnouncer(): [ReactElement, (message: string) => void] {
  const [message, setMessage] = useState({ text: '', serial: 0 });
  // The serial makes the same sentence twice in a row still change the region (and be read).
  const announce = useCallback(
    (text: string) => setMessage((current) => ({ text, serial: current.serial + 1 })),
    [],
  );
  const region = (
    <div className="lt-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      <span key={message.serial}>{message.text}</span>
    </div>
  );
  return [region, announce];
}
