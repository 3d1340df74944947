import { describe, expect, it } from 'vitest';
import { dataPageData, regionDataPaths, regionDownloads } from './data-page.ts';
import { getSiteData } from './site-data.ts';

const site = getSiteData('content');

describe('the data pages', () => {
  it('list every disclosure’s downloads once, on its own region’s page', () => {
    const regions = regionDownloads(site);
    const listed = regions.flatMap((region) => region.disclosures.map((d) => d.entry.disclosure.id)).sort();
    expect(listed).toEqual(site.entries.map((e) => e.disclosure.id).sort());
    for (const region of regions) for (const d of region.disclosures) expect(d.entry.disclosure.region.code).toBe(region.code);
    expect(regionDataPaths(site).map((p) => p.params.region)).toEqual(regions.map((r) => r.code));
  });

  it('keep the site-wide page to the site-wide files: regions and comparisons are linked, no table file is listed there', () => {
    const page = dataPageData(site);
    expect(page.regions.map((r) => r.page)).toEqual(regionDownloads(site).map((r) => `data/${r.code}/`));
    expect(JSON.stringify(page.pkg)).not.toMatch(/tables\//);
    expect(page.comparisons.length).toBeGreaterThan(0);
    for (const c of page.comparisons) {
      expect(c.csv).toMatch(/部门比较\.csv$/);
      expect(c.xlsx).toMatch(/部门比较\.xlsx$/);
    }
  });
});
