/**
 * Characters no published text may hold, in any YAML text field or in notes.md: they cannot be
 * typed with intent, and each breaks something downstream.
 *
 * - control characters (NUL …), U+FFFE/U+FFFF and other noncharacters, lone surrogates: a
 *   workbook with one of them does not open in Excel, a page shows boxes;
 * - bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder what a reader sees
 *   (`U+202E` makes `exe.txt` read `txt.exe`);
 * - private-use characters: gongkai's own markers for references and literal text use them, so
 *   content must not (validate once here, instead of trusting every renderer).
 *
 * Zero-width characters are a warning: invisible, they hide inside names and numbers.
 */
import type { ContentFile } from '../content/load.ts';
import type { DataPath, YamlSource } from '../content/yaml-source.ts';
import { finding, type Finding, type SourcePosition } from '../findings.ts';

const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uE000-\uF8FF\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const FORBIDDEN_ONE = new RegExp(FORBIDDEN.source);
const INVISIBLE = /[\u200B-\u200D\u2060\u00AD]|(?<!^)\uFEFF/g;

const hex = (char: string): string => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

function characterFinding(char: string, at: SourcePosition, forbidden: boolean): Finding {
  return forbidden
    ? finding({
        code: 'text.forbiddenCharacter',
        severity: 'error',
        zh: `文字中含有不可见的控制字符 ${hex(char)}（可能来自复制粘贴），会使 Excel 无法打开下载文件或改变文字显示顺序：请删除该字符后重新输入这段文字`,
        en: `the text holds the invisible control character ${hex(char)} (probably pasted), which breaks the Excel download or reorders what readers see: delete it and retype the text`,
        at,
        actual: hex(char),
      })
    : finding({
        code: 'text.invisibleCharacter',
        severity: 'warning',
        zh: `文字中含有零宽字符 ${hex(char)}，读者看不见，却会影响检索和复制：请删除`,
        en: `the text holds the zero-width character ${hex(char)}, which readers cannot see but which breaks search and copying: delete it`,
        at,
        actual: hex(char),
      });
}

function positionInText(text: string, offset: number, file: string): SourcePosition {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { file, line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

function* strings(value: unknown, path: DataPath = []): Generator<[string, DataPath]> {
  if (typeof value === 'string') yield [value, path];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* strings(item, [...path, i]);
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* strings(item, [...path, key]);
}

/** Markdown a clerk may paste into a name: an image, a link, a narrative reference. */
const MARKUP = /!?\[[^\]\n]*\]\([^)\n]*\)|\{\{[^}\n]*\}\}/;
/** Fields that hold addresses or sources by design, not text a page interpolates. */
const ADDRESS_FIELDS = new Set(['url', 'transcribedFrom', 'source']);

/**
 * Markup in a YAML text field: it is printed as typed (data is text, never markup), which is
 * rarely what the clerk meant, so it is worth a warning at the field.
 */
export function checkYamlForMarkup(files: readonly ContentFile[], yamlSource: (path: string) => YamlSource | undefined): Finding[] {
  const findings: Finding[] = [];
  for (const file of files.filter((f) => /\.ya?ml$/.test(f.path))) {
    const source = yamlSource(file.path);
    if (!source) continue;
    for (const [value, path] of strings(source.data)) {
      const key = path[path.length - 1];
      const m = typeof key === 'string' && ADDRESS_FIELDS.has(key) ? null : MARKUP.exec(value);
      if (!m) continue;
      findings.push(
        finding({
          code: 'text.markupInData',
          severity: 'warning',
          zh: `文字中的“${m[0].slice(0, 60)}”是 Markdown 或引用语法，但数据中的文字不会被解释，将按原样显示：请只写文字`,
          en: `"${m[0].slice(0, 60)}" is Markdown or reference syntax, but text in the data is never interpreted and is printed as typed: write plain text`,
          at: source.positionOf(path),
          actual: m[0].slice(0, 120),
        }),
      );
    }
  }
  return findings;
}

/** Every forbidden or invisible character in the files' text, and in YAML values that only hold one once unescaped (`"\uFFFE"`). */
export function checkFilesForCharacters(files: readonly ContentFile[], yamlSource: (path: string) => YamlSource | undefined): Finding[] {
  const findings: Finding[] = [];
  for (const file of files) {
    let inText = 0;
    for (const [pattern, forbidden] of [
      [FORBIDDEN, true],
      [INVISIBLE, false],
    ] as const) {
      for (const m of file.text.matchAll(pattern)) {
        findings.push(characterFinding(m[0], positionInText(file.text, m.index, file.path), forbidden));
        inText++;
      }
    }
    const source = /\.ya?ml$/.test(file.path) ? yamlSource(file.path) : undefined;
    if (!source || inText > 0) continue;
    for (const [value, path] of strings(source.data)) {
      const m = FORBIDDEN_ONE.exec(value);
      if (m) findings.push(characterFinding(m[0], source.positionOf(path), true));
    }
  }
  return findings;
}
