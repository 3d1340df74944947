/**
 * Figures that cannot be checked against the ledger by the ledger itself. An identity between two
 * things derived from the same rows (a form's total that the clerk copied from the tables) is
 * defeated by obeying its own message; these rules bring in what is independent of the rows:
 *
 * - `controls` in disclosure.yaml: figures from the approval or the imported tables (支出合计,
 *   三公 items …), each compared with what the tables derive — a swapped 30217/30231 keeps every
 *   total and still changes 公务接待费;
 * - a ledger row written twice (same unit, 科目, source, kind and project) is an error of its own,
 *   so the duplicate is named where it is, not as a difference somewhere downstream;
 * - the declared unit: a total that is implausible for a 万元 (or 元) file, unless a control
 *   figure confirms it.
 */
import { finding, type Finding, type SourcePosition } from '../findings.ts';
import type { Disclosure, LedgerRow } from '../disclosure/model.ts';
import { formatWanGrouped, parseAmount, type Amount, type AmountUnit } from '../money.ts';
import { figureCatalogue, readCell, type FigureYear, type Read } from '../narrative/figures.ts';
import { parseColumnPath } from '../tables/table-cells.ts';
import { buildTables } from '../templates/build-tables.ts';
import type { DisclosureRule, RuleContext } from './rule.ts';

const wan = (amount: Amount): string => `${formatWanGrouped(amount ?? 0)} 万元`;

/** Where the two numbers can come from, said in every control message: the fix is a look at the rows, not a copy of the derived figure. */
const SOURCES_ZH =
  '差异可能来自 ledger.yaml 的明细行（某行重复或遗漏、金额写错、经济科目填错，如 30217 公务接待费与 30231 公务用车运行维护费互换），也可能来自控制数本身：请对照批复文件逐行核对，不要直接把控制数改成推算数';
const SOURCES_EN =
  'the difference can come from a ledger row (duplicated or missing, a wrong amount, a wrong econ code such as 30217 reception swapped with 30231 vehicle operation) or from the control figure itself: check the rows against the approval, do not copy the derived figure into the control';

interface Control {
  readonly name: string;
  readonly amount: Amount;
  readonly at: SourcePosition;
}

/** The `controls` of disclosure.yaml, read from the file (amounts in its `amountUnit`); invalid amounts are findings. */
function controlsOf(d: Disclosure, context: RuleContext): { controls: Control[]; findings: Finding[] } {
  const source = context.yamlSource(d.files.disclosure);
  const data = source?.data as Record<string, unknown> | null | undefined;
  const raw = data && typeof data === 'object' ? data['controls'] : undefined;
  const unit = (data?.['amountUnit'] === '元' ? '元' : '万元') as AmountUnit;
  if (!source || raw === null || typeof raw !== 'object') return { controls: [], findings: [] };
  const controls: Control[] = [];
  const findings: Finding[] = [];
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    const at = source.positionOf(['controls', name]);
    const parsed = parseAmount(typeof value === 'string' ? value : null, unit);
    if (!parsed.ok || parsed.value === null) {
      findings.push(
        finding({
          code: 'control.invalidAmount',
          severity: 'error',
          zh: `控制数“${name}”不是金额：请写数字，如 ${name}: 11.00`,
          en: `control figure "${name}" is not an amount: write a number, e.g. ${name}: 11.00`,
          at,
          actual: String(value),
        }),
      );
      continue;
    }
    controls.push({ name, amount: parsed.value, at });
  }
  return { controls, findings };
}

/** `表N:row:column` (N as the disclosure's template prints it) or `tableId:row:column`, as in the narrative. */
const TABLE_REFERENCE = /^(?:表(\d{1,2})|([a-z][A-Za-z]+)):(.+):([^:]+)$/;

function readFigure(name: string, year: FigureYear, catalogue: ReturnType<typeof figureCatalogue>): Read | undefined {
  const table = TABLE_REFERENCE.exec(name);
  if (table) return readCell(year, table[1] ?? table[2] ?? '', table[3] ?? '', parseColumnPath(table[4] ?? ''));
  return catalogue.figures.get(name)?.read(year);
}

/** Each control figure equals the figure the tables derive from the ledger. */
export const controlsMatchLedger: DisclosureRule = (d, context) => {
  const { controls, findings } = controlsOf(d, context);
  if (controls.length === 0) return findings;
  const year: FigureYear = { disclosure: d, tables: buildTables(d) };
  const catalogue = figureCatalogue(year);
  for (const control of controls) {
    const read = readFigure(control.name, year, catalogue);
    if (!read || !read.ok) {
      findings.push(
        finding({
          code: 'control.unknownFigure',
          severity: 'error',
          zh: `控制数“${control.name}”不是可核对的数字名称：请用说明中可引用的名称（如 支出合计、三公合计、公务接待费）或 表N:行键:列`,
          en: `control "${control.name}" names no figure that can be checked: use a figure name of the narrative (支出合计, 三公合计, 公务接待费 …) or 表N:rowKey:column`,
          at: control.at,
          expected: [...catalogue.figures.keys()].slice(0, 40).join('、'),
          actual: control.name,
        }),
      );
      continue;
    }
    if ((read.value ?? 0) === control.amount) continue;
    findings.push(
      finding({
        code: 'control.mismatch',
        severity: 'error',
        zh: `控制数“${control.name}”为 ${wan(control.amount)}，由明细账推算为 ${wan(read.value)}，两者不符。${SOURCES_ZH}`,
        en: `control figure "${control.name}" is ${wan(control.amount)}, the ledger derives ${wan(read.value)}. ${SOURCES_EN}`,
        at: control.at,
        expected: `控制数 control: ${wan(control.amount)}`,
        actual: `明细账推算 derived: ${wan(read.value)}`,
      }),
    );
  }
  return findings;
};

