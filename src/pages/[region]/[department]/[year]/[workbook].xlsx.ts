/** One Excel workbook per disclosure, every table a sheet laid out like the official form. */
import type { APIRoute } from 'astro';
import { tableWorkbook } from '../../../../lib/export/xlsx.ts';
import { disclosurePaths } from '../../../../lib/site/page-data.ts';
import { routes } from '../../../../lib/site/routes.ts';
import { getSiteData, type DisclosureEntry } from '../../../../lib/site/site-data.ts';

export function getStaticPaths() {
  return disclosurePaths(getSiteData()).map(({ params, props }) => {
    const file = routes.workbook(props.entry.disclosure).split('/').at(-1) ?? '';
    return { params: { ...params, workbook: file.replace(/\.xlsx$/, '') }, props: { entry: props.entry } };
  });
}

export const GET: APIRoute = async ({ props }) => {
  const { entry } = props as { entry: DisclosureEntry };
  const bytes = await tableWorkbook(entry.disclosure, entry.tables, process.env['GONGKAI_BUILD_STAMP'] ?? 'dev');
  return new Response(bytes, { headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
};
