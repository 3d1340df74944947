/**
 * Shanghai's standard 说明 paragraphs (收支预算总体情况, 财政拨款, 一般公共预算支出, 基本支出), in
 * the wording its 说明 use, from named figures; 三公, 机关运行经费 and 绩效目标 are shared
 * (narrative/sections.ts).
 */
import type { ChangeReasons } from '../../narrative/front-matter.ts';
import { changeClause, Figures, sentence, type StandardSection } from '../../narrative/sections.ts';

const overview: StandardSection = {
  key: 'overview',
  title: '收支预算总体情况',
  markers: ['收支预算总体情况', '财务收支预算总体情况', '收支总体情况'],
  generate(context) {
    const f = new Figures(context);
    if (!f.table('incomeExpenditureSummary') || !f.table('expenditureSummary')) return null;
    const missing: (keyof ChangeReasons)[] = [];
    const kinds = ['基本支出', '项目支出'].filter((k) => f.has(k)).map((k) => `${k}{{${k}}}万元，占{{${k}.占比}}`);
    return {
      markdown: sentence([
        '{{年度}}年本部门收入预算总计{{收入合计}}万元，支出预算总计{{支出合计}}万元',
        changeClause(f, '支出合计', 'expenditure', missing),
        kinds.length > 0 ? `。其中：${kinds.join('；')}` : '',
        '。',
      ]),
      missingReasons: missing,
    };
  },
};

const fiscal: StandardSection = {
  key: 'fiscal',
  title: '财政拨款收支预算情况',
  markers: ['财政拨款收支'],
  generate(context) {
    const f = new Figures(context);
    if (!f.table('fiscalSummary') || !f.has('财政拨款收入')) return null;
    const missing: (keyof ChangeReasons)[] = [];
    const funds = ['一般公共预算支出', '政府性基金预算支出', '国有资本经营预算支出'].filter((k) => f.has(k)).map((k) => `${k}{{${k}}}万元`);
    return {
      markdown: sentence([
        '{{年度}}年本部门财政拨款收入预算{{财政拨款收入}}万元，财政拨款支出预算{{财政拨款支出}}万元',
        funds.length > 0 ? `，其中：${funds.join('，')}` : '',
        changeClause(f, '财政拨款支出', 'fiscal', missing),
        '。',
      ]),
      missingReasons: missing,
    };
  },
};

const generalBudget: StandardSection = {
  key: 'generalBudget',
  title: '一般公共预算支出情况',
  markers: ['一般公共预算支出情况', '一般公共预算支出预算', '一般公共预算财政拨款支出'],
  generate(context) {
    const f = new Figures(context);
    if (!f.table('generalBudgetExpenditure') || !f.has('一般公共预算支出')) return null;
    const missing: (keyof ChangeReasons)[] = [];
    return {
      markdown: sentence([
        '{{年度}}年本部门一般公共预算支出预算{{一般公共预算支出}}万元，其中：基本支出{{一般公共预算基本支出}}万元，项目支出{{一般公共预算项目支出}}万元',
        changeClause(f, '一般公共预算支出', null, missing),
        '。',
      ]),
      missingReasons: missing,
    };
  },
};

const generalBudgetBasic: StandardSection = {
  key: 'generalBudgetBasic',
  title: '一般公共预算基本支出情况',
  markers: ['基本支出情况', '一般公共预算基本支出'],
  generate(context) {
    const f = new Figures(context);
    if (!f.table('generalBudgetBasic') || !f.has('一般公共预算基本支出')) return null;
    const parts = ['人员经费', '公用经费'].filter((k) => f.has(k)).map((k) => `${k}{{${k}}}万元，占{{${k}.占比}}`);
    return {
      markdown: sentence(['{{年度}}年本部门一般公共预算基本支出{{一般公共预算基本支出}}万元', parts.length > 0 ? `，其中：${parts.join('；')}` : '', '。']),
      missingReasons: [],
    };
  },
};

export const SHANGHAI_SECTIONS: readonly StandardSection[] = [overview, fiscal, generalBudget, generalBudgetBasic];
