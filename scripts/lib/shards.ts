/**
 * Shards: a site's content split by region into parts that build independently (a CI matrix job,
 * an indexed batch job, or a local process each), then merged by the portal step.
 *
 * A shard is a set of region folders (`disclosures/<regionCode>/…`): a department's years all
 * sit in one region, so every disclosure page (last year's comparison, the trend chart) is built
 * from its own shard alone, and the portal needs only the shards' small summaries. Sharding by
 * year as well would split a department's years across shards, which those pages cannot bear.
 *
 * `k/n` names the k-th of n shards. Regions are sorted by code and cut into n contiguous runs of
 * about equal disclosure counts, so every job computes the same plan from the folder names alone
 * (nothing is parsed), and editing a disclosure never moves a region to another shard.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface RegionCount {
  /** The region folder under `disclosures/` (its region code). */
  readonly region: string;
  readonly disclosures: number;
}

export interface ShardSpec {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

export interface Shard extends ShardSpec {
  /** `3-of-4`: its folder and the sub-path of its search index. */
  readonly id: string;
  readonly regions: readonly string[];
  readonly disclosures: number;
}

/**
 * Disclosures per shard when `npm run build` plans the shards itself: small enough that a
 * shard's larger stage (the page renderer, Pagefind about as large) stays well under 2 GB
 * with the rest of the build (measured with `npm run bench -- --scale`), large enough that each
 * process's start-up cost is small beside it and that a first search loads few shard indexes.
 */
export const DEFAULT_SHARD_SIZE = 200;

export const shardId = (spec: ShardSpec): string => `${spec.index}-of-${spec.count}`;

/** Parses `k/n` (as a CI matrix passes it). */
export function parseShardSpec(text: string): ShardSpec {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || index < 1 || count < 1 || index > count) throw new Error(`--shard takes k/n with 1 ≤ k ≤ n (e.g. --shard 2/4), not ${JSON.stringify(text)}`);
  return { index, count };
}

/** Region folders of a content folder with their disclosure counts, by region code. */
export function countRegions(contentDir: string): RegionCount[] {
  const root = join(contentDir, 'disclosures');
  if (!existsSync(root)) return [];
  const count = (folder: string): number =>
    readdirSync(folder).reduce((n, name) => {
      const full = join(folder, name);
      if (name === 'disclosure.yaml') return n + 1;
      return !name.startsWith('.') && statSync(full).isDirectory() ? n + count(full) : n;
    }, 0);
  return readdirSync(root)
    .filter((name) => !name.startsWith('.') && statSync(join(root, name)).isDirectory())
    .sort()
    .map((region) => ({ region, disclosures: count(join(root, region)) }))
    .filter((r) => r.disclosures > 0);
}

/**
 * Cuts the sorted regions into `count` contiguous runs: each run closes once it reaches its fair
 * share of what is left, so sizes stay within one region of equal. A shard may be empty when
 * there are fewer regions than shards (its job then builds nothing and says so).
 */
export function planShards(regions: readonly RegionCount[], count: number): Shard[] {
  const shards: Shard[] = [];
  let at = 0;
  let left = regions.reduce((n, r) => n + r.disclosures, 0);
  for (let index = 1; index <= count; index++) {
    const share = left / (count - index + 1);
    const taken: RegionCount[] = [];
    let size = 0;
    const regionsLeft = () => regions.length - at;
    const shardsAfter = count - index;
    while (at < regions.length && (taken.length === 0 || (size < share && regionsLeft() > shardsAfter))) {
      const region = regions[at] as RegionCount;
      // Stop before a region that overshoots the share by more than stopping undershoots it.
      if (taken.length > 0 && size + region.disclosures - share > share - size) break;
      taken.push(region);
      size += region.disclosures;
      at++;
    }
    if (index === count)
      while (at < regions.length) {
        const region = regions[at++] as RegionCount;
        taken.push(region);
        size += region.disclosures;
      }
    left -= size;
    shards.push({ index, count, id: shardId({ index, count }), regions: taken.map((r) => r.region), disclosures: size });
  }
  return shards;
}

/** How many shards `npm run build` makes of a content folder: one per `size` disclosures. */
export const autoShardCount = (regions: readonly RegionCount[], size: number = DEFAULT_SHARD_SIZE): number =>
  Math.max(1, Math.min(regions.length, Math.ceil(regions.reduce((n, r) => n + r.disclosures, 0) / size)));

/** Whether a content path (relative to the content folder) belongs to the shard: catalogues and regions are shared, disclosures by region. */
export function inShard(shard: Pick<Shard, 'regions'>, relativePath: string): boolean {
  if (!relativePath.startsWith('disclosures/')) return true;
  const region = relativePath.split('/')[1] ?? '';
  return shard.regions.includes(region);
}

/**
 * Runs each item's two stages, `render` then `index`, with at most `jobs` stages at a time and at
 * most half of them (rounded up) rendering. A shard's two stages are separate processes because
 * each holds most of a shard's memory for its whole run (the page renderer its pages and
 * bundler, Pagefind the index): one job runs them one after the other, so the peak is the larger
 * stage; two jobs index a shard while the next one renders, on both cores, and the peak is one of
 * each. An item ready to index goes first, so finished pages never wait behind new ones. After a
 * failure no stage starts, the running ones finish, and the first error is thrown.
 */
export function runInStages<T>(items: readonly T[], jobs: number, render: (item: T) => Promise<void>, index: (item: T) => Promise<void>): Promise<void> {
  const slots = Math.max(1, Math.floor(jobs));
  const maxRendering = Math.ceil(slots / 2);
  const waiting = [...items];
  const rendered: T[] = [];
  let running = 0;
  let rendering = 0;
  let failure: { error: unknown } | undefined;
  return new Promise((resolve, reject) => {
    const start = (stage: Promise<void>, after: () => void) => {
      running++;
      void stage
        .catch((error: unknown) => {
          failure ??= { error };
        })
        .then(() => {
          running--;
          after();
          pump();
        });
    };
    const pump = () => {
      if (failure) {
        if (running === 0) reject(failure.error);
        return;
      }
      while (running < slots) {
        const ready = rendered.shift();
        if (ready !== undefined) {
          start(index(ready), () => {});
          continue;
        }
        const next = rendering < maxRendering ? waiting.shift() : undefined;
        if (next === undefined) break;
        rendering++;
        start(render(next), () => {
          rendering--;
          rendered.push(next);
        });
      }
      if (running === 0) resolve();
    };
    pump();
  });
}
