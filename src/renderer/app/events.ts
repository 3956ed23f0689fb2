/**
 * Live data (ARCHITECTURE.md rule 7): the backend pushes `changed` with the tables a write touched;
 * we invalidate the RTK Query tags those tables map to, so every open screen refetches what it shows.
 */
import type { Transport } from '../../shared/contract/transport';
import { api, tagsForTables } from './api';
import type { AppDispatch } from './store';

export function subscribeToBackendEvents(transport: Transport, dispatch: AppDispatch): () => void {
  return transport.subscribe((event) => {
    if (event.name !== 'changed') return;
    const tags = tagsForTables(event.payload.tables);
    if (tags.length > 0) dispatch(api.util.invalidateTags(tags));
  });
}
