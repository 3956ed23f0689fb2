/**
 * The contract types every handler: these lines only compile because each `@ts-expect-error`
 * marks a real type error (`npm run typecheck` fails if one of them stops being an error).
 */
import { describe, expect, it } from 'vitest';
import { handlers } from './index';
import type { Handlers } from './context';

describe('handler typing', () => {
  it('rejects, at compile time, a handler that returns the wrong shape', () => {
    // @ts-expect-error -- 'stone' is not a theme the contract allows
    const wrongField: Handlers['settings.get'] = async () => ({
      weightUnit: 'kg',
      distanceUnit: 'm',
      theme: 'stone',
      defaultView: 'dashboard',
      emailReminders: false,
      desktopReminders: true,
      reminderHoursBefore: 2,
      autoCalculateAnalytics: true,
      currentAthleteId: null,
    });
    // @ts-expect-error -- a list channel must return { items }, not a bare array
    const bareArray: Handlers['athletes.list'] = async () => [];
    expect([wrongField, bareArray]).toHaveLength(2);
  });

  it('has exactly one handler for every contract channel', async () => {
    const { CHANNEL_NAMES } = await import('../../shared/contract');
    expect(Object.keys(handlers).sort()).toEqual([...CHANNEL_NAMES].sort());
  });
});
