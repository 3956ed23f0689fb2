/**
 * One process per data folder. PGlite takes no lock of its own, and two processes on one folder
 * were measured losing committed rows, so the backend holds this lock before PGlite opens.
 *
 * proper-lockfile makes the lock atomically (mkdir) and keeps its mtime fresh. Whether a lock left
 * behind is abandoned is decided here, with an owner record beside it: on the same machine a dead
 * owner process means a crash (kill -9), recovered at once; for an owner on another machine
 * (a shared folder), or a backend worker of this same process that died without closing, only a
 * heartbeat that stopped long ago counts. The library's own mtime
 * staleness is switched off because a long synchronous PGlite query can delay the heartbeat,
 * and a live lock must never be taken over.
 */
import { constants } from 'node:fs';
import { access, mkdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { ALREADY_OPEN_MESSAGE, BackendStartError } from '../backend/handle';

export const LOCK_NAME = 'lift-tracker.lock';
export const OWNER_NAME = 'lift-tracker.lock-owner.json';

/** When the owner's process cannot tell, a lock whose heartbeat stopped this long ago is abandoned. */
const HEARTBEAT_STALE_MS = 60_000;
const HEARTBEAT_MS = 5_000;
/** The largest delay setTimeout accepts: the library never calls our lock stale by itself. */
const NEVER_STALE_MS = 2 ** 31 - 1;

interface LockOwner {
  pid: number;
  hostname: string;
  acquiredAt: string;
}

export interface FolderLock {
  dataDir: string;
  release(): Promise<void>;
}

/** Take the exclusive lock on a data folder (created if missing), or fail with BackendStartError. */
export async function lockDataFolder(dataDir: string): Promise<FolderLock> {
  await ensureUsableFolder(dataDir);
  const lockPath = join(dataDir, LOCK_NAME);
  const ownerPath = join(dataDir, OWNER_NAME);

  let release = await tryLock(dataDir, lockPath);
  if (!release && (await isAbandoned(lockPath, ownerPath))) {
    await rm(ownerPath, { force: true });
    await rm(lockPath, { recursive: true, force: true });
    release = await tryLock(dataDir, lockPath);
  }
  if (!release) throw new BackendStartError('locked', ALREADY_OPEN_MESSAGE);

  const owner: LockOwner = { pid: process.pid, hostname: hostname(), acquiredAt: new Date().toISOString() };
  try {
    await writeFile(ownerPath, JSON.stringify(owner));
  } catch (error) {
    // Nobody would ever release a lock we fail to hand back, and its heartbeat would keep it fresh.
    await release().catch(() => undefined);
    throw folderError(dataDir, error);
  }

  let released = false;
  return {
    dataDir,
    async release() {
      if (released) return;
      released = true;
      await unlink(ownerPath).catch(() => undefined);
      await release().catch((error: unknown) =>
        console.error('Could not release the data folder lock', error),
      );
    },
  };
}

/** Resolves to the release function, or null when someone else holds the lock. */
async function tryLock(dataDir: string, lockPath: string): Promise<(() => Promise<void>) | null> {
  try {
    return await lockfile.lock(dataDir, {
      lockfilePath: lockPath,
      realpath: false,
      stale: NEVER_STALE_MS,
      update: HEARTBEAT_MS,
      retries: 0,
      onCompromised: (error) =>
        // Someone removed or rewrote our lock; there is nothing safe to do but say so loudly.
        console.error(`The lock on ${dataDir} was taken away while Lift Tracker had it open`, error),
    });
  } catch (error) {
    if (errorCode(error) === 'ELOCKED') return null;
    throw folderError(dataDir, error);
  }
}

async function isAbandoned(lockPath: string, ownerPath: string): Promise<boolean> {
  const owner = await readOwner(ownerPath);
  if (owner && owner.hostname === hostname() && owner.pid !== process.pid) return !isProcessAlive(owner.pid);
  // Owned from another machine, by another thread of this process, or the owner record is not
  // written yet: only the heartbeat tells.
  const lockStat = await stat(lockPath).catch(() => null);
  return lockStat !== null && Date.now() - lockStat.mtimeMs > HEARTBEAT_STALE_MS;
}

async function readOwner(ownerPath: string): Promise<LockOwner | null> {
  try {
    const owner = JSON.parse(await readFile(ownerPath, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.hostname === 'string' ? (owner as LockOwner) : null;
  } catch {
    return null;
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return errorCode(error) === 'EPERM';
  }
}

async function ensureUsableFolder(dataDir: string): Promise<void> {
  const existing = await stat(dataDir).catch(() => null);
  if (existing && !existing.isDirectory()) {
    throw new BackendStartError(
      'unreadable',
      `Lift Tracker cannot use ${dataDir} as its data folder: it is a file, not a folder. Choose another data folder, or move that file away.`,
    );
  }
  try {
    await mkdir(dataDir, { recursive: true });
  } catch (error) {
    throw folderError(dataDir, error);
  }
  try {
    await access(dataDir, constants.R_OK | constants.X_OK);
  } catch {
    throw new BackendStartError(
      'unreadable',
      `Lift Tracker cannot read its data folder ${dataDir}. Give your user account read and write access to it, or choose another data folder.`,
    );
  }
  try {
    await access(dataDir, constants.W_OK);
  } catch (error) {
    throw folderError(dataDir, error);
  }
}

/** Turn a file-system error about the data folder into words a user can act on. */
function folderError(dataDir: string, error: unknown): BackendStartError {
  const code = errorCode(error);
  const reason =
    code === 'ENOTDIR'
      ? 'a part of its path is a file, not a folder'
      : code === 'EROFS'
        ? 'it is on a read-only disk'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission was denied'
          : code === 'ENOSPC'
            ? 'the disk is full'
            : `the system said ${code ?? String(error)}`;
  return new BackendStartError(
    'unwritable',
    `Lift Tracker cannot write to its data folder ${dataDir} (${reason}). Give your user account write access to it, or choose another data folder.`,
  );
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}
