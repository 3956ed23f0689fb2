/**
 * Test support for the web host (imported by *.test.ts only): a folder of fake built pages, a
 * scripted stand-in for the backend worker where a test needs to control timing (a call that never
 * answers, an event on demand), and the real backend worker in a temp data folder.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildContentSecurityPolicy } from '../security/csp';
import type { BackendHandle } from '../backend/handle';
import type { BackendEvent } from '../../shared/contract/events';
import type { CallResult } from '../../shared/contract/transport';
import { startWebHost, type WebHost } from './host';

/**
 * The `ws` package's client, for tests of the browser transport (Node 20 has no global WebSocket).
 * Re-exported here so those tests, type-checked as renderer code, need not import a Node package.
 */
export { WebSocket as NodeWebSocket } from 'ws';

export const FAKE_INDEX_HTML =
  '<!doctype html><html><head><title>Lift Tracker</title></head><body>app</body></html>';

/** A temp folder shaped like out/renderer/: index.html, a hashed asset, and a secret beside it. */
export async function makeFakeSite(): Promise<{ parent: string; root: string; remove: () => Promise<void> }> {
  const parent = await mkdtemp(join(tmpdir(), 'lift-tracker-web-site-'));
  const root = join(parent, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), FAKE_INDEX_HTML);
  await writeFile(join(root, 'assets', 'index-abc123.js'), 'console.log("app");');
  await writeFile(join(root, 'assets', 'index-abc123.css'), 'body { margin: 0; }');
  await writeFile(join(parent, 'secret.txt'), 'outside the site');
  return { parent, root, remove: () => rm(parent, { recursive: true, force: true }) };
}

export type ScriptedHandler = (input: unknown) => Promise<CallResult<unknown>> | CallResult<unknown>;

/** Stands in for the backend worker: answers from a table of handlers and emits events on demand. */
export class ScriptedBackend implements Pick<BackendHandle, 'call' | 'subscribe'> {
  readonly calls: { channel: string; input: unknown }[] = [];
  private readonly listeners = new Set<(event: BackendEvent) => void>();

  constructor(private readonly handlers: Record<string, ScriptedHandler>) {}

  async call(channel: string, input: unknown): Promise<CallResult<unknown>> {
    this.calls.push({ channel, input });
    const handler = this.handlers[channel];
    if (!handler)
      return { ok: false, error: { code: 'invalid_input', message: `Unknown channel "${channel}"` } };
    return handler(input);
  }

  subscribe(listener: (event: BackendEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: BackendEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}

export function startTestHost(
  backend: Pick<BackendHandle, 'call' | 'subscribe'>,
  staticRoot: string,
  options: { port?: number; token?: string } = {},
): Promise<WebHost> {
  return startWebHost({
    backend,
    staticRoot,
    port: options.port ?? 0,
    token: options.token,
    contentSecurityPolicy: ({ socketOrigin }) =>
      buildContentSecurityPolicy({ webSocketOrigin: socketOrigin }),
  });
}

/** Resolves once `predicate` holds, polling briefly; fails the test after `timeoutMs`. */
export async function eventually(predicate: () => boolean, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) throw new Error('Timed out waiting for a condition');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
