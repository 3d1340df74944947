/**
 * The content folder as a tree of files, read defensively: whatever a clerk (or a hostile
 * commit) puts there becomes a finding with a file and a line, never a crash or a silent gap.
 *
 * - symbolic links are followed only while they stay inside the content folder; one that leaves
 *   it, loops (`ELOOP`) or points nowhere is refused;
 * - a file larger than {@link MAX_CONTENT_FILE_BYTES} is refused before it is parsed (a 50 MB
 *   ledger would otherwise exhaust the heap minutes later);
 * - a file that is not UTF-8 (GBK, UTF-16 from an office program) is refused with "save as UTF-8"
 *   instead of being published as mojibake.
 *
 * Every regular file is listed in `paths`, content or not, so layout checks (content-layout.ts)
 * can see a misnamed `disclosure.yml` or `Performance.yaml`.
 */
import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { finding, type Finding } from '../findings.ts';
import type { ContentFile } from './load.ts';

/**
 * The largest content file accepted: 1 MiB, about 10,000 ledger rows of ~100 bytes. A county
 * department's ledger has a few hundred (seed 003: 40); a bureau with many units a few thousand.
 * The `yaml` parser needs ~2 s and ~0.3 GB per MiB on this machine (a 4 MiB ledger took 40 s to
 * check), so the limit keeps `npm run check` within seconds whatever is committed.
 */
export const MAX_CONTENT_FILE_BYTES = 1024 * 1024;

/** How deep folders may nest below the content folder (the layout needs 5: disclosures/region/department/year/file). */
export const MAX_FOLDER_DEPTH = 12;

const CONTENT_EXTENSIONS = /\.(ya?ml|md)$/i;

export interface ContentTree {
  /** The YAML and Markdown files that can be parsed, with their text, sorted. */
  readonly files: readonly ContentFile[];
  /** Every regular file below the folder (display paths), whatever its name or state. */
  readonly paths: readonly string[];
  /** Why a file or link was refused. */
  readonly findings: readonly Finding[];
}

/** A path as the user would type it: relative to the working directory when below it. */
export const displayPath = (full: string): string => {
  const rel = relative(process.cwd(), full);
  return (rel.startsWith('..') ? full : rel).split(sep).join('/');
};

const at = (file: string, line = 1, column = 1) => ({ file, line, column });

/**
 * Offset of the first byte that is not well-formed UTF-8, or -1. Written out rather than caught
 * from TextDecoder because the message must say which line holds the first bad byte.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    const b1 = bytes[i + 1] ?? 0;
    // Overlong forms, UTF-16 surrogates and code points above U+10FFFF are not UTF-8 either.
    if ((b === 0xe0 && b1 < 0xa0) || (b === 0xed && b1 > 0x9f) || (b === 0xf0 && b1 < 0x90) || (b === 0xf4 && b1 > 0x8f)) return i;
    i += length;
  }
  return -1;
}

/** The text of a content file, or a finding saying why it cannot be read as UTF-8. */
export function decodeContentBytes(bytes: Uint8Array, path: string): { text: string } | { finding: Finding } {
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  const bad = utf16 ? 0 : firstInvalidUtf8(bytes);
  if (bad >= 0) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < bad; i++) {
      if (bytes[i] !== 0x0a) continue;
      line++;
      lineStart = i + 1;
    }
    const encoding = utf16 ? 'UTF-16' : '可能是 GBK';
    return {
      finding: finding({
        code: 'file.notUtf8',
        severity: 'error',
        zh: `文件不是 UTF-8 编码（${encoding}），发布后会成为乱码：请在编辑器中“另存为”并选择 UTF-8 编码`,
        en: `the file is not UTF-8 (${utf16 ? 'UTF-16' : 'probably GBK'}) and would be published as mojibake: save it as UTF-8 in your editor`,
        at: at(path, line, bad - lineStart + 1),
        expected: 'UTF-8',
      }),
    };
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  return { text: text.startsWith('\uFEFF') ? text.slice(1) : text };
}

