/**
 * The standard paragraphs of Hunan's 部门预算说明, in the wording Hunan's 说明 use
 * (“2024年本部门收入预算合计896.28万元，其中…”), read from Hunan's tables by id. The sections any
 * template shares (三公, 机关运行经费, 绩效目标) live in narrative/sections.ts.
 */
import { sumAmounts } from '../../money.ts';
import type { Read } from '../../narrative/figures.ts';
import type { ChangeReasons } from '../../narrative/front-matter.ts';
import {
  changeClause,
  Figures,
  officeRunningCostSection,
  performanceSection,
  sentence,
  threePublicSection,
  type StandardSection,
} from '../../narrative/sections.ts';
import type { Table } from '../../tables/model.ts';
import { amountIn, lookupColumn, textIn, withoutOrdinal } from '../../tables/table-cells.ts';
import type { ComputedFigure } from '../template-pack.ts';
import { literal } from '../../narrative/literal-text.ts';

const hasFinancialTables = (f: Figures): boolean => f.table('incomeExpenditureSummary') !== undefined && f.table('expenditureSummary') !== undefined;

/** The top-level income lines of 表1 (`一、…` to `十一、…`) that hold an amount, by figure name. */
function incomeLines(f: Figures): string[] {
  const table1 = f.table('incomeExpenditureSummary');
  if (!table1) return [];
  const label = lookupColumn(table1, ['收入', '项目']);
  if (!label.ok) return [];
  return table1.rows
    .filter((r) => /^line:\d+$/.test(r.key) && /^[一二三四五六七八九十]+、/.test(textIn(r, label.column.index)))
    .map((r) => withoutOrdinal(textIn(r, label.column.index)))
    .filter((name) => f.has(name));
}

const overview: StandardSection = {
  key: 'overview',
  title: '收支预算总体情况',
  markers: ['收支预算总体情况', '收支总体情况', '收支预算总体'],
  generate(context) {
    const f = new Figures(context);
    if (!hasFinancialTables(f)) return null;
    const missing: (keyof ChangeReasons)[] = [];
    const income = incomeLines(f).map((name) => `${name}{{${name}}}万元，占{{${name}.占比}}`);
    const kinds = ['基本支出', '项目支出', '事业单位经营支出', '上缴上级支出', '对附属单位补助支出'].filter((k) => f.has(k));
    const incomeText = sentence([
      '{{年度}}年本部门收入预算合计{{收入合计}}万元',
      income.length > 0 ? `，其中：${income.join('；')}` : '',
      f.has('上年结转') ? '；另有上年结转结余{{上年结转}}万元' : '',
      changeClause(f, '收入合计', 'income', missing),
      '。',
    ]);
    const expenditureText = sentence([
      '{{年度}}年本部门支出预算合计{{支出合计}}万元',
      kinds.length > 0 ? `，其中：${kinds.map((k) => `${k}{{${k}}}万元，占{{${k}.占比}}`).join('；')}` : '',
      changeClause(f, '支出合计', 'expenditure', missing),
      '。',
    ]);
    return { markdown: `${incomeText}\n\n${expenditureText}`, missingReasons: missing };
  },
};

/** The sub-lines of 表6's income side under `一、本年收入` (or `二、上年结转`) that hold an amount. */
function fiscalIncomeLines(table6: Table, group: '一、本年收入' | '二、上年结转'): string[] {
  const label = lookupColumn(table6, ['收入', '项目']);
  if (!label.ok) return [];
  const lines = table6.rows.filter((r) => /^line:\d+$/.test(r.key));
  const start = lines.findIndex((r) => textIn(r, label.column.index) === group);
  if (start < 0) return [];
  const out: string[] = [];
  for (const row of lines.slice(start + 1)) {
    const text = textIn(row, label.column.index);
    // The group ends at the next top-level line (`二、上年结转`); the unnumbered sub-lines under a
    // part (经费拨款 under 一般公共预算拨款) are inside it and are skipped, not an end: stopping
    // there left 政府性基金 out of the sentence.
    if (/^[一二三四五六七八九十]+、/.test(text) || text === '') break;
    if (!/^（[一二三四五六七八九十]+）/.test(text)) continue;
    const reference = `fiscalSummary:${row.key}:收入/预算数`;
    const cell = row.cells[label.column.index + 1];
    if (cell && cell.kind === 'amount' && cell.value !== null && cell.value !== 0) out.push(`${withoutOrdinal(text)}{{${reference}}}万元`);
  }
  return out;
}

