/**
 * `npm run build`: validate the content, build the site into a staging folder, post-process it,
 * and only then replace dist/. A failed build exits non-zero and leaves the previous dist/
 * exactly as it was. The same content always builds the same bytes.
 */
import { resolve } from 'node:path';
import { buildSite } from './lib/build-site.ts';

const root = resolve(import.meta.dirname, '..');
try {
  const result = await buildSite({ root, env: process.env, log: (line) => console.log(line) });
  console.log(`gongkai: 构建完成 / built ${result.files} files into ${result.outDir} (stamp ${result.stamp})`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  console.error('gongkai: 构建失败，dist/ 保持不变 / build failed, dist/ left unchanged');
  process.exitCode = 1;
}