/** Reads at most `limit + 1` bytes, so an oversized file is recognised without reading it whole. */
function readBounded(path: string, limit: number): Uint8Array | 'tooLarge' {
  const fd = openSync(path, 'r');
  try {
    if (fstatSync(fd).size > limit) return 'tooLarge';
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Walks `dir`; never throws for anything below it (the folder itself must exist). */
export function scanContentDir(dir: string): ContentTree {
  const root = resolve(dir);
  const realRoot = realpathSync(root);
  const files: ContentFile[] = [];
  const paths: string[] = [];
  const findings: Finding[] = [];
  const visited = new Set<string>([realRoot]);
  const inside = (real: string) => real === realRoot || real.startsWith(realRoot + sep);

  const refuse = (full: string, code: string, zh: string, en: string) =>
    findings.push(finding({ code, severity: 'error', zh, en, at: at(displayPath(full)) }));

  const walk = (folder: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(folder).sort();
    } catch (error) {
      refuse(folder, 'file.unreadable', `无法读取文件夹（${(error as NodeJS.ErrnoException).code ?? 'error'}）`, `the folder cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const full = join(folder, name);
      let isDirectory: boolean;
      try {
        const link = lstatSync(full);
        if (link.isSymbolicLink()) {
          let real: string;
          try {
            real = realpathSync(full);
          } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            refuse(
              full,
              'file.brokenLink',
              code === 'ELOOP' ? '符号链接形成循环，无法读取：请删除该链接' : '符号链接指向不存在的文件：请删除该链接或改为实际文件',
              code === 'ELOOP' ? 'the symbolic link loops and cannot be read: remove it' : 'the symbolic link points nowhere: remove it or replace it by the file',
            );
            continue;
          }
          if (!inside(real)) {
            refuse(
              full,
              'file.linkOutsideContent',
              '符号链接指向内容目录之外，不予读取：请把文件复制到内容目录中',
              'the symbolic link leads outside the content folder and is refused: copy the file into the content folder',
            );
            continue;
          }
          isDirectory = statSync(real).isDirectory();
          if (isDirectory) {
            if (visited.has(real)) {
              refuse(full, 'file.brokenLink', '符号链接指向已读取过的文件夹（循环）：请删除该链接', 'the symbolic link leads to a folder already read (a loop): remove it');
              continue;
            }
            visited.add(real);
          }
        } else isDirectory = link.isDirectory();
        if (!isDirectory && !link.isSymbolicLink() && !link.isFile()) continue; // sockets, devices, FIFOs: not content
      } catch (error) {
        refuse(full, 'file.unreadable', `无法读取（${(error as NodeJS.ErrnoException).code ?? 'error'}）`, `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
        continue;
      }
      if (isDirectory) {
        if (depth >= MAX_FOLDER_DEPTH) {
          refuse(full, 'file.tooDeep', `文件夹层级超过 ${MAX_FOLDER_DEPTH} 层，不予读取`, `folders nest deeper than ${MAX_FOLDER_DEPTH} levels; not read`);
          continue;
        }
        walk(full, depth + 1);
        continue;
      }
      const path = displayPath(full);
      paths.push(path);
      if (!CONTENT_EXTENSIONS.test(name)) continue;
      let bytes: Uint8Array | 'tooLarge';
      try {
        bytes = readBounded(full, MAX_CONTENT_FILE_BYTES);
      } catch (error) {
        refuse(full, 'file.unreadable', `无法读取（${(error as NodeJS.ErrnoException).code ?? 'error'}）`, `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
        continue;
      }
      if (bytes === 'tooLarge') {
        findings.push(
          finding({
            code: 'file.tooLarge',
            severity: 'error',
            zh: `文件超过 ${MAX_CONTENT_FILE_BYTES / 1024 / 1024} MB 上限，不予读取：请检查是否误粘贴了重复内容，或把该部门的明细拆分到各单位的公开中`,
            en: `the file exceeds the ${MAX_CONTENT_FILE_BYTES / 1024 / 1024} MB limit and is not read: check for pasted duplicates, or split the ledger into unit disclosures`,
            at: at(path),
            expected: `≤ ${MAX_CONTENT_FILE_BYTES} bytes`,
          }),
        );
        continue;
      }
      const decoded = decodeContentBytes(bytes, path);
      if ('finding' in decoded) findings.push(decoded.finding);
      else files.push({ path, text: decoded.text });
    }
  };
  walk(root, 0);
  return { files, paths, findings };
}
