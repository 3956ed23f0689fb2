import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, NON_LOOPBACK_MESSAGE, defaultDataDir, parseWebArgs } from './args';

const linux = { platform: 'linux' as const, env: {}, home: '/home/coach', cwd: '/work/gym' };

describe('parseWebArgs', () => {
  it('defaults to loopback, the default port and the per-user data folder', () => {
    expect(parseWebArgs([], linux)).toEqual({
      kind: 'run',
      options: {
        dataDir: '/home/coach/.local/share/lift-tracker-web',
        port: DEFAULT_PORT,
        host: '127.0.0.1',
        demo: false,
        testClock: false,
      },
    });
  });

  it('takes a data folder (relative to the current folder), a port and --demo', () => {
    expect(parseWebArgs(['--data-dir', 'data', '--port', '0', '--demo'], linux)).toEqual({
      kind: 'run',
      options: { dataDir: '/work/gym/data', port: 0, host: '127.0.0.1', demo: true, testClock: false },
    });
    expect(parseWebArgs(['--data-dir=/srv/lifts', '--port=8080'], linux)).toMatchObject({
      kind: 'run',
      options: { dataDir: '/srv/lifts', port: 8080 },
    });
  });

  it('accepts --host 127.0.0.1', () => {
    expect(parseWebArgs(['--host', '127.0.0.1'], linux)).toMatchObject({ kind: 'run' });
  });

  it.each(['0.0.0.0', '::', '192.168.1.20', 'localhost', '::1', 'example.com'])(
    'refuses to bind to %s',
    (host) => {
      const parsed = parseWebArgs(['--host', host], linux);
      expect(parsed).toEqual({ kind: 'error', message: NON_LOOPBACK_MESSAGE });
      expect(NON_LOOPBACK_MESSAGE).toMatch(/^The web host only binds to 127\.0\.0\.1 \(loopback\); /);
    },
  );

  it.each([['-1'], ['65536'], ['80a'], ['']])('refuses the port "%s" with the usage', (port) => {
    const parsed = parseWebArgs(['--port', port], linux);
    expect(parsed.kind).toBe('error');
    if (parsed.kind === 'error') expect(parsed.message).toContain('Usage:');
  });

  it('refuses unknown options, positionals and a missing value with the usage', () => {
    for (const argv of [['--verbose'], ['serve'], ['--port'], ['--data-dir', '']]) {
      const parsed = parseWebArgs(argv, linux);
      expect(parsed.kind, argv.join(' ')).toBe('error');
      if (parsed.kind === 'error') expect(parsed.message).toContain('Usage:');
    }
  });

  it('lets end-to-end tests move the clock with --test-clock, which is off unless given', () => {
    expect(parseWebArgs(['--test-clock'], linux)).toMatchObject({
      kind: 'run',
      options: { testClock: true },
    });
    expect(parseWebArgs(['--demo'], linux)).toMatchObject({ kind: 'run', options: { testClock: false } });
  });

  it('answers --help with the usage', () => {
    expect(parseWebArgs(['--help'], linux)).toMatchObject({
      kind: 'help',
      text: expect.stringContaining('--data-dir'),
    });
    expect(parseWebArgs(['--help'], linux)).toMatchObject({ text: expect.stringContaining('--test-clock') });
    expect(parseWebArgs(['-h'], linux).kind).toBe('help');
  });
});

describe('defaultDataDir', () => {
  it('follows XDG_DATA_HOME on Linux when it is absolute', () => {
    expect(defaultDataDir({ ...linux, env: { XDG_DATA_HOME: '/data/xdg' } })).toBe(
      '/data/xdg/lift-tracker-web',
    );
    expect(defaultDataDir({ ...linux, env: { XDG_DATA_HOME: 'relative' } })).toBe(
      '/home/coach/.local/share/lift-tracker-web',
    );
  });

  it('uses Application Support on macOS', () => {
    expect(defaultDataDir({ ...linux, platform: 'darwin', home: '/Users/coach' })).toBe(
      '/Users/coach/Library/Application Support/lift-tracker-web',
    );
  });
});
