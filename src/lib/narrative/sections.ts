/**
 * The standard paragraphs of a 说明, generated from the tables when the author does not write them.
 * Each template pack lists its sections (templates/*); the ones here read only named figures
 * (`{{三公合计}}`, `{{机关运行经费}}`) and the tables every template of forms has, so any pack
 * that names those figures shares them. Each section is Markdown whose figures are references,
 * resolved by the same code as the author's text: a generated sentence can no more contradict a
 * table than a written one. A section says nothing it cannot read from the data; where the data
 * has nothing (a performance-only disclosure, no 机关运行经费), the section is left out.
 */
import type { Amount } from '../money.ts';
import type { Table } from '../tables/model.ts';
import { lookupColumn } from '../tables/table-cells.ts';
import { figureCatalogue, type FigureCatalogue, type FigureYear } from './figures.ts';
import type { ChangeReasons } from './front-matter.ts';

export type SectionKey =
  | 'overview'
  | 'income'
  | 'expenditure'
  | 'fiscal'
  | 'generalBudget'
  | 'generalBudgetBasic'
  | 'generalBudgetProject'
  | 'threePublic'
  | 'officeRunningCost'
  | 'performance';

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

/** The figures of one year (and the previous one) as a section reads them. */
export class Figures {
  private readonly catalogue: FigureCatalogue;
  private readonly previousCatalogue: FigureCatalogue | undefined;
  readonly context: SectionContext;
  constructor(context: SectionContext) {
    this.context = context;
    this.catalogue = figureCatalogue(context.current);
    this.previousCatalogue = context.previous && context.previous !== 'unknown' ? figureCatalogue(context.previous) : undefined;
  }
  /** A named figure's value this year (null when empty, unknown to the template or unreadable). */
  value(name: string): Amount {
    const read = this.catalogue.figures.get(name)?.read(this.context.current);
    return read && read.ok ? read.value : null;
  }
  /** Whether the template names this figure and it can be read (its table was published). */
  readable(name: string): boolean {
    const read = this.catalogue.figures.get(name)?.read(this.context.current);
    return read !== undefined && read.ok;
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
  /** A published table of this year by id. */
  table(id: string): Table | undefined {
    const table = this.context.current.tables.find((t) => t.id === id);
    return table && table.provided ? table : undefined;
  }
}

/** `，比上年{{name.变动}}` when last year is known, plus the author's reason when it changed. */
export function changeClause(f: Figures, name: string, reason: keyof ChangeReasons | null, missing: (keyof ChangeReasons)[]): string {
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

export const sentence = (parts: readonly string[]): string => parts.filter((p) => p !== '').join('');

function reasonSentence(f: Figures, reason: keyof ChangeReasons, missing: (keyof ChangeReasons)[]): string {
  const text = f.context.reasons[reason];
  if (!text) {
    missing.push(reason);
    return '';
  }
  return `。变动的主要原因是${text.replace(/^主要原因是/, '').replace(/[。.]$/, '')}`;
}

/** “三公”经费: its total and four items, and the change against last year with the reason. */
export const threePublicSection: StandardSection = {
  key: 'threePublic',
  title: '“三公”经费预算情况',
  markers: ['三公'],
  generate(context) {
    const f = new Figures(context);
    if (!f.table('threePublic') || !f.readable('三公合计')) return null;
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

/** 机关运行经费, wherever the template can read it (computed from unit rows, or printed beside 三公). */
export const officeRunningCostSection: StandardSection = {
  key: 'officeRunningCost',
  title: '机关运行经费',
  markers: ['机关运行经费'],
  generate(context) {
    const f = new Figures(context);
    if (!f.readable('机关运行经费') || f.value('机关运行经费') === null) return null;
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

/** 绩效目标: how many project forms and whether the department form is published. */
export const performanceSection: StandardSection = {
  key: 'performance',
  title: '绩效目标情况',
  markers: ['绩效目标'],
  generate(context) {
    const f = new Figures(context);
    const projectForms = f.table('projectPerformance');
    const unitForms = f.table('unitPerformance');
    const forms = projectForms ? projectForms.rows.filter((r) => r.level === 'project').length : 0;
    const unitForm = unitForms !== undefined && !unitForms.empty;
    if (forms === 0 && !unitForm) return null;
    const amount = projectForms ? lookupColumn(projectForms, ['年度本级预算金额']) : undefined;
    const parts = [
      forms > 0 ? `公开项目支出绩效目标表${forms}张${amount?.ok ? '，涉及项目预算资金{{projectPerformance:project:*:年度本级预算金额}}万元' : ''}` : '',
      unitForm ? '公开部门整体支出绩效目标表' : '',
    ].filter((p) => p !== '');
    return { markdown: `{{年度}}年本部门${parts.join('；同时')}。各项绩效指标见绩效目标表。`, missingReasons: [] };
  },
};

/** A heading's text with ordinals (`一、`, `（三）`, `3.`) and spaces removed, for matching markers. */
export const headingKey = (text: string): string =>
  text.replace(/[\s\u3000]+/g, '').replace(/^(?:[一二三四五六七八九十]+[、.．]|（[一二三四五六七八九十]+）|\d+[、.．])/, '');

/** The standard section of a template an author's heading stands for, if any. */
export function sectionForHeading(sections: readonly StandardSection[], text: string): StandardSection | undefined {
  const key = headingKey(text);
  return sections.find((s) => s.markers.some((m) => key.includes(m)));
}

/** A section by its key (`threePublic`) or a title an author would write (`三公经费`), for `{{说明:…}}`. */
export function sectionByName(sections: readonly StandardSection[], name: string): StandardSection | undefined {
  return sections.find((s) => s.key === name) ?? sectionForHeading(sections, name);
}
