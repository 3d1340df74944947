/**
 * The shape of a validation rule, and what every rule may consult besides the disclosure: the
 * content files with positions, so a finding can point at the exact field rather than its row.
 */
import type { ContentFile } from '../content/load.ts';
import { parseYamlSource, type DataPath, type YamlSource } from '../content/yaml-source.ts';
import { parsedSourceOf } from '../content/parse-file.ts';
import type { Finding, SourcePosition } from '../findings.ts';
import type { Disclosure } from '../disclosure/model.ts';

export interface RuleContext {
  /** The content files as loaded, when the caller has them. */
  readonly files: readonly ContentFile[];
  /** A YAML file parsed with positions (once per file), or undefined when the file was not given. */
  yamlSource(path: string): YamlSource | undefined;
  /**
   * Where a field of the record written at `at` stands (e.g. the `amount` of a ledger row whose
   * row position is `at`, or `budget`, `total` of a form); the nearest position the file has, and
   * the record's own position when the file is not at hand.
   */
  fieldPosition(at: SourcePosition, ...field: DataPath): SourcePosition;
}

/**
 * A check of one loaded disclosure. Rules are small, named after what they require, and return
 * findings (never throw). Other modules add their own through `validateContent`'s `rules`
 * (e.g. the narrative's figure references and unsafe HTML).
 */
export type DisclosureRule = (d: Disclosure, context: RuleContext) => readonly Finding[];

export function ruleContext(files: readonly ContentFile[]): RuleContext {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const sources = new Map<string, YamlSource>();
  const yamlSource = (path: string): YamlSource | undefined => {
    const cached = sources.get(path);
    if (cached) return cached;
    const file = byPath.get(path);
    if (!file || !/\.ya?ml$/.test(path)) return undefined;
    const source = parsedSourceOf(file) ?? parseYamlSource(file.text, file.path);
    sources.set(path, source);
    return source;
  };
  return {
    files,
    yamlSource,
    fieldPosition(at, ...field) {
      const source = yamlSource(at.file);
      const path = source ? pathAt(source, at) : undefined;
      return source && path ? source.positionOf([...path, ...field]) : at;
    },
  };
}

const samePosition = (a: SourcePosition, b: SourcePosition): boolean => a.line === b.line && a.column === b.column;

/** The data path of the map or list written at `at` (outermost first match), if any. */
function pathAt(source: YamlSource, at: SourcePosition): DataPath | undefined {
  const visit = (value: unknown, path: DataPath): DataPath | undefined => {
    if (value === null || typeof value !== 'object') return undefined;
    if (samePosition(source.positionOf(path), at)) return path;
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (const [key, child] of entries) {
      const found = visit(child, [...path, key]);
      if (found) return found;
    }
    return undefined;
  };
  return visit(source.data, []);
}
