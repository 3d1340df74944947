/**
 * Resolving one narrative reference (the text between `{{` and `}}`) to the words it stands for.
 * Grammar (see figures.ts for the names):
 *
 *   reference := target [ "." modifier ]
 *   target    := name | ( tableId | "表" number ) ":" rowKey ":" columnPath
 *   modifier  := 上年 | 变动 | 增减额 | 增减率 | 占比
 *
 * The row key is everything between the first and the last colon (row keys contain colons:
 * `item:001001:2010101`); the column path separates header labels with `/`.
 */
import { changeBetween, formatChange, formatPercent } from '../i18n/format.ts';
import { formatWan, type Amount } from '../money.ts';
import { figureCatalogue, readCell, type FigureCatalogue, type FigureYear, type NamedFigure, type Read } from './figures.ts';
import { parseColumnPath } from '../tables/table-cells.ts';

export const MODIFIERS = ['上年', '变动', '增减额', '增减率', '占比'] as const;
export type Modifier = (typeof MODIFIERS)[number];

export interface ReferenceContext {
  readonly current: FigureYear;
  /**
   * The same department's previous year, when the content has it; `unknown` when the caller
   * cannot know (a check of one disclosure alone): then `.上年`-style references are checked for
   * their name only.
   */
  readonly previous?: FigureYear | 'unknown' | undefined;
}

export type ReferenceCode = 'unknownReference' | 'ambiguousReference' | 'tableNotProvided' | 'noPreviousYear' | 'invalidModifier';

export type Resolution =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly code: ReferenceCode; readonly zh: string; readonly en: string; readonly expected?: string };

interface Target {
  readonly read: (year: FigureYear) => Read;
  readonly figure?: NamedFigure;
}

/** `表N:row:column` (N the number the disclosure's own template prints) or `threePublic:row:column` (the table id). */
const TABLE_REFERENCE = /^(?:表(\d{1,2})|([a-z][A-Za-z]+)):(.+):([^:]+)$/;

/** A resolver bound to one disclosure year: builds the figure catalogue once for all its references. */
export function referenceResolver(context: ReferenceContext): (body: string) => Resolution {
  const catalogue = figureCatalogue(context.current);
  return (body) => resolveReference(body, context, catalogue);
}

export function resolveReference(body: string, context: ReferenceContext, catalogue: FigureCatalogue = figureCatalogue(context.current)): Resolution {
  const trimmed = body.trim();
  const dot = trimmed.lastIndexOf('.');
  const suffix = dot >= 0 ? trimmed.slice(dot + 1) : '';
  const modifier = (MODIFIERS as readonly string[]).includes(suffix) ? (suffix as Modifier) : undefined;
  const base = modifier ? trimmed.slice(0, dot) : trimmed;

  const text = catalogue.texts.get(base);
  if (text !== undefined) {
    return modifier ? fail('invalidModifier', `“${base}”是文字，不能加“.${modifier}”`, `"${base}" is text and takes no ".${modifier}"`) : { ok: true, text };
  }

  const target = targetOf(base, catalogue);
  if (!target) {
    return fail('unknownReference', `无法识别的引用“{{${trimmed}}}”`, `unknown reference "{{${trimmed}}}"`, knownNames(catalogue));
  }
  const current = target.read(context.current);
  if (!current.ok) return readFailure(current, trimmed);
  if (modifier === undefined) return { ok: true, text: formatWan(current.value ?? 0) };

  if (modifier === '占比') {
    const wholeName = target.figure?.partOf;
    const whole = wholeName ? catalogue.figures.get(wholeName) : undefined;
    if (!whole) {
      return fail('invalidModifier', `“${base}”不是某个合计的组成部分，不能加“.占比”`, `"${base}" is not part of a total and takes no ".占比"`);
    }
    const wholeRead = whole.read(context.current);
    if (!wholeRead.ok) return readFailure(wholeRead, trimmed);
    return { ok: true, text: formatPercent(current.value ?? 0, wholeRead.value ?? 0) || '—' };
  }

  if (context.previous === 'unknown') return { ok: true, text: '' };
  if (!context.previous) {
    return fail(
      'noPreviousYear',
      `“{{${trimmed}}}”需要上年度数据，但内容中没有本部门${context.current.disclosure.year - 1}年的公开`,
      `"{{${trimmed}}}" needs last year's figures, but the content has no ${context.current.disclosure.year - 1} disclosure of this department`,
    );
  }
  const previous = target.read(context.previous);
  if (!previous.ok) {
    return fail('noPreviousYear', `上年度无法读取“${base}”：${previous.detail}`, `last year's "${base}" cannot be read: ${previous.detail}`);
  }
  return { ok: true, text: formatModified(modifier, current.value, previous.value) };
}

function formatModified(modifier: Exclude<Modifier, '占比'>, current: Amount, previous: Amount): string {
  const change = changeBetween(current, previous);
  switch (modifier) {
    case '上年':
      return formatWan(previous ?? 0);
    case '变动':
      return formatChange(change);
    case '增减额':
      return formatWan(change.amount);
    case '增减率':
      return change.percent || '—';
  }
}

function targetOf(base: string, catalogue: FigureCatalogue): Target | undefined {
  const table = TABLE_REFERENCE.exec(base);
  if (table) {
    const [, number, id, rowKey = '', column = ''] = table;
    const path = parseColumnPath(column);
    return { read: (year) => readCell(year, number ?? id ?? '', rowKey, path) };
  }
  const figure = catalogue.figures.get(base);
  return figure ? { read: figure.read, figure } : undefined;
}

function readFailure(read: Extract<Read, { ok: false }>, reference: string): Resolution {
  const candidates = read.candidates && read.candidates.length > 0 ? read.candidates.slice(0, 40).join('、') : undefined;
  return fail(read.code, `引用“{{${reference}}}”无法解析：${read.detail}`, `reference "{{${reference}}}" cannot be resolved: ${read.detail}`, candidates);
}

const knownNames = (catalogue: FigureCatalogue): string =>
  [...catalogue.texts.keys(), ...catalogue.figures.keys()].join('、') + '；或 表的id:行键:列路径（也可写 表N）/ or tableId:rowKey:column/path (or 表N)';

function fail(code: ReferenceCode, zh: string, en: string, expected?: string): Resolution {
  return { ok: false, code, zh, en, ...(expected === undefined ? {} : { expected }) };
}
