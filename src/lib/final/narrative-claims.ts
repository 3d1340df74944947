/**
 * Typed figures in a 说明 held against the tables. A transcribed 决算 说明 keeps the figures it
 * prints, and some contradict its own tables (ptczj 2024: "财政拨款收入支出总计0.3万元" where the
 * 财政拨款收入支出决算总表 prints 2,961.68): this finds such claims in real wording, by the phrases
 * the 决算 rules prescribe, and says which figure of which table they contradict.
 *
 * - "<figure name>X万元" for the totals a 决算 说明 states (收入支出总计, 本年收入合计, 基本支出 …);
 * - "年初预算为X万元，支出决算为Y万元，完成年初预算的P%。…决算数大于（小于）预算数 / 持平": the word
 *   must fit X against Y, P must be Y / X, and no percentage may be given of a zero budget.
 *
 * A contradicting figure the transcriber marked with a `<!-- figure: … -->` comment right after it
 * is published as printed and reported as a warning; unmarked, it is an error.
 */
import type { Disclosure } from '../disclosure/model.ts';
import { finding, type Finding } from '../findings.ts';
import { formatAmount, parseAmount, type Amount } from '../money.ts';
import { figureCatalogue, type FigureYear } from '../narrative/figures.ts';
import { splitFrontMatter } from '../narrative/front-matter.ts';
import { resolveReference } from '../narrative/references.ts';
import type { Table } from '../tables/model.ts';
import { buildTables } from '../templates/build-tables.ts';
import { packOf } from '../templates/registry.ts';
import { completion, direction } from './variance.ts';

/** Phrases of a 决算 说明 followed by a typed figure, and the named figure each states (longest first). */
const CLAIMS: readonly (readonly [phrase: string, figure: string])[] = [
  ['财政拨款收入支出总计', '财政拨款收入支出总计'],
  ['一般公共预算财政拨款基本支出', '一般公共预算基本支出'],
  ['一般公共预算财政拨款支出', '一般公共预算支出'],
  ['收入支出总计', '收入支出总计'],
  ['本年收入合计', '收入合计'],
  ['本年支出合计', '支出合计'],
  ['财政拨款收入', '财政拨款收入'],
  ['其他收入', '其他收入'],
  ['基本支出', '基本支出'],
  ['项目支出', '项目支出'],
  ['人员经费', '人员经费'],
  ['公用经费', '公用经费'],
];

const NUMBER = String.raw`(-?[\d,]+(?:\.\d+)?)`;
const VARIANCE = new RegExp(
  String.raw`年初预算为\s*${NUMBER}\s*万元，\s*支出决算为\s*${NUMBER}\s*万元(?:，\s*完成(?:年初)?预算的\s*(-?[\d.]+)\s*%)?[^。]*。(?:\s*<!--[\s\S]*?-->)?\s*[^。]*?决算数(大于|小于|与预算数(?:基本)?持平)`,
  'gu',
);

const toAmount = (text: string): Amount => {
  const parsed = parseAmount(text.replaceAll(',', ''), '万元');
  return parsed.ok ? parsed.value : null;
};
const wan = (a: Amount): string => `${formatAmount(a ?? 0, '万元', 2, true)} 万元`;

/** Whether the figure ending at `end` is marked `<!-- figure: … -->` by the transcriber. */
const acknowledged = (line: string, end: number): boolean => /^\s*(?:万元)?\s*<!--\s*figure:/u.test(line.slice(end));

export interface ClaimInput {
  readonly disclosure: Disclosure;
  readonly tables: readonly Table[];
}

