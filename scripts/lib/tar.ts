/**
 * A minimal POSIX ustar writer (with PAX headers for paths ustar cannot hold) for the offline bundle. Node has gzip but no tar, and the bundle
 * must be the same bytes for the same site (like every build output), so entries are written in
 * the order given with a fixed owner, mode and modification time, and nothing is read from the
 * file system here.
 */

export interface TarEntry {
  /** Path inside the archive, `/`-separated; a folder ends with `/`. */
  readonly path: string;
  /** File contents; absent for a folder. */
  readonly bytes?: Uint8Array;
}

const BLOCK = 512;
const encoder = new TextEncoder();

/** `value` as a zero-padded octal number of `width - 1` digits and a NUL, as ustar stores numbers. */
function octal(value: number, width: number): string {
  const digits = value.toString(8);
  if (digits.length > width - 1) throw new Error(`tar: ${value} does not fit in a ${width}-byte field`);
  return `${digits.padStart(width - 1, '0')}\0`;
}

/**
 * ustar splits a long path into a prefix (up to 155 bytes) and a name (up to 100), at a slash;
 * undefined when it cannot (then a PAX header carries the path).
 */
function splitPath(path: string): { prefix: string; name: string } | undefined {
  if (encoder.encode(path).length <= 100) return { prefix: '', name: path };
  const trailing = path.endsWith('/') ? 1 : 0;
  for (let at = path.lastIndexOf('/', path.length - 1 - trailing); at > 0; at = path.lastIndexOf('/', at - 1)) {
    const prefix = path.slice(0, at);
    const name = path.slice(at + 1);
    if (encoder.encode(prefix).length <= 155 && encoder.encode(name).length <= 100 && name !== '') return { prefix, name };
  }
  return undefined;
}

type EntryType = 'file' | 'folder' | 'pax';

function header(name: string, prefix: string, type: EntryType, size: number, mtime: number): Uint8Array {
  const block = new Uint8Array(BLOCK);
  const put = (offset: number, text: string) => block.set(encoder.encode(text), offset);
  put(0, name);
  put(100, octal(type === 'folder' ? 0o755 : 0o644, 8));
  put(108, octal(0, 8));
  put(116, octal(0, 8));
  put(124, octal(size, 12));
  put(136, octal(mtime, 12));
  put(148, '        ');
  put(156, type === 'folder' ? '5' : type === 'pax' ? 'x' : '0');
  put(257, 'ustar\0');
  put(263, '00');
  put(265, 'root');
  put(297, 'root');
  put(345, prefix);
  const sum = block.reduce((total, byte) => total + byte, 0);
  put(148, `${sum.toString(8).padStart(6, '0')}\0 `);
  return block;
}

/** A PAX record `<length> path=<value>\n`, whose length counts itself. */
function paxPathRecord(path: string): Uint8Array {
  const body = ` path=${path}\n`;
  const bodyLength = encoder.encode(body).length;
  let length = bodyLength + 1;
  while (String(length).length + bodyLength !== length) length = String(length).length + bodyLength;
  return encoder.encode(`${length}${body}`);
}

const padded = (bytes: Uint8Array): Uint8Array[] => {
  const padding = (BLOCK - (bytes.length % BLOCK)) % BLOCK;
  return bytes.length === 0 ? [] : padding > 0 ? [bytes, new Uint8Array(padding)] : [bytes];
};

function entryBlocks(entry: TarEntry, mtime: number): Uint8Array[] {
  const type: EntryType = entry.path.endsWith('/') ? 'folder' : 'file';
  const bytes = type === 'folder' ? new Uint8Array() : (entry.bytes ?? new Uint8Array());
  const split = splitPath(entry.path);
  if (split) return [header(split.name, split.prefix, type, bytes.length, mtime), ...padded(bytes)];
  // Too long for ustar: a PAX extended header names the path, the ustar header a shortened one.
  const record = paxPathRecord(entry.path);
  const short = entry.path.slice(-90).replace(/^[^/]*\//, '');
  return [header('PaxHeader', '', 'pax', record.length, mtime), ...padded(record), header(short, '', type, bytes.length, mtime), ...padded(bytes)];
}

/** The archive (uncompressed): each entry's header and its contents padded to 512 bytes, then two empty blocks. */
export function tarArchive(entries: readonly TarEntry[], mtime = 0): Uint8Array {
  const parts: Uint8Array[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (entry.path === '' || entry.path.startsWith('/') || entry.path.split('/').includes('..'))
      throw new Error(`tar: path not allowed: ${JSON.stringify(entry.path)}`);
    if (seen.has(entry.path)) throw new Error(`tar: ${entry.path} listed twice`);
    seen.add(entry.path);
    parts.push(...entryBlocks(entry, mtime));
  }
  parts.push(new Uint8Array(BLOCK * 2));
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
