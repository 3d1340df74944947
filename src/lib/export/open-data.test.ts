import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { nameOf } from '../catalogue/catalogue.ts';
import type { Disclosure } from '../disclosure/model.ts';
import { SOURCE_INFO, type FundingSource } from '../ledger/sources.ts';
import { parseAmount, sumAmounts, type Fen } from '../money.ts';
import { viewRows } from '../tables/ledger-view.ts';
import type { Table } from '../tables/model.ts';
import { amountAtColumn } from '../tables/table-cells.ts';
import { buildTables } from '../templates/build-tables.ts';
import { openDataFiles } from './datapackage.ts';
import { indicatorsCsv, ledgerCsv, projectsCsv } from './open-data.ts';
import { loadOne, SAMPLE_ID } from '../../../tests/support/load-disclosure.ts';

type CsvRecord = Record<string, string>;
const readRecords = (text: string): CsvRecord[] => parse(text, { bom: true, columns: true });
const neutralised = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** An amountYuan field back to exact 分: a plain decimal with at most two places, nothing lost. */
function yuanToFen(field: string | undefined): Fen {
  expect(field).toMatch(/^-?\d+\.\d{2}$/);
  const parsed = parseAmount(field ?? '', '元');
  if (!parsed.ok || parsed.value === null) throw new Error(`not an amount in 元: ${field}`);
  return parsed.value;
}

const ofDisclosure = (records: readonly CsvRecord[], d: Disclosure): CsvRecord[] =>
  records.filter((r) => r['year'] === String(d.year) && r['regionCode'] === d.region.code && r['departmentCode'] === d.department.code);

const sample = loadOne('content', SAMPLE_ID);
const synthetic = loadOne('tests/fixtures/synthetic-injection');
// Given out of order on purpose: the files list disclosures by year, region and department.
const disclosures = [synthetic, sample];

describe('ledgerCsv', () => {
  const records = readRecords(ledgerCsv(disclosures));

  it('lists every ledger row once, disclosures ordered by year, region and department', () => {
    expect(records).toHaveLength(sample.ledger.length + synthetic.ledger.length);
    expect(records[0]?.['regionCode']).toBe(sample.region.code);
    expect(records.at(-1)?.['regionCode']).toBe(synthetic.region.code);
  });

  it.each([
    ['sample', sample],
    ['synthetic', synthetic],
  ] as const)('summed per disclosure, gives the totals of table 1 (%s)', (_name, d) => {
    const rows = ofDisclosure(records, d);
    const table1 = buildTables(d).find((t) => t.number === 1) as Table;
    const totalRow = table1.rows.find((r) => r.key === 'total:current');
    if (!totalRow) throw new Error('table 1 has no 本年合计 row');
    const expenditure = sumAmounts(rows.map((r) => yuanToFen(r['amountYuan'])));
    // 本年支出合计 is printed in all three expenditure column pairs.
    for (const column of [3, 5, 7]) expect(expenditure).toBe(amountAtColumn(totalRow, column));
    // 本年收入合计: the ledger's spending from this year's sources plus the income lines nothing spends.
    const currentYear = (source: string) => !SOURCE_INFO[source as FundingSource].carryover;
    const income = sumAmounts([
      ...rows.filter((r) => currentYear(r['source'] ?? '')).map((r) => yuanToFen(r['amountYuan'])),
      ...d.income.filter((i) => currentYear(i.source)).map((i) => i.amount),
    ]);
    expect(income).toBe(amountAtColumn(totalRow, 1));
  });

  it.each([
    ['sample', sample],
    ['synthetic', synthetic],
  ] as const)('writes each row with its codes as text, catalogue names, econGov and exact amount in 元 (%s)', (_name, d) => {
    const rows = ofDisclosure(records, d);
    const view = viewRows(d);
    expect(rows).toHaveLength(view.length);
    const name = (kind: 'functional' | 'econDept' | 'econGov', code: string) => neutralised(nameOf(d.catalogue, kind, code) ?? '');
    view.forEach((row, i) => {
      const record = rows[i] ?? {};
      const econGov = row.econGov !== '' ? row.econGov : row.econGovClass;
      expect(record).toMatchObject({
        phase: 'budget',
        region: neutralised(d.region.name),
        department: neutralised(d.department.name),
        unitCode: row.unit,
        unit: neutralised(d.units.find((u) => u.code === row.unit)?.name ?? ''),
        functionalClassCode: row.func.slice(0, 3),
        functionalClass: name('functional', row.func.slice(0, 3)),
        functionalSectionCode: row.func.slice(0, 5),
        functionalSection: name('functional', row.func.slice(0, 5)),
        functionalItemCode: row.func,
        functionalItem: name('functional', row.func),
        econDeptCode: row.econ,
        econDept: name('econDept', row.econ),
        econGovCode: econGov,
        econGov: name('econGov', econGov),
        source: row.source,
        sourceName: SOURCE_INFO[row.source].label,
        kind: row.kind,
        projectId: row.project ?? '',
        project: neutralised(d.projects.find((p) => p.id === row.project)?.name ?? ''),
      });
      expect(yuanToFen(record['amountYuan'])).toBe(row.amount);
      expect(['high', 'medium', 'low']).toContain(record['catalogueConfidence']);
    });
  });

  it('keeps a real negative amount a number', () => {
    const negative = ofDisclosure(records, synthetic).find((r) => r['amountYuan']?.startsWith('-'));
    expect(negative?.['amountYuan']).toBe('-35000.00');
  });
});

