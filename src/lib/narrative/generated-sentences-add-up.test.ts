import { describe, expect, it } from 'vitest';
import { syntheticDisclosure } from '../../../tests/support/synthetic-disclosure.ts';
import { loadSynthetic } from '../../../tests/validation/synthetic-content.ts';
import { loadContentDir } from '../content/read-content-dir.ts';
import type { Disclosure } from '../disclosure/model.ts';
import { parseAmount } from '../money.ts';
import { buildTables } from '../templates/build-tables.ts';
import { renderNarrative } from './render.ts';

const catalogue = loadContentDir('content').catalogues.get(2024);
if (!catalogue) throw new Error('content/ lacks the 2024 catalogue');

const fen = (text: string): number => {
  const parsed = parseAmount(text, '万元');
  if (!parsed.ok || parsed.value === null) throw new Error(`not an amount: ${text}`);
  return parsed.value;
};

/**
 * Every generated sentence "…{total}万元，其中：{part}万元，{part}万元…" as [total, parts]: the
 * parts are the amounts after 其中 outside parentheses (the nested 其中 of 公务用车 is a
 * breakdown of one part) and before an 另有 clause (上年结转 is beside the total, not in it).
 */
function totalsWithParts(html: string): { sentence: string; total: number; parts: number[] }[] {
  const text = html.replace(/<[^>]+>/g, '\n');
  return text
    .split(/[。\n]/)
    .filter((s) => s.includes('其中：'))
    .map((sentence) => {
      const [head = '', tail = ''] = sentence.split('其中：');
      const total = [...head.matchAll(/(-?\d+\.\d{2})万元/g)].at(-1)?.[1] ?? '';
      const parts = tail
        .split(/；另有/)[0]!
        .replace(/（[^）]*）/g, '')
        .matchAll(/(-?\d+\.\d{2})万元/g);
      return { sentence, total: fen(total), parts: [...parts].map((m) => fen(m[1] ?? '')) };
    });
}

const narrativeOf = (d: Disclosure) => renderNarrative({ disclosure: { ...d, narrative: null }, tables: buildTables(d) });

describe('generated 说明 sentences', () => {
  it('name every part of the totals they break down, for disclosures with government funds, state capital and other sources', () => {
    let checked = 0;
    for (let seed = 1; seed <= 25; seed++) {
      const d = syntheticDisclosure(catalogue, { seed, units: 1 + (seed % 3), rows: 40 });
      for (const { sentence, total, parts } of totalsWithParts(narrativeOf(d).html)) {
        expect(
          parts.reduce((a, b) => a + b, 0),
          `seed ${seed}: ${sentence}`,
        ).toBe(total);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('include 政府性基金 in the fiscal income sentence (it used to stop at the first unnumbered line)', () => {
    const { result } = loadSynthetic([
      {
        file: 'ledger.yaml',
        from: '  - {unit: "901002", func: "2010101"',
        to: '  - {unit: "901001", func: "2010101", econ: "30201", source: govFund, kind: basic, amount: 50.00}\n  - {unit: "901002", func: "2010101"',
      },
    ]);
    const d = result.disclosures[0]!;
    const html = narrativeOf(d).html;
    const fiscal = totalsWithParts(html).find((t) => t.sentence.includes('财政拨款收入预算'));
    expect(fiscal?.sentence).toContain('政府性基金预算拨款50.00万元');
    expect(fiscal?.parts.reduce((a, b) => a + b, 0)).toBe(fiscal?.total);
  });
});
