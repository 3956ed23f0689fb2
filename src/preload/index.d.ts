/**
 * What the preload exposes to the renderer. The renderer sees the preload only through this
 * declaration (tsconfig.web.json includes src/preload/*.d.ts); absent in a plain browser, where the
 * web host's WebSocket transport is used instead.
 */
import type { Transport } from '../shared/contract/transport';

declare global {
  interface Window {
    liftTracker?: Transport;
  }
}

export {};
