/**
 * The finance system's flat line-level export (one row per budget line), as CSV (UTF-8 or GBK)
 * or as the first sheet of an XLSX, to ledger rows. Columns are found by their header, in Chinese
 * or by the system's field names (单位编码 / AGENCY_CODE …); amounts in 元 unless the header or a
 * 单位 line says 万元. Exact: every line of the export is one ledger row, nothing merged or split.
 */
import { FUNDING_SOURCES, SOURCE_INFO, type ExpenditureKind, type FundingSource } from '../ledger/sources.ts';
import type { AmountUnit } from '../money.ts';
import type { UnitType } from '../disclosure/model.ts';
import { readAmountCell } from './amount-cell.ts';
import type { CodeName, ImportedLedgerRow, ImportedProject } from './content-data.ts';
import type { ImportIssue } from './issues.ts';
import { addressOf, cellText, type Sheet, type SheetCell } from './sheet.ts';

export type FlatTable = { readonly kind: 'text'; readonly bytes: Uint8Array } | { readonly kind: 'sheet'; readonly sheet: Sheet };

type Field =
  | 'unitCode'
  | 'unitName'
  | 'unitType'
  | 'departmentCode'
  | 'departmentName'
  | 'func'
  | 'econDept'
  | 'econGov'
  | 'fund'
  | 'kind'
  | 'projectCode'
  | 'projectName'
  | 'specialFund'
  | 'amount';

/** Header names of each field, Chinese and the system's field names (compared without spaces, case-insensitively). */
export const FLAT_COLUMNS: Readonly<Record<Field, readonly string[]>> = {
  unitCode: ['单位编码', '预算单位编码', 'AGENCY_CODE'],
  unitName: ['单位名称', '预算单位名称', 'AGENCY_NAME'],
  unitType: ['单位类型', '单位性质', 'AGENCY_TYPE'],
  departmentCode: ['部门编码', '主管部门编码', 'DEPT_CODE'],
  departmentName: ['部门名称', '主管部门名称', 'DEPT_NAME'],
  func: ['功能分类科目编码', '支出功能分类科目编码', '功能科目编码', 'EXP_FUNC_CODE'],
  econDept: ['部门预算经济分类编码', '部门经济分类编码', 'DEP_BGT_ECO_CODE'],
  econGov: ['政府预算经济分类编码', '政府经济分类编码', 'GOV_BGT_ECO_CODE'],
  fund: ['资金性质', '资金来源', 'FUND_TYPE_CODE', 'FUND_TYPE'],
  kind: ['支出类型', '支出类别', 'EXP_TYPE'],
  projectCode: ['项目编码', 'PRO_CODE'],
  projectName: ['项目名称', 'PRO_NAME'],
  specialFund: ['是否专项资金', '专项资金', 'IS_SPECIAL'],
  amount: ['金额', '预算金额', '预算数', 'AMOUNT', 'AMT'],
};
const REQUIRED: readonly Field[] = ['unitCode', 'func', 'econDept', 'fund', 'kind', 'amount'];

export interface FlatLedger {
  readonly department: CodeName;
  readonly units: { code: string; name: string; type?: UnitType }[];
  readonly projects: ImportedProject[];
  readonly rows: ImportedLedgerRow[];
  readonly unit: AmountUnit;
}

