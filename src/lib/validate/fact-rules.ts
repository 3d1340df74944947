/**
 * Where facts at a coarser grain than a ledger overlap, they must agree; what a document printed
 * differently from the sum of its parts is published as printed and reported; declared 三公 items
 * are held against the basic spending on their 款. Every finding names the file and line of the
 * facts involved, and the table, row and column of a printed cell.
 */
import type { Disclosure, Fact } from '../disclosure/model.ts';
import { amountIn } from '../tables/table-cells.ts';
import { packOf } from '../templates/registry.ts';
import type { CellRef, TemplatePack } from '../templates/template-pack.ts';
import { finding, type Finding } from '../findings.ts';
import { SOURCE_INFO } from '../ledger/sources.ts';
import { formatAmount, sumAmounts, type Amount } from '../money.ts';
import { lookupColumn, parseColumnPath } from '../tables/table-cells.ts';
import { buildTables } from '../templates/build-tables.ts';
import type { DisclosureRule } from './rule.ts';

const yuan = (amount: Amount): string => `${formatAmount(amount ?? 0, '元', 2, true)} 元`;
const isBasicGeneralBudget = (f: Fact): boolean => f.kind === 'basic' && SOURCE_INFO[f.source].fund === 'generalBudget';

/**
 * The two coarse fact sets overlap on the general budget's basic spending: 功能 facts summed over
 * 基本支出 must equal the 经济 facts, unit by unit (the department as a whole where units are not given).
 */
export const overlappingFactsAgree: DisclosureRule = (d) => {
  const facts = d.coarseFacts;
  if (!facts || facts.byFunction.length === 0 || facts.basicByEcon.length === 0) return [];
  const printedOverlap = packOf(d).basicOverlap;
  if (printedOverlap) return printedTotalsAgree(d, printedOverlap);
  const units = [...new Set([...facts.byFunction, ...facts.basicByEcon].map((f) => f.unit))];
  return units.flatMap((unit): Finding[] => {
    const byFunction = facts.byFunction.filter((f) => f.unit === unit && isBasicGeneralBudget(f));
    const byEcon = facts.basicByEcon.filter((f) => f.unit === unit);
    const [functional, economic] = [sumAmounts(byFunction.map((f) => f.amount)), sumAmounts(byEcon.map((f) => f.amount))];
    if ((functional ?? 0) === (economic ?? 0)) return [];
    const at = (byEcon[0] ?? byFunction[0])?.at;
    if (!at) return [];
    const who = unit === null ? '本部门' : `单位 ${unit}`;
    return [
      finding({
        code: 'facts.overlapMismatch',
        severity: 'error',
        zh: `${who}一般公共预算基本支出：按功能分类（byFunction）合计 ${yuan(functional)}，按经济分类（basicByEcon）合计 ${yuan(economic)}，两者应相等；请核对两张表中抄错的一行`,
        en: `${unit ?? 'the department'}: general-budget basic spending is ${yuan(functional)} by function (byFunction) and ${yuan(economic)} by economic class (basicByEcon); they must be equal: look for the row copied wrongly in one of the two tables`,
        at,
        expected: yuan(functional),
        actual: yuan(economic),
      }),
    ];
  });
};

/** The overlap as the template prints it (see TemplatePack.basicOverlap): one printed total against the others' sum. */
function printedTotalsAgree(d: Disclosure, overlap: NonNullable<TemplatePack['basicOverlap']>): Finding[] {
  const tables = buildTables(d);
  const read = (ref: CellRef): Amount => {
    const table = tables.find((t) => t.id === ref.table);
    return table && table.provided ? amountIn(table, ref.row, parseColumnPath(ref.column)) : null;
  };
  const functional = read(overlap.byFunction);
  const economic = sumAmounts(overlap.byEcon.map(read));
  if ((functional ?? 0) === (economic ?? 0)) return [];
  const at = d.coarseFacts?.basicByEcon[0]?.at ?? d.coarseFacts?.byFunction[0]?.at;
  if (!at) return [];
  const wan = (a: Amount) => `${formatAmount(a ?? 0, '万元', 2, true)} 万元`;
  return [
    finding({
      code: 'facts.overlapMismatch',
      severity: 'error',
      zh: `一般公共预算基本支出：按功能分类印刷 ${wan(functional)}，人员经费与公用经费合计 ${wan(economic)}，两者应相等（基本 = 人员 + 公用）；请核对抄错的一行`,
      en: `general-budget basic spending is printed as ${wan(functional)} by function and ${wan(economic)} as 人员经费 + 公用经费; 基本 = 人员 + 公用 must hold: look for the row copied wrongly`,
      at,
      expected: wan(functional),
      actual: wan(economic),
    }),
  ];
}

