/**
 * The standard paragraphs of a 部门预算说明, generated from the tables when the author does not
 * write them, in the wording Hunan's 说明 use (“2024年本部门收入预算合计896.28万元，其中…”).
 * Each section is Markdown whose figures are references (`{{收入合计}}`), resolved by the same
 * code as the author's text: a generated sentence can no more contradict a table than a written one.
 * A section says nothing it cannot read from the data; where the data has nothing (a
 * performance-only disclosure, no admin unit), the section is left out.
 */
import type { Amount } from '../money.ts';
import type { Table } from '../tables/model.ts';
import { figureCatalogue, type FigureCatalogue, type FigureYear } from './figures.ts';
import type { ChangeReasons } from './front-matter.ts';
import { lookupColumn, textIn, withoutOrdinal } from '../tables/table-cells.ts';
import { literal } from './literal-text.ts';

export const SECTION_KEYS = [
  'overview',
  'fiscal',
  'generalBudget',
  'generalBudgetBasic',
  'generalBudgetProject',
  'threePublic',
  'officeRunningCost',
  'performance',
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export interface SectionContext {
  readonly current: FigureYear;
  /** Last year, when known; `unknown` generates no change sentences (see references.ts). */
  readonly previous?: FigureYear | 'unknown' | undefined;
  readonly reasons: ChangeReasons;
}

/** What a generator produces: the Markdown body, and the figures whose change it explains. */
export interface GeneratedSection {
  readonly markdown: string;
  /** Reasons the section would print but the author has not given (a change with no `changeReasons` entry). */
  readonly missingReasons: readonly (keyof ChangeReasons)[];
}

export interface StandardSection {
  readonly key: SectionKey;
  /** The heading it is printed under. */
  readonly title: string;
  /** Heading texts (ordinals and spaces ignored) that mean the author wrote this section. */
  readonly markers: readonly string[];
  readonly generate: (context: SectionContext) => GeneratedSection | null;
}

class Figures {
  private readonly catalogue: FigureCatalogue;
  private readonly previousCatalogue: FigureCatalogue | undefined;
  readonly context: SectionContext;
  constructor(context: SectionContext) {
    this.context = context;
    this.catalogue = figureCatalogue(context.current);
    this.previousCatalogue = context.previous && context.previous !== 'unknown' ? figureCatalogue(context.previous) : undefined;
  }
  /** A named figure's value this year (null when empty or unreadable). */
  value(name: string): Amount {
    const read = this.catalogue.figures.get(name)?.read(this.context.current);
    return read && read.ok ? read.value : null;
  }
  has(name: string): boolean {
    const value = this.value(name);
    return value !== null && value !== 0;
  }
  /** Whether last year's value can be read and differs from this year's. */
  changed(name: string): boolean | undefined {
    const previous = this.context.previous;
    if (!previous || previous === 'unknown' || !this.previousCatalogue) return undefined;
    const read = this.previousCatalogue.figures.get(name)?.read(previous);
    if (!read || !read.ok) return undefined;
    return (read.value ?? 0) !== (this.value(name) ?? 0);
  }
  table(number: number): Table | undefined {
    const table = this.context.current.tables.find((t) => t.number === number);
    return table && table.provided ? table : undefined;
  }
}

/** `，比上年{{name.变动}}` when last year is known, plus the author's reason when it changed. */
function changeClause(f: Figures, name: string, reason: keyof ChangeReasons | null, missing: (keyof ChangeReasons)[]): string {
  const changed = f.changed(name);
  if (changed === undefined) return '';
  let clause = `，比上年{{${name}.变动}}`;
  if (changed && reason) {
    const text = f.context.reasons[reason];
    if (text) clause += `，主要原因是${text.replace(/^主要原因是/, '').replace(/[。.]$/, '')}`;
    else missing.push(reason);
  }
  return clause;
}

const sentence = (parts: readonly string[]): string => parts.filter((p) => p !== '').join('');
const hasFinancialTables = (f: Figures): boolean => f.table(1) !== undefined && f.table(3) !== undefined;

/** The top-level income lines of 表1 (`一、…` to `十一、…`) that hold an amount, by figure name. */
function incomeLines(f: Figures): string[] {
  const table1 = f.table(1);
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
    const reference = `表6:${row.key}:收入/预算数`;
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
    const table6 = f.table(6);
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
    const table7 = f.table(7);
    if (!table7 || table7.empty) return null;
    const missing: (keyof ChangeReasons)[] = [];
    const names = new Map(functionalRows(table7, 'class').map((r) => [r.code, r.name]));
    const sectionNames = new Map<string, string>();
    const nameColumn = lookupColumn(table7, ['科目名称']);
    const codeColumn = lookupColumn(table7, ['科目编码']);
    if (nameColumn.ok && codeColumn.ok) {
      for (const row of table7.rows.filter((r) => r.level === 'section')) sectionNames.set(textIn(row, codeColumn.column.index), textIn(row, nameColumn.column.index));
    }
    const classes = [...names].map(([code, name]) => `${literal(name)}{{表7:class:*:${code}:合计}}万元`);
    const items = functionalRows(table7, 'item').map(
      (item) =>
        `- ${literal(names.get(item.code.slice(0, 3)) ?? '')}（类）${literal(sectionNames.get(item.code.slice(0, 5)) ?? '')}（款）${literal(item.name)}（项）：{{表7:item:*:${item.code}:合计}}万元`,
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
    const table8 = f.table(8);
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
    const table7 = f.table(7);
    if (!table7 || table7.empty || !f.has('一般公共预算项目支出')) return null;
    const table21 = f.table(21);
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
            .map((r) => `${literal(textIn(r, name.column.index))}{{表21:${r.key}:一般公共预算小计}}万元`)
        : [];
    return {
      markdown: sentence([
        '{{年度}}年本部门一般公共预算项目支出{{一般公共预算项目支出}}万元',
        projects.length > 0 ? `，其中专项资金{{表21:total:一般公共预算小计}}万元，包括：${projects.join('、')}` : '',
        '。',
      ]),
      missingReasons: [],
    };
  },
};

const threePublic: StandardSection = {
  key: 'threePublic',
  title: '“三公”经费预算情况',
  markers: ['三公'],
  generate(context) {
    const f = new Figures(context);
    const table15 = f.table(15);
    if (!table15) return null;
    const missing: (keyof ChangeReasons)[] = [];
    const items = ['因公出国（境）费', '公务用车购置及运行费', '公务接待费'] as const;
    const budget =
      '{{年度}}年本部门一般公共预算“三公”经费预算{{三公合计}}万元，其中：因公出国（境）费{{因公出国（境）费}}万元，' +
      '公务用车购置及运行费{{公务用车购置及运行费}}万元（其中公务用车购置费{{公务用车购置费}}万元，公务用车运行费{{公务用车运行费}}万元），' +
      '公务接待费{{公务接待费}}万元。';
    const changed = f.changed('三公合计');
    if (changed === undefined) return { markdown: budget, missingReasons: [] };
    const change = sentence([
      '“三公”经费预算比上年{{三公合计.变动}}，其中：',
      items.map((item) => `${item}比上年{{${item}.变动}}`).join('，'),
      changed ? reasonSentence(f, 'threePublic', missing) : '',
      '。',
    ]);
    return { markdown: `${budget}${change}`, missingReasons: missing };
  },
};

function reasonSentence(f: Figures, reason: keyof ChangeReasons, missing: (keyof ChangeReasons)[]): string {
  const text = f.context.reasons[reason];
  if (!text) {
    missing.push(reason);
    return '';
  }
  return `。变动的主要原因是${text.replace(/^主要原因是/, '').replace(/[。.]$/, '')}`;
}

const officeRunningCost: StandardSection = {
  key: 'officeRunningCost',
  title: '机关运行经费',
  markers: ['机关运行经费'],
  generate(context) {
    const f = new Figures(context);
    const table7 = f.table(7);
    if (!table7 || !context.current.disclosure.units.some((u) => u.type === 'admin')) return null;
    const missing: (keyof ChangeReasons)[] = [];
    return {
      markdown: sentence([
        '{{年度}}年本部门机关运行经费预算{{机关运行经费}}万元',
        changeClause(f, '机关运行经费', 'officeRunningCost', missing),
        '。机关运行经费按行政单位一般公共预算基本支出中的公用经费计算。',
      ]),
      missingReasons: missing,
    };
  },
};

const performance: StandardSection = {
  key: 'performance',
  title: '绩效目标情况',
  markers: ['绩效目标'],
  generate(context) {
    const f = new Figures(context);
    const table22 = f.table(22);
    const table23 = f.table(23);
    const forms = table22 ? table22.rows.filter((r) => r.level === 'project').length : 0;
    const unitForm = table23 !== undefined && !table23.empty;
    if (forms === 0 && !unitForm) return null;
    const amount = table22 ? lookupColumn(table22, ['年度本级预算金额']) : undefined;
    const parts = [
      forms > 0 ? `公开项目支出绩效目标表${forms}张${amount?.ok ? '，涉及项目预算资金{{表22:project:*:年度本级预算金额}}万元' : ''}` : '',
      unitForm ? '公开部门整体支出绩效目标表' : '',
    ].filter((p) => p !== '');
    return { markdown: `{{年度}}年本部门${parts.join('；同时')}。各项绩效指标见绩效目标表。`, missingReasons: [] };
  },
};

export const STANDARD_SECTIONS: readonly StandardSection[] = [
  overview,
  fiscal,
  generalBudget,
  generalBudgetBasic,
  generalBudgetProject,
  threePublic,
  officeRunningCost,
  performance,
];

/** A heading's text with ordinals (`一、`, `（三）`, `3.`) and spaces removed, for matching markers. */
export const headingKey = (text: string): string =>
  text.replace(/[\s\u3000]+/g, '').replace(/^(?:[一二三四五六七八九十]+[、.．]|（[一二三四五六七八九十]+）|\d+[、.．])/, '');

/** The standard section an author's heading stands for, if any. */
export function sectionForHeading(text: string): StandardSection | undefined {
  const key = headingKey(text);
  return STANDARD_SECTIONS.find((s) => s.markers.some((m) => key.includes(m)));
}

/** A standard section by its key (`threePublic`) or a title an author would write (`三公经费`), for `{{说明:…}}`. */
export function sectionByName(name: string): StandardSection | undefined {
  return STANDARD_SECTIONS.find((s) => s.key === name) ?? sectionForHeading(name);
}
