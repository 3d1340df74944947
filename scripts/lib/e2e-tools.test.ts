import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findE2eTools } from './e2e-tools.ts';

describe('findE2eTools', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const executable = (path: string) => writeFileSync(path, '#!/bin/sh\n', { mode: 0o755 });

  it('says to apt-get install chromium and nginx, naming both, when neither is installed', () => {
    dir = mkdtempSync(join(tmpdir(), 'tools-'));
    const find = () => findE2eTools({ PATH: dir }, { chromium: join(dir, 'chromium'), nginxFolders: [] });
    expect(find).toThrow(/Chromium \(.*chromium\) and nginx/);
    expect(find).toThrow(/apt-get install chromium nginx/);
  });

  it('names only the missing one, and finds nginx on PATH as well as in the sbin folders', () => {
    dir = mkdtempSync(join(tmpdir(), 'tools-'));
    mkdirSync(join(dir, 'bin'));
    executable(join(dir, 'bin', 'nginx'));
    expect(() => findE2eTools({ PATH: join(dir, 'bin') }, { chromium: join(dir, 'chromium'), nginxFolders: [] })).toThrow(/need Chromium \([^)]*\), from/);
    executable(join(dir, 'chromium'));
    expect(findE2eTools({ PATH: join(dir, 'bin') }, { chromium: join(dir, 'chromium'), nginxFolders: [] })).toEqual({
      chromium: join(dir, 'chromium'),
      nginx: join(dir, 'bin', 'nginx'),
    });
    expect(() => findE2eTools({ PATH: '' }, { chromium: join(dir, 'chromium'), nginxFolders: [] })).toThrow(/need nginx, from/);
  });
});
