/**
 * The open-data package: its CSV (and JSON) files and the `datapackage.json` that describes them
 * (Frictionless Data Package), so a reader can load the data with typed columns without reading
 * our documentation. Paths come from routes.ts.
 *
 * Only files with rows are published and described: a year whose disclosures give no ledger or
 * facts (performance forms only) has no `ledger-<year>.csv`. The CSVs are plain UTF-8 without a
 * byte-order mark, as `encoding: utf-8` declares (a Data Package reader would take a BOM for part
 * of the first column's name); tests/build/open-data-package-validates.test.ts reads every
 * resource with a real validator.
 */
import type { Disclosure } from '../disclosure/model.ts';
import type { Table } from '../tables/model.ts';
import { routes } from '../site/routes.ts';
import {
  INDICATOR_FIELDS,
  LEDGER_FIELDS,
  PROJECT_FIELDS,
  SUMMARY_FIELDS,
  indicatorsCsv,
  jsonArray,
  jsonArrayLines,
  ledgerCsv,
  openDataYears,
  projectsCsv,
  summaryCsv,
  summaryJson,
  type OpenDataField,
} from './open-data.ts';
import { FACT_FIELDS, factsCsv } from './facts-csv.ts';

/** One open-data file: its path from the site root (as routes.ts gives it) and its content. */
export interface OpenDataFile {
  readonly path: string;
  readonly text: string;
}

const DIALECT = { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true } as const;

export interface DataPackageResource {
  readonly name: string;
  /** Relative to datapackage.json (POSIX, no leading slash, no `..`), as the spec requires. */
  readonly path: string;
  readonly profile: 'tabular-data-resource' | 'data-resource';
  readonly title: string;
  readonly description: string;
  readonly format: 'csv' | 'json';
  readonly mediatype: 'text/csv' | 'application/json';
  readonly encoding: 'utf-8';
  readonly dialect?: typeof DIALECT;
  readonly schema: { readonly fields: readonly OpenDataField[]; readonly missingValues: readonly string[] };
}

export interface DataPackage {
  readonly profile: 'data-package';
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly resources: readonly DataPackageResource[];
}

const DATA_DIR = routes.dataPackage().slice(0, routes.dataPackage().lastIndexOf('/') + 1);

/** A route path as the package refers to it: relative to the folder of datapackage.json. */
function relativeToPackage(path: string): string {
  if (!path.startsWith(DATA_DIR)) throw new Error(`open-data file ${path} is not inside ${DATA_DIR}`);
  return path.slice(DATA_DIR.length);
}

const TEXT_NOTE =
  "文本单元格若以 = + - @、制表符或回车开头，前面加单引号 ' 以防电子表格公式注入；编码列为文本，保留前导零（电子表格默认导入时会把编码当数字、去掉前导零，导入时请把编码列设为文本）；UTF-8 编码，无 BOM。" +
  " Text cells starting with = + - @, tab or carriage return are prefixed with a single quote (') against spreadsheet formula injection; code columns are text with leading zeros kept (a spreadsheet's default import reads them as numbers and drops the zeros: import code columns as text); UTF-8 without a byte-order mark.";

/** What the package can hold, in its order; the resources of the files a build has. */
interface ResourceSpec {
  readonly name: string;
  readonly path: string;
  readonly title: string;
  readonly description: string;
  readonly fields: readonly OpenDataField[];
}

function resource(spec: ResourceSpec): DataPackageResource {
  const json = spec.path.endsWith('.json');
  return {
    name: spec.name,
    path: relativeToPackage(spec.path),
    profile: json ? 'data-resource' : 'tabular-data-resource',
    title: spec.title,
    description: json ? spec.description : `${spec.description} ${TEXT_NOTE}`,
    format: json ? 'json' : 'csv',
    mediatype: json ? 'application/json' : 'text/csv',
    encoding: 'utf-8',
    ...(json ? {} : { dialect: DIALECT }),
    // An empty cell is a missing value: an amount never arranged is empty, which is not zero.
    schema: { fields: spec.fields, missingValues: [''] },
  };
}

const SUMMARY_DESCRIPTION =
  '每个公开（年度 × 阶段）每个部门（及按单位公开的所属单位）每个主要数字一行：收入合计、支出合计、基本支出、项目支出、财政拨款收入、“三公”经费合计及各项、机关运行经费，金额单位元，精确到分。表中为空的数字金额为空（不是 0）；模板没有的数字不列行。level 列说明是部门合计还是单位（上海等只按部门公开）。' +
  ' One row per disclosure (year × phase) × department (and unit, where the tables list units) × key figure, amounts in yuan exact to the fen. A figure printed blank has an empty amount (not 0); a figure the template lacks has no row. The level column says department or unit (Shanghai publishes by department only).';

