/**
 * Chooses the transport once, at start-up (ARCHITECTURE.md rule 5): the preload bridge when the
 * Electron shell exposed it, otherwise the WebSocket client of the web host.
 */
import type { Transport } from '../../../shared/contract/transport';
import { webSocketTransportFromLocation } from './websocket';

export function chooseTransport(): Transport {
  const bridge = (window as { liftTracker?: Transport }).liftTracker;
  if (bridge) return bridge;
  return webSocketTransportFromLocation(window.location, window.sessionStorage);
}
