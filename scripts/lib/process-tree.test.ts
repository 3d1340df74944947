import { describe, expect, it } from 'vitest';
import { parseStat, sampleTree, treeOf, type ProcessInfo } from './process-tree.ts';

/** A /proc/<pid>/stat line: pid (comm) state ppid … with rss (field 24) in pages. */
const stat = (pid: number, comm: string, ppid: number, rssPages: number): string =>
  `${pid} (${comm}) S ${ppid} ${Array.from({ length: 19 }, () => '0').join(' ')} ${rssPages} 0 0`;

describe('process tree memory', () => {
  it('reads the parent and resident pages of a /proc stat line, even when the name has spaces and parentheses', () => {
    expect(parseStat(stat(42, 'node (worker) x', 7, 10), 4096)).toEqual({ pid: 42, ppid: 7, rss: 40960 });
    expect(parseStat('garbage', 4096)).toBeNull();
  });

  it('collects a process and all its descendants, and nothing else', () => {
    const processes: ProcessInfo[] = [
      { pid: 1, ppid: 0, rss: 1 },
      { pid: 10, ppid: 1, rss: 100 },
      { pid: 11, ppid: 10, rss: 200 },
      { pid: 12, ppid: 11, rss: 300 },
      { pid: 20, ppid: 1, rss: 5000 },
    ];
    expect(
      treeOf(processes, 10)
        .map((p) => p.pid)
        .sort(),
    ).toEqual([10, 11, 12]);
    expect(treeOf(processes, 99)).toEqual([]);
  });

  it('samples this process’s own tree with a resident size above zero', async () => {
    const sampler = sampleTree(process.pid, 10);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const { peakBytes, peakProcesses } = sampler.stop();
    expect(peakProcesses).toBeGreaterThanOrEqual(1);
    expect(peakBytes).toBeGreaterThan(1024 * 1024);
  });
});
