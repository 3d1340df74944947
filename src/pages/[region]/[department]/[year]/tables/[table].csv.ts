/** Every table as CSV next to its page: `…/tables/07.csv`. */
import type { APIRoute } from 'astro';
import { tableToCsv } from '../../../../../lib/export/csv.ts';
import { tablePaths } from '../../../../../lib/site/page-data.ts';
import { getSiteData } from '../../../../../lib/site/site-data.ts';
import type { Table } from '../../../../../lib/tables/model.ts';

export function getStaticPaths() {
  return tablePaths(getSiteData()).map(({ params, props }) => ({ params, props: { table: props.table } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(tableToCsv((props as { table: Table }).table), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
