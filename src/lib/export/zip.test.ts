import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { dosDateTime, zip } from './zip.ts';

const DATE = new Date('2024-01-01T00:00:00Z');
const repeated = '<row r="1"><c r="A1" t="inlineStr"><is><t>合计</t></is></c></row>'.repeat(200);
const entries = [
  { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types/>' },
  { name: 'xl/worksheets/sheet1.xml', data: repeated },
  { name: 'bin/random.bin', data: Uint8Array.from({ length: 64 }, (_, i) => (i * 7919) % 251) },
  { name: 'empty.txt', data: '' },
];

interface RawEntry {
  readonly name: string;
  readonly method: number;
  readonly crc: number;
  readonly time: number;
  readonly date: number;
  readonly data: Uint8Array;
}

/** Reads an archive through its central directory, checking each local header against it. */
function readZip(bytes: Uint8Array): RawEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  expect(at + view.getUint32(end + 12, true)).toBe(end);
  const out: RawEntry[] = [];
  for (let n = 0; n < count; n++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const local = view.getUint32(at + 42, true);
    const size = view.getUint32(at + 20, true);
    expect(view.getUint32(local, true)).toBe(0x04034b50);
    // method, time, date (16 bits); CRC, compressed and uncompressed size (32 bits): the same in both headers
    for (const [central, localField] of [
      [10, 8],
      [12, 10],
      [14, 12],
    ] as const)
      expect(view.getUint16(local + localField, true), `${name} local field ${localField}`).toBe(view.getUint16(at + central, true));
    for (const [central, localField] of [
      [16, 14],
      [20, 18],
      [24, 22],
    ] as const)
      expect(view.getUint32(local + localField, true), `${name} local field ${localField}`).toBe(view.getUint32(at + central, true));
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    out.push({
      name,
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
      data: bytes.subarray(start, start + size),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

describe('zip', () => {
  const bytes = zip(entries, { date: DATE });

  it('writes the entries in the order given, each with the CRC of its content, and inflates back to it', () => {
    const read = readZip(bytes);
    expect(read.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    read.forEach((entry, i) => {
      const given = entries[i]?.data ?? '';
      const raw = typeof given === 'string' ? new TextEncoder().encode(given) : given;
      const content = entry.method === 8 ? inflateRawSync(entry.data) : entry.data;
      expect(Buffer.from(content).equals(Buffer.from(raw)), entry.name).toBe(true);
      expect(entry.crc, entry.name).toBe(crc32(raw));
    });
  });

  it('deflates what deflating makes smaller and stores the rest', () => {
    const methods = Object.fromEntries(readZip(bytes).map((e) => [e.name, e.method]));
    expect(methods).toEqual({ '[Content_Types].xml': 0, 'xl/worksheets/sheet1.xml': 8, 'bin/random.bin': 0, 'empty.txt': 0 });
    expect(readZip(zip(entries, { date: DATE, level: 0 })).every((e) => e.method === 0)).toBe(true);
  });

  it('dates every entry with the date given, in MS-DOS fields read as UTC', () => {
    const stamp = dosDateTime(new Date('2031-07-08T09:10:13Z'));
    expect(stamp).toEqual({ time: (9 << 11) | (10 << 5) | 6, date: (51 << 9) | (7 << 5) | 8 });
    for (const entry of readZip(zip(entries, { date: new Date('2031-07-08T09:10:13Z') }))) {
      expect(entry.time, entry.name).toBe(stamp.time);
      expect(entry.date, entry.name).toBe(stamp.date);
    }
  });

  it('is byte-identical for the same entries and date, and differs when the date differs', () => {
    expect(Buffer.from(zip(entries, { date: DATE })).equals(Buffer.from(bytes))).toBe(true);
    expect(Buffer.from(zip(entries, { date: new Date('2025-01-01T00:00:00Z') })).equals(Buffer.from(bytes))).toBe(false);
  });

  it('gives the same bytes for a text part packed before (taken from the cache) as for the same part packed afresh', () => {
    const asBytes = entries.map((e) => ({ name: e.name, data: typeof e.data === 'string' ? new TextEncoder().encode(e.data) : e.data }));
    for (const level of [1, 6]) {
      const first = zip(entries, { date: DATE, level });
      expect(Buffer.from(zip(entries, { date: DATE, level })).equals(Buffer.from(first))).toBe(true);
      expect(Buffer.from(zip(asBytes, { date: DATE, level })).equals(Buffer.from(first)), `level ${level}`).toBe(true);
    }
    expect(Buffer.from(zip(entries, { date: DATE, level: 1 })).equals(Buffer.from(zip(entries, { date: DATE, level: 6 })))).toBe(false);
  });

  it('is read back by another zip reader (JSZip) with its names, contents and dates', async () => {
    const archive = await JSZip.loadAsync(bytes);
    expect(Object.keys(archive.files)).toEqual(entries.map((e) => e.name));
    expect(await archive.file('xl/worksheets/sheet1.xml')?.async('string')).toBe(repeated);
    expect([...((await archive.file('bin/random.bin')?.async('uint8array')) ?? [])]).toEqual([...(entries[2]?.data as Uint8Array)]);
    expect(await archive.file('empty.txt')?.async('string')).toBe('');
    expect(archive.file('[Content_Types].xml')?.date.toISOString()).toBe(DATE.toISOString());
  });

  it.skipIf(!existsSync('/usr/bin/unzip'))('passes Info-ZIP’s integrity test (unzip -t)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-zip-'));
    try {
      writeFileSync(join(dir, 'a.zip'), bytes);
      expect(execFileSync('/usr/bin/unzip', ['-t', join(dir, 'a.zip')], { encoding: 'utf8' })).toContain('No errors detected');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
