import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { autoShardCount, countRegions, inShard, parseShardSpec, planShards, runInStages, type RegionCount } from './shards.ts';

const regions = (...counts: number[]): RegionCount[] => counts.map((disclosures, i) => ({ region: `99${String(i + 1).padStart(2, '0')}01`, disclosures }));

describe('planning shards', () => {
  it('cuts regions into contiguous shards of about equal disclosure counts', () => {
    const plan = planShards(regions(100, 100, 100, 100, 100, 100), 3);
    expect(plan.map((s) => s.disclosures)).toEqual([200, 200, 200]);
    expect(plan.map((s) => s.id)).toEqual(['1-of-3', '2-of-3', '3-of-3']);
    expect(plan.flatMap((s) => s.regions)).toEqual(regions(100, 100, 100, 100, 100, 100).map((r) => r.region));
  });

  it('puts every region in exactly one shard whatever the sizes', () => {
    const all = regions(5, 80, 1, 1, 40, 3, 200, 7);
    for (let n = 1; n <= 10; n++) {
      const plan = planShards(all, n);
      expect(plan).toHaveLength(n);
      expect(plan.flatMap((s) => s.regions)).toEqual(all.map((r) => r.region));
    }
  });

  it('gives each shard a region while there are regions enough', () => {
    const plan = planShards(regions(1, 1, 1, 1, 1), 3);
    expect(plan.every((s) => s.regions.length > 0)).toBe(true);
  });

  it('leaves shards beyond the number of regions empty', () => {
    expect(planShards(regions(3, 4), 3).map((s) => s.regions.length)).toEqual([1, 1, 0]);
  });

  it('makes one shard per 200 disclosures by default, never more than there are regions', () => {
    expect(autoShardCount(regions(5, 5))).toBe(1);
    expect(autoShardCount(regions(100, 100, 100, 100, 100, 100, 100, 100, 100, 100))).toBe(5);
    expect(autoShardCount(regions(1000))).toBe(1);
  });

  it('reads k/n as a CI matrix passes it and refuses anything else', () => {
    expect(parseShardSpec('2/4')).toEqual({ index: 2, count: 4 });
    expect(() => parseShardSpec('5/4')).toThrow(/k\/n/);
    expect(() => parseShardSpec('0/4')).toThrow(/k\/n/);
    expect(() => parseShardSpec('2')).toThrow(/k\/n/);
  });

  it('keeps catalogues in every shard and disclosures in their region’s', () => {
    const shard = { regions: ['990101'] };
    expect(inShard(shard, 'catalogues/2024/functional.yaml')).toBe(true);
    expect(inShard(shard, 'disclosures/990101/101/2024/ledger.yaml')).toBe(true);
    expect(inShard(shard, 'disclosures/990201/101/2024/ledger.yaml')).toBe(false);
  });

  it('counts disclosures per region folder from the folder names alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-shards-'));
    try {
      for (const path of ['990101/101/2024', '990101/101/2025', '990201/101/2024']) {
        mkdirSync(join(dir, 'disclosures', path), { recursive: true });
        writeFileSync(join(dir, 'disclosures', path, 'disclosure.yaml'), 'not parsed');
      }
      mkdirSync(join(dir, 'disclosures', '990301'));
      expect(countRegions(dir)).toEqual([
        { region: '990101', disclosures: 2 },
        { region: '990201', disclosures: 1 },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('running shards in two stages', () => {
  /** Stages that take `ms` and record what runs at once. */
  const recorder = () => {
    const running = new Set<string>();
    const log: string[] = [];
    let peak = 0;
    let peakRendering = 0;
    const stage = (kind: 'render' | 'index', ms: number, fail?: string) => async (item: string) => {
      running.add(`${kind} ${item}`);
      peak = Math.max(peak, running.size);
      peakRendering = Math.max(peakRendering, [...running].filter((r) => r.startsWith('render')).length);
      log.push(`start ${kind} ${item}`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running.delete(`${kind} ${item}`);
      log.push(`end ${kind} ${item}`);
      if (fail === `${kind} ${item}`) throw new Error(`${kind} ${item} failed`);
    };
    return { stage, log, peaks: () => ({ peak, peakRendering }) };
  };

  it('runs one stage at a time with one job, each shard rendered then indexed', async () => {
    const r = recorder();
    await runInStages(['a', 'b'], 1, r.stage('render', 5), r.stage('index', 5));
    expect(r.log).toEqual(['start render a', 'end render a', 'start index a', 'end index a', 'start render b', 'end render b', 'start index b', 'end index b']);
  });

  it('indexes a shard while the next one renders with two jobs, never two renders at once', async () => {
    const r = recorder();
    await runInStages(['a', 'b', 'c'], 2, r.stage('render', 10), r.stage('index', 10));
    expect(r.peaks()).toEqual({ peak: 2, peakRendering: 1 });
    expect(r.log.indexOf('start index a')).toBeLessThan(r.log.indexOf('end render b'));
    for (const item of ['a', 'b', 'c']) expect(r.log.indexOf(`end render ${item}`)).toBeLessThan(r.log.indexOf(`start index ${item}`));
  });

  it('starts nothing after a failure, lets the running stage finish and throws the failure', async () => {
    const r = recorder();
    await expect(runInStages(['a', 'b', 'c'], 2, r.stage('render', 5, 'render b'), r.stage('index', 20))).rejects.toThrow('render b failed');
    expect(r.log).toContain('end index a');
    expect(r.log.some((line) => line.includes(' c'))).toBe(false);
    expect(r.log).not.toContain('start index b');
  });
});
