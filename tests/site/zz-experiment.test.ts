import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { expect, it } from 'vitest';
import BudgetTable from '../../src/components/BudgetTable.astro';
import { getSiteData } from '../../src/lib/site/site-data.ts';
it('renders', async () => {
  const c = await AstroContainer.create();
  const entry = getSiteData().entries[0]!;
  const html = await c.renderToString(BudgetTable, { props: { table: entry.tables[6] } });
  console.log(html.slice(0, 600));
  expect(html).toContain('<table');
});
