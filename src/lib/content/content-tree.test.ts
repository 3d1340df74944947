import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeContentBytes, firstInvalidUtf8, MAX_CONTENT_FILE_BYTES, scanContentDir } from './content-tree.ts';
import { loadContentDir } from './read-content-dir.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
function folder(): string {
  const root = mkdtempSync(join(tmpdir(), 'gongkai-tree-'));
  roots.push(root);
  mkdirSync(join(root, 'disclosures', '990001', '901', '2024'), { recursive: true });
  return root;
}
const codes = (root: string) => scanContentDir(root).findings.map((f) => [f.code, f.file.slice(f.file.lastIndexOf('/') + 1)]);

describe('reading a content folder', () => {
  it('refuses a symbolic link loop with a finding instead of crashing with ELOOP', () => {
    const root = folder();
    symlinkSync('loop-b', join(root, 'loop-a'));
    symlinkSync('loop-a', join(root, 'loop-b'));
    symlinkSync('.', join(root, 'disclosures', 'self'));
    expect(codes(root)).toEqual([
      ['file.brokenLink', 'self'],
      ['file.brokenLink', 'loop-a'],
      ['file.brokenLink', 'loop-b'],
    ]);
  });

  it('refuses links that leave the content folder, to files and to folders', () => {
    const root = folder();
    const outside = mkdtempSync(join(tmpdir(), 'gongkai-outside-'));
    roots.push(outside);
    writeFileSync(join(outside, 'secret.md'), 'SYNTHETIC secret');
    symlinkSync(join(outside, 'secret.md'), join(root, 'disclosures', '990001', '901', '2024', 'notes.md'));
    symlinkSync(outside, join(root, 'disclosures', 'elsewhere'));
    const tree = scanContentDir(root);
    expect(tree.findings.map((f) => f.code)).toEqual(['file.linkOutsideContent', 'file.linkOutsideContent']);
    expect(tree.files).toEqual([]);
  });

  it('follows a link that stays inside the folder', () => {
    const root = folder();
    writeFileSync(join(root, 'shared.md'), '# SYNTHETIC');
    symlinkSync(join(root, 'shared.md'), join(root, 'disclosures', '990001', '901', '2024', 'notes.md'));
    const tree = scanContentDir(root);
    expect(tree.findings).toEqual([]);
    expect(tree.files.map((f) => f.text)).toEqual(['# SYNTHETIC', '# SYNTHETIC']);
  });

  it('refuses a file past the size limit before parsing it, within a second', () => {
    const root = folder();
    const row = '  - {unit: "901001", func: "2010101", econ: "30101", source: appropriation, kind: basic, amount: 1.00}\n';
    writeFileSync(join(root, 'disclosures', '990001', '901', '2024', 'ledger.yaml'), 'amountUnit: 万元\nrows:\n' + row.repeat(Math.ceil((MAX_CONTENT_FILE_BYTES + 1) / row.length)));
    const started = Date.now();
    const result = loadContentDir(root);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(result.findings.map((f) => [f.code, f.line])).toEqual(expect.arrayContaining([['file.tooLarge', 1]]));
  });
});

describe('content files that are not UTF-8', () => {
  it('are reported at the line of the first byte that is not UTF-8, saying to save as UTF-8', () => {
    const gbk = Uint8Array.from([0x61, 0x0a, 0x62, 0x3a, 0x20, 0xc0, 0xfd, 0x0a]); // "a\nb: " then GBK 例
    expect(firstInvalidUtf8(gbk)).toBe(5);
    const decoded = decodeContentBytes(gbk, 'notes.md');
    expect('finding' in decoded && [decoded.finding.code, decoded.finding.line, decoded.finding.column]).toEqual(['file.notUtf8', 2, 4]);
    expect('finding' in decoded && decoded.finding.zh).toContain('另存为');
  });

  it('include UTF-16 with its byte-order mark; UTF-8 with one is read without it', () => {
    expect('finding' in decodeContentBytes(Uint8Array.from([0xff, 0xfe, 0x61, 0x00]), 'x.yaml')).toBe(true);
    expect(decodeContentBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]), 'x.yaml')).toEqual({ text: 'a' });
  });

  it('reject overlong forms and surrogates, accept every well-formed sequence', () => {
    expect(firstInvalidUtf8(Uint8Array.from([0xc0, 0xaf]))).toBe(0);
    expect(firstInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(new TextEncoder().encode('示例 😀 ａ'))).toBe(-1);
  });
});
