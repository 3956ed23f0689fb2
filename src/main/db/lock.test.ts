import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmod, mkdir, mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ALREADY_OPEN_MESSAGE, BackendStartError } from '../backend/handle';
import { LOCK_NAME, OWNER_NAME, lockDataFolder } from './lock';
import { REPO_ROOT } from './test-support';

let scratch: string;
let holderScript: string;
const children: ChildProcess[] = [];
let folderCount = 0;

async function newDataDir(): Promise<string> {
  const dir = join(scratch, `data-${folderCount++}`);
  await mkdir(dir);
  return dir;
}

/** Another process holding the lock, as a second app instance would. */
async function holdLockInAnotherProcess(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', holderScript, dataDir], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  expect(line.toString().trim()).toBe('locked');
  return child;
}

function startError(promise: Promise<unknown>): Promise<BackendStartError> {
  return promise.then(
    () => {
      throw new Error('expected the lock to be refused');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(BackendStartError);
      return error as BackendStartError;
    },
  );
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'lift-tracker-lock-'));
  holderScript = join(scratch, 'hold-lock.mjs');
  const lockModule = pathToFileURL(fileURLToPath(new URL('./lock.ts', import.meta.url))).href;
  await writeFile(
    holderScript,
    `const { lockDataFolder } = await import(${JSON.stringify(lockModule)});
     await lockDataFolder(process.argv[2]);
     process.stdout.write('locked\\n');
     setInterval(() => {}, 60_000);`,
  );
});

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('lockDataFolder', () => {
  it('refuses a second opener in another process with the already-open message', async () => {
    const dataDir = await newDataDir();
    await holdLockInAnotherProcess(dataDir);

    const error = await startError(lockDataFolder(dataDir));
    expect(error.code).toBe('locked');
    expect(error.message).toBe(ALREADY_OPEN_MESSAGE);
  });

  it('recovers at once the lock of a process killed with SIGKILL', async () => {
    const dataDir = await newDataDir();
    const child = await holdLockInAnotherProcess(dataDir);
    child.kill('SIGKILL');
    await once(child, 'exit');

    const lock = await lockDataFolder(dataDir);
    await lock.release();
  });

  it('refuses a second opener in the same process, and allows it after release', async () => {
    const dataDir = await newDataDir();
    const first = await lockDataFolder(dataDir);

    expect((await startError(lockDataFolder(dataDir))).code).toBe('locked');

    await first.release();
    const second = await lockDataFolder(dataDir);
    await second.release();
  });

  it('takes over a lock held from another machine only once its heartbeat has stopped', async () => {
    const dataDir = await newDataDir();
    const lockPath = join(dataDir, LOCK_NAME);
    await mkdir(lockPath);
    await writeFile(
      join(dataDir, OWNER_NAME),
      JSON.stringify({ pid: 1, hostname: 'another-machine', acquiredAt: new Date().toISOString() }),
    );

    expect((await startError(lockDataFolder(dataDir))).code).toBe('locked');

    const longAgo = new Date(Date.now() - 10 * 60_000);
    await utimes(lockPath, longAgo, longAgo);
    const lock = await lockDataFolder(dataDir);
    await lock.release();
  });

  it('takes over a lock left by a dead worker of this process once its heartbeat has stopped', async () => {
    const dataDir = await newDataDir();
    const lockPath = join(dataDir, LOCK_NAME);
    await mkdir(lockPath);
    await writeFile(
      join(dataDir, OWNER_NAME),
      JSON.stringify({ pid: process.pid, hostname: hostname(), acquiredAt: new Date().toISOString() }),
    );
    expect((await startError(lockDataFolder(dataDir))).code).toBe('locked');

    const longAgo = new Date(Date.now() - 10 * 60_000);
    await utimes(lockPath, longAgo, longAgo);
    const lock = await lockDataFolder(dataDir);
    await lock.release();
  });

  it('creates a missing data folder', async () => {
    const lock = await lockDataFolder(join(scratch, 'new', 'nested', 'data'));
    await lock.release();
  });

  it('says which folder cannot be written when its path runs through a file', async () => {
    const file = join(scratch, 'a-file');
    await writeFile(file, 'not a folder');
    const dataDir = join(file, 'data');

    const error = await startError(lockDataFolder(dataDir));
    expect(error.code).toBe('unwritable');
    expect(error.message).toContain(dataDir);
    expect(error.message).toMatch(/write access|choose another data folder/);
  });

  it('says the data folder is a file when it is one', async () => {
    const file = join(scratch, 'data-is-a-file');
    await writeFile(file, '');

    const error = await startError(lockDataFolder(file));
    expect(error.code).toBe('unreadable');
    expect(error.message).toContain(file);
  });

  it('gives the lock back when it cannot record its owner', async () => {
    const dataDir = await newDataDir();
    // A folder where the owner record goes makes writing it fail after the lock is taken.
    await mkdir(join(dataDir, OWNER_NAME));

    const error = await startError(lockDataFolder(dataDir));
    expect(error.code).toBe('unwritable');
    await expect(stat(join(dataDir, LOCK_NAME))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  // Root may write anywhere, so permissions can only be tested as another user.
  it.skipIf(process.getuid?.() === 0)('says a read-only data folder cannot be written', async () => {
    const dataDir = await newDataDir();
    await chmod(dataDir, 0o500);
    try {
      const error = await startError(lockDataFolder(dataDir));
      expect(error.code).toBe('unwritable');
      expect(error.message).toContain(dataDir);
    } finally {
      await chmod(dataDir, 0o700);
    }
  });
});