function resourceSpecs(years: readonly number[]): ResourceSpec[] {
  return [
    {
      name: 'summary',
      path: routes.summaryCsv(),
      title: '主要数字汇总 / Key figures summary',
      description: SUMMARY_DESCRIPTION,
      fields: SUMMARY_FIELDS,
    },
    {
      name: 'summary-json',
      path: routes.summaryJson(),
      title: '主要数字汇总（JSON）/ Key figures summary (JSON)',
      description: `${SUMMARY_DESCRIPTION} JSON 数组，每条记录的键与 summary.csv 的列相同；数字为十进制原文（两位小数），空为 null。A JSON array of records keyed like summary.csv's columns; numbers as exact decimal text, empty as null.`,
      fields: SUMMARY_FIELDS,
    },
    {
      name: 'ledger',
      path: routes.ledgerCsv(),
      title: '预算账本（全部年度）/ Budget ledger (all years)',
      description: "全部公开的账本，长格式，金额单位元。All disclosures' ledgers in long format, amounts in yuan.",
      fields: LEDGER_FIELDS,
    },
    ...years.map((year) => ({
      name: `ledger-${year}`,
      path: routes.ledgerCsvForYear(year),
      title: `预算账本（${year}年）/ Budget ledger (${year})`,
      description: `${year} 年度的账本，列同 ledger。The ${year} ledgers, same columns as ledger.`,
      fields: LEDGER_FIELDS,
    })),
    {
      name: 'projects',
      path: routes.projectsCsv(),
      title: '项目 / Projects',
      description: '各公开的项目支出项目及其绩效目标。Projects of every disclosure with their performance goals.',
      fields: PROJECT_FIELDS,
    },
    {
      name: 'facts',
      path: routes.factsCsv(),
      title: '事实（预算与决算）/ Facts (budgets and final accounts)',
      description:
        '按来源所给粒度的金额（上海等只公开汇总表的地区），每行注明阶段（phase）和数字类别（figure）：预算数、决算所列年初预算数、决算数或收入，不可相加。Amounts at the grain the source gives, each line with its phase and figure (budget, initialBudget, actual, income): never add them up.',
      fields: FACT_FIELDS,
    },
    {
      name: 'indicators',
      path: routes.indicatorsCsv(),
      title: '绩效指标 / Performance indicators',
      description: '项目支出绩效目标表与整体支出绩效目标表的指标。Indicators of the project and department-wide performance forms.',
      fields: INDICATOR_FIELDS,
    },
  ];
}

/** The Data Package descriptor of the files at `paths` (those a build has rows for), in the package's order. */
export function dataPackage(years: readonly number[], paths?: ReadonlySet<string>): DataPackage {
  return {
    profile: 'data-package',
    name: 'gongkai-budget-open-data',
    title: '部门预算公开数据 / Departmental budget disclosure open data',
    description:
      '各部门预算公开的主要数字汇总、账本（每行：单位、功能分类项、部门经济分类、资金来源、基本或项目支出、金额），以及项目与绩效指标。全部表格均由账本计算。' +
      ' A summary of key figures, the ledgers of the published departmental budgets (one row per unit, functional item, econDept code, funding source, basic or project expenditure, amount), with projects and performance indicators. Every published table is computed from the ledger.',
    resources: resourceSpecs(years)
      .filter((spec) => paths === undefined || paths.has(spec.path))
      .map(resource),
  };
}

/** `datapackage.json` as published: two-space indented, trailing newline. */
export const dataPackageJson = (pkg: DataPackage): string => `${JSON.stringify(pkg, null, 2)}\n`;

/** Whether a file has data: a CSV a record after its header, a JSON array a record. */
export function hasRows(file: OpenDataFile): boolean {
  if (file.path.endsWith('.json')) return jsonArrayLines(file.text).length > 0;
  const end = file.text.indexOf('\r\n');
  return end >= 0 && end + 2 < file.text.length;
}

/**
 * Every candidate open-data file of these disclosures, in the package's order, before files
 * without rows are dropped and datapackage.json is added ({@link finishOpenData}). The summary
 * needs each disclosure's tables; `tablesOf` null gives it no rows (the portal step of a sharded
 * build, which takes the shards' rows instead).
 */
export function openDataTexts(disclosures: readonly Disclosure[], tablesOf: ((d: Disclosure) => readonly Table[]) | null): OpenDataFile[] {
  const years = openDataYears(disclosures);
  const texts: Readonly<Record<string, () => string>> = {
    [routes.summaryCsv()]: () => summaryCsv(tablesOf === null ? [] : disclosures, tablesOf ?? (() => [])),
    [routes.summaryJson()]: () => (tablesOf === null ? jsonArray([]) : summaryJson(disclosures, tablesOf)),
    [routes.ledgerCsv()]: () => ledgerCsv(disclosures),
    ...Object.fromEntries(years.map((year) => [routes.ledgerCsvForYear(year), () => ledgerCsv(disclosures.filter((d) => d.year === year))])),
    [routes.projectsCsv()]: () => projectsCsv(disclosures),
    [routes.factsCsv()]: () => factsCsv(disclosures),
    [routes.indicatorsCsv()]: () => indicatorsCsv(disclosures),
  };
  return resourceSpecs(years).map((spec) => ({ path: spec.path, text: texts[spec.path]?.() ?? '' }));
}

/** The published open data: the candidate files that have rows, then the datapackage.json describing exactly those. */
export function finishOpenData(files: readonly OpenDataFile[], years: readonly number[]): OpenDataFile[] {
  const kept = files.filter(hasRows);
  const pkg = dataPackage(years, new Set(kept.map((f) => f.path)));
  return [...kept, { path: routes.dataPackage(), text: dataPackageJson(pkg) }];
}

/** Every open-data file of the site, in a stable order, with its datapackage.json last. */
export function openDataFiles(disclosures: readonly Disclosure[], tablesOf: (d: Disclosure) => readonly Table[]): OpenDataFile[] {
  return finishOpenData(openDataTexts(disclosures, tablesOf), openDataYears(disclosures));
}

/** The package as published among `files` (the build's open data). */
export function packageOf(files: readonly OpenDataFile[]): DataPackage {
  const file = files.find((f) => f.path === routes.dataPackage());
  if (!file) throw new Error('the open data has no datapackage.json');
  return JSON.parse(file.text) as DataPackage;
}
