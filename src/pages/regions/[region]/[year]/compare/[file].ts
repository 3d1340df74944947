/** A region's comparison downloads: `<region>-<year>-<phase>-部门比较.csv` and `.xlsx`. */
import type { APIRoute } from 'astro';
import { comparisonDownload, comparisonFilePaths, type ComparisonGroup } from '../../../../../lib/site/comparison-pages.ts';
import { getSiteData } from '../../../../../lib/site/site-data.ts';

export const getStaticPaths = () => comparisonFilePaths(getSiteData(), 'region');

export const GET: APIRoute = async ({ props }) => comparisonDownload(props as { group: ComparisonGroup; extension: 'csv' | 'xlsx' });
