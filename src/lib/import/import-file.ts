/**
 * `npm run import`, as a pure function: the bytes of a finance-system file in, the content files
 * of one disclosure out — or nothing and the list of why. A workbook of tables must come back
 * cell for cell: the content is written, loaded by the same loader as the build, its tables
 * derived, and every table compared with the sheet it came from (round-trip.ts). Printed
 * rounding differences of a total (at most one unit of the last printed digit) are kept as
 * published and reported as warnings; any other difference refuses the import.
 */
import { createHash } from 'node:crypto';
import { catalogueYearFor, nameOf, type Catalogue } from '../catalogue/catalogue.ts';
import { loadContent, type ContentFile } from '../content/load.ts';
import type { Disclosure, DisclosurePhase } from '../disclosure/model.ts';
import type { AmountUnit } from '../money.ts';
import type { Row, Table } from '../tables/model.ts';
import { buildTables } from '../templates/build-tables.ts';
import { templatePack, templatePacks } from '../templates/registry.ts';
import type { TemplatePack } from '../templates/template-pack.ts';
import { amountText, writeContent, type CodeName, type ContentFiles, type ImportedContent, type ImportedPrintedCell } from './content-data.ts';
import { importFlatExport, looksLikeFlatExport, type FlatTable } from './flat-export.ts';
import { isError, type ImportIssue } from './issues.ts';
import { compareTable, describeDifference, printedOrder, type Difference } from './round-trip.ts';
import { formsContent, isFormSheet, readForms } from './performance-forms.ts';
import { shanghaiFacts } from './shanghai-budget.ts';
import { cellText, readWorkbook, type Sheet } from './sheet.ts';
import { hunanFacts } from './hunan-budget.ts';
import { finalFacts } from './shanghai-final.ts';
import { compareFormSheet, hunanForms } from './hunan-forms.ts';
import { COVER_SHEET_NAME, NOT_PROVIDED_TEXT } from '../export/xlsx.ts';
import { locateTableSheet, type TableSheet } from './table-sheet.ts';

export interface ImportRequest {
  /** The file's name as the user gave it (recorded in provenance; messages name it). */
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly region: string;
  readonly regionName?: string;
  readonly year: number;
  readonly department?: string;
  readonly template?: string;
  readonly phase?: DisclosurePhase;
  /** The content folder's path prefix for messages (`content`). */
  readonly root: string;
  /** The content folder's catalogue files (catalogues/<year>/*.yaml), paths under `root`. */
  readonly catalogueFiles: readonly ContentFile[];
}

export interface ImportResult {
  /** Written files (name → text) under `folder`, or null when the import failed. */
  readonly files: ContentFiles | null;
  /** `disclosures/<region>/<department>/<year>` (relative to the content folder). */
  readonly folder: string;
  readonly issues: readonly ImportIssue[];
  /** What was recognised or given, and how: printed to the user. */
  readonly chosen: readonly string[];
  readonly disclosure: Disclosure | null;
  readonly tables: readonly Table[];
  /** Cells compared by the round trip (0 for a flat export). */
  readonly comparedCells: number;
  readonly rows: number;
}

const fail = (request: ImportRequest, issues: ImportIssue[], chosen: string[] = []): ImportResult => ({
  files: null,
  folder: folderOf(request, request.department ?? ''),
  issues,
  chosen,
  disclosure: null,
  tables: [],
  comparedCells: 0,
  rows: 0,
});

const folderOf = (r: ImportRequest, department: string, phase: DisclosurePhase = 'budget') =>
  `disclosures/${r.region}/${department}/${r.year}${phase === 'final' ? '-final' : ''}`;

export type FileKind = 'xlsx' | 'empty' | 'html' | 'legacyXls' | 'text';

