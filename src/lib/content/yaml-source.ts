/**
 * YAML with positions. Content is parsed into plain data while remembering where each value
 * stands, so any later check can name file:line:column. Plain numeric scalars are kept as their
 * source text: codes keep their leading zeros (`001001`) and amounts never pass through a float.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Document, type Node } from 'yaml';
import { finding, type Finding, type SourcePosition } from '../findings.ts';

export type DataPath = readonly (string | number)[];

export interface YamlSource {
  readonly file: string;
  /** The document as plain data (objects, arrays, strings, booleans, null); numbers stay strings. */
  readonly data: unknown;
  /** Syntax errors, duplicate keys and other problems of the file itself. */
  readonly findings: readonly Finding[];
  /** Where the value at `path` starts; falls back to the nearest parent that has a position. */
  positionOf(path: DataPath): SourcePosition;
  /** Where the key of the entry at `path` starts (the value's position for sequence items). */
  keyPositionOf(path: DataPath): SourcePosition;
}

const pathKey = (path: DataPath): string => JSON.stringify(path);

/**
 * How many values aliases (`*name`) may add to a document in total. Content has no need for
 * aliases beyond the odd repeated field; the bound stops an "alias bomb" (nine lines that expand
 * to a billion values) here, since this loader expands aliases itself and the `yaml` library's
 * own `maxAliasCount` only applies to its toJS().
 */
export const MAX_ALIAS_EXPANSION = 10_000;
/** How deeply maps and lists may nest; content needs 6. Deeper input is refused, not recursed into. */
export const MAX_NESTING = 64;

/** A YAML file with positions (the loader keeps its parse for the checks: parse-file.ts `parsedSourceOf`). */
export function parseYamlSource(text: string, file: string): YamlSource {
  try {
    return parseYamlSourceUnguarded(text, file);
  } catch (error) {
    // The parser recursing too deep ([[[[…) or any other failure of the library: a finding, not a crash.
    const problem = finding({
      code: 'file.yamlSyntax',
      severity: 'error',
      zh: `YAML 文件无法解析（结构过深或过于复杂）：请检查括号是否成对`,
      en: `the YAML file cannot be parsed (nested too deeply or too complex): check that brackets are paired (${(error as Error).name})`,
      at: { file, line: 1, column: 1 },
    });
    return { file, data: null, findings: [problem], positionOf: () => ({ file, line: 1, column: 1 }), keyPositionOf: () => ({ file, line: 1, column: 1 }) };
  }
}

