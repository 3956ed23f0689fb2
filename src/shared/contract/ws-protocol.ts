/**
 * The messages the web host and the browser exchange over the WebSocket at `/ws`: the contract's
 * `call` carried as JSON, its ok-or-error result, and pushed backend events. The host parses every
 * incoming message with `clientMessage` (input is `unknown` until it has), so a malformed message
 * gets an error result instead of reaching the backend.
 */
import { z } from 'zod';
import { appErrorShape, type AppErrorShape } from './errors';
import type { BackendEvent } from './events';
import type { CallResult } from './transport';

/** The path the web host serves the socket on; the page's token goes in its `token` query parameter. */
export const WS_PATH = '/ws';
export const WS_TOKEN_PARAM = 'token';

/** Largest message either side accepts (an import of a few thousand rows fits comfortably). */
export const WS_MAX_MESSAGE_BYTES = 32 * 1024 * 1024;

/** A request id chosen by the client; unique among its calls still waiting for a result. */
const requestId = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const callMessage = z
  .object({
    type: z.literal('call'),
    id: requestId,
    channel: z.string().min(1).max(200),
    input: z.unknown(),
  })
  .strict();
export type CallMessage = z.infer<typeof callMessage>;

/** Everything a client may send (one kind today; a union keeps room for more). */
export const clientMessage = z.discriminatedUnion('type', [callMessage]);
export type ClientMessage = z.infer<typeof clientMessage>;

const callResult = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: appErrorShape }),
]);

/**
 * The answer to one call. `id` is null only when the host could not read an id from the message it
 * answers (not JSON, or no numeric id); the client then has no call to settle and ignores it.
 */
export const resultMessage = z.object({
  type: z.literal('result'),
  id: requestId.nullable(),
  result: callResult,
});
export interface ResultMessage {
  type: 'result';
  id: number | null;
  result: CallResult<unknown>;
}

/** A backend event pushed to every connected page. Its payload is checked by whoever consumes it. */
export const eventMessage = z.object({
  type: z.literal('event'),
  event: z.object({ name: z.string(), payload: z.unknown() }),
});
export interface EventMessage {
  type: 'event';
  event: BackendEvent;
}

export const serverMessage = z.discriminatedUnion('type', [resultMessage, eventMessage]);
export type ServerMessage = ResultMessage | EventMessage;

/** The error result for a message the host could not accept. */
export function rejectedMessage(id: number | null, message: string, details?: unknown): ResultMessage {
  const error: AppErrorShape =
    details === undefined ? { code: 'invalid_input', message } : { code: 'invalid_input', message, details };
  return { type: 'result', id, result: { ok: false, error } };
}

/** The id of a message that failed validation, when it carries a usable one. */
export function requestIdOf(raw: unknown): number | null {
  if (!raw || typeof raw !== 'object') return null;
  const parsed = requestId.safeParse((raw as { id?: unknown }).id);
  return parsed.success ? parsed.data : null;
}
