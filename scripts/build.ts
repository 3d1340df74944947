/**
 * `npm run build`: validate the content, build the site into a staging folder, post-process it,
 * and only then replace dist/. A failed build exits non-zero with a message naming what
 * happened and leaves the previous dist/ exactly as it was. The same content always builds the
 * same bytes. `--report <file>` writes the result (phase times, counts) as JSON.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite } from './lib/build-site.ts';
import { createProgress } from './lib/progress.ts';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { report: { type: 'string' } }, allowPositionals: false });
try {
  const result = await buildSite({ root, env: process.env, log: (line) => console.log(line), progress: createProgress() });
  const timing = result.phases.map((p) => `${p.phase} ${p.seconds.toFixed(1)} s`).join(', ');
  console.log(`gongkai: 构建完成 / built ${result.files} files (${result.pages} pages) into ${result.outDir} (stamp ${result.stamp}; ${timing})`);
  if (values.report) writeFileSync(values.report, `${JSON.stringify(result, null, 2)}\n`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  console.error('gongkai: 构建失败，dist/ 保持不变 / build failed, dist/ left unchanged');
  process.exitCode = 1;
}
