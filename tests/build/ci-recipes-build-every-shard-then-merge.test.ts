/**
 * The CI recipes (ci-recipes/) run the same commands as a local sharded build: one job per shard
 * with `--shard k/n`, every k from 1 to n, then one job with `--merge`. Read as YAML, so a recipe
 * that no longer parses or that skips a shard fails here.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { parseShardSpec } from '../../scripts/lib/shards.ts';

const dir = resolve(import.meta.dirname, '../../ci-recipes');
// A CI recipe is someone else's YAML schema: the test walks it loosely, as any reader of it would.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const read = (name: string) => parseAllDocuments(readFileSync(join(dir, name), 'utf8')).map((doc) => doc.toJS() as Record<string, any>);

describe('CI recipes', () => {
  it('GitHub Actions: a matrix job per shard, each building k/SHARDS, then the merge', () => {
    const [workflow] = read('github-actions.yml');
    const count = Number(workflow?.['env']?.['SHARDS']);
    const shardJob = workflow?.['jobs']?.['shard'];
    expect(shardJob?.strategy?.matrix?.shard).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    const run = (shardJob?.steps as { run?: string }[]).map((s) => s.run ?? '').find((r) => r.includes('--shard')) ?? '';
    for (const k of shardJob.strategy.matrix.shard as number[]) {
      const command = run.replaceAll('${{ matrix.shard }}', String(k)).replaceAll('${{ env.SHARDS }}', String(count));
      expect(parseShardSpec(/--shard (\S+)/.exec(command)?.[1] ?? '')).toEqual({ index: k, count });
    }
    expect(workflow?.['jobs']?.['portal']?.needs).toBe('shard');
    expect(JSON.stringify(workflow?.['jobs']?.['portal']?.steps)).toContain('npm run build -- --merge');
  });

  it('GitLab CI: parallel:matrix over every shard index, then the merge', () => {
    const [pipeline] = read('gitlab-ci.yml');
    const count = Number(pipeline?.['shard']?.variables?.SHARD_COUNT);
    const indexes = (pipeline?.['shard']?.parallel?.matrix?.[0]?.SHARD_INDEX as string[]).map(Number);
    expect(indexes).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    const script = (pipeline?.['shard']?.script as string[]).join('\n');
    for (const k of indexes)
      expect(parseShardSpec(/--shard (\S+)/.exec(script.replaceAll('$SHARD_INDEX', String(k)).replaceAll('$SHARD_COUNT', String(count)))?.[1] ?? '')).toEqual({
        index: k,
        count,
      });
    expect(pipeline?.['portal']?.needs).toEqual(['shard']);
    expect((pipeline?.['portal']?.script as string[]).join('\n')).toContain('npm run build -- --merge');
  });

  it('Kubernetes: an Indexed Job whose completions are the shard count, then a merge Job', () => {
    const [shards, portal] = read('kubernetes-indexed-job.yaml');
    expect(shards?.['spec']?.completionMode).toBe('Indexed');
    const count = Number(shards?.['spec']?.completions);
    const command = (shards?.['spec']?.template?.spec?.containers?.[0]?.command as string[]).join(' ');
    for (let index = 0; index < count; index++) {
      const expanded = command.replaceAll('$((JOB_COMPLETION_INDEX + 1))', String(index + 1));
      expect(parseShardSpec(/--shard (\S+)/.exec(expanded)?.[1] ?? '')).toEqual({ index: index + 1, count });
    }
    expect((portal?.['spec']?.template?.spec?.containers?.[0]?.command as string[]).join(' ')).toContain('npm run build -- --merge');
  });
});
