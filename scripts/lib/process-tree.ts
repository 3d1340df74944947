/**
 * Peak resident memory of a whole process tree (a build, its shard processes, Pagefind's binary,
 * worker threads are inside their process), sampled from /proc as `ps` would read it. Node's own
 * `maxRSS` counts one process only, which hid Pagefind's gigabytes beside it.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessInfo {
  readonly pid: number;
  readonly ppid: number;
  /** Resident set size in bytes. */
  readonly rss: number;
}

/**
 * Parses `/proc/<pid>/stat`. The command name (field 2) is in parentheses and may itself hold
 * spaces and parentheses, so fields are counted from the last `)`.
 */
export function parseStat(text: string, pageSize: number): ProcessInfo | null {
  const close = text.lastIndexOf(')');
  const open = text.indexOf('(');
  if (close < 0 || open < 0) return null;
  const pid = Number(text.slice(0, open).trim());
  const rest = text.slice(close + 2).split(' ');
  // After the name: state(3) ppid(4) … rss(24): rest[0] is field 3.
  const ppid = Number(rest[1]);
  const rssPages = Number(rest[21]);
  if (!Number.isFinite(pid) || !Number.isFinite(ppid) || !Number.isFinite(rssPages)) return null;
  return { pid, ppid, rss: rssPages * pageSize };
}

/** The processes of the tree rooted at `root` (itself included). */
export function treeOf(processes: readonly ProcessInfo[], root: number): ProcessInfo[] {
  const children = new Map<number, ProcessInfo[]>();
  for (const p of processes) {
    const list = children.get(p.ppid);
    if (list) list.push(p);
    else children.set(p.ppid, [p]);
  }
  const out: ProcessInfo[] = [];
  const self = processes.find((p) => p.pid === root);
  const queue = self ? [self] : [];
  while (queue.length > 0) {
    const p = queue.shift() as ProcessInfo;
    out.push(p);
    queue.push(...(children.get(p.pid) ?? []));
  }
  return out;
}

/** Linux's page size; statm/stat count pages. */
const PAGE_SIZE = 4096;

function readProcesses(): ProcessInfo[] {
  const out: ProcessInfo[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const info = parseStat(readFileSync(`/proc/${name}/stat`, 'utf8'), PAGE_SIZE);
      if (info) out.push(info);
    } catch {
      // The process ended between readdir and read.
    }
  }
  return out;
}

export interface TreeSampler {
  /** Stops sampling; returns the peak summed RSS in bytes and the most processes seen at once. */
  stop(): { peakBytes: number; peakProcesses: number };
}

/** Samples the summed RSS of the tree under `root` every `intervalMs` until stopped. */
export function sampleTree(root: number, intervalMs = 100): TreeSampler {
  let peakBytes = 0;
  let peakProcesses = 0;
  const sample = () => {
    const tree = treeOf(readProcesses(), root);
    peakBytes = Math.max(
      peakBytes,
      tree.reduce((sum, p) => sum + p.rss, 0),
    );
    peakProcesses = Math.max(peakProcesses, tree.length);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return { peakBytes, peakProcesses };
    },
  };
}
