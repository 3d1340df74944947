import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { columnLetters, escapeAttribute, escapeText, SharedStrings, Styles, workbookBytes, workbookParts, Worksheet, type CellStyle } from './ooxml-sheet.ts';

const DATE = new Date('2024-01-01T00:00:00Z');
const BORDERED: CellStyle = { border: true };
const HEADER: CellStyle = { bold: true, horizontal: 'center', vertical: 'middle', wrap: true, border: true };
const AMOUNT: CellStyle = { border: true, numFmt: '0.00' };

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

const parts = (sheets: readonly Worksheet[]) => Object.fromEntries(workbookParts(sheets, { creator: 'gongkai', date: DATE }).map((p) => [p.name, p.data]));

/** Every `s="n"` a sheet refers to names a cell format the stylesheet has, and every font and border an xf names exists. */
function expectStylesResolve(xml: Record<string, string>): void {
  const styles = xml['xl/styles.xml'] ?? '';
  const count = (element: string) => Number(new RegExp(`<${element} count="(\\d+)"`).exec(styles)?.[1]);
  const xfs = count('cellXfs');
  expect((styles.match(/<cellXfs[^>]*>(.*)<\/cellXfs>/)?.[1] ?? '').match(/<xf /g)?.length).toBe(xfs);
  expect((styles.match(/<font>/g) ?? []).length).toBe(count('fonts'));
  expect((styles.match(/<border>/g) ?? []).length).toBe(count('borders'));
  expect((styles.match(/<fill>/g) ?? []).length).toBe(count('fills'));
  for (const [, font, border] of (styles.match(/<cellXfs.*<\/cellXfs>/)?.[0] ?? '').matchAll(/fontId="(\d+)" fillId="0" borderId="(\d+)"/g)) {
    expect(Number(font)).toBeLessThan(count('fonts'));
    expect(Number(border)).toBeLessThan(count('borders'));
  }
  for (const [name, text] of Object.entries(xml).filter(([name]) => name.startsWith('xl/worksheets/')))
    for (const [, s] of text.matchAll(/ s="(\d+)"/g)) expect(Number(s), `${name} s=${s}`).toBeLessThan(xfs);
}

