import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildBundle } from './offline-bundle.ts';
import { tarArchive } from './tar.ts';

const folders: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bundle-'));
  folders.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const write = (root: string, path: string, text: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};

/** A small site as a build leaves it. */
function fakeSite(): string {
  const site = tempDir();
  write(site, 'index.html', '<!doctype html><title>部门预算公开</title>');
  write(site, '404.html', '<!doctype html><title>页面不存在</title>');
  write(site, '430202/001/2024/tables/01.csv', '项目,金额\n收入,1.00\n');
  write(site, `pagefind/fragment/${'x'.repeat(90)}.pf_fragment`, 'gzip bytes');
  return site;
}

const run = (command: string, args: string[], cwd: string) => spawnSync(command, args, { cwd, encoding: 'utf8' });

describe('tarArchive', () => {
  it('writes an archive GNU tar lists and extracts byte for byte, long and very long Chinese paths included', () => {
    const dir = tempDir();
    const long = `a/${'b'.repeat(90)}/${'c'.repeat(90)}.txt`;
    const longer = `a/${'项目'.repeat(40)}/${'名'.repeat(60)}.html`;
    const archive = tarArchive([
      { path: 'a/' },
      { path: 'a/x.txt', bytes: new TextEncoder().encode('预算\n') },
      { path: long, bytes: new Uint8Array(513).fill(65) },
      { path: 'a/empty', bytes: new Uint8Array() },
      { path: longer, bytes: new TextEncoder().encode('pax') },
    ]);
    writeFileSync(join(dir, 'a.tar'), archive);
    const listed = run('tar', ['-tf', 'a.tar'], dir);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout.trim().split('\n')).toEqual(['a/', 'a/x.txt', long, 'a/empty', longer]);
    expect(run('tar', ['-xf', 'a.tar'], dir).status).toBe(0);
    expect(readFileSync(join(dir, 'a/x.txt'), 'utf8')).toBe('预算\n');
    expect(readFileSync(join(dir, long)).length).toBe(513);
    expect(readFileSync(join(dir, longer), 'utf8')).toBe('pax');
  });

  it('refuses paths that would escape the folder it is extracted into', () => {
    expect(() => tarArchive([{ path: '../etc/passwd', bytes: new Uint8Array(1) }])).toThrow(/not allowed/);
    expect(() => tarArchive([{ path: '/etc/passwd', bytes: new Uint8Array(1) }])).toThrow(/not allowed/);
  });
});

describe('the offline bundle', () => {
  it('extracts to the site under its sub-path, the nginx template and a manifest that sha256sum -c accepts', () => {
    const bundle = buildBundle({ siteDir: fakeSite(), base: '/yjsgk/', stamp: 'abc123', nginxTemplate: 'server { }\n' });
    const dir = tempDir();
    writeFileSync(join(dir, bundle.fileName), bundle.bytes);
    writeFileSync(join(dir, `${bundle.fileName}.sha256`), bundle.checksum);
    expect(run('sha256sum', ['-c', `${bundle.fileName}.sha256`], dir).status).toBe(0);
    expect(run('tar', ['-xzf', bundle.fileName], dir).status).toBe(0);
    const folder = join(dir, 'gongkai-site-abc123');
    const check = run('sha256sum', ['-c', 'SHA256SUMS'], folder);
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toContain('www/yjsgk/index.html: OK');
    expect(check.stdout).toContain('nginx/gongkai.conf: OK');
    expect(readFileSync(join(folder, 'www/yjsgk/404.html'), 'utf8')).toContain('页面不存在');
    expect(readFileSync(join(folder, '说明.txt'), 'utf8')).toContain('sha256sum -c SHA256SUMS');
    expect(bundle.files).toBe(7);
  });

  it('is the same bytes for the same site, so an unchanged site need not be shipped again', () => {
    const site = fakeSite();
    const options = { siteDir: site, base: '/yjsgk/', stamp: 'abc123', nginxTemplate: 'server { }\n' };
    expect(Buffer.from(buildBundle(options).bytes).equals(Buffer.from(buildBundle(options).bytes))).toBe(true);
  });

  it('detects a file changed after packing', () => {
    const bundle = buildBundle({ siteDir: fakeSite(), base: '/', stamp: 's', nginxTemplate: '' });
    const dir = tempDir();
    writeFileSync(join(dir, bundle.fileName), bundle.bytes);
    run('tar', ['-xzf', bundle.fileName], dir);
    writeFileSync(join(dir, 'gongkai-site-s/www/index.html'), 'tampered');
    const check = run('sha256sum', ['-c', 'SHA256SUMS'], join(dir, 'gongkai-site-s'));
    expect(check.status).not.toBe(0);
    expect(check.stdout).toContain('www/index.html: FAILED');
  });
});
