/**
 * The ledger as the tables see it: each row classified once (fund, econ class, econGov code,
 * personnel or operating), and the helpers every table builder uses to cross-tabulate it.
 */
import { classOf, econGovFor, nameOf, type Catalogue } from '../catalogue/catalogue.ts';
import type { Disclosure, LedgerRow, UnitType } from '../disclosure/model.ts';
import { SOURCE_INFO, type Fund } from '../ledger/sources.ts';
import { sumAmounts, type Amount } from '../money.ts';
import { amountCell, codeCell, leafColumns, textCell, type Cell, type ColumnKind, type HeaderNode, type Row, type RowLevel } from './model.ts';

export interface ViewRow extends LedgerRow {
  readonly fund: Fund;
  readonly carryover: boolean;
  readonly unitType: UnitType;
  /** econDept 类 (3 digits). */
  readonly econClass: string;
  /** econGov code from the year's mapping (款 or 类), or '' when the mapping lacks the code. */
  readonly econGov: string;
  /** econGov 类 (3 digits), or ''. */
  readonly econGovClass: string;
}

export type Select = (row: ViewRow) => boolean;

export function viewRows(d: Disclosure): ViewRow[] {
  const unitTypes = new Map(d.units.map((u) => [u.code, u.type]));
  return d.ledger.map((row) => {
    const unitType = unitTypes.get(row.unit) ?? 'admin';
    const econGov = econGovFor(d.catalogue, row.econ, unitType) ?? '';
    // A 款 missing from the mapping still has a known econGov 类 when its econDept 类 maps.
    const econGovClass = classOf(econGov !== '' ? econGov : (econGovFor(d.catalogue, classOf(row.econ), unitType) ?? ''));
    return {
      ...row,
      fund: SOURCE_INFO[row.source].fund,
      carryover: SOURCE_INFO[row.source].carryover,
      unitType,
      econClass: classOf(row.econ),
      econGov,
      econGovClass,
    };
  });
}

// Selections used by several tables, named after the glossary.
export const isBasic: Select = (r) => r.kind === 'basic';
export const isProject: Select = (r) => r.kind === 'project';
export const inFund =
  (fund: Fund): Select =>
  (r) =>
    r.fund === fund;
export const econIs =
  (...codes: string[]): Select =>
  (r) =>
    codes.includes(r.econ);
export const econClassIs =
  (...classes: string[]): Select =>
  (r) =>
    classes.includes(r.econClass);
export const econGovIs =
  (...codes: string[]): Select =>
  (r) =>
    codes.includes(r.econGov);
export const econGovClassIs =
  (...classes: string[]): Select =>
  (r) =>
    classes.includes(r.econGovClass);
/** 人员经费: basic 工资福利支出 (301) and 对个人和家庭的补助 (303). */
export const isPersonnel: Select = (r) => r.kind === 'basic' && (r.econClass === '301' || r.econClass === '303');
/** 公用经费: every other basic expenditure (302 商品和服务支出, 310 资本性支出 …). */
export const isOperating: Select = (r) => r.kind === 'basic' && !isPersonnel(r);
export const all =
  (...selects: Select[]): Select =>
  (r) =>
    selects.every((s) => s(r));
export const everything: Select = () => true;

export const sumWhere = (rows: readonly ViewRow[], select: Select): Amount => sumAmounts(rows.filter(select).map((r) => r.amount));

/**
 * A column specification: the header tree of the official form where every amount leaf says
 * which ledger rows it sums. Leaves without `select` are label columns (codes or text).
 */
export interface ColumnSpec {
  readonly label: string;
  readonly children?: readonly ColumnSpec[];
  readonly kind?: ColumnKind;
  readonly select?: Select;
}

export const col = (label: string, select: Select): ColumnSpec => ({ label, select });
export const group = (label: string, children: readonly ColumnSpec[]): ColumnSpec => ({ label, children });
export const labelCol = (label: string, kind: 'code' | 'text' = 'text'): ColumnSpec => ({ label, kind });

export function headerOf(spec: readonly ColumnSpec[]): HeaderNode[] {
  return spec.map((s) => ({
    label: s.label,
    ...(s.children ? { children: headerOf(s.children) } : {}),
    ...(s.kind ? { kind: s.kind } : {}),
  }));
}

function amountLeaves(spec: readonly ColumnSpec[]): Select[] {
  return spec.flatMap((s) => (s.children ? amountLeaves(s.children) : s.select ? [s.select] : []));
}

/** A body row before its amounts are summed: its labels and the ledger rows it covers. */
export interface RowGroup {
  readonly level: RowLevel;
  readonly key: string;
  readonly labels: readonly Cell[];
  readonly rows: readonly ViewRow[];
}

/**
 * Sums each group under each amount column. A 合计 row prints 0.00 in its first amount column
 * even when nothing was arranged, as the official forms do; every other empty sum stays empty.
 */
export function crossTab(spec: readonly ColumnSpec[], groups: readonly RowGroup[]): { header: HeaderNode[]; rows: Row[] } {
  const header = headerOf(spec);
  const leaves = amountLeaves(spec);
  const labelCount = leafColumns(header).length - leaves.length;
  const rows = groups.map((g): Row => {
    if (g.labels.length !== labelCount) throw new Error(`row ${g.key}: ${g.labels.length} labels for ${labelCount} label columns`);
    const amounts = leaves.map((select, i) => {
      const sum = sumWhere(g.rows, select);
      return amountCell(g.level === 'total' && i === 0 ? (sum ?? 0) : sum);
    });
    return { level: g.level, key: g.key, cells: [...g.labels, ...amounts] };
  });
  return { header, rows };
}

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const distinct = (values: Iterable<string>): string[] => [...new Set(values)].sort(byCode);

