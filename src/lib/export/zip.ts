/**
 * A deterministic zip writer for the workbooks (an XLSX file is a zip of XML parts): entries in
 * the order given, each deflated (`node:zlib` raw deflate) or stored when deflating would not
 * make it smaller, every entry dated with one fixed date, no extra fields, no data descriptors.
 * The same entries and date give the same bytes. Single disk, no zip64: a part or archive of
 * 4 GiB or more, or more than 65,535 entries, is refused.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** Path inside the archive, `/`-separated, no leading slash. */
  readonly name: string;
  /** The content; a string is written as UTF-8. */
  readonly data: string | Uint8Array;
}

export interface ZipOptions {
  /** The modification date of every entry, read in UTC (zip keeps local time with 2-second steps and no zone). */
  readonly date: Date;
  /** Deflate level, 0 (store everything) to 9; default 6. */
  readonly level?: number;
}

const LOCAL_FILE_HEADER = 0x04034b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const STORED = 0;
const DEFLATED = 8;
/** General purpose flag bit 11: the name is UTF-8. */
const UTF8_NAME = 0x0800;
/** Version needed to extract: 2.0 (deflate). */
const VERSION = 20;
const MAX_32 = 0xffffffff;

/** A date as MS-DOS time and date fields (UTC components; years before 1980 become 1980). */
export function dosDateTime(date: Date): { readonly time: number; readonly date: number } {
  const year = Math.max(1980, date.getUTCFullYear());
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

const encoder = new TextEncoder();

interface Packed {
  readonly body: Uint8Array;
  readonly method: number;
  readonly crc: number;
  readonly size: number;
}

/**
 * Small text parts packed before, by level and content. Workbooks repeat most of their parts
 * ([Content_Types].xml, relationships, styles, the properties of a year) file after file, and
 * deflating a few hundred bytes costs mostly the set-up of the compressor. Deflate is
 * deterministic, so a part taken from here is the same bytes as a part packed again.
 */
const packedCache = new Map<string, Packed>();
const CACHE_ENTRIES = 512;
const CACHE_MAX_TEXT = 4096;

function pack(data: string | Uint8Array, level: number): Packed {
  const cacheable = typeof data === 'string' && data.length <= CACHE_MAX_TEXT;
  const key = cacheable ? `${level}\u0000${data}` : '';
  const known = cacheable ? packedCache.get(key) : undefined;
  if (known !== undefined) return known;
  const raw = typeof data === 'string' ? encoder.encode(data) : data;
  if (raw.length > MAX_32) throw new Error('zip: an entry is too large for a zip without zip64');
  const deflated = level > 0 && raw.length > 0 ? deflateRawSync(raw, { level }) : null;
  const store = deflated === null || deflated.length >= raw.length;
  const packed: Packed = { body: store ? raw : deflated, method: store ? STORED : DEFLATED, crc: crc32(raw), size: raw.length };
  if (cacheable) {
    if (packedCache.size >= CACHE_ENTRIES) packedCache.clear();
    packedCache.set(key, packed);
  }
  return packed;
}

/** An entry as it is written: its name's bytes, its date and its packed data. */
interface Part extends Packed {
  readonly name: Uint8Array;
  readonly stamp: { readonly time: number; readonly date: number };
}

/**
 * The fields a local header and the central directory both hold, in the same order (version
 * needed, flags, method, time, date, CRC, sizes, name length), from `at`.
 */
function entryFields(view: DataView, at: number, p: Part): void {
  view.setUint16(at, VERSION, true);
  view.setUint16(at + 2, UTF8_NAME, true);
  view.setUint16(at + 4, p.method, true);
  view.setUint16(at + 6, p.stamp.time, true);
  view.setUint16(at + 8, p.stamp.date, true);
  view.setUint32(at + 10, p.crc, true);
  view.setUint32(at + 14, p.body.length, true);
  view.setUint32(at + 18, p.size, true);
  view.setUint16(at + 22, p.name.length, true);
}

/** The entries as one zip archive. */
export function zip(entries: readonly ZipEntry[], options: ZipOptions): Uint8Array<ArrayBuffer> {
  if (entries.length > 0xffff) throw new Error(`zip: ${entries.length} entries is more than a zip without zip64 holds`);
  const level = options.level ?? 6;
  const stamp = dosDateTime(options.date);
  const parts = entries.map((entry): Part => ({ name: encoder.encode(entry.name), stamp, ...pack(entry.data, level) }));

  const localSize = parts.reduce((sum, p) => sum + 30 + p.name.length + p.body.length, 0);
  const centralSize = parts.reduce((sum, p) => sum + 46 + p.name.length, 0);
  const total = localSize + centralSize + 22;
  if (localSize + centralSize > MAX_32) throw new Error('zip: the archive is too large for a zip without zip64');
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);

  const offsets: number[] = [];
  let at = 0;
  for (const p of parts) {
    offsets.push(at);
    view.setUint32(at, LOCAL_FILE_HEADER, true);
    entryFields(view, at + 4, p);
    view.setUint16(at + 28, 0, true);
    out.set(p.name, at + 30);
    out.set(p.body, at + 30 + p.name.length);
    at += 30 + p.name.length + p.body.length;
  }

  const centralStart = at;
  parts.forEach((p, i) => {
    view.setUint32(at, CENTRAL_FILE_HEADER, true);
    view.setUint16(at + 4, VERSION, true); // made by: MS-DOS, 2.0
    entryFields(view, at + 6, p);
    // extra length, comment length, disk number, internal and external attributes: all 0
    view.setUint32(at + 42, offsets[i] ?? 0, true);
    out.set(p.name, at + 46);
    at += 46 + p.name.length;
  });

  view.setUint32(at, END_OF_CENTRAL_DIRECTORY, true);
  view.setUint16(at + 8, parts.length, true);
  view.setUint16(at + 10, parts.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  return out;
}