describe('escaping', () => {
  it('escapes markup in element and attribute text and drops characters XML cannot hold', () => {
    expect(escapeText('<b>&amp; "x" \'y\'\uFFFE\u0001')).toBe('&lt;b&gt;&amp;amp; "x" \'y\'');
    expect(escapeAttribute('a"b\'c<d>&\n\t')).toBe('a&quot;b&apos;c&lt;d&gt;&amp;&#10;&#9;');
    expect(escapeText('行\r\n尾')).toBe('行&#13;\n尾');
  });

  it('writes texts with markup, quotes, line breaks and leading spaces that read back exactly', async () => {
    const texts = [
      '<script>alert(1)</script>',
      'A & B "quoted" \'single\'',
      '=HYPERLINK("http://x","y")',
      '  leading and trailing  ',
      '\t制表',
      '第一行\n第二行',
      ']]>',
    ];
    const sheet = new Worksheet('文本 & <名>');
    texts.forEach((text, i) => sheet.set(i + 1, 1, text));
    sheet.set(texts.length + 1, 1, '控制\u0001字符\uFFFE');
    const book = await open(workbookBytes([sheet], { creator: 'gongkai', date: DATE }));
    const read = book.worksheets[0] as ExcelJS.Worksheet;
    expect(read.name).toBe('文本 & <名>');
    texts.forEach((text, i) => {
      expect(read.getCell(i + 1, 1).value).toBe(text);
      expect(read.getCell(i + 1, 1).type).toBe(ExcelJS.ValueType.String);
    });
    expect(read.getCell(texts.length + 1, 1).value).toBe('控制字符');
  });

  it('names a sheet with a quote in the print titles with the quote doubled', async () => {
    const sheet = new Worksheet("O'Brien 表");
    sheet.set(1, 1, 'x');
    sheet.printTitleRows = [3, 4];
    expect(parts([sheet])['xl/workbook.xml']).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'O''Brien 表'!$3:$4</definedName>`);
    const read = (await open(workbookBytes([sheet], { creator: 'gongkai', date: DATE }))).worksheets[0];
    expect(read?.name).toBe("O'Brien 表");
    expect(read?.pageSetup.printTitlesRow).toBe('3:4');
  });
});

describe('Worksheet', () => {
  it('names columns as Excel does', () => {
    expect([1, 2, 26, 27, 52, 53, 702, 703, 16384].map(columnLetters)).toEqual(['A', 'B', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });

  it('writes merged ranges, gives their covered cells the master’s style and no value', () => {
    const sheet = new Worksheet('表');
    sheet.merge(1, 1, 2, 3);
    sheet.set(1, 1, '功能科目', HEADER);
    sheet.merge(1, 4, 1, 4 + 26);
    sheet.set(1, 4, '宽', HEADER);
    const xml = parts([sheet])['xl/worksheets/sheet1.xml'] ?? '';
    expect(xml).toContain('<mergeCells count="2"><mergeCell ref="A1:C2"/><mergeCell ref="D1:AD1"/></mergeCells>');
    expect(xml).toMatch(/<c r="A1" s="1" t="s"><v>0<\/v><\/c><c r="B1" s="1"\/><c r="C1" s="1"\/>/);
    expect(xml).toContain('<row r="2"><c r="A2" s="1"/><c r="B2" s="1"/><c r="C2" s="1"/></row>');
    expect(xml).toContain('<dimension ref="A1:AD2"/>');
  });

  it('refuses overlapping merges, a value inside a merged range, positions outside a sheet and numbers that are not finite', () => {
    const sheet = new Worksheet('表');
    sheet.merge(1, 1, 2, 2);
    expect(() => sheet.merge(2, 2, 3, 3)).toThrow(/overlaps/);
    sheet.set(2, 2, 'hidden');
    expect(() => parts([sheet])).toThrow(/inside the merged range of A1/);
    expect(() => sheet.set(0, 1, 'x')).toThrow(/outside/);
    expect(() => sheet.set(1, 16385, 'x')).toThrow(/outside/);
    expect(() => sheet.merge(5, 1, 5, 16385)).toThrow(/outside/);
    expect(() => sheet.set(1, 1, Number.NaN)).toThrow(/not a number/);
    expect(() => sheet.set(1, 1, Infinity)).toThrow(/not a number/);
  });

  it('refuses sheet names Excel refuses: empty, too long, forbidden characters, the same name twice', () => {
    const named = (name: string) => {
      const sheet = new Worksheet(name);
      sheet.set(1, 1, 'x');
      return sheet;
    };
    expect(() => parts([])).toThrow(/at least one sheet/);
    expect(() => parts([named('')])).toThrow(/not a sheet name/);
    expect(() => parts([named('x'.repeat(32))])).toThrow(/not a sheet name/);
    expect(() => parts([named('a/b')])).toThrow(/not a sheet name/);
    expect(() => parts([named('Sheet'), named('sheet')])).toThrow(/two sheets/);
  });

  it('writes numbers as numbers, texts as shared strings, blanks with a style as styled empty cells and skips blanks without one', () => {
    const sheet = new Worksheet('表');
    sheet.set(1, 1, 896.28, AMOUNT);
    sheet.set(1, 2, null, AMOUNT);
    sheet.set(1, 3, null);
    sheet.set(1, 4, '001001', BORDERED);
    sheet.set(1, 5, '', BORDERED);
    sheet.set(1, 6, -3.5);
    sheet.set(2, 1, '001001');
    const xml = parts([sheet]);
    expect(xml['xl/worksheets/sheet1.xml']).toContain(
      '<row r="1"><c r="A1" s="1"><v>896.28</v></c><c r="B1" s="1"/><c r="D1" s="2" t="s"><v>0</v></c><c r="E1" s="2"/><c r="F1"><v>-3.5</v></c></row><row r="2"><c r="A2" t="s"><v>0</v></c></row>',
    );
    expect(xml['xl/sharedStrings.xml']).toContain(
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="1"><si><t>001001</t></si></sst>',
    );
    expect(xml['xl/worksheets/sheet1.xml']).not.toMatch(/<f[ >]/);
  });

  it('writes column widths in runs, frozen rows, page setup and print titles that exceljs reads back', async () => {
    const sheet = new Worksheet('表');
    [10, 10, 28, 14, 14].forEach((w, i) => sheet.width(i + 1, w));
    for (let r = 1; r <= 6; r++) sheet.set(r, 1, `r${r}`);
    sheet.frozenRows = 4;
    sheet.pageSetup = { orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 };
    sheet.printTitleRows = [3, 4];
    const other = new Worksheet('封面');
    other.set(1, 1, 'cover');
    const xml = parts([other, sheet]);
    expect(xml['xl/worksheets/sheet2.xml']).toContain(
      '<cols><col min="1" max="2" width="10" customWidth="1"/><col min="3" max="3" width="28" customWidth="1"/><col min="4" max="5" width="14" customWidth="1"/></cols>',
    );
    expect(xml['xl/worksheets/sheet1.xml']).not.toContain('pageSetup');
    const book = await open(workbookBytes([other, sheet], { creator: 'gongkai', date: DATE }));
    const read = book.getWorksheet('表') as ExcelJS.Worksheet;
    expect([1, 2, 3, 4, 5].map((c) => read.getColumn(c).width)).toEqual([10, 10, 28, 14, 14]);
    expect(read.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(read.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:4' });
    expect(book.getWorksheet('封面')?.pageSetup.printTitlesRow).toBeUndefined();
  });
});

describe('Styles', () => {
  it('interns equal styles once, keeps format 0 the default, and numbers custom formats from 164', () => {
    const styles = new Styles();
    expect(styles.id({})).toBe(0);
    const a = styles.id({ bold: true, border: true });
    expect(styles.id({ border: true, bold: true })).toBe(a);
    expect(styles.id({ numFmt: '0.00' })).not.toBe(a);
    styles.id({ numFmt: '#,##0.00"万元"' });
    expect(styles.count).toBe(4);
    const xml = styles.toXml();
    expect(xml).toContain('<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00&quot;万元&quot;"/></numFmts>');
    expect(xml).toContain('<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>');
    expect(xml).toContain('<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>');
  });

  it('refers only to styles, fonts and borders the stylesheet has, and exceljs reads them as set', async () => {
    const sheet = new Worksheet('表');
    sheet.set(1, 1, '标题', { bold: true, size: 14, horizontal: 'center', vertical: 'middle' });
    sheet.set(2, 1, '金额单位：万元', { horizontal: 'right' });
    sheet.set(3, 1, '类', HEADER);
    sheet.set(4, 1, 1.5, AMOUNT);
    sheet.set(5, 1, '说明', { wrap: true, vertical: 'top', border: true });
    sheet.styleRow(6, { bold: true });
    sheet.set(6, 1, '表号', { bold: true });
    const xml = parts([sheet]);
    expectStylesResolve(xml);
    expect(xml['xl/worksheets/sheet1.xml']).toMatch(/<row r="6" s="\d+" customFormat="1">/);
    const read = (await open(workbookBytes([sheet], { creator: 'gongkai', date: DATE }))).worksheets[0] as ExcelJS.Worksheet;
    expect(read.getCell(1, 1).font).toMatchObject({ bold: true, size: 14 });
    expect(read.getCell(1, 1).alignment).toMatchObject({ horizontal: 'center', vertical: 'middle' });
    expect(read.getCell(2, 1).alignment).toMatchObject({ horizontal: 'right' });
    expect(read.getCell(3, 1).border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } });
    expect(read.getCell(3, 1).alignment).toMatchObject({ wrapText: true });
    expect(read.getCell(4, 1).numFmt).toBe('0.00');
    expect(read.getCell(5, 1).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(read.getCell(6, 1).font?.bold).toBe(true);
  });
});

describe('SharedStrings', () => {
  it('counts uses and unique texts, and gives an empty text no index', () => {
    const strings = new SharedStrings();
    expect([strings.id('a'), strings.id('b'), strings.id('a'), strings.id('\u0001'), strings.id(' x')]).toEqual([0, 1, 0, -1, 2]);
    expect(strings.count).toBe(3);
    expect(strings.toXml()).toContain('count="4" uniqueCount="3"><si><t>a</t></si><si><t>b</t></si><si><t xml:space="preserve"> x</t></si></sst>');
  });
});

describe('the workbook package', () => {
  const cover = new Worksheet('封面');
  cover.set(1, 1, '部门');
  const table = new Worksheet('01 收支总表');
  table.set(1, 1, 1);
  const bytes = workbookBytes([cover, table], { creator: 'gongkai', date: DATE });

  it('holds the parts Excel needs, each named in [Content_Types].xml and reached from the relationships', async () => {
    const archive = await JSZip.loadAsync(bytes);
    const names = Object.keys(archive.files);
    expect(names).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/core.xml',
      'docProps/app.xml',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/sharedStrings.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
    const types = (await archive.file('[Content_Types].xml')?.async('string')) ?? '';
    for (const name of names.filter((n) => !n.endsWith('.rels') && n !== '[Content_Types].xml')) expect(types, name).toContain(`PartName="/${name}"`);
    const rels = (await archive.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
    for (const target of ['worksheets/sheet1.xml', 'worksheets/sheet2.xml', 'styles.xml', 'sharedStrings.xml']) expect(rels).toContain(`Target="${target}"`);
    const workbook = (await archive.file('xl/workbook.xml')?.async('string')) ?? '';
    expect(workbook).toContain('<sheet name="封面" sheetId="1" r:id="rId1"/><sheet name="01 收支总表" sheetId="2" r:id="rId2"/>');
    expect(archive.file('xl/styles.xml')?.date.toISOString()).toBe(DATE.toISOString());
  });

  it('carries the creator and the fixed date in its document properties', async () => {
    const book = await open(bytes);
    expect(book.creator).toBe('gongkai');
    expect(book.lastModifiedBy).toBe('gongkai');
    expect(book.created.toISOString()).toBe(DATE.toISOString());
    expect(book.modified.toISOString()).toBe(DATE.toISOString());
    expect(book.worksheets.map((s) => s.name)).toEqual(['封面', '01 收支总表']);
  });

  it('is byte-identical for the same sheets', () => {
    expect(Buffer.from(workbookBytes([cover, table], { creator: 'gongkai', date: DATE })).equals(Buffer.from(bytes))).toBe(true);
  });
});