/** What a file really is, by its bytes rather than its name. */
export function sniff(bytes: Uint8Array): FileKind {
  if (bytes.length === 0 || bytes.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) return 'empty';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'legacyXls';
  const head = new TextDecoder('latin1').decode(bytes.slice(0, 1024)).toLowerCase();
  if (/^\s*(<!doctype|<html|<\?xml|<table|<meta)/u.test(head) || head.includes('<html')) return 'html';
  return 'text';
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export async function importFile(request: ImportRequest): Promise<ImportResult> {
  const file = request.fileName;
  const kind = sniff(request.bytes);
  if (kind === 'empty')
    return fail(request, [
      {
        code: 'import.emptyFile',
        at: file,
        zh: '文件是空的：请重新从预算管理一体化系统导出',
        en: 'the file is empty: export it again from the finance system',
      },
    ]);
  if (kind === 'html') {
    return fail(request, [
      {
        code: 'import.htmlNotSpreadsheet',
        at: file,
        zh: '这不是 Excel 工作簿，而是另存为 .xls/.xlsx 的网页（HTML）：请在系统中选择“导出 Excel（.xlsx）”，或用 Excel 打开后另存为 .xlsx',
        en: 'this is an HTML page saved with a spreadsheet name, not a workbook: export as .xlsx, or open it in Excel and save as .xlsx',
      },
    ]);
  }
  if (kind === 'legacyXls')
    return fail(request, [
      {
        code: 'import.legacyXls',
        at: file,
        zh: '旧版 .xls（Excel 97-2003）格式不受支持：请用 Excel 另存为 .xlsx',
        en: 'legacy .xls (Excel 97-2003) is not supported: save it as .xlsx in Excel',
      },
    ]);
  if (kind === 'text') return finishFlat(request, { kind: 'text', bytes: request.bytes });

  let sheets: Sheet[];
  try {
    sheets = await readWorkbook(request.bytes);
  } catch (error) {
    return fail(request, [
      {
        code: 'import.unreadableWorkbook',
        at: file,
        zh: `无法读取工作簿（${(error as Error).message}）：请用 Excel 打开并另存为 .xlsx`,
        en: `cannot read the workbook (${(error as Error).message}): open it in Excel and save as .xlsx`,
      },
    ]);
  }
  const firstSheet = sheets[0];
  if (sheets.length > 0 && sheets.every((s) => s.rows.every((r) => r.every((c) => c.value.kind === 'blank')))) {
    return fail(request, [{ code: 'import.emptyFile', at: file, zh: '工作簿中没有任何内容', en: 'the workbook holds nothing' }]);
  }
  if (firstSheet && looksLikeFlatExport(firstSheet) && !templatePacks().some((p) => sheets.some((s) => locateTableSheet(p, s) !== null))) {
    return finishFlat(request, { kind: 'sheet', sheet: firstSheet });
  }
  return importWorkbook(request, sheets);
}

async function finishFlat(request: ImportRequest, table: FlatTable): Promise<ImportResult> {
  const template = request.template ?? 'hunan-budget';
  const chosen = [
    `模板 template: ${template}${request.template ? '' : '（明细导出文件，默认湖南23张表 / line-level export, default）'}`,
    `阶段 phase: ${request.phase ?? 'budget'}`,
  ];
  const pack = templatePack(template);
  if (!pack) return fail(request, [unknownTemplate(request, template)], chosen);
  const flat = importFlatExport(table, request.fileName);
  if (flat.issues.some(isError) || !flat.ledger) return fail(request, flat.issues, chosen);
  const department = request.department ?? flat.ledger.department.code;
  const content: ImportedContent = {
    template,
    phase: request.phase ?? pack.phase,
    year: request.year,
    amountUnit: '元',
    region: { code: request.region, name: request.regionName ?? request.region },
    department: { code: department, name: flat.ledger.department.name },
    units: flat.ledger.units,
    tables: pack.tables.filter((t) => t.source === 'facts').map((t) => t.id),
    projects: flat.ledger.projects,
    threePublic: null,
    printStyle: { decimals: 2, zeroWhereNothing: [], labels: {}, notes: {} },
    printedAsPublished: [],
    catalogue: { functional: [], econDept: [] },
    provenance: {
      title: `${flat.ledger.department.name}${request.year}年部门预算（预算管理一体化系统明细导出）`,
      file: baseName(request.fileName),
      sha256: sha256(request.bytes),
      sheets: {},
    },
    ledger: { kind: 'rows', rows: flat.ledger.rows },
    sections: pack.sections.map((s) => s.title),
    performanceYaml: null,
  };
  const loaded = loadImported(request, content, department);
  const issues = [...flat.issues, ...loaded.issues];
  if (issues.some(isError) || !loaded.disclosure) return { ...fail(request, issues, chosen), folder: folderOf(request, department) };
  return {
    files: loaded.files,
    folder: folderOf(request, department, content.phase),
    issues,
    chosen,
    disclosure: loaded.disclosure,
    tables: [],
    comparedCells: 0,
    rows: flat.ledger.rows.length,
  };
}

const baseName = (path: string): string => path.split(/[\\/]/u).pop() ?? path;

const unknownTemplate = (request: ImportRequest, template: string): ImportIssue => ({
  code: 'import.unknownTemplate',
  at: request.fileName,
  zh: `没有模板“${template}”：可选 ${templatePacks()
    .map((p) => p.id)
    .join('、')}`,
  en: `no template ${template}: choose one of ${templatePacks()
    .map((p) => p.id)
    .join(', ')}`,
});

function recognise(pack: TemplatePack, sheets: readonly Sheet[]): Map<string, TableSheet> {
  const found = new Map<string, TableSheet>();
  for (const sheet of sheets) {
    const located = locateTableSheet(pack, sheet);
    if (located && !found.has(located.definition.id)) found.set(located.definition.id, located);
  }
  return found;
}

async function importWorkbook(request: ImportRequest, sheets: readonly Sheet[]): Promise<ImportResult> {
  const file = request.fileName;
  const candidates = templatePacks()
    .filter((p) => request.phase === undefined || p.phase === request.phase)
    .map((pack) => ({ pack, found: recognise(pack, sheets) }))
    .sort((a, b) => b.found.size - a.found.size);
  const best = candidates[0];
  const chosenPack = request.template === undefined ? best : candidates.find((c) => c.pack.id === request.template);
  if (request.template !== undefined && !templatePack(request.template)) return fail(request, [unknownTemplate(request, request.template)]);
  if (request.template !== undefined && chosenPack && best && best.pack.id !== chosenPack.pack.id && best.found.size > chosenPack.found.size) {
    return fail(request, [
      {
        code: 'import.otherTemplate',
        at: file,
        zh: `文件是模板“${best.pack.name}”（${best.pack.id}）的表，不是“${chosenPack.pack.name}”：请改用 --template ${best.pack.id}`,
        en: `the file holds tables of ${best.pack.id}, not ${chosenPack.pack.id}: use --template ${best.pack.id}`,
      },
    ]);
  }
  if (!chosenPack || chosenPack.found.size === 0) {
    return fail(request, [
      {
        code: 'import.noTableRecognised',
        at: file,
        zh: `没有一张工作表的标题是${request.template ? `模板“${request.template}”` : '任何已知模板'}的表：请检查文件是否为部门预算公开表（或用 --template 指定模板）`,
        en: `no sheet title names a table of ${request.template ?? 'any known template'}: check the file (or give --template)`,
      },
    ]);
  }
  const { pack, found } = chosenPack;
  const chosen = [
    `模板 template: ${pack.id}（${pack.name}）${request.template ? '' : `，按工作表标题识别 recognised from ${found.size} sheet titles`}`,
    `阶段 phase: ${pack.phase}${request.phase ? '' : '（随模板 from the template）'}`,
  ];
  // gongkai's own download says so on the sheet of a table the disclosure did not publish.
  const absent = new Set([...found].filter(([, s]) => s.sheet.rows.slice(0, 4).some((r) => cellText(r[0]) === NOT_PROVIDED_TEXT)).map(([id]) => id));
  for (const id of absent) found.delete(id);
  if (pack.id === 'hunan-budget') return importHunanWorkbook(request, pack, found, absent, sheets, chosen);
  if (pack.id === 'shanghai-final') return importFinalWorkbook(request, pack, found, absent, chosen);
  if (pack.id !== 'shanghai-budget') {
    return fail(
      request,
      [
        {
          code: 'import.templateNotImportable',
          at: file,
          zh: `模板“${pack.name}”的表格工作簿导入尚未实现：请导入明细导出文件`,
          en: `importing a workbook of ${pack.id} tables is not implemented yet: import the line-level export`,
        },
      ],
      chosen,
    );
  }

  const issues: ImportIssue[] = missingTables(pack, found, absent, file);
  const unitSheet = [...found.values()].find((s) => s.definition.amountUnit === 'disclosure');
  const amountUnit: AmountUnit | null = unitSheet?.unit ?? null;
  if (unitSheet && amountUnit === null)
    issues.push({
      code: 'import.unitMissing',
      at: `${unitSheet.sheet.name}!${unitSheet.unitAddress}`,
      zh: '表上没有“单位：元/万元”，数字格式也未标明单位：请补上单位行',
      en: 'no 单位 line and no unit in the number format: add the unit line',
    });
  // Performance forms (绩效目标) carry no table unit and are not derived from facts: read as forms.
  for (const [id, s] of [...found]) if (s.definition.source === 'forms') found.delete(id);
  const formSheets = sheets.filter(isFormSheet);
  const formUnit: AmountUnit = formSheets.some((s) => s.rows.slice(0, 4).some((r) => r.some((c) => /单位[:：]\s*万元/u.test(cellText(c))))) ? '万元' : '元';
  const forms = formSheets.flatMap((s) => readForms(s, formUnit, issues));
  const formTable = pack.tables.find((t) => t.source === 'forms');
  for (const s of found.values()) {
    if (s.unit === null && s !== unitSheet)
      issues.push({ code: 'import.unitMissing', at: `${s.sheet.name}!${s.unitAddress}`, zh: '表上没有“单位：元/万元”', en: 'the sheet names no amount unit' });
  }
  if (issues.some(isError) || amountUnit === null) return fail(request, issues, chosen);

  const facts = shanghaiFacts(found, amountUnit);
  issues.push(...facts.issues);
  const additions = catalogueAdditions(
    request,
    {
      functional: { printed: facts.functionalNames, codes: functionCodes(facts.byFunction.map((f) => f.func)) },
      econDept: { printed: facts.econNames, codes: econCodes(facts.basicByEcon.map((f) => f.econ)) },
    },
    issues,
  );
  if (issues.some(isError)) return fail(request, issues, chosen);

  const department = request.department ?? departmentCodeFrom(file);
  if (request.department === undefined)
    chosen.push(
      `部门编码 department: ${department}（表中未印编码，取自文件名；可用 --department 指定 / not printed, taken from the file name; give --department）`,
    );
  const performance = forms.length > 0 ? formsContent(forms, formUnit, baseName(file)) : null;
  const departmentName = [...found.values()].map((s) => s.unitLabel).find((l) => l !== '') ?? department;
  const wholeYuan = facts.byFunction.every((f) => f.amount % 100 === 0) && facts.basicByEcon.every((f) => f.amount % 100 === 0);
  const sheetsById = Object.fromEntries(pack.tables.flatMap((t) => (found.has(t.id) ? [[t.id, found.get(t.id)?.sheet.name ?? '']] : [])));
  const base: ImportedContent = {
    template: pack.id,
    phase: pack.phase,
    year: request.year,
    amountUnit,
    region: { code: request.region, name: request.regionName ?? request.region },
    department: { code: department, name: departmentName },
    units: [],
    tables: pack.tables.filter((t) => found.has(t.id) || (t === formTable && forms.length > 0)).map((t) => t.id),
    projects: performance?.projects ?? [],
    threePublic: facts.threePublic,
    printStyle: { decimals: amountUnit === '元' && wholeYuan ? 0 : 2, zeroWhereNothing: [], labels: {}, notes: {} },
    printedAsPublished: [],
    catalogue: additions,
    provenance: { title: `${departmentName}${request.year}年部门预算`, file: baseName(file), sha256: sha256(request.bytes), sheets: sheetsById },
    ledger: { kind: 'facts', byFunction: facts.byFunction, basicByEcon: facts.basicByEcon },
    sections: pack.sections.map((s) => s.title),
    performanceYaml: performance?.yaml ?? null,
  };

  return prove(request, base, department, found, issues, chosen);
}

/** A required table (one the template numbers) that the workbook has no sheet for, published or not. */
function missingTables(pack: TemplatePack, found: ReadonlyMap<string, TableSheet>, absent: ReadonlySet<string>, file: string): ImportIssue[] {
  return pack.tables
    .filter((definition) => definition.number !== null && definition.optional !== true && !found.has(definition.id) && !absent.has(definition.id))
    .map((definition) => ({
      code: 'import.missingTable',
      at: file,
      zh: `工作簿缺少必需的表“${definition.title}”（表${definition.number}）：请从系统导出完整的公开表`,
      en: `the workbook lacks the required table ${definition.id} (${definition.title}): export every table`,
    }));
}

/** What gongkai's own download states on its cover sheet (部门, 部门编码, 单位), where the workbook has one. */
function coverOf(sheets: readonly Sheet[]): { department?: CodeName; units: CodeName[] } {
  const cover = sheets.find((s) => s.name === COVER_SHEET_NAME);
  if (!cover) return { units: [] };
  const value = (label: string) => cover.rows.filter((r) => cellText(r[0]) === label).map((r) => cellText(r[1]));
  const name = value('部门 / Department')[0];
  const code = value('部门编码 / Department code')[0];
  const units = value('单位 / Unit').flatMap((text) => {
    const m = /^(\S*)\s(.+)$/u.exec(text);
    return m ? [{ code: m[1] ?? '', name: m[2] ?? '' }] : [];
  });
  return { ...(name !== undefined && code !== undefined ? { department: { code, name } } : {}), units };
}

/** Hunan's 23 tables: ledger rows at the grain the tables give (hunan-budget.ts), then the proof. */
function importHunanWorkbook(
  request: ImportRequest,
  pack: TemplatePack,
  found: Map<string, TableSheet>,
  absent: ReadonlySet<string>,
  sheets: readonly Sheet[],
  chosen: string[],
): ImportResult {
  const file = request.fileName;
  // Hunan's departments publish a subset of the 23 tables (often the 绩效目标 forms only): a table
  // the workbook lacks is written as not provided, and said; what the others leave open is refused below.
  const issues: ImportIssue[] = missingTables(pack, found, absent, file).map((i) => ({
    ...i,
    code: 'import.tableNotInWorkbook',
    severity: 'warning',
    zh: i.zh.replace('：请从系统导出完整的公开表', '：按未公开处理'),
    en: i.en.replace(': export every table', ': written as not provided'),
  }));
  for (const s of found.values())
    if (s.unit === null && s.definition.source === 'facts')
      issues.push({ code: 'import.unitMissing', at: `${s.sheet.name}!${s.unitAddress}`, zh: '表上没有“单位：元/万元”', en: 'the sheet names no amount unit' });
  if (issues.some(isError)) return fail(request, issues, chosen);
  // The 绩效目标 forms are read as forms (performance.yaml) and proven against their grid below.
  const formSheets = new Map([...found].filter(([, s]) => s.definition.source === 'forms').map(([id, s]) => [id, s.sheet]));
  const financial = new Map([...found].filter(([id]) => !formSheets.has(id)));
  const facts = hunanFacts(financial, file);
  issues.push(...facts.issues);
  const forms = hunanForms(formSheets, issues, facts.projects, baseName(file));
  const additions = catalogueAdditions(
    request,
    {
      functional: { printed: facts.functionalNames, codes: functionCodes(facts.rows.map((r) => r.func)) },
      econDept: { printed: facts.econNames, codes: econCodes(facts.rows.map((r) => r.econ)) },
    },
    issues,
  );
  if (issues.some(isError)) return fail(request, issues, chosen);
  const cover = coverOf(sheets);
  const printed = facts.department ?? cover.department ?? null;
  const department = request.department ?? printed?.code ?? departmentCodeFrom(file);
  if (request.department === undefined && printed === null)
    chosen.push(
      `部门编码 department: ${department}（表中未印编码，取自文件名；可用 --department 指定 / not printed, taken from the file name; give --department）`,
    );
  const departmentName = printed?.name ?? department;
  // A workbook of forms only prints no spending to tell 行政 from 事业: admin, said as a warning.
  const units =
    facts.units.length > 0
      ? facts.units
      : cover.units.map((u) => {
          issues.push({
            code: 'import.unitTypeAssumed',
            severity: 'warning',
            at: `${COVER_SHEET_NAME}!B`,
            zh: `表中看不出单位 ${u.code} 是行政还是事业单位：已写为 admin（行政），如为事业单位请改为 institution`,
            en: `the tables do not show whether unit ${u.code} is 行政 or 事业: written as admin, change it to institution if it is one`,
          });
          return { ...u, type: 'admin' as const };
        });
  const sheetsById = Object.fromEntries(pack.tables.flatMap((t) => (found.has(t.id) ? [[t.id, found.get(t.id)?.sheet.name ?? '']] : [])));
  const base: ImportedContent = {
    template: pack.id,
    phase: pack.phase,
    year: request.year,
    amountUnit: '万元',
    region: { code: request.region, name: request.regionName ?? request.region },
    department: { code: department, name: departmentName },
    units,
    tables: pack.tables.filter((t) => found.has(t.id)).map((t) => t.id),
    projects: facts.projects,
    threePublic: null,
    printStyle: { decimals: 2, zeroWhereNothing: [], labels: {}, notes: {} },
    printedAsPublished: [],
    catalogue: additions,
    provenance: { title: `${departmentName}${request.year}年部门预算`, file: baseName(file), sha256: sha256(request.bytes), sheets: sheetsById },
    ledger: financial.size === 0 ? { kind: 'none' } : { kind: 'rows', rows: facts.rows },
    sections: pack.sections.map((s) => s.title),
    performanceYaml: forms,
  };
  const result = prove(request, base, department, financial, issues, chosen);
  if (!result.disclosure) return result;
  const differences = [...formSheets].flatMap(([id, sheet]) => {
    const table = result.tables.find((t) => t.id === id);
    return table ? compareFormSheet(table, sheet) : [];
  });
  if (differences.length === 0) return result;
  return fail(
    request,
    [
      ...result.issues,
      ...differences.map((d) => ({
        code: 'import.roundTrip.form',
        at: d.at,
        zh: `导入后推导的绩效目标表与工作表不一致：${d.at}: 导入 imported ${d.imported}，推导 derived ${d.derived}`,
        en: `derived form differs from the sheet: imported ${d.imported}, derived ${d.derived}`,
      })),
    ],
    chosen,
  );
}

/** Shanghai's ten 决算 tables: coarse facts, income and balances at the grain the tables give (shanghai-final.ts), then the proof. */
function importFinalWorkbook(
  request: ImportRequest,
  pack: TemplatePack,
  found: Map<string, TableSheet>,
  absent: ReadonlySet<string>,
  chosen: string[],
): ImportResult {
  const file = request.fileName;
  const issues = missingTables(pack, found, absent, file);
  const amountUnit: AmountUnit = [...found.values()].find((s) => s.unit !== null)?.unit ?? '万元';
  for (const s of found.values())
    if (s.unit === null && s.definition.id !== 'unitComposition')
      issues.push({ code: 'import.unitMissing', at: `${s.sheet.name}!${s.unitAddress}`, zh: '表上没有“单位：元/万元”', en: 'the sheet names no amount unit' });
  if (issues.some(isError)) return fail(request, issues, chosen);
  const facts = finalFacts(found);
  issues.push(...facts.issues);
  const additions = catalogueAdditions(
    request,
    {
      functional: { printed: facts.functionalNames, codes: functionCodes([...facts.byFunction, ...facts.incomeByFunction].map((f) => f.func)) },
      econDept: { printed: facts.econNames, codes: econCodes(facts.basicByEcon.map((f) => f.econ)) },
    },
    issues,
  );
  if (issues.some(isError)) return fail(request, issues, chosen);
  const department = request.department ?? departmentCodeFrom(file);
  if (request.department === undefined)
    chosen.push(
      `部门编码 department: ${department}（表中未印编码，取自文件名；可用 --department 指定 / not printed, taken from the file name; give --department）`,
    );
  const departmentName = [...found.values()].map((s) => s.unitLabel).find((l) => l !== '') ?? department;
  const sheetsById = Object.fromEntries(pack.tables.flatMap((t) => (found.has(t.id) ? [[t.id, found.get(t.id)?.sheet.name ?? '']] : [])));
  const tp = facts.threePublic;
  const base: ImportedContent = {
    template: pack.id,
    phase: 'final',
    year: request.year,
    amountUnit,
    region: { code: request.region, name: request.regionName ?? request.region },
    department: { code: department, name: departmentName },
    units: facts.units,
    tables: pack.tables.filter((t) => found.has(t.id)).map((t) => t.id),
    projects: [],
    threePublic: { amountUnit, ...tp, adminOperatingCost: null },
    printStyle: { decimals: 2, zeroWhereNothing: [], labels: {}, notes: {} },
    printedAsPublished: [],
    catalogue: additions,
    provenance: { title: `${departmentName}${request.year}年度部门决算`, file: baseName(file), sha256: sha256(request.bytes), sheets: sheetsById },
    ledger: { kind: 'facts', byFunction: facts.byFunction, basicByEcon: facts.basicByEcon, incomeByFunction: facts.incomeByFunction },
    finalAccounts: facts.finalAccounts,
    sections: pack.sections.map((s) => s.title),
    performanceYaml: null,
  };
  return prove(request, base, department, found, issues, chosen);
}

/**
 * Loads the content, folds in what the document prints its own way (0 for nothing, labels, notes,
 * rounding), loads again and compares every derived table with its sheet: the proof.
 */
function prove(
  request: ImportRequest,
  base: ImportedContent,
  department: string,
  found: ReadonlyMap<string, TableSheet>,
  issues: readonly ImportIssue[],
  chosen: string[],
): ImportResult {
  // Pass 1: what the document prints its own way (0 for nothing, labels, notes, rounding).
  const first = loadImported(request, base, department);
  if (!first.disclosure) return fail(request, [...issues, ...first.issues], chosen);
  const firstDiffs = roundTrip(buildTables(first.disclosure), found);
  const adjusted = adjust(base, firstDiffs.differences, buildTables(first.disclosure));
  // Pass 2: the proof — after leaving out printed cells that the other printed cells already give
  // (a 合计 summed from printed 类 lines): only the cells printed on their own are recorded.
  let second = loadImported(request, adjusted.content, department);
  if (second.disclosure && adjusted.content.printedAsPublished.length > 0) {
    const built = buildTables(second.disclosure);
    const needed = adjusted.content.printedAsPublished.filter((p) => !givenByOthers(p, built));
    if (needed.length < adjusted.content.printedAsPublished.length) {
      const pruned = { ...adjusted.content, printedAsPublished: needed };
      const third = loadImported(request, pruned, department);
      if (third.disclosure && roundTrip(buildTables(third.disclosure), found).differences.length === roundTrip(built, found).differences.length) {
        second = third;
        adjusted.content = pruned;
      }
    }
  }
  const all = [...issues, ...second.issues];
  if (!second.disclosure || all.some(isError)) return fail(request, all, chosen);
  const tables = buildTables(second.disclosure);
  const proof = roundTrip(tables, found);
  for (const d of proof.differences) {
    const printedAsPublished = printedOnItsOwn(d);
    all.push({
      code: printedAsPublished ? 'import.printedAsPublished' : `import.roundTrip.${d.kind}`,
      ...(printedAsPublished ? { severity: 'warning' as const } : {}),
      at: d.at,
      zh: printedAsPublished
        ? `${printedAsPublished}，按原样保留 / kept as printed：${describeDifference(d)}`
        : `导入后推导的表与工作表不一致：${describeDifference(d)}`,
      en: `${printedAsPublished ? 'printed as published, kept' : 'derived table differs from the sheet'}: imported ${d.imported}, derived ${d.derived}`,
    });
  }
  for (const r of proof.reordered)
    all.push({
      code: 'import.printedAsPublished',
      severity: 'warning',
      at: r,
      zh: '表中各行的印刷顺序与科目编码顺序不同；数字一致，网站按编码顺序列出 / rows printed out of code order',
      en: 'the rows are printed out of code order; every row and figure agrees, the site lists them in code order',
    });
  for (const p of adjusted.content.printedAsPublished) {
    all.push({
      code: 'import.printedAsPublished',
      severity: 'warning',
      at: p.at,
      zh: `印刷的合计与其组成部分之和不一致（印 ${p.amount === null ? '空白' : amountText(p.amount, p.unit)}，分项合计 ${p.derived}），按原样保留`,
      en: `printed total differs from the sum of its parts (rounding in the source); kept as published`,
    });
  }
  if (all.some(isError)) return fail(request, all, chosen);
  return {
    files: second.files,
    folder: folderOf(request, department, base.phase),
    issues: all,
    chosen,
    disclosure: second.disclosure,
    tables,
    comparedCells: proof.cells,
    rows: proof.rows,
  };
}

/** Whether a printed cell is what the table derives anyway once the other printed cells are in (its parts are printed). */
function givenByOthers(p: ImportedPrintedCell, tables: readonly Table[]): boolean {
  const table = tables.find((t) => t.id === p.table);
  if (!table) return false;
  return table.published.some((x) => {
    const row = table.rows.find((r) => r.key === x.rowKey);
    const names = row !== undefined && (row.key === p.row || row.key.endsWith(`:${p.row}`) || row.cells.some((c) => c.kind === 'text' && c.value === p.row));
    return names && table.columns[x.columnIndex]?.path.join('/') === p.column && x.printed === p.amount && x.derived === p.amount;
  });
}

/** The department code a file name starts with (`ptwl-2024-ys.xlsx` → `ptwl`), for a document that prints none. */
export function departmentCodeFrom(fileName: string): string {
  const match = /^([a-z][a-z0-9]{1,11}|\d{3,6})(?=[-_.])/u.exec(baseName(fileName).toLowerCase());
  return match?.[1] ?? 'dept';
}

/** The content folder's catalogues, parsed once per list of catalogue files. */
const parsedCatalogues = new WeakMap<readonly ContentFile[], ReadonlyMap<number, Catalogue>>();
function cataloguesOf(request: ImportRequest): ReadonlyMap<number, Catalogue> {
  const cached = parsedCatalogues.get(request.catalogueFiles);
  if (cached) return cached;
  const { catalogues } = loadContent([...request.catalogueFiles], request.root);
  parsedCatalogues.set(request.catalogueFiles, catalogues);
  return catalogues;
}

/** The codes a workbook uses, per catalogue, with the names it prints for them. */
interface UsedCodes {
  readonly functional: { readonly printed: readonly CodeName[]; readonly codes: Iterable<string> };
  readonly econDept: { readonly printed: readonly CodeName[]; readonly codes: Iterable<string> };
}

/**
 * Codes the catalogue lacks: the name the workbook prints for one is added to the disclosure; a
 * code with no printed name is refused (`import.unknownCode`), as is a content folder without a
 * catalogue for the year (`import.noCatalogue`).
 */
function catalogueAdditions(request: ImportRequest, used: UsedCodes, issues: ImportIssue[]): { functional: CodeName[]; econDept: CodeName[] } {
  const additions = { functional: [] as CodeName[], econDept: [] as CodeName[] };
  const catalogue = catalogueFor(request);
  if (!catalogue) {
    issues.push({
      code: 'import.noCatalogue',
      at: request.root,
      zh: '内容目录中没有科目目录（catalogues/<年度>/）：请先复制目录',
      en: 'the content folder has no catalogue (catalogues/<year>/): copy one first',
    });
    return additions;
  }
  for (const kind of ['functional', 'econDept'] as const) {
    for (const code of [...new Set(used[kind].codes)].sort()) {
      if (nameOf(catalogue, kind, code) !== undefined) continue;
      const printed = used[kind].printed.find((n) => n.code === code);
      if (printed && printed.name !== '') additions[kind].push(printed);
      else
        issues.push({
          code: 'import.unknownCode',
          at: request.fileName,
          zh: `科目编码 ${code} 不在 ${catalogue.year} 年目录中，表中也没有印名称：请补上科目名称`,
          en: `code ${code} is not in the ${catalogue.year} catalogue and the sheet prints no name for it: add its name`,
        });
    }
  }
  return additions;
}

const functionCodes = (codes: readonly string[]): string[] => codes.flatMap((c) => [c, c.slice(0, 3), c.slice(0, 5)]);
const econCodes = (codes: readonly string[]): string[] => codes.flatMap((c) => [c, c.slice(0, 3)]);

function catalogueFor(request: ImportRequest): Catalogue | undefined {
  const catalogues = cataloguesOf(request);
  const year = catalogueYearFor(request.year, [...catalogues.keys()]);
  return year === undefined ? undefined : catalogues.get(year);
}

/** Writes the content, loads it as the build does, and reports the loader's errors. */
function loadImported(
  request: ImportRequest,
  content: ImportedContent,
  department: string,
): { files: ContentFiles; disclosure: Disclosure | null; issues: ImportIssue[] } {
  const files = writeContent(content);
  const folder = `${request.root}/${folderOf(request, department, content.phase)}`;
  const contentFiles = Object.entries(files).map(([name, text]) => ({ path: `${folder}/${name}`, text }));
  const result = loadContent(contentFiles, request.root, cataloguesOf(request));
  const issues: ImportIssue[] = result.findings
    .filter((f) => f.severity === 'error' && f.file.startsWith(folder))
    .map((f) => ({ code: f.code, at: `${f.file}:${f.line}:${f.column}`, zh: f.zh, en: f.en }));
  return { files, disclosure: result.disclosures[0] ?? null, issues };
}

/**
 * A difference the document prints on its own, not a disagreement of figures: a header label left
 * blank, or a 部门/单位 row printing its code where its name goes. Said as a warning; null otherwise.
 */
function printedOnItsOwn(d: Difference): string | null {
  if (d.kind === 'header' && d.imported === '') return '表头此格印为空白 / a header label printed blank';
  if (d.kind === 'label' && (d.row?.level === 'department' || d.row?.level === 'unit')) {
    const words = d.imported.split(/\s+/u);
    if (words.length === 2 && words[0] === words[1]) return '部门/单位行的名称处印的是编码 / the code is printed where the name goes';
  }
  return null;
}

function roundTrip(
  tables: readonly Table[],
  found: ReadonlyMap<string, TableSheet>,
): { differences: Difference[]; cells: number; rows: number; reordered: string[] } {
  const differences: Difference[] = [];
  const reordered: string[] = [];
  let cells = 0;
  let rows = 0;
  for (const table of tables) {
    const sheet = found.get(table.id);
    if (!sheet) continue;
    const inOrder = compareTable(table, sheet);
    // Rows printed out of code order: compared row by row with the derived rows in the sheet's order.
    const permuted = inOrder.some((d) => d.kind === 'label') ? printedOrder(table, sheet) : null;
    const compared = permuted ? compareTable(permuted, sheet) : inOrder;
    if (permuted && compared.length < inOrder.length) {
      reordered.push(`${sheet.sheet.name}!${sheet.bodyRows[0]?.cells[0]?.address ?? 'A1'}`);
      differences.push(...compared);
    } else differences.push(...inOrder);
    rows += sheet.bodyRows.length;
    cells += sheet.bodyRows.length * table.columns.filter((c) => c.kind === 'amount').length;
  }
  return { differences, cells, rows, reordered };
}

/**
 * How a 决算's printedAsPublished names a row (the name its tables look a printed figure up by):
 * 合计 for a total, the line's label beside the cell for a line of a fixed-line table, else its key.
 */
function finalRowName(row: Row, column: number): string {
  if (row.level === 'total' && !row.key.startsWith('econ:') && row.cells.some((c) => c.kind === 'text' && c.value === '合计')) return '合计';
  if (row.level !== 'line' || row.key.startsWith('econ:')) return row.key;
  for (let i = column - 1; i >= 0; i--) {
    const cell = row.cells[i];
    if (cell && cell.kind === 'text' && cell.value !== '') return cell.value;
  }
  return row.key;
}

/** Folds the differences a document prints on purpose into its content; the rest stay for the proof to report. */
function adjust(content: ImportedContent, differences: readonly Difference[], tables: readonly Table[]): { content: ImportedContent } {
  const zero = new Set<string>();
  const labels: Record<string, string> = {};
  const notes: Record<string, string> = {};
  const printed: ImportedPrintedCell[] = [];
  for (const d of differences) {
    const table = tables.find((t) => t.id === d.table);
    if (!table) continue;
    if (d.kind === 'amount' && d.derivedAmount === null && d.importedAmount === 0) zero.add(d.table);
    else if (
      d.kind === 'amount' &&
      d.row &&
      d.column !== undefined &&
      d.row.level !== 'item' &&
      typeof d.derivedAmount === 'number' &&
      typeof d.importedAmount === 'number' &&
      // Rounding printed in the source: 1 元 in a 元 table; in a 万元 table (each figure rounded on its
      // own, a 类 of many 款) up to 0.05 万元. Anything more is a disagreement, refused.
      Math.abs(d.derivedAmount - d.importedAmount) <= (table.amountUnit === '万元' ? 50_000 : 100)
    ) {
      const path = table.columns[d.column]?.path.join('/') ?? '';
      const row =
        d.row.level === 'class' || d.row.level === 'section'
          ? (d.row.key.split(':').pop() ?? d.row.key)
          : content.phase === 'final'
            ? finalRowName(d.row, d.column)
            : d.row.key;
      printed.push({ table: d.table, row, column: path, amount: d.importedAmount, unit: table.amountUnit, at: d.at, derived: d.derived });
    } else if (d.kind === 'header' && d.templateLabel !== undefined && d.imported !== '')
      labels[d.templateLabel] = d.imported.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '');
    else if (d.kind === 'label' && d.row?.level === 'line' && d.derived !== '' && d.imported !== '') labels[d.derived] = d.imported;
    else if (d.kind === 'note' && d.imported !== '（无 none）') notes[d.table] = d.imported;
  }
  return {
    content: {
      ...content,
      printStyle: {
        ...content.printStyle,
        zeroWhereNothing: [...zero].sort((a, b) => tables.findIndex((t) => t.id === a) - tables.findIndex((t) => t.id === b)),
        labels,
        notes,
      },
      printedAsPublished: printed,
    },
  };
}

/** Text of a cell, re-exported for the script's progress lines. */
export { cellText };
