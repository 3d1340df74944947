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

export function parseYamlSource(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
  const valuePositions = new Map<string, number>();
  const keyPositions = new Map<string, number>();
  const findings: Finding[] = [];

  const at = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };

  // Every duplicate key, but only the first syntax error: the parser's later errors are nearly
  // always consequences of it (one stray `}` yields dozens), and would bury the real one.
  let syntaxReported = false;
  for (const error of [...doc.errors, ...doc.warnings]) {
    const duplicate = error.code === 'DUPLICATE_KEY';
    if (!duplicate && syntaxReported) continue;
    syntaxReported ||= !duplicate;
    findings.push(
      finding({
        code: duplicate ? 'file.duplicateKey' : 'file.yamlSyntax',
        severity: 'error',
        zh: duplicate ? '同一层级出现重复的键' : `YAML 语法错误：${error.message.split('\n')[0]}`,
        en: duplicate ? 'the same key appears twice at one level' : `YAML syntax error: ${error.message.split('\n')[0]}`,
        at: at(error.pos[0]),
      }),
    );
  }

  const toData = (node: unknown, path: DataPath): unknown => {
    if (isAlias(node)) return toData(node.resolve(doc as Document), path);
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