function parseYamlSourceUnguarded(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
  const valuePositions = new Map<string, number>();
  const keyPositions = new Map<string, number>();
  const findings: Finding[] = [];

  const at = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };

  // Full-width ：and ，where YAML needs : and , are read as text (or make the parser fail with a
  // message about something else), so the file would fail as a puzzling "wrong type" or syntax
  // error; said here, at the character, instead of the parser's consequences of it.
  findings.push(...fullWidthPunctuation(text, file));
  // Every duplicate key, but only the first syntax error: the parser's later errors are nearly
  // always consequences of it (one stray `}` yields dozens), and would bury the real one.
  let syntaxReported = findings.length > 0;
  for (const error of [...doc.errors, ...doc.warnings]) {
    const duplicate = error.code === 'DUPLICATE_KEY';
    if (!duplicate && syntaxReported) continue;
    syntaxReported ||= !duplicate;
    const advice = SYNTAX_ADVICE[error.code];
    findings.push(
      finding({
        code: duplicate ? 'file.duplicateKey' : 'file.yamlSyntax',
        severity: 'error',
        zh: duplicate ? '同一层级出现重复的键' : `YAML 语法错误：${advice?.[0] ?? '请检查这一行的冒号、引号、括号和缩进'}`,
        en: duplicate ? 'the same key appears twice at one level' : `YAML syntax error: ${advice?.[1] ?? error.message.split('\n')[0]}`,
        at: at(error.pos[0]),
        ...(advice?.[2] === undefined ? {} : { expected: advice[2] }),
      }),
    );
  }

  let expanded = 0;
  let expanding = 0;
  let outerAlias = 0;
  let limitReported = false;
  const limit = (offset: number, zh: string, en: string): null => {
    if (!limitReported) {
      limitReported = true;
      findings.push(finding({ code: 'file.yamlLimit', severity: 'error', zh, en, at: at(offset) }));
    }
    return null;
  };
  const toData = (node: unknown, path: DataPath): unknown => {
    if (limitReported) return null;
    if (path.length > MAX_NESTING) {
      return limit((node as Node | null)?.range?.[0] ?? 0, `嵌套超过 ${MAX_NESTING} 层：内容文件不需要这么深的结构`, `nested deeper than ${MAX_NESTING} levels, which no content file needs`);
    }
    if (isAlias(node)) {
      const offset = node.range?.[0] ?? 0;
      const target = node.resolve(doc as Document);
      // An alias inside its own anchor would expand for ever.
      if (expanding > MAX_NESTING) return limit(offset, '别名（*）引用了自身，形成循环：请把内容直接写出', 'an alias (*) refers to itself: write the content out instead');
      if (expanding === 0) outerAlias = offset;
      expanding++;
      const value = toData(target, path);
      expanding--;
      return value;
    }
    if (expanding > 0 && ++expanded > MAX_ALIAS_EXPANSION) {
      return limit(
        outerAlias,
        `别名（*）展开后超过 ${MAX_ALIAS_EXPANSION} 个值，不予读取：请把内容直接写出，不要用锚点（&）和别名（*）层层引用`,
        `aliases (*) expand to more than ${MAX_ALIAS_EXPANSION} values and are refused: write the content out instead of nesting anchors (&) and aliases (*)`,
      );
    }
    const range = (node as Node | null)?.range;
    if (range) valuePositions.set(pathKey(path), range[0]);
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? scalarText(pair.key, text) : String(pair.key);
        const childPath = [...path, key];
        const keyRange = (pair.key as Node | null)?.range;
        if (keyRange) keyPositions.set(pathKey(childPath), keyRange[0]);
        out[key] = toData(pair.value, childPath);
      }
      return out;
    }
    if (isSeq(node)) return node.items.map((item, index) => toData(item, [...path, index]));
    if (isScalar(node)) return scalarValue(node, text);
    return null;
  };

  const data = doc.contents === null ? null : toData(doc.contents, []);

  const lookup = (positions: Map<string, number>, path: DataPath): SourcePosition => {
    for (let length = path.length; length >= 0; length--) {
      const offset = positions.get(pathKey(path.slice(0, length))) ?? valuePositions.get(pathKey(path.slice(0, length)));
      if (offset !== undefined) return at(offset);
    }
    return { file, line: 1, column: 1 };
  };

  return {
    file,
    data,
    findings,
    positionOf: (path) => lookup(valuePositions, path),
    keyPositionOf: (path) => lookup(keyPositions, path),
  };
}

/** A scalar's value, with plain numbers kept as the text the author wrote. */
function scalarValue(node: Scalar, text: string): unknown {
  if (typeof node.value === 'number' || typeof node.value === 'bigint') return scalarText(node, text);
  return node.value;
}

function scalarText(node: Scalar, text: string): string {
  if (node.type === Scalar.PLAIN && node.range && (typeof node.value === 'number' || typeof node.value === 'bigint')) {
    return text.slice(node.range[0], node.range[1]).trim();
  }
  return String(node.value);
}

