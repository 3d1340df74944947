/**
 * Publishing a site never leaves a half site: a dist/ that links to a web root stays a link and
 * the web root gets the new site; a swap killed between its two renames is finished by the next
 * build; folders killed builds left are removed; failures say what happened.
 */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanStaleStaging, isDiskFull, publish, publishTarget, recoverTarget } from '../../scripts/lib/publish.ts';
import { indexSiteInChild } from '../../scripts/lib/search-index.ts';

/** A process id that is not running: above Linux's pid_max default of 4194304. */
const DEAD_PID = 4_194_305;

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'gongkai-publish-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function site(dir: string, text: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), text);
  return dir;
}

describe('publishing a finished site', () => {
  it('replaces the previous site and removes everything it moved aside', () => {
    const dist = site(join(work, 'dist'), 'old');
    publish(site(join(work, 'staging'), 'new'), dist);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('new');
    expect(existsSync(join(work, 'staging'))).toBe(false);
    expect(recoverTarget(dist)).toEqual([]);
  });

  it('publishes into the web root a dist symlink points to, and dist stays that link', () => {
    const webRoot = site(join(work, 'www', 'html'), 'old');
    const dist = join(work, 'dist');
    symlinkSync(webRoot, dist);
    publish(site(join(work, 'staging'), 'new'), dist);
    expect(lstatSync(dist).isSymbolicLink()).toBe(true);
    expect(readlinkSync(dist)).toBe(webRoot);
    expect(readFileSync(join(webRoot, 'index.html'), 'utf8')).toBe('new');
    expect(publishTarget(dist)).toBe(webRoot);
  });

  it('finishes a swap that a killed build left between its two renames', () => {
    const dist = join(work, 'dist');
    const incoming = site(join(work, 'staging'), 'new');
    const previous = site(join(work, `.dist.gongkai-previous-${DEAD_PID}`), 'old');
    writeFileSync(join(work, '.dist.gongkai-swap.json'), JSON.stringify({ pid: DEAD_PID, target: dist, incoming, previous }));
    const done = recoverTarget(dist);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('new');
    expect(done.join('\n')).toMatch(/finished the interrupted publication/);
    expect(existsSync(previous)).toBe(false);
    expect(existsSync(join(work, '.dist.gongkai-swap.json'))).toBe(false);
  });

  it('puts the previous site back when a killed swap lost the new one', () => {
    const dist = join(work, 'dist');
    const previous = site(join(work, `.dist.gongkai-previous-${DEAD_PID}`), 'old');
    writeFileSync(join(work, '.dist.gongkai-swap.json'), JSON.stringify({ pid: DEAD_PID, target: dist, incoming: join(work, 'gone'), previous }));
    recoverTarget(dist);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('old');
  });

  it('refuses to publish while another running build is publishing the same site', () => {
    const dist = site(join(work, 'dist'), 'old');
    // The parent of this test process is alive for as long as the test runs.
    writeFileSync(join(work, '.dist.gongkai-swap.json'), JSON.stringify({ pid: process.ppid, target: dist, incoming: '', previous: '' }));
    expect(() => publish(site(join(work, 'staging'), 'new'), dist)).toThrow(/another build/);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('old');
  });
});

describe('cleaning up after killed builds', () => {
  it('removes staging folders of builds that are no longer running, keeps those of running ones and anything not a build’s', () => {
    const stale = site(join(work, `site-${DEAD_PID}`), 'half');
    const running = site(join(work, `site-${process.pid}`), 'in progress');
    const other = site(join(work, 'bench-1000'), 'not a build folder');
    expect(cleanStaleStaging(work)).toHaveLength(1);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(running)).toBe(true);
    expect(existsSync(other)).toBe(true);
  });

  it('removes the folders a killed swap left beside the site', () => {
    const dist = site(join(work, 'dist'), 'current');
    const left = site(join(work, `.dist.gongkai-incoming-${DEAD_PID}`), 'copy');
    recoverTarget(dist);
    expect(existsSync(left)).toBe(false);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('current');
  });
});

describe('saying what happened', () => {
  it('recognises a full disk by its error code, its message or the free space left', () => {
    const roomy = () => 10 * 1024 ** 3;
    expect(isDiskFull(Object.assign(new Error('write'), { code: 'ENOSPC' }), work, roomy)).toBe(true);
    expect(isDiskFull(new Error('Failed to write file: No space left on device (os error 28)'), work, roomy)).toBe(true);
    expect(isDiskFull(new Error('Pagefind backend closed'), work, () => 1024)).toBe(true);
    expect(isDiskFull(new Error('Pagefind backend closed'), work, roomy)).toBe(false);
  });

  it('reports an indexer that ends without answering, with its exit status', async () => {
    // Exit 13 is how Node ends when Pagefind's binary dies under it: nothing printed, no answer.
    const script = join(work, 'dies.mjs');
    writeFileSync(script, 'process.exit(13);\n');
    await expect(indexSiteInChild(work, script)).rejects.toThrow(/indexer exited with status 13 before the index was complete/);
  });

  it('passes on what a failing indexer printed', async () => {
    const script = join(work, 'fails.mjs');
    writeFileSync(script, "console.error('Failed to write file: No space left on device (os error 28)'); process.exit(1);\n");
    await expect(indexSiteInChild(work, script)).rejects.toThrow(/No space left on device/);
  });
});
