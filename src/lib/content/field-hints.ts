/**
 * What to write instead, for the schema errors clerks make most: the generic "field has the
 * wrong type" becomes "年度写 4 位数字，不带“年”", an English-only choice list becomes the
 * Chinese names, a pasted `1,120.50` inside `{…}` is named as such. Pure: a finding in, the
 * same finding with a better message out.
 */
import type { Finding } from '../findings.ts';
import { suggestedId } from './ids.ts';
import { SOURCE_CHOICES } from './source-names.ts';

type Path = readonly (string | number)[];

const last = (path: Path): string | number | undefined => path[path.length - 1];

export function withHint(f: Finding, path: Path, input: unknown): Finding {
  const field = last(path);
  if (field === 'year' && (f.code === 'file.wrongType' || f.code === 'file.invalid')) {
    const written = typeof input === 'string' ? input : f.actual;
    const digits = written === undefined ? undefined : /\d{4}/.exec(written.normalize('NFKC'))?.[0];
    return {
      ...f,
      zh: `年度应写 4 位数字，不带“年”字或空格：year: ${digits ?? '2024'}`,
      en: `the year is 4 digits without 年 or spaces: year: ${digits ?? '2024'}`,
      expected: digits ?? '2024',
    };
  }
  if (field === 'source' && f.code === 'file.invalidValue') {
    return {
      ...f,
      zh: `资金来源“${String(input)}”无法识别：请写英文编号或收支总表上的中文名称，如 appropriation 或 经费拨款`,
      en: `funding source "${String(input)}" is not known: write its id or the name printed on the 收支总表, e.g. appropriation or 经费拨款`,
      expected: SOURCE_CHOICES,
    };
  }
  if (field === 'amount' && f.code === 'file.missingField') {
    return {
      ...f,
      zh: '这一行缺少金额字段 amount：请写 amount: 金额（如 amount: 12.00）；确实没有金额的行请删除',
      en: 'this row has no amount: write amount: <number> (e.g. amount: 12.00), or remove a row that has none',
      expected: 'amount: 12.00',
    };
  }
  if ((field === 'id' || field === 'project') && f.code === 'file.invalid' && typeof input === 'string') {
    const suggestion = suggestedId(input);
    return suggestion === undefined ? f : { ...f, expected: suggestion };
  }
  return f;
}

/**
 * An unknown key that is only digits (`120.50`, `120`) is what YAML makes of `amount: 1,120.50`
 * inside `{…}`: the comma ends the amount at 1. The finding says that, not "unknown field".
 */
export function thousandsInFlow(key: string): boolean {
  return /^\d{3}(?:\.\d+)?$/.test(key);
}
