/**
 * One content file through YAML and its zod schema, every problem a positioned finding.
 */
import type { z } from 'zod';
import { finding, type Finding } from '../findings.ts';
import { parseAmount, type Amount, type AmountUnit } from '../money.ts';
import { thousandsInFlow, withHint } from './field-hints.ts';
import { parseYamlSource, type DataPath, type YamlSource } from './yaml-source.ts';

export interface ParsedFile<T> {
  readonly source: YamlSource;
  /** The validated content, or null when the file has errors that make it unusable. */
  readonly value: T | null;
  readonly findings: readonly Finding[];
}

/**
 * The YAML the loader parsed, by the file it came from: the checks that need positions read it
 * here instead of parsing the file again (the parse is the slowest step of loading content).
 * Weak, so a file's parse goes with the file.
 */
const parsedSources = new WeakMap<ContentText, YamlSource>();

/** A content file as the loader reads it. */
interface ContentText {
  readonly path: string;
  readonly text: string;
}

/** {@link parseContentFile} of a file, remembering its parse for {@link parsedSourceOf}. */
export function parseContentFileOf<S extends z.ZodType>(file: ContentText, schema: S): ParsedFile<z.output<S>> {
  const parsed = parseContentFile(file.text, file.path, schema);
  parsedSources.set(file, parsed.source);
  return parsed;
}

/** The parse of `file` the loader made, if it parsed this very file object. */
export const parsedSourceOf = (file: ContentText): YamlSource | undefined => parsedSources.get(file);

export function parseContentFile<S extends z.ZodType>(text: string, file: string, schema: S): ParsedFile<z.output<S>> {
  const source = parseYamlSource(text, file);
  const findings: Finding[] = [...source.findings];
  if (findings.length > 0) return { source, value: null, findings };
  // reportInput: zod 4 leaves the offending value out of its issues otherwise, and a wrong type
  // would then read as a missing field.
  const result = schema.safeParse(source.data ?? {}, { reportInput: true });
  if (result.success) return { source, value: result.data, findings };
  for (const issue of result.error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    findings.push(...issueFindings(issue, source).map((f) => withHint(f, path, issue.input)));
  }
  return { source, value: null, findings };
}

function issueFindings(issue: z.core.$ZodIssue, source: YamlSource): Finding[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) =>
      thousandsInFlow(key)
        ? finding({
            code: 'amount.unquotedThousands',
            severity: 'error',
            zh: `金额中的千位分隔逗号在 {…} 中被当作分隔符，金额被截断在逗号前：请去掉逗号写成 …${key}，或加引号写成 "…,${key}"`,
            en: `a thousands comma inside {…} splits the amount, which is cut at the comma: write it without the comma (…${key}) or in quotes ("…,${key}")`,
            at: source.keyPositionOf([...path, key]),
            actual: `,${key}`,
          })
        : finding({
        code: 'file.unknownField',
        severity: 'error',
        zh: `未知字段“${key}”`,
        en: `unknown field "${key}"`,
        at: source.keyPositionOf([...path, key]),
        actual: key,
      }),
    );
  }
  const at = source.positionOf(path);
  const where = path.join('.') || '(file)';
  if (issue.code === 'invalid_union' && issue.input === undefined) {
    return [finding({ code: 'file.missingField', severity: 'error', zh: `缺少必填字段“${where}”`, en: `missing required field "${where}"`, at })];
  }
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined) {
    return [
      finding({
        code: 'file.missingField',
        severity: 'error',
        zh: `缺少必填字段“${where}”`,
        en: `missing required field "${where}"`,
        at,
        expected: issue.code === 'invalid_type' ? issue.expected : issue.values.map(String).join(' | '),
      }),
    ];
  }
  if (issue.code === 'invalid_type') {
    return [
      finding({
        code: 'file.wrongType',
        severity: 'error',
        zh: `字段“${where}”类型错误`,
        en: `field "${where}" has the wrong type`,
        at,
        expected: issue.expected,
        // A coerced value (year: 2024年 → NaN) is shown as written, not as what coercion made of it.
        actual: describe(typeof issue.input === 'number' && Number.isNaN(issue.input) ? valueAt(source.data, path) : issue.input),
      }),
    ];
  }
  if (issue.code === 'invalid_value') {
    return [
      finding({
        code: 'file.invalidValue',
        severity: 'error',
        zh: `字段“${where}”的值不在允许范围内`,
        en: `field "${where}" has a value that is not allowed`,
        at,
        expected: issue.values.map(String).join(' | '),
        actual: describe(issue.input),
      }),
    ];
  }
  return [
    finding({
      code: 'file.invalid',
      severity: 'error',
      zh: `字段“${where}”无效：${issue.message}`,
      en: `field "${where}" is invalid: ${issue.message}`,
      at,
      actual: describe(issue.input),
    }),
  ];
}

/** The value at `path` in parsed YAML data, as written. */
function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value = data;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined;
  return value;
}

const describe = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? String(value));

/** Resolves amounts of one file: its unit, its positions, and the findings it collects. */
export class AmountReader {
  readonly findings: Finding[] = [];
  private readonly source: YamlSource;
  private readonly unit: AmountUnit;
  constructor(source: YamlSource, unit: AmountUnit) {
    this.source = source;
    this.unit = unit;
  }

  /** The amount at `path`, or null when it is empty or invalid (invalid ones are reported). */
  read(raw: string | null | undefined, path: DataPath): Amount {
    const parsed = parseAmount(raw, this.unit);
    const at = this.source.positionOf(path);
    if (!parsed.ok) {
      const messages = {
        notANumber: ['不是数字', 'is not a number', '数字，如 896.28 / a number such as 896.28'],
        tooManyDecimals: [
          `小数位数超过${this.unit}允许的 2 位`,
          `has more decimals than ${this.unit} allows (2)`,
          '最多 2 位小数 / at most 2 decimals',
        ],
        tooLarge: ['数额过大', 'is too large', '合理的金额 / a plausible amount'],
      } as const;
      const [zh, en, expected] = messages[parsed.reason];
      this.findings.push(
        finding({
          code: `amount.${parsed.reason}`,
          severity: 'error',
          zh: `金额“${raw ?? ''}”${zh}`,
          en: `amount "${raw ?? ''}" ${en}`,
          at,
          expected,
          actual: String(raw),
        }),
      );
      return null;
    }
    if (parsed.adjustments.length > 0) {
      this.findings.push(
        finding({
          code: 'amount.normalised',
          severity: 'warning',
          zh: `金额“${raw ?? ''}”含全角字符、空格或千位分隔符，已按 ${parsed.normalised} 读取`,
          en: `amount "${raw ?? ''}" had full-width characters, spaces or thousands separators; read as ${parsed.normalised}`,
          at,
          expected: parsed.normalised,
          actual: String(raw),
        }),
      );
    }
    return parsed.value;
  }
}
