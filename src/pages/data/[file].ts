/** The open-data files: the summary, the ledger of every disclosure (and per year), projects, facts, indicators, datapackage.json. */
import type { APIRoute } from 'astro';
import { openDataOf } from '../../lib/site/data-page.ts';
import { getSiteData, rendersPortal } from '../../lib/site/site-data.ts';

export function getStaticPaths() {
  const site = getSiteData();
  if (!rendersPortal(site)) return [];
  return openDataOf(site).map((file) => ({
    params: { file: file.path.replace(/^data\//, '') },
    props: { text: file.text },
  }));
}

const TYPES: Readonly<Record<string, string>> = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' };

export const GET: APIRoute = ({ props, params }) =>
  new Response((props as { text: string }).text, { headers: { 'Content-Type': TYPES[String(params['file']).split('.').at(-1) ?? ''] ?? 'text/plain' } });
