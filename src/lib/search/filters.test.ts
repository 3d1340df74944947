import { describe, expect, it } from 'vitest';
import { filterOptions, filtersFromParams, searchFiltersOf } from './filters.ts';

const pingluo = { year: 2025, region: { code: '640221', name: '平罗县' }, department: { code: '001', name: '平罗县人民代表大会常务委员会办公室' } };
const hetang = { year: 2024, region: { code: '430202', name: '株洲市荷塘区' }, department: { code: '001', name: '株洲市荷塘区人民代表大会常务委员会' } };

describe('search filters', () => {
  it('names a page by year, region, department and kind', () => {
    expect(searchFiltersOf(pingluo, '收支总表')).toEqual({
      year: '2025',
      phase: '预算',
      region: '平罗县',
      department: '平罗县人民代表大会常务委员会办公室',
      kind: '收支总表',
    });
  });

  it('offers each value once: years newest first, the rest in page order', () => {
    const pages = [
      searchFiltersOf(hetang, '部门预算概况'),
      searchFiltersOf(hetang, '收支总表'),
      searchFiltersOf(pingluo, '部门预算概况'),
      searchFiltersOf(pingluo, '收支总表'),
    ];
    expect(filterOptions(pages)).toEqual({
      year: ['2025', '2024'],
      phase: ['预算'],
      region: ['株洲市荷塘区', '平罗县'],
      department: ['株洲市荷塘区人民代表大会常务委员会', '平罗县人民代表大会常务委员会办公室'],
      kind: ['部门预算概况', '收支总表'],
    });
  });

  it('names the phase, so a 决算 page is found apart from the 预算 of the same year', () => {
    expect(searchFiltersOf({ ...hetang, phase: 'final' }, '收支总表').phase).toBe('决算');
  });

  it('reads the chosen filters from a search URL, ignoring empty and unknown ones', () => {
    const params = new URLSearchParams('q=三公经费&year=2024&region=&kind=%E6%94%B6%E6%94%AF%E6%80%BB%E8%A1%A8&colour=red');
    expect(filtersFromParams(params)).toEqual({ year: '2024', kind: '收支总表' });
  });
});
