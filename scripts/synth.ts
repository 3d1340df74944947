/**
 * `npm run synth -- <count> <dir>`: writes a content folder of <count> SYNTHETIC disclosures
 * (and the real catalogues from content/) into <dir>, replacing what was there. Deterministic:
 * the same count writes the same files. See scripts/lib/synth.ts for the shapes.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadContentDir } from '../src/lib/content/read-content-dir.ts';
import { synthesise } from './lib/synth.ts';

const root = resolve(import.meta.dirname, '..');
const [countArg, dirArg] = process.argv.slice(2);
const count = Number(countArg);
if (!Number.isInteger(count) || count < 1 || !dirArg) {
  console.error('usage: npm run synth -- <count> <dir>   (e.g. npm run synth -- 1000 /tmp/content-1000)');
  process.exit(2);
}
const dir = resolve(dirArg);
const catalogue = loadContentDir(join(root, 'content')).catalogues.get(2024);
if (!catalogue) throw new Error('content/catalogues/2024 is missing');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
cpSync(join(root, 'content', 'catalogues'), join(dir, 'catalogues'), { recursive: true });
const disclosures = synthesise(catalogue, count);
for (const d of disclosures) {
  for (const file of d.files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.text);
  }
}
const shapes = Object.entries(Object.groupBy(disclosures, (d) => d.shape)).map(([shape, list]) => `${shape} ${list?.length ?? 0}`);
console.log(
  `synth: wrote ${disclosures.length} SYNTHETIC disclosures in ${new Set(disclosures.map((d) => d.regionCode)).size} regions into ${dir} (${shapes.join(', ')})`,
);
