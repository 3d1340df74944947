import { describe, expect, it } from 'vitest';
import { syntheticDisclosure } from '../../../tests/support/synthetic-disclosure.ts';
import { loadContentDir } from '../content/read-content-dir.ts';
import { coveragePageOf, coveragePaths, regionCoverage } from './coverage.ts';
import { buildSiteData, getSiteData } from './site-data.ts';

const site = getSiteData('content');
const coverageOf = (region: string) => coveragePaths(site).find((p) => p.params.region === region)!.props.coverage;

describe('the coverage of 上海市普陀区 (content/disclosures/310107/expected.yaml)', () => {
  const coverage = coverageOf('310107');
  const year = (y: number) => coverage.years.find((c) => c.year === y)!;
  const department = (y: number, code: string) => year(y).departments.find((d) => d.code === code)!;

  it('lists the expected years, latest first', () => {
    expect(coverage.years.map((y) => y.year)).toEqual([2025, 2024, 2023]);
    expect(coverage.page).toBe('310107/coverage/');
  });

  it('shows what the content has and what it has not, year by year and phase by phase', () => {
    expect(department(2023, 'ptwl').budget).toMatchObject({ published: true, page: '310107/ptwl/2023/' });
    expect(department(2024, 'ptwl').budget).toMatchObject({ published: true });
    expect(department(2025, 'ptwl').budget).toMatchObject({ published: false, page: null });
    expect(department(2023, 'ptczj').budget).toMatchObject({ published: false });
    expect(department(2025, 'ptczj').budget).toMatchObject({ published: true });
    expect(department(2024, 'ptczj').final).toMatchObject({ published: true, page: '310107/ptczj/2024-final/' });
    expect(department(2025, 'ptczj').final).toBeNull(); // not expected
    expect(year(2024)).toMatchObject({ expected: 4, published: 2 });
  });

  it('says a Shanghai unit is in its department’s disclosure, with no page of its own', () => {
    const units = department(2024, 'ptwl').budget!.units;
    expect(units).toHaveLength(6);
    expect(units.every((u) => u.status === 'inDepartment' && u.page === null)).toBe(true);
    expect(department(2025, 'ptwl').budget!.units.every((u) => u.status === 'missing')).toBe(true);
    // Units expected in one year only are listed in that year only.
    expect(department(2025, 'ptczj').budget!.units.map((u) => u.unit.name)).toEqual(['财政局本部']);
  });
});

describe('the coverage of a Hunan department whose facts are given by unit', () => {
  it('links each unit to its own page', () => {
    const [unit] = coverageOf('430202').years[0]!.departments[0]!.budget!.units;
    expect(unit).toMatchObject({ status: 'unitPages', page: '430202/001/2024/units/001001/' });
  });

  it('says when the department’s disclosure does not name an expected unit', () => {
    const catalogue = loadContentDir('content').catalogues.get(2024)!;
    const synthetic = buildSiteData([syntheticDisclosure(catalogue, { seed: 5, units: 2 })], [], []);
    const region = { code: '999901', name: '合成地区（SYNTHETIC）' };
    const coverage = regionCoverage(synthetic, {
      region,
      file: 'x',
      departments: [
        {
          code: '901',
          name: '合成部门',
          budgetYears: [2024],
          finalYears: [],
          units: [
            { code: '901002', name: '合成测试单位2（SYNTHETIC）', years: null },
            { code: '901009', name: '不存在的单位', years: null },
          ],
          at: { file: 'x', line: 1, column: 1 },
        },
      ],
    });
    expect(coverage.years[0]!.departments[0]!.budget!.units.map((u) => u.status)).toEqual(['unitPages', 'notNamed']);
  });
});

describe('the coverage page', () => {
  it('exists only for regions with an expected list and a disclosure in the build', () => {
    expect(coveragePaths(site).map((p) => p.params.region)).toEqual(['310107', '430202']);
    expect(coveragePageOf(site, '130303')).toBeNull();
    expect(coveragePaths({ ...site, renders: { disclosures: false, portal: true } })).toEqual([]);
  });
});