export const functionalName = (catalogue: Catalogue, code: string): string => nameOf(catalogue, 'functional', code) ?? code;

/** How a table prints the labels of its 合计/部门/单位/类/款/项 rows. */
export type LabelLayout =
  /** 类 | 款 | 项 | 科目编码 | 科目名称 (Hunan's 支出总表, 一般公共预算支出表). */
  | 'splitCodeAndName'
  /** 类 | 款 | 项 | 单位代码 | 单位名称（功能科目）(Hunan's 经济分类 cross tables). */
  | 'splitCodeAndUnit'
  /** 科目编码 | 科目名称 (Hunan's fund tables). */
  | 'codeAndName'
  /** 单位编码 | 单位名称 (Hunan's 收入总表, “三公”经费支出表). */
  | 'unitOnly';

export interface HierarchyOptions {
  readonly layout: LabelLayout;
  /** Which functional levels get rows: every level (类, 款, 项), only 项, or none. */
  readonly functionalLevels: 'all' | 'item' | 'none';
  /** Print 部门 and 单位 rows (off for Hunan's fund tables, which the form lists by 科目 only). */
  readonly unitRows: boolean;
}

/**
 * The usual row set: 合计, 部门, then per 单位 its row and its functional rows. 部门 and 单位 rows
 * appear only when they cover something, as in the official forms (an empty table is 合计 alone).
 */
export function unitHierarchyGroups(d: Disclosure, scoped: readonly ViewRow[], options: HierarchyOptions): RowGroup[] {
  const { layout } = options;
  const blanksBefore = layout === 'splitCodeAndName' || layout === 'splitCodeAndUnit' ? ['', '', ''] : [];
  const labels = (code: string, name: string, codeKind: 'code' | 'text' = 'code'): Cell[] => [
    ...blanksBefore.map((b) => codeCell(b)),
    codeKind === 'code' ? codeCell(code) : textCell(code),
    textCell(name),
  ];
  const groups: RowGroup[] = [{ level: 'total', key: 'total', labels: labels('', '合计'), rows: scoped }];
  if (scoped.length === 0) return groups;

  if (options.unitRows) {
    groups.push({ level: 'department', key: `department:${d.department.code}`, labels: labels(d.department.code, d.department.name), rows: scoped });
  }
  const units = options.unitRows ? d.units.map((u) => ({ code: u.code, name: u.name })) : [{ code: '', name: '' }];
  for (const unit of units) {
    const unitRows = options.unitRows ? scoped.filter((r) => r.unit === unit.code) : scoped;
    if (unitRows.length === 0) continue;
    const keyPrefix = options.unitRows ? `${unit.code}:` : '';
    if (options.unitRows) groups.push({ level: 'unit', key: `unit:${unit.code}`, labels: labels(unit.code, unit.name), rows: unitRows });
    if (options.functionalLevels === 'none') continue;
    for (const cls of distinct(unitRows.map((r) => r.func.slice(0, 3)))) {
      const inClass = unitRows.filter((r) => r.func.startsWith(cls));
      if (options.functionalLevels === 'all') {
        groups.push({ level: 'class', key: `class:${keyPrefix}${cls}`, labels: functionalLabels(d, layout, cls, unit.code), rows: inClass });
      }
      for (const section of distinct(inClass.map((r) => r.func.slice(0, 5)))) {
        const inSection = inClass.filter((r) => r.func.startsWith(section));
        if (options.functionalLevels === 'all') {
          groups.push({ level: 'section', key: `section:${keyPrefix}${section}`, labels: functionalLabels(d, layout, section, unit.code), rows: inSection });
        }
        for (const item of distinct(inSection.map((r) => r.func))) {
          groups.push({
            level: 'item',
            key: `item:${keyPrefix}${item}`,
            labels: functionalLabels(d, layout, item, unit.code),
            rows: inSection.filter((r) => r.func === item),
          });
        }
      }
    }
  }
  return groups;
}

function functionalLabels(d: Disclosure, layout: LabelLayout, code: string, unitCode: string): Cell[] {
  const name = functionalName(d.catalogue, code);
  const split = [code.slice(0, 3), code.slice(3, 5), code.slice(5, 7)].map((part) => codeCell(part));
  switch (layout) {
    case 'splitCodeAndName':
      return [...split, codeCell(code), textCell(name)];
    case 'splitCodeAndUnit':
      return [...split, codeCell(unitCode), textCell(name)];
    case 'codeAndName':
      return [codeCell(code), textCell(name)];
    case 'unitOnly':
      return [codeCell(code), textCell(name)];
  }
}

/** The label columns for a layout, in header-spec form. */
export function labelColumns(layout: LabelLayout): ColumnSpec[] {
  switch (layout) {
    case 'splitCodeAndName':
      return [group('功能科目', [labelCol('类', 'code'), labelCol('款', 'code'), labelCol('项', 'code')]), labelCol('科目编码', 'code'), labelCol('科目名称')];
    case 'splitCodeAndUnit':
      return [
        group('功能科目', [labelCol('类', 'code'), labelCol('款', 'code'), labelCol('项', 'code')]),
        labelCol('单位代码', 'code'),
        labelCol('单位名称（功能科目）'),
      ];
    case 'codeAndName':
      return [labelCol('科目编码', 'code'), labelCol('科目名称')];
    case 'unitOnly':
      return [labelCol('单位编码', 'code'), labelCol('单位名称')];
  }
}
