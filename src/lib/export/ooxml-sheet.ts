/**
 * A small, direct SpreadsheetML (XLSX) writer: exactly what gongkai's workbooks use and nothing
 * else. Cells are numbers or shared strings (never formulas), styled by a few properties (bold,
 * font size, alignment, wrap, thin border, number format); sheets have column widths, merged
 * ranges, frozen header rows, page setup and print titles; the workbook carries fixed document
 * properties. The parts are written as text in a fixed order and zipped by `zip.ts` with one fixed
 * date, so the same workbook gives the same bytes.
 *
 * Every text goes through {@link xmlText} (characters XML cannot hold are dropped) and is escaped,
 * so no content can break the XML or become markup. A merged range shows its top-left (master)
 * cell: the other cells of the range carry the master's style (borders drawn all around) and no value.
 */
import { xmlText } from './xml-text.ts';
import { zip } from './zip.ts';

/** How a cell looks. Style objects are interned by identity first, so reuse constants in hot loops. */
export interface CellStyle {
  readonly bold?: boolean;
  /** Font size in points; default 11. */
  readonly size?: number;
  readonly horizontal?: 'left' | 'center' | 'right';
  readonly vertical?: 'top' | 'middle' | 'bottom';
  readonly wrap?: boolean;
  /** A thin border on all four sides. */
  readonly border?: boolean;
  /** A number format code (`0.00`); default General. */
  readonly numFmt?: string;
}

/** What a cell holds: a text (an inline string, never a formula), a finite number, or nothing (a styled blank). */
export type CellValue = string | number | null;

export interface PageSetup {
  readonly orientation: 'portrait' | 'landscape';
  /** Fit the sheet to this many pages wide, and `fitToHeight` high (0: as many as needed). */
  readonly fitToWidth: number;
  readonly fitToHeight: number;
}

interface SheetCell {
  readonly value: CellValue;
  readonly style: CellStyle | undefined;
}

interface Range {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** One worksheet being written. Rows and columns count from 1, as Excel shows them. */
export class Worksheet {
  readonly name: string;
  private readonly rows: (SheetCell | undefined)[][] = [];
  private readonly rowStyles = new Map<number, CellStyle>();
  private readonly widths: (number | undefined)[] = [];
  private readonly merges: Range[] = [];
  /** Rows frozen at the top (0: none). */
  frozenRows = 0;
  pageSetup: PageSetup | null = null;
  /** Rows repeated at the top of every printed page (`_xlnm.Print_Titles`), first and last. */
  printTitleRows: readonly [number, number] | null = null;

  constructor(name: string) {
    this.name = name;
  }

  /** Sets a cell's value and style (replacing what it had). */
  set(row: number, column: number, value: CellValue, style?: CellStyle): void {
    checkPosition(row, column);
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new Error(`${this.name} ${address(row, column)}: ${value} is not a number a workbook holds`);
    (this.rows[row] ??= [])[column] = { value, style };
  }

  /** The row styled as a whole (cells written in it keep their own style). */
  styleRow(row: number, style: CellStyle): void {
    checkPosition(row, 1);
    this.rowStyles.set(row, style);
  }

  width(column: number, width: number): void {
    checkPosition(1, column);
    this.widths[column] = width;
  }

  /** Merges a range; ranges must not overlap. */
  merge(top: number, left: number, bottom: number, right: number): void {
    checkPosition(top, left);
    checkPosition(bottom, right);
    if (bottom < top || right < left) throw new Error(`${this.name}: ${address(top, left)}:${address(bottom, right)} is not a range`);
    const overlaps = this.merges.find((m) => m.top <= bottom && top <= m.bottom && m.left <= right && left <= m.right);
    if (overlaps) throw new Error(`${this.name}: ${address(top, left)}:${address(bottom, right)} overlaps a merged range`);
    this.merges.push({ top, left, bottom, right });
  }

  /** The last row that holds a cell (0 for an empty sheet). */
  get lastRow(): number {
    return Math.max(this.rows.length - 1, ...this.rowStyles.keys(), ...this.merges.map((m) => m.bottom), 0);
  }