const fiscal: StandardSection = {
  key: 'fiscal',
  title: '财政拨款收支预算情况',
  markers: ['财政拨款收支'],
  generate(context) {
    const f = new Figures(context);
    const table6 = f.table('fiscalSummary');
    if (!table6 || table6.empty) return null;
    const missing: (keyof ChangeReasons)[] = [];
    const current = fiscalIncomeLines(table6, '一、本年收入');
    const carried = fiscalIncomeLines(table6, '二、上年结转');
    return {
      markdown: sentence([
        '{{年度}}年本部门财政拨款收入预算{{财政拨款收入}}万元',
        current.length > 0 ? `，其中：${current.join('，')}` : '',
        // 上年结转 is beside 本年收入, not part of it: “另有” says so, as the overview does.
        carried.length > 0 ? `；另有上年结转${carried.join('，')}` : '',
        '。财政拨款支出预算{{财政拨款支出}}万元',
        changeClause(f, '财政拨款支出', 'fiscal', missing),
        '。',
      ]),
      missingReasons: missing,
    };
  },
};

/** 表7 rows of one level (`class`, `section`, `item`) as distinct codes with their printed names. */
function functionalRows(table7: Table, level: 'class' | 'item'): { code: string; name: string }[] {
  const name = lookupColumn(table7, ['科目名称']);
  const code = lookupColumn(table7, ['科目编码']);
  if (!name.ok || !code.ok) return [];
  const seen = new Map<string, string>();
  for (const row of table7.rows.filter((r) => r.level === level)) {
    const c = textIn(row, code.column.index);
    if (!seen.has(c)) seen.set(c, textIn(row, name.column.index));
  }
  return [...seen].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([c, n]) => ({ code: c, name: n }));
}

const generalBudget: StandardSection = {
  key: 'generalBudget',
  title: '一般公共预算支出情况',
  markers: ['一般公共预算支出情况', '一般公共预算拨款支出情况', '一般公共预算支出预算'],
  generate(context) {
    const f = new Figures(context);
    const table7 = f.table('generalBudgetExpenditure');
    if (!table7 || table7.empty) return null;
    const missing: (keyof ChangeReasons)[] = [];
    const names = new Map(functionalRows(table7, 'class').map((r) => [r.code, r.name]));
    const sectionNames = new Map<string, string>();
    const nameColumn = lookupColumn(table7, ['科目名称']);
    const codeColumn = lookupColumn(table7, ['科目编码']);
    if (nameColumn.ok && codeColumn.ok) {
      for (const row of table7.rows.filter((r) => r.level === 'section'))
        sectionNames.set(textIn(row, codeColumn.column.index), textIn(row, nameColumn.column.index));
    }
    const classes = [...names].map(([code, name]) => `${literal(name)}{{generalBudgetExpenditure:class:*:${code}:合计}}万元`);
    const items = functionalRows(table7, 'item').map(
      (item) =>
        `- ${literal(names.get(item.code.slice(0, 3)) ?? '')}（类）${literal(sectionNames.get(item.code.slice(0, 5)) ?? '')}（款）${literal(item.name)}（项）：{{generalBudgetExpenditure:item:*:${item.code}:合计}}万元`,
    );
    const lead = sentence([
      '{{年度}}年本部门一般公共预算拨款支出预算{{一般公共预算支出}}万元，其中：基本支出{{一般公共预算基本支出}}万元，项目支出{{一般公共预算项目支出}}万元',
      changeClause(f, '一般公共预算支出', null, missing),
      '。',
      classes.length > 0 ? `按支出功能分类，${classes.join('，')}。` : '',
    ]);
    return { markdown: items.length > 0 ? `${lead}具体为：\n\n${items.join('\n')}` : lead, missingReasons: missing };
  },
};