/** Text of a CSV file: UTF-8 (with or without BOM), else GBK (GB18030), never mojibake. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/u, ''), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** RFC 4180 CSV (comma, or tab when the header has tabs and no commas), quotes and doubled quotes. */
export function parseCsv(text: string): string[][] {
  const firstLine = text.split(/\r?\n/u, 1)[0] ?? '';
  const sep = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const norm = (s: string): string =>
  s
    .replace(/[\s\u3000]+/gu, '')
    .replace(/[（(].*[)）]$/u, '')
    .toUpperCase();

function headerFields(cells: readonly string[]): Map<Field, number> {
  const found = new Map<Field, number>();
  cells.forEach((cell, i) => {
    const n = norm(cell);
    for (const [field, names] of Object.entries(FLAT_COLUMNS) as [Field, readonly string[]][]) {
      if (!found.has(field) && names.some((name) => norm(name) === n)) found.set(field, i);
    }
  });
  return found;
}

/** Whether the sheet's first rows hold a line-level export's header. */
export function looksLikeFlatExport(sheet: Sheet): boolean {
  return sheet.rows.slice(0, 5).some((row) => headerFields(row.map(cellText)).size >= 4);
}

const SOURCE_BY_TEXT: ReadonlyMap<string, FundingSource> = new Map<string, FundingSource>([
  ...FUNDING_SOURCES.map((s): [string, FundingSource] => [s.toUpperCase(), s]),
  ...FUNDING_SOURCES.map((s): [string, FundingSource] => [norm(SOURCE_INFO[s].label), s]),
  ['一般公共预算拨款', 'appropriation'],
  ['一般公共预算', 'generalBudget'],
  ['政府性基金', 'govFund'],
  ['政府性基金预算', 'govFund'],
  ['国有资本经营预算', 'stateCapital'],
  ['财政专户', 'specialAccount'],
]);

const KIND_BY_TEXT: ReadonlyMap<string, ExpenditureKind> = new Map<string, ExpenditureKind>([
  ['基本', 'basic'],
  ['基本支出', 'basic'],
  ['BASIC', 'basic'],
  ['1', 'basic'],
  ['项目', 'project'],
  ['项目支出', 'project'],
  ['PROJECT', 'project'],
  ['2', 'project'],
]);

const TRUE_TEXT = new Set(['是', 'Y', 'YES', 'TRUE', '1']);

export function importFlatExport(table: FlatTable, fileName: string): { ledger: FlatLedger | null; issues: ImportIssue[]; encoding?: string } {
  const issues: ImportIssue[] = [];
  let grid: { cells: string[]; raw?: readonly SheetCell[] }[];
  let encoding: string | undefined;
  if (table.kind === 'text') {
    const decoded = decodeText(table.bytes);
    encoding = decoded.encoding;
    grid = parseCsv(decoded.text).map((cells) => ({ cells: cells.map((c) => c.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '')) }));
  } else grid = table.sheet.rows.map((raw) => ({ cells: raw.map(cellText), raw }));
  const where = (line: number, column: number): string =>
    table.kind === 'text' ? `${fileName}:${line}` : `${table.sheet.name}!${addressOf(line, column + 1)}`;

  let unit: AmountUnit = '元';
  let headerIndex = -1;
  let fields = new Map<Field, number>();
  for (let i = 0; i < Math.min(grid.length, 10); i++) {
    const cells = grid[i]?.cells ?? [];
    if (cells.some((c) => /单位[:：]\s*万元/u.test(c))) unit = '万元';
    const found = headerFields(cells);
    if (found.size >= 4) {
      headerIndex = i;
      fields = found;
      const amountHeader = cells[found.get('amount') ?? -1] ?? '';
      if (/万元/u.test(amountHeader)) unit = '万元';
      break;
    }
  }
  if (headerIndex < 0) {
    issues.push({
      code: 'import.noHeader',
      at: fileName,
      zh: '找不到明细导出的表头（单位编码、功能分类科目编码、部门预算经济分类编码、资金性质、支出类型、金额）：请检查文件',
      en: 'no line-level export header found (单位编码 / AGENCY_CODE, EXP_FUNC_CODE, DEP_BGT_ECO_CODE, FUND_TYPE_CODE, 支出类型, 金额)',
    });
    return { ledger: null, issues, ...(encoding ? { encoding } : {}) };
  }
  for (const field of REQUIRED) {
    if (!fields.has(field))
      issues.push({
        code: 'import.missingColumn',
        at: where(headerIndex + 1, 0),
        zh: `明细导出缺少“${FLAT_COLUMNS[field][0]}”列（或 ${FLAT_COLUMNS[field].at(-1)}）`,
        en: `the export has no column ${FLAT_COLUMNS[field].join(' / ')}`,
      });
  }
  if (issues.length > 0) return { ledger: null, issues, ...(encoding ? { encoding } : {}) };

  const units = new Map<string, { code: string; name: string; type?: UnitType }>();
  const projects = new Map<string, ImportedProject>();
  const rows: ImportedLedgerRow[] = [];
  let department: CodeName | null = null;
  let assumedType = false;
  for (let i = headerIndex + 1; i < grid.length; i++) {
    const line = grid[i];
    if (!line || line.cells.every((c) => c === '')) continue;
    const get = (f: Field) => (fields.has(f) ? (line.cells[fields.get(f) ?? -1] ?? '') : '');
    const at = (f: Field) => where(i + 1, fields.get(f) ?? 0);
    const unitCode = get('unitCode');
    const func = get('func').replace(/\D/gu, '');
    const econ = get('econDept').replace(/\D/gu, '');
    const fundText = get('fund');
    const source = SOURCE_BY_TEXT.get(norm(fundText)) ?? SOURCE_BY_TEXT.get(fundText.toUpperCase());
    const kind = KIND_BY_TEXT.get(norm(get('kind')));
    if (!/^\d{3,}$/.test(unitCode))
      issues.push({
        code: 'import.badUnitCode',
        at: at('unitCode'),
        zh: `单位编码“${unitCode}”不是数字编码`,
        en: `unit code "${unitCode}" is not a numeric code`,
      });
    if (!/^\d{7}$/.test(func))
      issues.push({
        code: 'import.badFunctionalCode',
        at: at('func'),
        zh: `功能分类科目编码“${get('func')}”应为 7 位（类款项）`,
        en: `functional code "${get('func')}" must be 7 digits`,
      });
    if (!/^\d{3}(\d{2})?$/.test(econ))
      issues.push({
        code: 'import.badEconCode',
        at: at('econDept'),
        zh: `部门预算经济分类编码“${get('econDept')}”应为 3 或 5 位`,
        en: `econDept code "${get('econDept')}" must be 3 or 5 digits`,
      });
    if (!source) issues.push({ code: 'import.unknownFund', at: at('fund'), zh: `资金性质“${fundText}”无法识别`, en: `fund "${fundText}" is not recognised` });
    if (!kind)
      issues.push({
        code: 'import.unknownKind',
        at: at('kind'),
        zh: `支出类型“${get('kind')}”应为 基本 或 项目`,
        en: `expenditure kind "${get('kind')}" must be 基本 or 项目`,
      });
    const rawCell = line.raw?.[fields.get('amount') ?? -1];
    const read = readAmountCell(
      rawCell ?? { address: '', value: get('amount') === '' ? { kind: 'blank' } : { kind: 'text', value: get('amount') }, formatUnit: null },
      unit,
    );
    if (!read.ok || read.value === null) {
      issues.push({
        code: 'import.notAnAmount',
        at: at('amount'),
        zh: `金额“${get('amount')}”不是数字：请改为数字`,
        en: `amount "${get('amount')}" is not a number`,
      });
      continue;
    }
    if (!source || !kind || !/^\d{7}$/.test(func) || !/^\d{3}(\d{2})?$/.test(econ)) continue;
    if (!units.has(unitCode)) {
      const typeText = get('unitType');
      const type: UnitType | undefined = /事业/u.test(typeText) ? 'institution' : /行政|参公/u.test(typeText) ? 'admin' : undefined;
      if (type === undefined) assumedType = true;
      units.set(unitCode, { code: unitCode, name: get('unitName') || unitCode, type: type ?? 'admin' });
    }
    if (!department) {
      const code = get('departmentCode') || unitCode.slice(0, 3);
      department = { code, name: get('departmentName') || get('unitName') || code };
    }
    const projectCode = get('projectCode');
    if (kind === 'project' && projectCode !== '' && !projects.has(projectCode)) {
      projects.set(projectCode, {
        id: projectCode,
        unit: unitCode,
        name: get('projectName') || projectCode,
        specialFund: TRUE_TEXT.has(norm(get('specialFund'))),
      });
    }
    rows.push({ unit: unitCode, func, econ, source, kind, ...(kind === 'project' && projectCode !== '' ? { project: projectCode } : {}), amount: read.value });
  }
  if (assumedType)
    issues.push({
      code: 'import.unitTypeAssumed',
      severity: 'warning',
      at: fileName,
      zh: '文件没有“单位类型”列：单位按行政单位（admin）写入，请在 disclosure.yaml 中核对',
      en: 'no 单位类型 column: units written as admin; check them in disclosure.yaml',
    });
  if (rows.length === 0 && !issues.some((x) => x.severity !== 'warning'))
    issues.push({ code: 'import.emptyFile', at: fileName, zh: '明细导出中没有任何数据行', en: 'the export holds no data line' });
  if (!department) return { ledger: null, issues, ...(encoding ? { encoding } : {}) };
  return { ledger: { department, units: [...units.values()], projects: [...projects.values()], rows, unit }, issues, ...(encoding ? { encoding } : {}) };
}
