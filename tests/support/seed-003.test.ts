import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { SEED_003_URL, detectHeaderLineCount, normaliseCellText, normaliseTitle, parseSeed003, readSeed003 } from './seed-003.ts';

const tables = readSeed003();

function table(n: number) {
  const t = tables.get(n);
  if (t === undefined) throw new Error(`table ${n} missing`);
  return t;
}

describe('seed 003 parser', () => {
  it('finds exactly tables 1, 3 and 6..23 (2, 4, 5 are only in the table of contents)', () => {
    expect([...tables.keys()]).toEqual([1, 3, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]);
    for (const [n, t] of tables) expect(t.number).toBe(n);
  });

  it('keeps titles as printed, and uses the TOC title for the untitled tables 22 and 23', () => {
    expect(table(1).title).toBe('收支总表');
    expect(table(14).title).toBe('一般公共预算基本支出表 -- 公用经费（商品和服务支出）（按部门预算经济分类）');
    expect(normaliseTitle(table(14).title)).toBe(normaliseTitle('一般公共预算基本支出表--公用经费(商品和服务支出)(按部门预算经济分类)'));
    expect(table(22).title).toBe('项目支出绩效目标表');
    expect(table(23).title).toBe('整体支出绩效目标表');
    expect(table(22).rows[0]?.[0]).toBe('项目名称');
    expect(table(23).rows[0]?.[0]).toBe('部门名称');
  });

  it('records the unit lines (table 8 says 单位：万元) and the trailing note', () => {
    expect(table(3).unitLines).toEqual(['单位：001001_株洲市荷塘区人民代表大会常务委员会', '金额单位：万元']);
    expect(table(8).unitLines[1]).toBe('单位：万元');
    expect(table(22).unitLines).toEqual(['填报单位：株洲市荷塘区人民代表大会常务委员会', '金额单位：万元']);
    expect(table(23).unitLines).toEqual([]);
    expect(table(1).note).toBeNull();
    expect(table(7).note).toBe('注：如本表格为空，则表示本年度未安排此项目。');
  });

  it('splits header lines from body rows', () => {
    const headerCounts = Object.fromEntries([...tables].map(([n, t]) => [n, t.headerLines.length]));
    expect(headerCounts).toEqual({
      1: 2,
      3: 2,
      6: 2,
      7: 3,
      8: 2,
      9: 2,
      10: 2,
      11: 2,
      12: 2,
      13: 2,
      14: 2,
      15: 2,
      16: 3,
      17: 2,
      18: 2,
      19: 3,
      20: 3,
      21: 3,
      22: 0,
      23: 0,
    });
    const rowCounts = Object.fromEntries([...tables].map(([n, t]) => [n, t.rows.length]));
    expect(rowCounts).toEqual({
      1: 33,
      3: 25,
      6: 33,
      7: 25,
      8: 27,
      9: 10,
      10: 10,
      11: 5,
      12: 5,
      13: 4,
      14: 4,
      15: 3,
      16: 1,
      17: 1,
      18: 1,
      19: 1,
      20: 1,
      21: 6,
      22: 18,
      23: 28,
    });
    for (const [n, t] of tables) {
      if (n >= 22) continue;
      expect(detectHeaderLineCount([...t.headerLines, ...t.rows]), `table ${n}`).toBe(t.headerLines.length);
    }
  });

  it('gives every row of tables 1..21 the same number of cells as its header lines', () => {
    for (const [n, t] of tables) {
      if (n >= 22) continue;
      const width = t.headerLines[0]?.length;
      for (const h of t.headerLines) expect(h.length, `table ${n} header`).toBe(width);
      for (const r of t.rows) expect(r.length, `table ${n} row ${r.join('|')}`).toBe(width);
    }
  });

  it('table 1 (收支总表): 33 body rows from 一、一般公共预算拨款收入 to 收 入 总 计, including rows without amounts', () => {
    const t = table(1);
    expect(t.headerLines[0]?.[0]).toBe('收入');
    expect(t.headerLines[1]?.[0]).toBe('项目');
    expect(t.rows).toHaveLength(33);
    expect(t.rows[0]?.[0]).toBe('一、一般公共预算拨款收入');
    expect(t.rows[0]?.[1]).toBe('896.28');
    expect(t.rows.at(-1)?.[0]).toBe('收 入 总 计');
    expect(t.rows.find((r) => r[0] === '八、事业单位经营收入')).toEqual(['八、事业单位经营收入', '', '（二十四）预备费', '', '', '', '', '']);
  });

  it('table 3 (支出总表): 25 body rows, the first is the 合计 row with 合计 = 896.28', () => {
    const t = table(3);
    expect(t.rows).toHaveLength(25);
    const totalCol = t.headerLines[0]?.indexOf('合计') ?? -1;
    expect(totalCol).toBe(5);
    const first = t.rows[0] ?? [];
    expect(first[3]).toBe('合计');
    expect(first[totalCol]).toBe('896.28');
    expect(first).toEqual(['', '', '', '合计', '', '896.28', '790.28', '106.00', '', '', '']);
  });

  it('table 7 (一般公共预算支出表): the 2010101 row', () => {
    const row = table(7).rows.find((r) => r[3] === '2010101');
    expect(row).toEqual(['201', '01', '01', '2010101', '行政运行', '516.37', '516.37', '423.09', '', '93.28', '']);
  });

  it('table 8 (一般公共预算基本支出表): the last row is the 合计 row', () => {
    const t = table(8);
    expect(t.rows.at(-1)).toEqual(['合计', '', '790.28', '697.00', '93.28']);
    expect(t.rows[0]).toEqual(['301', '工资福利支出', '629.15', '629.15', '']);
  });

  it('table 16 (政府性基金预算支出表): header lines only plus a single 合计 0.00 row', () => {
    const t = table(16);
    expect(t.headerLines).toHaveLength(3);
    expect(t.rows).toEqual([['', '合计', '0.00', '', '', '', '', '']]);
  });

  it('table 21 (专项资金预算汇总表): 6 body rows', () => {
    const t = table(21);
    expect(t.rows).toHaveLength(6);
    expect(t.rows[0]?.slice(0, 3)).toEqual(['', '合计', '106.00']);
  });

  it('keeps PDF-broken cell text raw; normaliseCellText removes all whitespace', () => {
    const names = table(10)
      .rows.slice(1, 3)
      .map((r) => r[4] ?? '');
    expect(names).toEqual(['株洲市荷塘区人民代表大会常务委 员会', '株洲市荷塘区人民代表大会常务 委员会']);
    for (const name of names) expect(normaliseCellText(name)).toBe('株洲市荷塘区人民代表大会常务委员会');
    expect(normaliseCellText(' 收 入\u3000总\t计 ')).toBe('收入总计');
  });

  it('throws a clear error when the file does not have the expected shape', () => {
    const text = readFileSync(SEED_003_URL, 'utf8');
    expect(() => parseSeed003(text.replace('\n支出总表\n', '\n支出明细表\n'))).toThrow(/does not match table of contents entry 3/);
    expect(() => parseSeed003(text.replace('功能科目\t\t\t科目编码\t科目名称\t合计\t基本支出\t\t\t\t项目支出\n', ''))).toThrow(
      /table 7 should have 3 header lines/,
    );
    expect(() => parseSeed003(text.replace('\n财政拨款收支总表\n', '\n'))).toThrow(/table 6/);
    expect(() => parseSeed003(`${text}\n\n多余内容\n`)).toThrow(/after table 23/);
  });
});
