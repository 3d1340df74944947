/**
 * The real Shanghai workbooks (../shared/corpus/*.xlsx) import to content whose tables equal
 * every sheet cell; the tables are also checked against the content transcribed by hand from
 * the corpus text (content/disclosures/310107), which shares no code with the importer. Then bad
 * workbooks, each refused with a located finding and nothing written.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadContentDir, readContentFiles } from '../content/read-content-dir.ts';
import { buildTables } from '../templates/build-tables.ts';
import { importFile, type ImportRequest } from './import-file.ts';

const CORPUS = new URL('../../../../shared/corpus/', import.meta.url);
const catalogueFiles = readContentFiles('content/catalogues').map((f) => ({
  path: `content/catalogues/${f.path.split('catalogues/')[1] ?? ''}`,
  text: f.text,
}));
const sample = loadContentDir('content');

const request = (file: string, bytes: Uint8Array, year: number, extra: Partial<ImportRequest> = {}): ImportRequest => ({
  fileName: file,
  bytes,
  region: '310107',
  regionName: '上海市普陀区',
  year,
  root: 'content',
  catalogueFiles,
  ...extra,
});

const corpusBytes = (id: string): Uint8Array => new Uint8Array(readFileSync(new URL(`${id}.xlsx`, CORPUS)));

async function edited(id: string, change: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(new URL(`${id}.xlsx`, CORPUS)) as unknown as ArrayBuffer);
  change(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const sheetNamed = (wb: ExcelJS.Workbook, part: string): ExcelJS.Worksheet => {
  const ws = wb.worksheets.find((w) => w.name.includes(part));
  if (!ws) throw new Error(`no sheet ${part}`);
  return ws;
};

describe.each([
  { id: 'ptwl-2024-ys', year: 2024, disclosure: '310107-ptwl-2024' },
  { id: 'ptwl-2023-ys', year: 2023, disclosure: '310107-ptwl-2023' },
  { id: 'ptczj-2025-ys', year: 2025, disclosure: '310107-ptczj-2025' },
])('the corpus workbook $id', ({ id, year, disclosure }) => {
  it('imports with every derived table equal to its sheet, and equal to the hand-transcribed content', async () => {
    const result = await importFile(request(`${id}.xlsx`, corpusBytes(id), year));
    expect(result.issues.filter((i) => i.severity !== 'warning')).toEqual([]);
    expect(result.files).not.toBeNull();
    expect(result.comparedCells).toBeGreaterThan(300);
    const transcribed = sample.disclosures.find((d) => d.id === disclosure);
    if (!transcribed || !result.disclosure) throw new Error('missing disclosure');
    const ours = buildTables(result.disclosure).filter((t) => t.provided);
    const theirs = buildTables(transcribed);
    // One form cell (ptwl-2023, form 4, D46) holds three lines that the workbook joins without the
    // spaces the hand transcription (from the text) puts between them: texts compare without spaces.
    const unspaced = (value: unknown) => JSON.stringify(value).replace(/[\s\u3000]+/gu, '');
    for (const table of ours) {
      const other = theirs.find((t) => t.id === table.id);
      expect(unspaced(table.rows), table.id).toBe(unspaced(other?.rows));
      expect(table.note, table.id).toBe(other?.note);
      expect(unspaced(table.fields), table.id).toBe(unspaced(other?.fields));
    }
  });

  it('records the file name, its SHA-256 and the sheet of each table, and gives the same bytes when imported again', async () => {
    const bytes = corpusBytes(id);
    const [a, b] = await Promise.all([importFile(request(`${id}.xlsx`, bytes, year)), importFile(request(`${id}.xlsx`, bytes, year))]);
    expect(a.files).toEqual(b.files);
    const importedFrom = a.disclosure?.provenance.importedFrom;
    expect(importedFrom?.file).toBe(`${id}.xlsx`);
    expect(importedFrom?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(importedFrom?.sheets ?? {})).toHaveLength(9);
  });
});

describe('the 绩效目标 sheets of ptwl-2023-ys', () => {
  it('import into performance.yaml as the five forms transcribed by hand, in sheet order', async () => {
    const result = await importFile(request('ptwl-2023-ys.xlsx', corpusBytes('ptwl-2023-ys'), 2023));
    const transcribed = sample.disclosures.find((d) => d.id === '310107-ptwl-2023');
    const strip = (
      forms: readonly {
        name: string;
        amount: unknown;
        funding: unknown;
        goal: string;
        indicators: readonly { level1: string; level2: string; name: string; target: string }[];
      }[],
    ) =>
      forms.map((f) => ({
        name: f.name,
        amount: f.amount,
        funding: f.funding,
        goal: f.goal,
        indicators: f.indicators.map((x) => [x.level1, x.level2, x.name, x.target].map((t) => t.replace(/[\s\u3000]+/gu, ''))),
      }));
    expect(result.files?.['performance.yaml']).toBeDefined();
    expect(result.disclosure?.projectForms).toHaveLength(5);
    expect(strip(result.disclosure?.projectForms ?? [])).toEqual(strip(transcribed?.projectForms ?? []));
  });
});

describe('a workbook laid out otherwise', () => {
  it('with codes joined as 7 digits in the 类 column, titles only in the sheet names and a 表码 prefix, imports the same', async () => {
    const bytes = await edited('ptwl-2024-ys', (wb) => {
      for (const ws of wb.worksheets) {
        if (ws.name.includes('功能分类') || ws.name.includes('收入预算总表') || ws.name.includes('支出预算总表')) {
          ws.eachRow((row) => {
            const [a, b, c] = [row.getCell(1).value, row.getCell(2).value, row.getCell(3).value].map((v) => (typeof v === 'string' ? v : ''));
            if (/^\d{3}$/.test(a ?? '')) {
              row.getCell(1).value = `${a}${b}${c}`;
              row.getCell(2).value = null;
              row.getCell(3).value = null;
            }
          });
        }
      }
      const first = wb.worksheets[0];
      if (first) {
        first.unMergeCells('A1:D1');
        for (const col of ['A', 'B', 'C', 'D']) first.getCell(`${col}1`).value = null;
        first.name = '1.1 部门财务收支预算总表 ';
      }
    });
    const result = await importFile(request('joined.xlsx', bytes, 2024));
    expect(result.issues.filter((i) => i.severity !== 'warning')).toEqual([]);
    expect(result.disclosure?.provenance.importedFrom?.sheets['incomeExpenditureSummary']).toBe('1.1 部门财务收支预算总表 ');
  });
});

describe('a bad workbook is refused with a located finding and nothing written', () => {
  it('when a 合计 disagrees with its rows', async () => {
    const bytes = await edited('ptwl-2024-ys', (wb) => {
      const ws = sheetNamed(wb, '部门支出预算总表');
      const total = ws.getCell('E72');
      total.value = Number(total.value) + 1000;
    });
    const result = await importFile(request('bad.xlsx', bytes, 2024));
    expect(result.files).toBeNull();
    expect(result.issues.map((i) => i.at)).toContain('2024年部门支出预算总表!E72');
  });

  it('but keeps a one-元 rounding difference of a total as published, with a warning', async () => {
    const bytes = await edited('ptwl-2024-ys', (wb) => {
      const total = sheetNamed(wb, '部门支出预算总表').getCell('E72');
      total.value = Number(total.value) + 1;
    });
    const result = await importFile(request('rounded.xlsx', bytes, 2024));
    expect(result.issues.filter((i) => i.severity !== 'warning')).toEqual([]);
    expect(result.issues.map((i) => i.code)).toContain('import.printedAsPublished');
    expect(result.files?.['disclosure.yaml']).toContain('printedAsPublished:\n  - {table: expenditureSummary, row: "total", column: "支出预算/合计"');
  });

  it('when a required table is missing', async () => {
    const bytes = await edited('ptwl-2024-ys', (wb) => wb.removeWorksheet(sheetNamed(wb, '三公').id));
    const result = await importFile(request('missing.xlsx', bytes, 2024));
    expect(result.files).toBeNull();
    expect(result.issues.map((i) => i.code)).toEqual(['import.missingTable']);
  });

  it('when an amount cell holds text', async () => {
    const bytes = await edited('ptwl-2024-ys', (wb) => {
      sheetNamed(wb, '一般公共预算支出功能分类').getCell('G8').value = '二十五万';
    });
    const result = await importFile(request('text.xlsx', bytes, 2024));
    expect(result.files).toBeNull();
    expect(result.issues.find((i) => i.code === 'import.notAnAmount')?.at).toBe('2024年部门一般公共预算支出功能分类预算表!G8');
  });

  it('when a code is not in the catalogue and the sheet prints no name for it', async () => {
    const bytes = await edited('ptwl-2024-ys', (wb) => {
      const ws = sheetNamed(wb, '一般公共预算支出功能分类');
      ws.getCell('C8').value = '98';
      ws.getCell('D8').value = null;
    });
    const result = await importFile(request('code.xlsx', bytes, 2024));
    expect(result.files).toBeNull();
    expect(result.issues.map((i) => i.code)).toContain('import.unknownCode');
  });

  it('when a formula cell has no cached value', async () => {
    const bytes = await edited('ptwl-2024-ys', (wb) => {
      sheetNamed(wb, '一般公共预算支出功能分类').getCell('G8').value = { formula: 'SUM(G9:G10)' } as ExcelJS.CellFormulaValue;
    });
    const result = await importFile(request('formula.xlsx', bytes, 2024));
    expect(result.files).toBeNull();
    expect(result.issues.find((i) => i.code === 'import.formulaWithoutValue')?.at).toBe('2024年部门一般公共预算支出功能分类预算表!G8');
  });

  it('when it is an HTML page saved as .xls, an empty file, or a file of another template', async () => {
    const html = new TextEncoder().encode('<html><body><table><tr><td>部门收入预算总表</td></tr></table></body></html>');
    expect((await importFile(request('export.xls', html, 2024))).issues.map((i) => i.code)).toEqual(['import.htmlNotSpreadsheet']);
    expect((await importFile(request('empty.xlsx', new Uint8Array(0), 2024))).issues.map((i) => i.code)).toEqual(['import.emptyFile']);
    const other = await importFile(request('ptwl-2024-ys.xlsx', corpusBytes('ptwl-2024-ys'), 2024, { template: 'hunan-budget' }));
    expect(other.files).toBeNull();
    expect(other.issues.map((i) => i.code)).toEqual(['import.otherTemplate']);
  });
});