/** Each cell printed differently from the sum of its parts: published as printed, reported with both values. */
export const printedDifferencesReported: DisclosureRule = (d) => {
  if (d.printedAsPublished.length === 0) return [];
  const tables = buildTables(d);
  return d.printedAsPublished.flatMap((entry): Finding[] => {
    const table = tables.find((t) => t.id === entry.table);
    if (!table) return []; // an unknown table id is the loader's template.unknownTable error
    const column = lookupColumn(table, parseColumnPath(entry.column));
    const applied = column.ok ? table.published.find((p) => p.columnIndex === column.column.index && rowMatches(p.rowKey, entry.row)) : undefined;
    if (!applied) {
      return [
        finding({
          code: 'published.unknownCell',
          severity: 'error',
          zh: `printedAsPublished：表“${table.title}”中找不到行“${entry.row}”、列“${entry.column}”的金额单元格`,
          en: `printedAsPublished: table ${table.id} has no amount cell at row "${entry.row}", column "${entry.column}"`,
          at: entry.at,
          expected: column.ok
            ? table.rows.map((r) => r.key).join(', ')
            : table.columns
                .filter((c) => c.kind === 'amount')
                .map((c) => c.path.join('/'))
                .join(', '),
          actual: `${entry.row} / ${entry.column}`,
        }),
      ];
    }
    const unit = table.amountUnit;
    const show = (amount: Amount) => `${formatAmount(amount, unit, table.decimals, unit === '元') || '空'} ${unit}`;
    return [
      finding({
        code: applied.derived === applied.printed ? 'published.sameAsParts' : 'published.differsFromParts',
        severity: 'warning',
        zh:
          applied.derived === applied.printed
            ? `表“${table.title}”行“${entry.row}”列“${entry.column}”：印刷数与分项之和相同，不必写在 printedAsPublished 中`
            : `表“${table.title}”行“${entry.row}”列“${entry.column}”：原件印刷 ${show(applied.printed)}，分项之和 ${show(applied.derived)}；按原件公布`,
        en:
          applied.derived === applied.printed
            ? `${table.id} ${entry.row} / ${entry.column}: the printed figure equals the sum of its parts; it need not be listed`
            : `${table.id} ${entry.row} / ${entry.column}: printed ${show(applied.printed)}, its parts add up to ${show(applied.derived)}; published as printed`,
        at: entry.at,
        expected: show(applied.derived),
        actual: show(applied.printed),
      }),
    ];
  });
};

const rowMatches = (rowKey: string, written: string): boolean => rowKey === written || rowKey.endsWith(`:${written}`) || !/^\d+$/.test(written);

/** The econDept 款 of each 三公 item: the basic spending on it is part of the declared item, never more. */
const THREE_PUBLIC_ECON = [
  ['outboundTravel', '30212', '因公出国（境）费'],
  ['reception', '30217', '公务接待费'],
  ['vehiclePurchase', '31013', '公务用车购置费'],
  ['vehicleOperation', '30231', '公务用车运行费'],
] as const;

/**
 * A declared 三公 item covers basic and project spending alike, so it is at least the basic
 * spending the 经济 facts give for its 款: a swapped 30217/30231 or a mistyped item shows here.
 */
export const declaredThreePublicCoversBasic: DisclosureRule = (d) => {
  const declared = d.declaredThreePublic;
  if (!declared) return [];
  const econFacts: readonly Fact[] = d.coarseFacts ? d.coarseFacts.basicByEcon : d.ledger.filter((r) => r.kind === 'basic');
  return THREE_PUBLIC_ECON.flatMap(([key, econ, label]): Finding[] => {
    const basic = sumAmounts(econFacts.filter((f) => f.econ === econ).map((f) => f.amount));
    const item = declared[key];
    if (basic === null || (item ?? 0) >= basic) return [];
    return [
      finding({
        code: 'threePublic.belowBasic',
        severity: 'error',
        zh: `“三公”经费的${label} ${yuan(item)} 小于一般公共预算基本支出中经济分类 ${econ} 的 ${yuan(basic)}；“三公”经费包含基本支出，不能更少（是否填错了项目或经济分类？）`,
        en: `the declared ${key} ${yuan(item)} is less than the basic spending on econ ${econ}, ${yuan(basic)}; 三公 includes basic spending, so it cannot be less (a swapped item or code?)`,
        at: declared.at,
        expected: `≥ ${yuan(basic)}`,
        actual: yuan(item),
      }),
    ];
  });
};

export const FACT_RULES: readonly DisclosureRule[] = [overlappingFactsAgree, printedDifferencesReported, declaredThreePublicCoversBasic];
