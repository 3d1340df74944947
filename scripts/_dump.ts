import { readWorkbook, cellText } from '../src/lib/import/sheet.ts';
import { readFileSync } from 'node:fs';
const sheets = await readWorkbook(new Uint8Array(readFileSync(process.argv[2]!)));
const s = sheets.find((x) => x.name.includes(process.argv[3]!))!;
console.log(s.name);
s.rows.forEach((r, i) => console.log(i + 1, r.map((c) => `${c.address}=${cellText(c)}`).filter((t) => !t.endsWith('=')).join(' | ')));
