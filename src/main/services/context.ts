import type { ChannelName, OutputOf, ParsedInputOf, TableName } from '../../shared/contract';
import type { MovableClock } from '../backend/clock';
import type { DrizzleDb } from '../db/client';
import type { JobControl } from '../jobs/job';

/** What every service gets: the database, the organization in scope, and how to announce writes. */
export interface ServiceContext {
  db: DrizzleDb;
  organizationId: string;
  /** Record the tables a write touched; the backend emits one `changed` event per call. */
  touched(...tables: TableName[]): void;
  /** Injectable clock (tests move time). */
  now(): Date;
  host: 'electron' | 'web';
  dataDir: string;
  resourcesDir: string;
  version: string;
  /**
   * The running backend's job runner and clock, for jobs.list, jobs.run and testing.setClock.
   * Absent where services run on their own (most tests).
   */
  runtime?: BackendRuntime;
}

export interface BackendRuntime {
  jobs: JobControl;
  clock: MovableClock;
}

/** One handler per contract channel; the type makes a wrong shape a compile error. */
export type Handlers = {
  [C in ChannelName]: (input: ParsedInputOf<C>, ctx: ServiceContext) => Promise<OutputOf<C>>;
};
