import { loadContentDir } from '../src/lib/content/read-content-dir.ts';
import { buildTables } from '../src/lib/templates/build-tables.ts';
import { tableToCsv } from '../src/lib/export/csv.ts';
const s = loadContentDir('content');
const d = s.disclosures.find((x) => x.id === process.argv[2])!;
for (const t of buildTables(d)) if (process.argv.length < 4 || process.argv.slice(3).includes(t.id)) console.log(t.id, t.provided, '\n', tableToCsv(t));
