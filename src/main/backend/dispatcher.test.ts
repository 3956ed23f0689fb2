import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NotFound } from '../../shared/contract/errors';
import type { BackendEvent } from '../../shared/contract/events';
import type { Database } from '../db/client';
import { CATALOGUE_PATH } from '../db/catalogue';
import { RESOURCES_DIR, createTestDatabase } from '../db/test-support';
import { createTestContext } from '../services/test-fixtures';
import type { Handlers, ServiceContext } from '../services/context';
import { handlers as realHandlers } from '../services';
import { createDispatcher, INTERNAL_ERROR } from './dispatcher';

const ORGANIZATION_ID = '01890000-0000-7000-8000-0000000000aa';
const baseContext = (): Omit<ServiceContext, 'touched'> => ({
  db: undefined as never,
  organizationId: ORGANIZATION_ID,
  now: () => new Date('2026-01-05T10:00:00Z'),
  host: 'web',
  dataDir: '/data',
  resourcesDir: '/resources',
  version: '1.2.3',
});
const appInfo = {
  version: '1.2.3',
  host: 'web' as const,
  dataDir: '/data',
  organization: { id: ORGANIZATION_ID, name: 'My Gym' },
  exerciseCount: 0,
  athleteCount: 0,
};

/** A dispatcher over a few fake handlers; the rest of the contract is absent on purpose. */
function fakeDispatcher(fakes: Partial<Handlers>, validateOutputs = true) {
  const events: BackendEvent[] = [];
  const log = vi.fn();
  const dispatcher = createDispatcher({
    handlers: fakes as Handlers,
    ctxFactory: baseContext,
    validateOutputs,
    emit: (event) => events.push(event),
    log,
  });
  return { dispatcher, events, log };
}

describe('dispatcher', () => {
  it('answers an unknown channel with invalid_input', async () => {
    const { dispatcher } = fakeDispatcher({});
    const result = await dispatcher.dispatch('nope.nothing', {});
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'Unknown channel "nope.nothing"' },
    });
  });

  it('rejects bad input before the handler runs, listing each field', async () => {
    const handler = vi.fn();
    const { dispatcher } = fakeDispatcher({ 'athletes.create': handler });

    const result = await dispatcher.dispatch('athletes.create', {
      name: '  ',
      timeZone: 'Mars/Olympus',
      extra: 1,
    });

    expect(handler).not.toHaveBeenCalled();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.message).toMatch(/^Invalid input: .*name: Name is required/);
    const issues = (result.error.details as { issues: { path: (string | number)[]; message: string }[] })
      .issues;
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: ['name'], message: 'Name is required' },
        { path: ['timeZone'], message: 'Unknown time zone; pick one like Europe/London' },
      ]),
    );
  });

  it('passes the parsed input (defaults filled, text trimmed) and a context to the handler', async () => {
    const handler = vi.fn(async () => ({ items: [] }));
    const { dispatcher } = fakeDispatcher({ 'athletes.list': handler });

    const result = await dispatcher.dispatch('athletes.list', { text: '  ann ' });

    expect(result).toEqual({ ok: true, data: { items: [] } });
    expect(handler).toHaveBeenCalledWith(
      { text: 'ann', includeArchived: false },
      expect.objectContaining({ organizationId: ORGANIZATION_ID, version: '1.2.3' }),
    );
  });

  it('turns a domain error into its code and message', async () => {
    const { dispatcher } = fakeDispatcher({
      'athletes.get': async () => {
        throw new NotFound('No athlete with that id');
      },
    });
    const result = await dispatcher.dispatch('athletes.get', { id: ORGANIZATION_ID });
    expect(result).toEqual({ ok: false, error: { code: 'not_found', message: 'No athlete with that id' } });
  });

  it('hides an unexpected error behind a generic message and logs it', async () => {
    const failure = new Error('relation "secret_table" does not exist');
    const { dispatcher, log, events } = fakeDispatcher({
      'app.info': async (_input, ctx) => {
        ctx.touched('athlete');
        throw failure;
      },
    });

    const result = await dispatcher.dispatch('app.info', {});

    expect(result).toEqual({ ok: false, error: INTERNAL_ERROR });
    expect(JSON.stringify(result)).not.toContain('secret_table');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('app.info'), failure);
    expect(events).toEqual([]);
  });

  it('refuses an output that breaks the contract when outputs are validated', async () => {
    const wrong = vi.fn(async () => ({ ...appInfo, exerciseCount: 'many' }) as never);
    const checked = fakeDispatcher({ 'app.info': wrong });
    const unchecked = fakeDispatcher({ 'app.info': wrong }, false);

    expect(await checked.dispatcher.dispatch('app.info', {})).toEqual({ ok: false, error: INTERNAL_ERROR });
    expect(checked.log).toHaveBeenCalled();
    expect((await unchecked.dispatcher.dispatch('app.info', {})).ok).toBe(true);
  });

  it('emits one changed event naming each touched table once', async () => {
    const { dispatcher, events } = fakeDispatcher({
      'app.info': async (_input, ctx) => {
        ctx.touched('athlete');
        ctx.touched('user_preferences', 'athlete');
        return appInfo;
      },
    });

    await dispatcher.dispatch('app.info', {});

    expect(events).toEqual([{ name: 'changed', payload: { tables: ['athlete', 'user_preferences'] } }]);
  });

  it('emits nothing for a call that touched nothing', async () => {
    const { dispatcher, events } = fakeDispatcher({ 'app.info': async () => appInfo });
    await dispatcher.dispatch('app.info', {});
    expect(events).toEqual([]);
  });
});

describe('dispatcher with the real services', () => {
  let database: Database;
  let events: BackendEvent[];
  let dispatcher: ReturnType<typeof createDispatcher>;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { touched: _touched, touchedTables: _tables, ...ctx } = await createTestContext(database);
    events = [];
    dispatcher = createDispatcher({
      handlers: realHandlers,
      ctxFactory: () => ctx,
      validateOutputs: true,
      emit: (event) => events.push(event),
    });
  });

  afterAll(async () => {
    await database.close();
  });

  it('describes the app with its organization and the shipped catalogue', async () => {
    const result = await dispatcher.dispatch('app.info', {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const info = result.data as {
      organization: { name: string };
      exerciseCount: number;
      athleteCount: number;
    };
    expect(info.organization.name).toBe('My Gym');
    const catalogue = JSON.parse(await readFile(join(RESOURCES_DIR, CATALOGUE_PATH), 'utf8')) as unknown[];
    expect(info.exerciseCount).toBe(catalogue.length);
    expect(info.athleteCount).toBe(0);
  });

  it('saves a write and announces the tables it touched', async () => {
    const result = await dispatcher.dispatch('athletes.create', {
      name: 'Ann Lee',
      timeZone: 'Europe/London',
    });
    expect(result).toMatchObject({ ok: true, data: { name: 'Ann Lee', archived: false } });
    expect(events.at(-1)).toEqual({ name: 'changed', payload: { tables: ['athlete'] } });
    expect(await dispatcher.dispatch('app.info', {})).toMatchObject({ ok: true, data: { athleteCount: 1 } });
  });

  it('rejects invalid input for a real channel with field issues', async () => {
    const result = await dispatcher.dispatch('settings.update', { reminderHoursBefore: 100 });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', details: { issues: [{ path: ['reminderHoursBefore'] }] } },
    });
  });
});