const rowKey = (r: LedgerRow): string => [r.unit, r.func, r.econ, r.source, r.kind, r.project ?? ''].join('|');

/** One row per (unit, 功能 项, 经济 款, source, kind, project): a second row with the same key is a duplicate. */
export const ledgerRowsAreUnique: DisclosureRule = (d) => {
  const first = new Map<string, LedgerRow>();
  const findings: Finding[] = [];
  for (const row of d.ledger) {
    // A correction (a negative amount, or any row that states its reason) stands beside the row it corrects on purpose.
    if (row.amount < 0 || row.reason !== undefined) continue;
    const key = rowKey(row);
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, row);
      continue;
    }
    findings.push(
      finding({
        code: 'ledger.duplicateRow',
        severity: 'error',
        zh: `这一行与第 ${earlier.at.line} 行的单位、功能科目、经济科目、资金来源、支出类型和项目完全相同：是否重复粘贴？同一组合只写一行（确有两笔时请合并金额）`,
        en: `this row has the same unit, functional and econ codes, source, kind and project as line ${earlier.at.line}: pasted twice? Write one row per combination (add the amounts if there really are two)`,
        at: row.at,
        expected: `合并到第 ${earlier.at.line} 行 / merge into line ${earlier.at.line}`,
        actual: rowKey(row).replace(/\|+$/, ''),
      }),
    );
  }
  return findings;
};

/**
 * The range a department's annual ledger total falls in, per declared unit. Above 100 亿元 a
 * 万元 file is almost certainly typed in 元 (seed 003 is 896.28 万元; a large county bureau a few
 * 万 万元); below 1 万元 a 元 file is almost certainly typed in 万元.
 */
export const PLAUSIBLE_LEDGER_TOTAL: Readonly<Record<AmountUnit, { readonly min: number; readonly max: number }>> = {
  万元: { min: 0, max: 1_000_000 * 1_000_000 },
  元: { min: 10_000 * 100, max: Number.POSITIVE_INFINITY },
};

/** A ledger total implausible for the unit its file declares, unless `controls: {支出合计: …}` confirms it. */
export const ledgerTotalPlausibleForUnit: DisclosureRule = (d, context) => {
  const file = d.files.ledger;
  const source = file ? context.yamlSource(file) : undefined;
  const data = source?.data as Record<string, unknown> | null | undefined;
  const unit = data?.['amountUnit'];
  if (!file || !source || (unit !== '元' && unit !== '万元') || d.ledger.length === 0) return [];
  // Plain addition, not sumAmounts: a total past the safe range is amountTotalWithinLimit's
  // finding, and must not throw here.
  const total = d.ledger.reduce((sum, r) => sum + r.amount, 0);
  const range = PLAUSIBLE_LEDGER_TOTAL[unit];
  if ((total >= range.min && total <= range.max) || !Number.isSafeInteger(total)) return [];
  if (controlsOf(d, context).controls.some((c) => c.name === '支出合计' && c.amount === total)) return [];
  const inUnit = unit === '万元' ? `${formatWanGrouped(total)} 万元` : `${(total / 100).toFixed(2)} 元`;
  const [zh, en, other] =
    unit === '万元'
      ? [
          `明细账合计 ${inUnit}（${(total / 1e10).toFixed(2)} 亿元）对一个部门而言过大：金额可能是按“元”填写的`,
          `the ledger totals ${inUnit}, implausibly large for one department: the amounts are probably in 元`,
          '元',
        ]
      : [
          `明细账合计只有 ${inUnit}，对一个部门而言过小：金额可能是按“万元”填写的`,
          `the ledger totals only ${inUnit}, implausibly small for one department: the amounts are probably in 万元`,
          '万元',
        ];
  const confirm = unit === '万元' ? formatWanGrouped(total).replace(/,/g, '') : (total / 100).toFixed(2);
  return [
    finding({
      code: 'amount.implausibleForUnit',
      severity: 'error',
      zh: `${zh}。如是，请把 amountUnit 改为 ${other}（并核对 disclosure.yaml 和 performance.yaml 的单位）；如确为此数，请在 disclosure.yaml 中写 controls: {支出合计: ${confirm}} 予以确认`,
      en: `${en}. If so, set amountUnit: ${other} (and check the units of disclosure.yaml and performance.yaml); if the figure is right, confirm it with controls: {支出合计: ${confirm}} in disclosure.yaml`,
      at: source.positionOf(['amountUnit']),
      expected: `amountUnit: ${other}`,
      actual: `amountUnit: ${unit}`,
    }),
  ];
};