  /** The sheet's XML, its styles registered in `styles` and its texts in `strings`. */
  toXml(styles: Styles, strings: SharedStrings): string {
    // The cells a merge covers are added to copies of their rows only: the sheet itself stays as set.
    const rows = this.rows.slice();
    const copied = new Set<number>();
    for (const m of this.merges) {
      const master = rows[m.top]?.[m.left];
      for (let r = m.top; r <= m.bottom; r++) {
        if (!copied.has(r)) {
          rows[r] = rows[r]?.slice() ?? [];
          copied.add(r);
        }
        for (let c = m.left; c <= m.right; c++) {
          if (r === m.top && c === m.left) continue;
          const cell = rows[r]?.[c];
          if (cell !== undefined && cell.value !== null)
            throw new Error(`${this.name} ${address(r, c)} holds a value inside the merged range of ${address(m.top, m.left)}`);
          (rows[r] ??= [])[c] = { value: null, style: master?.style };
        }
      }
    }
    const lastRow = Math.max(rows.length - 1, ...this.rowStyles.keys(), 1);
    let lastColumn = 1;
    for (const cells of rows) if (cells !== undefined) lastColumn = Math.max(lastColumn, cells.length - 1);

    let xml = `${XML_DECLARATION}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`;
    if (this.pageSetup !== null) xml += '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
    xml += `<dimension ref="A1:${address(lastRow, lastColumn)}"/>`;
    if (this.frozenRows > 0) {
      const topLeft = address(this.frozenRows + 1, 1);
      xml += `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${this.frozenRows}" topLeftCell="${topLeft}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews>`;
    } else {
      xml += '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
    }
    xml += '<sheetFormatPr defaultRowHeight="15"/>';
    xml += this.colsXml();
    xml += '<sheetData>';
    for (let r = 1; r <= lastRow; r++) {
      const cells = rows[r];
      const rowStyle = this.rowStyles.get(r);
      if (cells === undefined && rowStyle === undefined) continue;
      xml += rowStyle === undefined ? `<row r="${r}">` : `<row r="${r}" s="${styles.id(rowStyle)}" customFormat="1">`;
      if (cells !== undefined) {
        for (let c = 1; c < cells.length; c++) {
          const cell = cells[c];
          if (cell === undefined) continue;
          const s = cell.style === undefined ? 0 : styles.id(cell.style);
          const ref = `${columnLetters(c)}${r}`;
          const sAttr = s === 0 ? '' : ` s="${s}"`;
          if (cell.value === null) {
            if (s !== 0) xml += `<c r="${ref}"${sAttr}/>`;
          } else if (typeof cell.value === 'number') {
            xml += `<c r="${ref}"${sAttr}><v>${String(cell.value)}</v></c>`;
          } else {
            const index = strings.id(cell.value);
            if (index >= 0) xml += `<c r="${ref}"${sAttr} t="s"><v>${index}</v></c>`;
            else if (s !== 0) xml += `<c r="${ref}"${sAttr}/>`;
          }
        }
      }
      xml += '</row>';
    }
    xml += '</sheetData>';
    if (this.merges.length > 0) {
      xml += `<mergeCells count="${this.merges.length}">`;
      for (const m of this.merges) xml += `<mergeCell ref="${address(m.top, m.left)}:${address(m.bottom, m.right)}"/>`;
      xml += '</mergeCells>';
    }
    xml += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
    if (this.pageSetup !== null) {
      const p = this.pageSetup;
      xml += `<pageSetup orientation="${p.orientation}" fitToWidth="${p.fitToWidth}" fitToHeight="${p.fitToHeight}"/>`;
    }
    return `${xml}</worksheet>`;
  }

  private colsXml(): string {
    let xml = '';
    for (let c = 1; c < this.widths.length; c++) {
      const width = this.widths[c];
      if (width === undefined) continue;
      let last = c;
      while (this.widths[last + 1] === width) last++;
      xml += `<col min="${c}" max="${last}" width="${width}" customWidth="1"/>`;
      c = last;
    }
    return xml === '' ? '' : `<cols>${xml}</cols>`;
  }
}

/** The workbook's texts (xl/sharedStrings.xml), each written once and referred to by index. */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly items: string[] = [];
  private uses = 0;

  /** The index of a text, registering it on first use; -1 for a text that is empty once XML-illegal characters are dropped. */
  id(text: string): number {
    let id = this.index.get(text);
    if (id === undefined) {
      const clean = xmlText(text);
      id = clean === '' ? -1 : this.items.length;
      if (id >= 0) this.items.push(`<si>${PRESERVE.test(clean) ? '<t xml:space="preserve">' : '<t>'}${escapeText(clean)}</t></si>`);
      this.index.set(text, id);
    }
    if (id >= 0) this.uses++;
    return id;
  }

  get count(): number {
    return this.items.length;
  }

  /** xl/sharedStrings.xml. */
  toXml(): string {
    return `${XML_DECLARATION}<sst xmlns="${MAIN_NS}" count="${this.uses}" uniqueCount="${this.items.length}">${this.items.join('')}</sst>`;
  }
}

