/**
 * The tidy summary: one row per disclosure × (department or unit) × key figure, for a journalist
 * who wants every department's 支出合计 or 公务接待费 in one file (`data/summary.csv` and
 * `data/summary.json`).
 *
 * Figures are the template's named figures (`figures` of its pack, read by the narrative's own
 * figure reader, so the file cannot disagree with the pages): the key figures of `KEY_FIGURES`
 * and each 三公 item. A row per figure the template has: a figure whose cell is printed blank has
 * an empty amount (not 0); a figure the template does not have has no row. Department rows read the
 * 合计 row; unit rows (`level` unit) the same column of each unit's row where the template's table
 * prints rows per unit (Hunan's). A source that is not by unit (Shanghai's tables, for the
 * department as a whole) has department rows only, which the `level` column says.
 *
 * Amounts are exact 元 with two decimals (from integer 分), in CSV and in JSON alike: the JSON
 * number is written as the same decimal text, never through a float.
 */
import type { Disclosure } from '../disclosure/model.ts';
import { formatYuan, type Amount } from '../money.ts';
import { figureCatalogue } from '../narrative/figures.ts';
import { amountAtColumn, lookupColumn, parseColumnPath } from '../tables/table-cells.ts';
import type { Table } from '../tables/model.ts';
import { packOf } from '../templates/registry.ts';
import { KEY_FIGURES } from '../templates/template-pack.ts';

/** The figures of the summary, in its order: the key figures, each 三公 item after 三公合计. */
export const SUMMARY_FIGURES: readonly string[] = (() => {
  const items = ['因公出国（境）费', '公务用车购置及运行费', '公务用车购置费', '公务用车运行费', '公务接待费'];
  return KEY_FIGURES.flatMap((name) => (name === '三公合计' ? [name, ...items] : [name]));
})();

export interface SummaryRecord {
  readonly d: Disclosure;
  readonly level: 'department' | 'unit';
  /** The unit's code on a unit row, the department's code on a department row. */
  readonly unitCode: string;
  readonly unitName: string;
  readonly figure: string;
  readonly table: Pick<Table, 'id' | 'number' | 'title'>;
  readonly amount: Amount;
}

/** The unit rows of a table (Hunan prints one per 所属单位), keyed by code. */
const unitRows = (table: Table) => table.rows.filter((r) => r.level === 'unit');

/** The summary rows of one disclosure, in SUMMARY_FIGURES order, department first, then each unit. */
export function summaryRecords(d: Disclosure, tables: readonly Table[]): SummaryRecord[] {
  const catalogue = figureCatalogue({ disclosure: d, tables });
  const pack = packOf(d);
  const records: SummaryRecord[] = [];
  for (const name of SUMMARY_FIGURES) {
    const figure = catalogue.figures.get(name);
    const table = figure === undefined ? undefined : tables.find((t) => t.id === figure.table);
    if (!figure || !table?.provided) continue;
    const read = figure.read({ disclosure: d, tables });
    const ref = { id: table.id, number: table.number, title: table.title };
    records.push({
      d,
      level: 'department',
      unitCode: d.department.code,
      unitName: d.department.name,
      figure: name,
      table: ref,
      amount: read.ok ? read.value : null,
    });
    const spec = pack.figures.find((f) => f.name === name);
    if (spec?.row !== 'total') continue;
    const column = lookupColumn(table, parseColumnPath(spec.column));
    if (!column.ok || column.column.kind !== 'amount') continue;
    for (const row of unitRows(table)) {
      const code = row.key.slice('unit:'.length);
      const unitName = d.units.find((u) => u.code === code)?.name ?? '';
      records.push({ d, level: 'unit', unitCode: code, unitName, figure: name, table: ref, amount: amountAtColumn(row, column.column.index) });
    }
  }
  return records;
}

/** An amount as exact 元 text (`31214205.80`), or '' for an empty cell. */
export const yuanText = (amount: Amount): string => formatYuan(amount);