/** What to do about the parser's errors, in the clerk's words: [中文, English, what to write]. */
const SYNTAX_ADVICE: Readonly<Record<string, readonly [string, string, string?]>> = {
  TAB_AS_INDENT: ['缩进用了 Tab 键：YAML 只能用空格缩进，请把 Tab 换成两个空格', 'indentation uses a tab: YAML indents with spaces only; replace the tab by two spaces', '空格缩进 / spaces'],
  BAD_INDENT: ['缩进不一致：同一层级的行必须从同一列开始，括号要成对', 'inconsistent indentation: entries of one level must start in the same column, brackets must be paired'],
  MISSING_CHAR: ['缺少配对的引号或括号：请检查这一行的 " \' ] }', 'a closing quote or bracket is missing: check the " \' ] } of this line'],
  BLOCK_AS_IMPLICIT_KEY: ['一行中出现了两个“键: 值”：值中含冒号时请加引号，如 name: "甲：乙"', 'two "key: value" on one line: quote a value that contains a colon, e.g. name: "a: b"'],
  MULTILINE_IMPLICIT_KEY: ['这一行缺少“键: ”或缩进有误：每一项应写成 键: 值，冒号后加空格', 'this line lacks a "key: " or is indented wrongly: write key: value with a space after the colon'],
  UNEXPECTED_TOKEN: ['这一行的结构无法识别：请检查冒号后的空格、列表项前的“- ”和缩进', 'the structure of this line is not understood: check the space after colons, the "- " of list items and the indentation'],
  DUPLICATE_KEY: ['同一层级出现重复的键', 'the same key appears twice at one level'],
};

/** A key (ASCII word) followed by a full-width colon where a key can stand, and flow entries separated by a full-width comma. */
const FULL_WIDTH_KEY = /(^[ \t]*(?:-[ \t]+)?|[{,，][ \t]*)([A-Za-z][A-Za-z0-9_]*)[ \t]*：/g;
const FULL_WIDTH_COMMA = /，(?=[ \t]*[A-Za-z][A-Za-z0-9_]*[ \t]*[:：])/g;

function fullWidthPunctuation(text: string, file: string): Finding[] {
  const findings: Finding[] = [];
  text.split('\n').forEach((line, index) => {
    const code = line.replace(/(^|\s)#.*$/, '$1');
    // Inside a quoted string anything goes (`goal: "见 P01：…"`).
    const quoted = (index: number) => (code.slice(0, index).match(/(?<!\\)["']/g) ?? []).length % 2 === 1;
    for (const m of code.matchAll(FULL_WIDTH_KEY)) {
      if (quoted(m.index + (m[1]?.length ?? 0))) continue;
      // After a comma only inside {…}: in a plain value (`goal: 甲，P01：乙`) it is text.
      if (/^[{,，]/.test(m[1] ?? '') && !code.slice(0, m.index + 1).includes('{')) continue;
      const column = m.index + (m[1]?.length ?? 0) + (m[2]?.length ?? 0) + 1;
      findings.push(
        finding({
          code: 'file.fullWidthPunctuation',
          severity: 'error',
          zh: `“${m[2]}”后面用了全角冒号“：”：YAML 要求半角冒号加空格，请写成 ${m[2]}: `,
          en: `"${m[2]}" is followed by a full-width colon "：": YAML needs an ASCII colon and a space, write ${m[2]}: `,
          at: { file, line: index + 1, column: code.indexOf('：', column - 1) + 1 },
          expected: `${m[2]}: `,
          actual: '：',
        }),
      );
    }
    if (code.includes('{')) {
      for (const m of code.matchAll(FULL_WIDTH_COMMA)) {
        if (quoted(m.index)) continue;
        findings.push(
          finding({
            code: 'file.fullWidthPunctuation',
            severity: 'error',
            zh: '花括号 {…} 中的各项要用半角逗号“,”分隔，这里用了全角逗号“，”',
            en: 'entries inside {…} are separated by an ASCII comma ",", not the full-width "，"',
            at: { file, line: index + 1, column: m.index + 1 },
            expected: ', ',
            actual: '，',
          }),
        );
      }
    }
  });
  return findings;
}
