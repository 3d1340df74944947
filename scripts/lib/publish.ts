/**
 * Putting a finished site in place without ever leaving a half site behind, and cleaning up what
 * an earlier build that was killed left.
 *
 * POSIX has no atomic exchange of two directories that Node can reach (renameat2 is not exposed),
 * so publishing is two renames: the old site aside, the new one in. Between them the target is
 * missing for a few microseconds; should the process die exactly there, a journal written first
 * lets the next build finish the job (the new site was complete before the journal was written).
 * Everything the swap renames sits beside the target, so the renames never cross file systems.
 * A `dist` that is a symbolic link (to a web root) is followed: the web root gets the new site
 * and the link stays a link.
 */
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statfsSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** Where a site published at `outDir` really lives: `outDir`, or what it links to. */
export function publishTarget(outDir: string): string {
  let path = resolve(outDir);
  // Follow a chain of links (bounded: a loop of links is an error, not a hang).
  for (let hops = 0; hops < 16; hops++) {
    let stat;
    try {
      stat = lstatSync(path);
    } catch {
      return path;
    }
    if (!stat.isSymbolicLink()) return path;
    path = resolve(dirname(path), readlinkSync(path));
  }
  throw new Error(`${outDir}: too many levels of symbolic links`);
}

interface Journal {
  readonly pid: number;
  readonly target: string;
  readonly incoming: string;
  readonly previous: string;
}

const journalPath = (target: string): string => join(dirname(target), `.${basename(target)}.gongkai-swap.json`);
const besideTarget = (target: string, what: 'incoming' | 'previous', pid: number): string =>
  join(dirname(target), `.${basename(target)}.gongkai-${what}-${pid}`);

/** Whether a process with this id is running (a build that holds its folders). */
export function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Finishes or undoes a swap that a killed build left half done, and removes the folders it
 * left beside the target. Returns what it did, for the log.
 */
export function recoverTarget(target: string): string[] {
  const done: string[] = [];
  const journalFile = journalPath(target);
  if (existsSync(journalFile)) {
    let journal: Journal | undefined;
    try {
      journal = JSON.parse(readFileSync(journalFile, 'utf8')) as Journal;
    } catch {
      journal = undefined;
    }
    if (journal && journal.pid !== process.pid && isAlive(journal.pid))
      throw new Error(`another build (process ${journal.pid}) is publishing ${target}; wait for it to finish`);
    if (journal && !existsSync(target)) {
      if (existsSync(journal.incoming)) {
        renameSync(journal.incoming, target);
        done.push(`finished the interrupted publication of ${target}`);
      } else if (existsSync(journal.previous)) {
        renameSync(journal.previous, target);
        done.push(`restored the previous site in ${target}`);
      }
    }
    rmSync(journalFile, { force: true });
  }
  const parent = dirname(target);
  const prefix = `.${basename(target)}.gongkai-`;
  if (existsSync(parent)) {
    for (const name of readdirSync(parent)) {
      const match = name.startsWith(prefix) ? /-(incoming|previous)-(\d+)$/.exec(name) : null;
      if (!match || isAlive(Number(match[2]))) continue;
      rmSync(join(parent, name), { recursive: true, force: true });
      done.push(`removed ${join(parent, name)} left by an earlier build`);
    }
  }
  return done;
}

/**
 * The folders a build makes in the staging root, by process id: `site-<pid>` (and
 * `previous-<pid>`, which builds before the journal made). Anything else there (a benchmark's
 * or a test's folder) is not the build's to remove.
 */
const STAGING_FOLDER = /^(?:site|previous)-(\d+)$/;

/** Removes the staging folders of builds that are no longer running. */
export function cleanStaleStaging(stagingRoot: string): string[] {
  if (!existsSync(stagingRoot)) return [];
  const done: string[] = [];
  for (const name of readdirSync(stagingRoot)) {
    const match = STAGING_FOLDER.exec(name);
    if (!match || isAlive(Number(match[1]))) continue;
    rmSync(join(stagingRoot, name), { recursive: true, force: true });
    done.push(`removed ${join(stagingRoot, name)} left by an earlier build`);
  }
  return done;
}

const sameFileSystem = (a: string, b: string): boolean => statSync(a).dev === statSync(b).dev;

/**
 * Replaces the site at `outDir` (or at the folder it links to) by the complete site in `staging`.
 * On failure before the first rename, the old site is untouched and the copy is removed.
 */
export function publish(staging: string, outDir: string): void {
  const target = publishTarget(outDir);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  recoverTarget(target);
  let incoming = staging;
  if (!sameFileSystem(staging, parent)) {
    // Another file system (a web root on its own disk): copy first, beside the target, so the
    // swap itself is still two renames. A full disk fails here, with the old site in place.
    incoming = besideTarget(target, 'incoming', process.pid);
    try {
      cpSync(staging, incoming, { recursive: true });
    } catch (error) {
      rmSync(incoming, { recursive: true, force: true });
      throw error;
    }
  }
  const previous = besideTarget(target, 'previous', process.pid);
  rmSync(previous, { recursive: true, force: true });
  const journal: Journal = { pid: process.pid, target, incoming, previous };
  writeFileSync(journalPath(target), JSON.stringify(journal));
  const hadSite = existsSync(target);
  if (hadSite) renameSync(target, previous);
  try {
    renameSync(incoming, target);
  } catch (error) {
    if (hadSite) renameSync(previous, target);
    rmSync(journalPath(target), { force: true });
    throw error;
  }
  rmSync(journalPath(target), { force: true });
  rmSync(previous, { recursive: true, force: true });
  if (incoming !== staging) rmSync(staging, { recursive: true, force: true });
}

/** Free bytes on the file system holding `path` (its nearest existing ancestor). */
export function freeBytes(path: string): number | null {
  let at = resolve(path);
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  try {
    const fs = statfsSync(at);
    return fs.bavail * fs.bsize;
  } catch {
    return null;
  }
}

/** Below this much free space a failure is reported as a full disk, whatever the error said. */
export const FULL_DISK_BYTES = 64 * 1024 * 1024;

/** Whether an error (or the disk under `path` right after it) says the disk is full. */
export function isDiskFull(error: unknown, path: string, free: (p: string) => number | null = freeBytes): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return true;
  const message = error instanceof Error ? error.message : String(error);
  if (/no space left on device|disk quota exceeded|os error 28/i.test(message)) return true;
  const bytes = free(path);
  return bytes !== null && bytes < FULL_DISK_BYTES;
}
