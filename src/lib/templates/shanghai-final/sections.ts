/**
 * The standard 说明 paragraphs of a Shanghai 部门决算, in the wording of its 情况说明 (一 to 七), from
 * named figures and the 决算's own 年初预算数. Every amount a table gives is a reference; the
 * 年初预算数 (which no table prints) and the 完成率 are computed from the content, never typed.
 */
import { formatWan } from '../../money.ts';
import { changeClause, Figures, sentence, type StandardSection } from '../../narrative/sections.ts';
import type { ChangeReasons } from '../../narrative/front-matter.ts';
import { compareBudgetWithFinal } from '../../final/budget-vs-final.ts';
import { completionClause } from '../../final/variance.ts';

const share = (f: Figures, names: readonly string[]): string =>
  names
    .filter((k) => f.has(k))
    .map((k) => `${k}{{${k}}}万元，占{{${k}.占比}}`)
    .join('；');

const overview: StandardSection = {
  key: 'overview',
  title: '收入支出决算总体情况说明',
  markers: ['收入支出决算总体情况'],
  generate(context) {
    const f = new Figures(context);
    if (!f.table('incomeExpenditureSummary')) return null;
    const missing: (keyof ChangeReasons)[] = [];
    return {
      markdown: sentence(['{{年度}}年度本部门收入支出总计{{收入支出总计}}万元', changeClause(f, '收入支出总计', 'expenditure', missing), '。']),
      missingReasons: missing,
    };
  },
};

const income: StandardSection = {
  key: 'income',
  title: '收入决算情况说明',
  markers: ['收入决算情况'],
  generate(context) {
    const f = new Figures(context);
    if (!f.table('incomeSummary')) return null;
    const parts = share(f, ['财政拨款收入', '其他收入']);
    return { markdown: sentence(['本年收入合计{{收入合计}}万元', parts ? `，其中：${parts}` : '', '。']), missingReasons: [] };
  },
};

const expenditure: StandardSection = {
  key: 'expenditure',
  title: '支出决算情况说明',
  markers: ['支出决算情况'],
  generate(context) {
    const f = new Figures(context);
    if (!f.table('expenditureSummary')) return null;
    const parts = share(f, ['基本支出', '项目支出']);
    return { markdown: sentence(['本年支出合计{{支出合计}}万元', parts ? `，其中：${parts}` : '', '。']), missingReasons: [] };
  },
};

const fiscal: StandardSection = {
  key: 'fiscal',
  title: '财政拨款收入支出决算总体情况说明',
  markers: ['财政拨款收入支出决算总体情况'],
  generate(context) {
    const f = new Figures(context);
    if (!f.table('fiscalSummary')) return null;
    const missing: (keyof ChangeReasons)[] = [];
    return {
      markdown: sentence([
        '{{年度}}年度本部门财政拨款收入支出总计{{财政拨款收入支出总计}}万元',
        changeClause(f, '财政拨款收入支出总计', 'fiscal', missing),
        '。',
      ]),
      missingReasons: missing,
    };
  },
};

/** 一般公共预算财政拨款支出: the whole against its 年初预算, then each 功能 项 with its sentence. */
const generalBudget: StandardSection = {
  key: 'generalBudget',
  title: '一般公共预算财政拨款支出决算情况说明',
  markers: ['一般公共预算财政拨款支出决算情况'],
  generate(context) {
    const f = new Figures(context);
    if (!f.table('generalBudgetExpenditure')) return null;
    const comparison = compareBudgetWithFinal(context.current.disclosure, [context.current.disclosure]);
    const head = '一般公共预算财政拨款支出{{一般公共预算支出}}万元，占本年支出合计的{{一般公共预算支出.占比}}。';
    if (!comparison) return { markdown: head, missingReasons: [] };
    const t = comparison.total;
    const whole = `一般公共预算财政拨款支出年初预算为${formatWan(t.initialBudget ?? 0)}万元，支出决算为{{一般公共预算支出}}万元，${completionClause(t.initialBudget, t.actual)}。${t.sentence}`;
    const items = comparison.byItem.map(
      (l, i) =>
        `${i + 1}、${l.name}（项）。年初预算为${formatWan(l.initialBudget ?? 0)}万元，支出决算为{{generalBudgetExpenditure:item:${l.key}:合计}}万元，${completionClause(l.initialBudget, l.actual)}。${l.sentence}`,
    );
    return { markdown: [head, whole, ...items].join('\n\n'), missingReasons: [] };
  },
};

const generalBudgetBasic: StandardSection = {
  key: 'generalBudgetBasic',
  title: '一般公共预算财政拨款基本支出决算情况说明',
  markers: ['一般公共预算财政拨款基本支出决算情况'],
  generate(context) {
    const f = new Figures(context);
    if (!f.table('generalBudgetBasic')) return null;
    return {
      markdown: '一般公共预算财政拨款基本支出{{一般公共预算基本支出}}万元。其中：人员经费{{人员经费}}万元；公用经费{{公用经费}}万元。',
      missingReasons: [],
    };
  },
};

/** 三公: 预算数 against 决算数 with the 完成率 (none of a zero budget), and the counts a 决算 must state. */
const threePublic: StandardSection = {
  key: 'threePublic',
  title: '财政拨款“三公”经费支出决算情况说明',
  markers: ['三公'],
  generate(context) {
    const f = new Figures(context);
    if (!f.table('threePublic')) return null;
    const d = context.current.disclosure;
    const comparison = compareBudgetWithFinal(d, [d]);
    const budget = d.finalAccounts
      ? [
          d.finalAccounts.threePublicBudget.outboundTravel,
          d.finalAccounts.threePublicBudget.reception,
          d.finalAccounts.threePublicBudget.vehiclePurchase,
          d.finalAccounts.threePublicBudget.vehicleOperation,
        ]
      : [];
    const budgetTotal = budget.some((a) => a !== null) ? budget.reduce<number>((s, a) => s + (a ?? 0), 0) : null;
    const actual = f.value('三公合计');
    const reasons = comparison?.threePublic.find((l) => l.reasonMissing === false && l.direction !== 'equal')?.sentence ?? '';
    const lines = [
      `“三公”经费财政拨款支出年初预算为{{三公预算}}万元，支出决算为{{三公合计}}万元，${completionClause(budgetTotal, actual)}。`,
      `其中：因公出国（境）费支出决算为{{因公出国（境）费}}万元；公务用车购置及运行维护费支出决算为{{公务用车购置及运行费}}万元；公务接待费支出决算为{{公务接待费}}万元。`,
      reasons,
    ];
    const c = d.finalAccounts?.threePublicCounts;
    const count = (n: number | null | undefined, unit: string) => (n === null || n === undefined ? '未说明' : `${n}${unit}`);
    if (c) {
      lines.push(
        `因公出国（境）团组${count(c.trips, '个')}、${count(c.travellers, '人次')}；公务用车购置${count(c.vehiclesBought, '辆')}，年末保有量${count(c.vehiclesHeld, '辆')}；公务接待${count(c.receptions, '批次')}、${count(c.guests, '人次')}。`,
      );
    }
    return { markdown: lines.filter((l) => l !== '').join(''), missingReasons: [] };
  },
};

export const FINAL_SECTIONS: readonly StandardSection[] = [overview, income, expenditure, fiscal, generalBudget, generalBudgetBasic, threePublic];