describe('ledger per year', () => {
  // A second year of the synthetic department, to have two years to split.
  const nextYear: Disclosure = { ...synthetic, id: `${synthetic.region.code}-${synthetic.department.code}-2025`, year: 2025 };
  const files = openDataFiles([nextYear, ...disclosures], buildTables);
  const file = (path: string) => files.find((f) => f.path === path)?.text ?? '';

  it('writes one ledger per year whose rows, together, are the whole ledger in the same order', () => {
    expect(files.map((f) => f.path).filter((p) => /ledger/.test(p))).toEqual(['data/ledger.csv', 'data/ledger-2024.csv', 'data/ledger-2025.csv']);
    const all = readRecords(file('data/ledger.csv'));
    const of2024 = readRecords(file('data/ledger-2024.csv'));
    const of2025 = readRecords(file('data/ledger-2025.csv'));
    expect(of2024.every((r) => r['year'] === '2024')).toBe(true);
    expect(of2025.every((r) => r['year'] === '2025')).toBe(true);
    expect(of2025).toHaveLength(synthetic.ledger.length);
    expect([...of2024, ...of2025]).toEqual(all);
  });
});

describe('projectsCsv', () => {
  const records = readRecords(projectsCsv(disclosures));

  it('lists every ledger project with its ledger amount in 元 and its performance form', () => {
    const projects = [...sample.projects.map((p) => [sample, p] as const), ...synthetic.projects.map((p) => [synthetic, p] as const)];
    expect(records).toHaveLength(projects.length);
    projects.forEach(([d, project], i) => {
      const record = records[i] ?? {};
      const form = d.projectForms.find((f) => f.project === project.id);
      expect(record).toMatchObject({
        year: String(d.year),
        unitCode: project.unit,
        unit: neutralised(d.units.find((u) => u.code === project.unit)?.name ?? ''),
        projectId: project.id,
        project: neutralised(project.name),
        specialFund: String(project.specialFund),
        compilation: project.compilation,
        hasPerformanceForm: String(form !== undefined),
        category: neutralised(form?.category ?? ''),
        goal: neutralised(form?.goal ?? ''),
      });
      const ledgerAmount = sumAmounts(d.ledger.filter((r) => r.project === project.id).map((r) => r.amount));
      expect(ledgerAmount === null ? record['amountYuan'] : yuanToFen(record['amountYuan'])).toBe(ledgerAmount ?? '');
      expect(form?.amount == null ? record['formAmountYuan'] : yuanToFen(record['formAmountYuan'])).toBe(form?.amount ?? '');
    });
  });

  it('lists a performance form published without a ledger as a project of its own', () => {
    const formsOnly: Disclosure = { ...synthetic, ledger: [], projects: [], projectForms: synthetic.projectForms.map((f) => ({ ...f, project: null })) };
    const rows = readRecords(projectsCsv([formsOnly]));
    expect(rows).toHaveLength(formsOnly.projectForms.length);
    formsOnly.projectForms.forEach((form, i) => {
      expect(rows[i]).toMatchObject({ projectId: form.id, project: neutralised(form.name), amountYuan: '', specialFund: '', hasPerformanceForm: 'true' });
      expect(yuanToFen(rows[i]?.['formAmountYuan'])).toBe(form.amount);
    });
  });
});

describe('indicatorsCsv', () => {
  const records = readRecords(indicatorsCsv(disclosures));

  it('lists the indicators of every project form, then of the department form, in published order', () => {
    const expected = [sample, synthetic].flatMap((d) => [
      ...d.projectForms.flatMap((f) =>
        f.indicators.map((indicator, i) => ({ d, scope: 'project', projectId: f.project ?? f.id, project: f.name, position: i + 1, indicator })),
      ),
      ...(d.unitForm?.indicators ?? []).map((indicator, i) => ({ d, scope: 'unit', projectId: '', project: '', position: i + 1, indicator })),
    ]);
    expect(records).toHaveLength(expected.length);
    expected.forEach(({ d, scope, projectId, project, position, indicator }, i) => {
      expect(records[i]).toEqual({
        year: String(d.year),
        phase: d.phase,
        regionCode: d.region.code,
        region: neutralised(d.region.name),
        departmentCode: d.department.code,
        department: neutralised(d.department.name),
        scope,
        projectId,
        project: neutralised(project),
        position: String(position),
        level1Code: neutralised(indicator.level1Code),
        level1: neutralised(indicator.level1),
        level2Code: neutralised(indicator.level2Code),
        level2: neutralised(indicator.level2),
        indicator: neutralised(indicator.name),
        target: neutralised(indicator.target),
        description: neutralised(indicator.description),
        measureUnit: neutralised(indicator.measureUnit),
        comparator: neutralised(indicator.comparator),
        basis: neutralised(indicator.basis),
        note: neutralised(indicator.note),
        goal: neutralised(indicator.goal),
      });
    });
  });
});