/** Every contradicted claim of the 说明, with file and line. */
export function narrativeClaims({ disclosure: d, tables }: ClaimInput): Finding[] {
  if (!d.narrative || packOf(d).phase !== 'final') return [];
  const file = d.narrative.file;
  const year: FigureYear = { disclosure: d, tables };
  const catalogue = figureCatalogue(year);
  const value = (name: string): Amount | undefined => {
    const read = catalogue.figures.get(name)?.read(year);
    return read && read.ok ? read.value : undefined;
  };
  const { body } = splitFrontMatter(d.narrative.markdown, file);
  const findings: Finding[] = [];
  body.split('\n').forEach((raw, index) => {
    // References stand for their figures: a claim is judged on what the reader sees.
    const line = raw.replace(/\{\{([^{}]+)\}\}/gu, (whole, ref: string) => {
      const r = resolveReference(ref, { current: year, previous: 'unknown' }, catalogue);
      return r.ok ? r.text : whole;
    });
    const at = { file, line: index + 1, column: 1 };
    const report = (code: string, zh: string, en: string, expected: string, actual: string, end: number) =>
      findings.push(
        finding({
          code,
          severity: acknowledged(line, end) ? 'warning' : 'error',
          zh: acknowledged(line, end) ? `${zh}（已注明，按原件公布）` : zh,
          en,
          at,
          expected,
          actual,
        }),
      );
    for (const [phrase, figure] of CLAIMS) {
      const pattern = new RegExp(String.raw`${phrase}(?:为|是)?\s*${NUMBER}\s*万元`, 'gu');
      for (const m of line.matchAll(pattern)) {
        // A longer phrase that contains this one (财政拨款收入支出总计 ⊃ 收入支出总计) judges it instead.
        const before = line.slice(0, m.index);
        if (CLAIMS.some(([longer]) => longer !== phrase && longer.endsWith(phrase) && before.endsWith(longer.slice(0, longer.length - phrase.length))))
          continue;
        const expected = value(figure);
        const typed = toAmount(m[1] ?? '');
        if (expected === undefined || typed === null || typed === (expected ?? 0)) continue;
        report(
          'narrative.figureContradictsTable',
          `说明中“${phrase}${m[1]}万元”与表中的${figure} ${wan(expected)} 不一致`,
          `the 说明 says "${phrase} ${m[1]} 万元" but the tables give ${figure} = ${wan(expected)}`,
          wan(expected),
          wan(typed),
          (m.index ?? 0) + m[0].length - 2,
        );
      }
    }
    for (const m of line.matchAll(VARIANCE)) {
      const [budget, actual] = [toAmount(m[1] ?? ''), toAmount(m[2] ?? '')];
      const rate = m[3];
      const word = m[4] ?? '';
      const end = (m.index ?? 0) + m[0].length;
      const fits = { greater: '大于', less: '小于', equal: '持平' }[direction(budget, actual)];
      if (!word.includes(fits)) {
        report(
          'narrative.varianceWordContradicts',
          `说明写“决算数${word}”，但年初预算 ${wan(budget)}、支出决算 ${wan(actual)}：应为“${fits === '持平' ? '决算数与预算数持平' : `决算数${fits}预算数`}”`,
          `the 说明 says 决算数${word}, but budget ${wan(budget)} and actual ${wan(actual)} make it ${fits}`,
          fits,
          word,
          end,
        );
      }
      if (rate !== undefined) {
        const c = completion(budget, actual);
        if (c.kind === 'noBudget') {
          report(
            'final.rateOnZeroBudget',
            `年初预算为${c.budget === 'zero' ? '0' : '空'}，不能计算完成率（说明写“${rate}%”）`,
            `no completion rate of a ${c.budget} budget (the 说明 says ${rate}%)`,
            '不计算完成率',
            `${rate}%`,
            end,
          );
        } else {
          const places = rate.split('.')[1]?.length ?? 0;
          const shown = (c.basisPoints / 100).toFixed(places);
          if (Number(shown) !== Number(rate))
            report(
              'narrative.rateContradicts',
              `说明写完成率${rate}%，按年初预算 ${wan(budget)} 和决算 ${wan(actual)} 应为${c.text}`,
              `the 说明 says ${rate}%, ${wan(actual)} of ${wan(budget)} is ${c.text}`,
              c.text,
              `${rate}%`,
              end,
            );
        }
      }
    }
  });
  return findings;
}

/** The rule for the validator: a 决算's 说明 against its own tables. */
export const narrativeClaimsRule = (d: Disclosure): Finding[] =>
  d.narrative && packOf(d).phase === 'final' ? narrativeClaims({ disclosure: d, tables: buildTables(d) }) : [];