/** Names of 表8's 款 rows, split into 人员经费 (301, 303) and 公用经费 (the rest). */
function basicSectionNames(table8: Table): { personnel: string[]; operating: string[] } {
  const code = lookupColumn(table8, ['科目代码']);
  const name = lookupColumn(table8, ['科目名称']);
  const out = { personnel: [] as string[], operating: [] as string[] };
  if (!code.ok || !name.ok) return out;
  for (const row of table8.rows.filter((r) => r.level === 'section')) {
    const c = textIn(row, code.column.index);
    (c.startsWith('301') || c.startsWith('303') ? out.personnel : out.operating).push(textIn(row, name.column.index));
  }
  return out;
}

const generalBudgetBasic: StandardSection = {
  key: 'generalBudgetBasic',
  title: '一般公共预算基本支出情况',
  markers: ['基本支出情况', '一般公共预算基本支出'],
  generate(context) {
    const f = new Figures(context);
    const table8 = f.table('generalBudgetBasic');
    if (!table8 || table8.empty) return null;
    const names = basicSectionNames(table8);
    const part = (figure: '人员经费' | '公用经费', list: string[]) =>
      f.has(figure) ? `${figure}{{${figure}}}万元，占{{${figure}.占比}}${list.length > 0 ? `，主要包括${list.map(literal).join('、')}` : ''}` : '';
    const parts = [part('人员经费', names.personnel), part('公用经费', names.operating)].filter((p) => p !== '');
    return {
      markdown: sentence(['{{年度}}年本部门一般公共预算基本支出{{一般公共预算基本支出}}万元', parts.length > 0 ? `，其中：${parts.join('；')}` : '', '。']),
      missingReasons: [],
    };
  },
};

const generalBudgetProject: StandardSection = {
  key: 'generalBudgetProject',
  title: '一般公共预算项目支出情况',
  markers: ['项目支出情况', '一般公共预算项目支出'],
  generate(context) {
    const f = new Figures(context);
    const table7 = f.table('generalBudgetExpenditure');
    if (!table7 || table7.empty || !f.has('一般公共预算项目支出')) return null;
    const table21 = f.table('specialFundSummary');
    const name = table21 ? lookupColumn(table21, ['单位名称（专项名称）']) : undefined;
    const amount = table21 ? lookupColumn(table21, ['一般公共预算小计']) : undefined;
    const projects =
      table21 && name?.ok && amount?.ok
        ? table21.rows
            .filter((r) => r.level === 'project')
            .filter((r) => {
              const cell = r.cells[amount.column.index];
              return cell?.kind === 'amount' && cell.value !== null && cell.value !== 0;
            })
            .map((r) => `${literal(textIn(r, name.column.index))}{{specialFundSummary:${r.key}:一般公共预算小计}}万元`)
        : [];
    return {
      markdown: sentence([
        '{{年度}}年本部门一般公共预算项目支出{{一般公共预算项目支出}}万元',
        projects.length > 0 ? `，其中专项资金{{specialFundSummary:total:一般公共预算小计}}万元，包括：${projects.join('、')}` : '',
        '。',
      ]),
      missingReasons: [],
    };
  },
};

/** 机关运行经费: the 公用经费 of the admin units' 一般公共预算基本支出 (the unit rows of 一般公共预算支出表). */
export const officeRunningCostFigure: ComputedFigure = {
  name: '机关运行经费',
  table: 'generalBudgetExpenditure',
  read: (d, tables): Read => {
    const table = tables.find((t) => t.id === 'generalBudgetExpenditure');
    if (!table) return { ok: false, code: 'unknownReference', detail: '没有一般公共预算支出表 / no general budget table' };
    if (!table.provided) return { ok: false, code: 'tableNotProvided', detail: '一般公共预算支出表未公开 / the general budget table was not provided' };
    const admin = d.units.filter((u) => u.type === 'admin');
    if (admin.length === 0) return { ok: true, value: null };
    // A unit with no general-budget row has no 公用经费 there: nothing, not an error.
    return { ok: true, value: sumAmounts(admin.map((u) => amountIn(table, `unit:${u.code}`, ['基本支出', '公用经费']))) };
  },
};

export const HUNAN_SECTIONS: readonly StandardSection[] = [
  overview,
  fiscal,
  generalBudget,
  generalBudgetBasic,
  generalBudgetProject,
  threePublicSection,
  officeRunningCostSection,
  performanceSection,
];
