/**
 * The open-data package: its CSV files and the `datapackage.json` that describes them
 * (Frictionless Data Package, tabular profile), so a reader can load the data with typed
 * columns without reading our documentation. Paths come from routes.ts.
 */
import type { Disclosure } from '../disclosure/model.ts';
import { routes } from '../site/routes.ts';
import { INDICATOR_FIELDS, LEDGER_FIELDS, PROJECT_FIELDS, indicatorsCsv, ledgerCsv, openDataYears, projectsCsv, type OpenDataField } from './open-data.ts';
import { FACT_FIELDS, factsCsv } from './facts-csv.ts';

/** One open-data file: its path from the site root (as routes.ts gives it) and its content. */
export interface OpenDataFile {
  readonly path: string;
  readonly text: string;
}

export interface DataPackageResource {
  readonly name: string;
  /** Relative to datapackage.json (POSIX, no leading slash, no `..`), as the spec requires. */
  readonly path: string;
  readonly profile: 'tabular-data-resource';
  readonly title: string;
  readonly description: string;
  readonly format: 'csv';
  readonly mediatype: 'text/csv';
  readonly encoding: 'utf-8';
  readonly dialect: {
    readonly delimiter: ',';
    readonly lineTerminator: '\r\n';
    readonly quoteChar: '"';
    readonly doubleQuote: true;
    readonly header: true;
  };
  readonly schema: { readonly fields: readonly OpenDataField[]; readonly missingValues: readonly string[] };
}

export interface DataPackage {
  readonly profile: 'tabular-data-package';
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
  "文本单元格若以 = + - @、制表符或回车开头，前面加单引号 ' 以防电子表格公式注入；编码均为文本，保留前导零；UTF-8 带 BOM。" +
  " Text cells starting with = + - @, tab or carriage return are prefixed with a single quote (') against spreadsheet formula injection; codes are text with leading zeros kept; UTF-8 with BOM.";

function resource(name: string, path: string, title: string, description: string, fields: readonly OpenDataField[]): DataPackageResource {
  return {
    name,
    path: relativeToPackage(path),
    profile: 'tabular-data-resource',
    title,
    description: `${description} ${TEXT_NOTE}`,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
    // An empty cell is a missing value: an amount never arranged is empty, which is not zero.
    schema: { fields, missingValues: [''] },
  };
}

/** The Data Package descriptor for the open data of these years (see {@link openDataFiles}). */
export function dataPackage(years: readonly number[]): DataPackage {
  return {
    profile: 'tabular-data-package',
    name: 'gongkai-budget-open-data',
    title: '部门预算公开数据 / Departmental budget disclosure open data',
    description:
      '各部门预算公开的账本（每行：单位、功能分类项、部门经济分类、资金来源、基本或项目支出、金额），以及项目与绩效指标。全部表格均由账本计算。' +
      ' The ledgers of the published departmental budgets (one row per unit, functional item, econDept code, funding source, basic or project expenditure, amount), with projects and performance indicators. Every published table is computed from the ledger.',
    resources: [
      resource(
        'ledger',
        routes.ledgerCsv(),
        '预算账本（全部年度）/ Budget ledger (all years)',
        "全部公开的账本，长格式，金额单位元。All disclosures' ledgers in long format, amounts in yuan.",
        LEDGER_FIELDS,
      ),
      ...years.map((year) =>
        resource(
          `ledger-${year}`,
          routes.ledgerCsvForYear(year),
          `预算账本（${year}年）/ Budget ledger (${year})`,
          `${year} 年度的账本，列同 ledger。The ${year} ledgers, same columns as ledger.`,
          LEDGER_FIELDS,
        ),
      ),
      resource(
        'projects',
        routes.projectsCsv(),
        '项目 / Projects',
        '各公开的项目支出项目及其绩效目标。Projects of every disclosure with their performance goals.',
        PROJECT_FIELDS,
      ),
      resource(
        'facts',
        routes.factsCsv(),
        '事实（预算与决算）/ Facts (budgets and final accounts)',
        '按来源所给粒度的金额（上海等只公开汇总表的地区），每行注明阶段（phase）和数字类别（figure）：预算数、决算所列年初预算数、决算数或收入，不可相加。Amounts at the grain the source gives, each line with its phase and figure (budget, initialBudget, actual, income): never add them up.',
        FACT_FIELDS,
      ),
      resource(
        'indicators',
        routes.indicatorsCsv(),
        '绩效指标 / Performance indicators',
        '项目支出绩效目标表与整体支出绩效目标表的指标。Indicators of the project and department-wide performance forms.',
        INDICATOR_FIELDS,
      ),
    ],
  };
}

/** `datapackage.json` as published: two-space indented, trailing newline. */
export const dataPackageJson = (years: readonly number[]): string => `${JSON.stringify(dataPackage(years), null, 2)}\n`;

/**
 * Every open-data file of the site, in a stable order: the ledger, one ledger per year, projects,
 * indicators and the datapackage.json describing them.
 */
export function openDataFiles(disclosures: readonly Disclosure[]): OpenDataFile[] {
  const years = openDataYears(disclosures);
  return [
    { path: routes.ledgerCsv(), text: ledgerCsv(disclosures) },
    ...years.map((year) => ({ path: routes.ledgerCsvForYear(year), text: ledgerCsv(disclosures.filter((d) => d.year === year)) })),
    { path: routes.projectsCsv(), text: projectsCsv(disclosures) },
    { path: routes.indicatorsCsv(), text: indicatorsCsv(disclosures) },
    { path: routes.factsCsv(), text: factsCsv(disclosures) },
    { path: routes.dataPackage(), text: dataPackageJson(years) },
  ];
}