/** Text that leading or trailing white space, a tab or a line break would change when trimmed. */
const PRESERVE = /^\s|\s$|[\t\n]/;

const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

function checkPosition(row: number, column: number): void {
  if (!Number.isInteger(row) || row < 1 || row > MAX_ROW || !Number.isInteger(column) || column < 1 || column > MAX_COLUMN)
    throw new Error(`row ${row}, column ${column} is outside a worksheet`);
}

const letterCache: string[] = [];

/** Excel's column letters (1 → A, 27 → AA). */
export function columnLetters(column: number): string {
  const cached = letterCache[column];
  if (cached !== undefined) return cached;
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  letterCache[column] = out;
  return out;
}

const address = (row: number, column: number): string => `${columnLetters(column)}${row}`;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;', '\n': '&#10;', '\t': '&#9;' };

/** Element text: XML-illegal characters dropped, `& < >` escaped, a carriage return kept as a reference (a parser would turn it into a line feed). */
export const escapeText = (text: string): string => xmlText(text).replace(/[&<>\r]/g, (ch) => ESCAPES[ch] ?? ch);

/** Attribute text: as element text, and quotes, tabs and line breaks as references (a parser would turn them into spaces). */
export const escapeAttribute = (text: string): string => xmlText(text).replace(/[&<>"'\r\n\t]/g, (ch) => ESCAPES[ch] ?? ch);

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Number formats Excel knows by id without a `<numFmt>` (ECMA-376 §18.8.30). */
const BUILTIN_FORMATS: ReadonlyMap<string, number> = new Map([
  ['General', 0],
  ['0', 1],
  ['0.00', 2],
  ['#,##0', 3],
  ['#,##0.00', 4],
]);
const FIRST_CUSTOM_FORMAT = 164;

/** The workbook's cell formats (`cellXfs`), fonts, borders and number formats, registered as sheets use them. Format 0 is the default. */
export class Styles {
  private readonly byObject = new Map<CellStyle, number>();
  private readonly byKey = new Map<string, number>([['', 0]]);
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly fonts = new Map<string, number>([['11', 0]]);
  private readonly formats = new Map<string, number>();

  /** The index of a style's cell format, registering it on first use. */
  id(style: CellStyle): number {
    const known = this.byObject.get(style);
    if (known !== undefined) return known;
    const key = styleKey(style);
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.xfs.length;
      this.xfs.push(this.xf(style));
      this.byKey.set(key, id);
    }
    this.byObject.set(style, id);
    return id;
  }

  /** The number of cell formats registered (the default included). */
  get count(): number {
    return this.xfs.length;
  }

  private xf(style: CellStyle): string {
    const numFmtId = style.numFmt === undefined ? 0 : this.formatId(style.numFmt);
    const fontId = this.fontId(style);
    const borderId = style.border === true ? 1 : 0;
    const alignment =
      (style.horizontal === undefined ? '' : ` horizontal="${style.horizontal}"`) +
      (style.vertical === undefined ? '' : ` vertical="${style.vertical === 'middle' ? 'center' : style.vertical}"`) +
      (style.wrap === true ? ' wrapText="1"' : '');
    const apply =
      (numFmtId === 0 ? '' : ' applyNumberFormat="1"') +
      (fontId === 0 ? '' : ' applyFont="1"') +
      (borderId === 0 ? '' : ' applyBorder="1"') +
      (alignment === '' ? '' : ' applyAlignment="1"');
    const open = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="${borderId}" xfId="0"${apply}`;
    return alignment === '' ? `${open}/>` : `${open}><alignment${alignment}/></xf>`;
  }

  private fontId(style: CellStyle): number {
    const key = `${style.bold === true ? 'b' : ''}${style.size ?? 11}`;
    let id = this.fonts.get(key);
    if (id === undefined) {
      id = this.fonts.size;
      this.fonts.set(key, id);
    }
    return id;
  }

  private formatId(code: string): number {
    const builtin = BUILTIN_FORMATS.get(code);
    if (builtin !== undefined) return builtin;
    let id = this.formats.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM_FORMAT + this.formats.size;
      this.formats.set(code, id);
    }
    return id;
  }

  /** xl/styles.xml. */
  toXml(): string {
    let xml = `${XML_DECLARATION}<styleSheet xmlns="${MAIN_NS}">`;
    if (this.formats.size > 0) {
      xml += `<numFmts count="${this.formats.size}">`;
      for (const [code, id] of this.formats) xml += `<numFmt numFmtId="${id}" formatCode="${escapeAttribute(code)}"/>`;
      xml += '</numFmts>';
    }
    xml += `<fonts count="${this.fonts.size}">`;
    for (const key of this.fonts.keys()) {
      const bold = key.startsWith('b');
      xml += `<font>${bold ? '<b/>' : ''}<sz val="${bold ? key.slice(1) : key}"/><name val="Calibri"/><family val="2"/></font>`;
    }
    xml += '</fonts>';
    xml += '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>';
    xml +=
      '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
      '<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>';
    xml += '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>';
    xml += `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>`;
    xml += '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>';
    return `${xml}<dxfs count="0"/><tableStyles count="0"/></styleSheet>`;
  }
}

const styleKey = (s: CellStyle): string =>
  `${s.bold === true ? 'b' : ''}|${s.size ?? ''}|${s.horizontal ?? ''}|${s.vertical ?? ''}|${s.wrap === true ? 'w' : ''}|${s.border === true ? 't' : ''}|${s.numFmt ?? ''}`.replace(
    /^\|+$/,
    '',
  );

export interface WorkbookProperties {
  /** Author and last editor (docProps/core.xml). */
  readonly creator: string;
  /** Created, modified and printed date of the document, and the date of every zip entry. */
  readonly date: Date;
  /** Deflate level of the zip, default 6. */
  readonly level?: number;
}

const isoSecond = (date: Date): string => `${date.toISOString().slice(0, 19)}Z`;

/** A sheet name as a formula reference: quoted, its quotes doubled. */
const sheetReference = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/** The parts of a workbook of these sheets, in the order they are zipped. */
export function workbookParts(sheets: readonly Worksheet[], props: WorkbookProperties): { readonly name: string; readonly data: string }[] {
  if (sheets.length === 0) throw new Error('a workbook needs at least one sheet');
  const seen = new Set<string>();
  for (const sheet of sheets) {
    const name = xmlText(sheet.name);
    if (name === '' || name.length > 31 || /[[\]:*?/\\]/.test(name) || name.startsWith("'") || name.endsWith("'"))
      throw new Error(`${JSON.stringify(sheet.name)} is not a sheet name Excel accepts`);
    if (seen.has(name.toLowerCase())) throw new Error(`two sheets are named ${JSON.stringify(sheet.name)}`);
    seen.add(name.toLowerCase());
  }
  const styles = new Styles();
  const strings = new SharedStrings();
  const sheetXml = sheets.map((sheet) => sheet.toXml(styles, strings));
  const n = sheets.length;

  const contentTypes =
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets
      .map(
        (_s, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join('') +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
    '</Types>';

  const rootRels =
    `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_REL_NS}">` +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
    '</Relationships>';

  const definedNames = sheets
    .map((sheet, i) =>
      sheet.printTitleRows === null
        ? ''
        : `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeText(sheetReference(xmlText(sheet.name)))}!$${sheet.printTitleRows[0]}:$${sheet.printTitleRows[1]}</definedName>`,
    )
    .join('');
  const workbook =
    `${XML_DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>` +
    sheets.map((sheet, i) => `<sheet name="${escapeAttribute(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
    `</sheets>${definedNames === '' ? '' : `<definedNames>${definedNames}</definedNames>`}</workbook>`;

  const workbookRels =
    `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_REL_NS}">` +
    sheets.map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
    `<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${n + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;

  const date = isoSecond(props.date);
  const creator = escapeText(props.creator);
  const core =
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>${creator}</dc:creator><cp:lastModifiedBy>${creator}</cp:lastModifiedBy><cp:lastPrinted>${date}</cp:lastPrinted>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified></cp:coreProperties>`;

  const app =
    `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    `<Application>${creator}</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
    `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${n}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${n}" baseType="lpstr">${sheets.map((s) => `<vt:lpstr>${escapeText(s.name)}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts>` +
    '<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>';

  return [
    { name: '[Content_Types].xml', data: contentTypes },
    { name: '_rels/.rels', data: rootRels },
    { name: 'docProps/core.xml', data: core },
    { name: 'docProps/app.xml', data: app },
    { name: 'xl/workbook.xml', data: workbook },
    { name: 'xl/_rels/workbook.xml.rels', data: workbookRels },
    { name: 'xl/styles.xml', data: styles.toXml() },
    { name: 'xl/sharedStrings.xml', data: strings.toXml() },
    ...sheetXml.map((data, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data })),
  ];
}

/** The workbook of these sheets as XLSX bytes. */
export function workbookBytes(sheets: readonly Worksheet[], props: WorkbookProperties): Uint8Array<ArrayBuffer> {
  return zip(workbookParts(sheets, props), { date: props.date, level: props.level ?? 6 });
}
