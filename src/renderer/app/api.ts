/**
 * The one RTK Query API. Its base query calls the transport chosen at start-up and returns
 * `{ data }` or `{ error }` (never throws). Features add endpoints with `api.injectEndpoints`,
 * building each one from its contract entry with `queryFor` / `mutationFor`, so channel names,
 * input and output types and cache tags all come from src/shared/contract.
 */
import { createApi, type BaseQueryFn, type EndpointBuilder } from '@reduxjs/toolkit/query/react';
import {
  TABLE_TAGS,
  TAG_TYPES,
  contract,
  type AppErrorShape,
  type ChannelName,
  type InputOf,
  type OutputOf,
  type TableName,
  type TagType,
} from '../../shared/contract';
import type { Transport } from '../../shared/contract/transport';

let activeTransport: Transport | null = null;

export function setTransport(transport: Transport): void {
  activeTransport = transport;
}

export function getTransport(): Transport {
  if (!activeTransport) throw new Error('The transport is not set; call setTransport() at start-up');
  return activeTransport;
}

export interface CallArgs {
  channel: ChannelName;
  input: unknown;
}

const transportBaseQuery: BaseQueryFn<CallArgs, unknown, AppErrorShape> = async ({ channel, input }) => {
  try {
    const result = await getTransport().call(channel, input as never);
    return result.ok ? { data: result.data } : { error: result.error };
  } catch (cause) {
    return {
      error: {
        code: 'unavailable',
        message: cause instanceof Error ? cause.message : 'The backend could not be reached',
      },
    };
  }
};

export const api = createApi({
  reducerPath: 'api',
  baseQuery: transportBaseQuery,
  tagTypes: TAG_TYPES,
  // Pushed `changed` events keep data fresh; no refetch on focus or polling needed.
  refetchOnFocus: false,
  endpoints: () => ({}),
});

type Builder = EndpointBuilder<typeof transportBaseQuery, TagType, 'api'>;
type Tag = TagType | { type: TagType; id: string };

function idsIn(value: unknown): string[] {
  if (!value || typeof value !== 'object') return [];
  const record = value as { id?: unknown; items?: unknown };
  const ids: string[] = typeof record.id === 'string' ? [record.id] : [];
  if (Array.isArray(record.items)) {
    for (const item of record.items) {
      if (item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string') {
        ids.push((item as { id: string }).id);
      }
    }
  }
  return ids;
}

/** A query endpoint for a contract channel: LIST tags for its types, plus a tag per id it returns. */
export function queryFor<C extends ChannelName>(build: Builder, channel: C) {
  const entry = contract[channel];
  return build.query<OutputOf<C>, InputOf<C>>({
    query: (input) => ({ channel, input }),
    providesTags: (result) => {
      const tags: Tag[] = entry.provides.map((type) => ({ type, id: 'LIST' }));
      const [primary] = entry.provides;
      if (primary) for (const id of idsIn(result)) tags.push({ type: primary, id });
      return tags;
    },
  });
}

/** A mutation endpoint for a contract channel: invalidates its types' LIST tags and `input.id`. */
export function mutationFor<C extends ChannelName>(build: Builder, channel: C) {
  const entry = contract[channel];
  return build.mutation<OutputOf<C>, InputOf<C>>({
    query: (input) => ({ channel, input }),
    invalidatesTags: (_result, error, input) => {
      if (error) return [];
      const tags: Tag[] = entry.invalidates.map((type) => ({ type, id: 'LIST' }));
      const [primary] = entry.invalidates;
      if (primary) for (const id of idsIn(input)) tags.push({ type: primary, id });
      return tags;
    },
  });
}

/** The tag types to invalidate when the backend reports that these tables changed. */
export function tagsForTables(tables: readonly TableName[]): TagType[] {
  const tags = new Set<TagType>();
  for (const table of tables) for (const tag of TABLE_TAGS[table] ?? []) tags.add(tag);
  return [...tags];
}
