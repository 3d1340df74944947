import { describe, expect, it } from 'vitest';
import { templatePacks } from '../templates/registry.ts';
import { t } from '../i18n/strings.ts';
import { disclosureFileStem, fileNamePart, MAX_TITLE_LENGTH, regionFileStem, tableFileStem, workbookFileStem } from './file-names.ts';

const ptczj = { region: { code: '310107', name: '普陀区' }, department: { code: 'ptczj', name: '上海市普陀区财政局' }, year: 2025, phase: 'budget' } as const;

describe('download file names', () => {
  it('name a numbered table by region, department, year, phase, the printed number and the title, as the pack gives them', () => {
    const pack = templatePacks().find((p) => p.id === 'shanghai-budget');
    const first = pack?.tables.find((d) => d.number !== null);
    if (!first || first.number === null) throw new Error('the Shanghai budget pack prints table numbers');
    expect(tableFileStem(ptczj, first)).toBe(`310107-ptczj-2025-预算-${t('table.number', { number: first.number })}-${first.title}`);
  });

  it('name a table its template prints no number for by its title alone', () => {
    expect(tableFileStem(ptczj, { id: 'projectPerformance', number: null, title: '财政项目支出绩效目标填报表' })).toBe(
      '310107-ptczj-2025-预算-财政项目支出绩效目标填报表',
    );
  });

  it('say 决算 for final accounts, so the 预算 and 决算 of one year never share a name', () => {
    const final = { ...ptczj, year: 2024, phase: 'final' } as const;
    expect(disclosureFileStem(final)).toBe('310107-ptczj-2024-决算');
    expect(disclosureFileStem({ ...final, phase: 'budget' })).not.toBe(disclosureFileStem(final));
  });

  it('start a region-wide file with the region, year and phase', () => {
    expect(regionFileStem('310107', { year: 2025, phase: 'budget' })).toBe('310107-2025-预算');
    expect(regionFileStem('310107', { year: 2024, phase: 'final' })).toBe('310107-2024-决算');
  });

  it('name the workbook of every table after its disclosure', () => {
    expect(workbookFileStem(ptczj)).toBe('310107-ptczj-2025-预算-全部表格');
  });

  it('drop what a file system or a URL path would need to escape, and keep Chinese, digits, brackets and quotes', () => {
    expect(fileNamePart('一般公共预算“三公”经费 支出表/2024:*?"<>|#%&+;')).toBe('一般公共预算“三公”经费支出表2024');
    expect(fileNamePart('支出表--人员经费(工资福利支出)（按政府预算经济分类）')).toBe('支出表--人员经费(工资福利支出)（按政府预算经济分类）');
    expect(fileNamePart('../../etc')).toBe('etc');
    expect([...fileNamePart('表'.repeat(200))]).toHaveLength(MAX_TITLE_LENGTH);
  });

  it('give every table of every template pack its own name, with nothing a URL path must escape', () => {
    for (const pack of templatePacks()) {
      const names = pack.tables.map((table) => tableFileStem(ptczj, table));
      expect(new Set(names).size, pack.id).toBe(names.length);
      for (const name of names) expect(encodeURI(name), name).toBe(name.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c)));
    }
  });
});
