/**
 * The round-trip proof: a table gongkai derives from the imported content, compared with the
 * imported sheet cell for cell — title, unit, header labels, every body row's labels and
 * amounts (blank for blank, 0 for 0), and the note. Rows are compared in printed order, so a row
 * the sheet has and the facts do not (or the other way round) is a difference too.
 */
import { formatAmount, type Amount } from '../money.ts';
import { headerGrid, type Row, type Table } from '../tables/model.ts';
import { readAmountCell } from './amount-cell.ts';
import { cellText, type SheetCell } from './sheet.ts';
import { plainLabel, plainTitle, type BodyRow, type TableSheet } from './table-sheet.ts';

export type DifferenceKind = 'title' | 'unit' | 'header' | 'label' | 'amount' | 'row' | 'note';

export interface Difference {
  readonly kind: DifferenceKind;
  /** `sheet!B7`. */
  readonly at: string;
  readonly imported: string;
  readonly derived: string;
  readonly table: string;
  /** For amount and label differences: the derived row and column. */
  readonly row?: Row;
  readonly column?: number;
  readonly importedAmount?: Amount;
  readonly derivedAmount?: Amount;
  /** For header differences: the template's label. */
  readonly templateLabel?: string;
}

const shown = (amount: Amount, table: Table): string => (amount === null ? '（空白 blank）' : formatAmount(amount, table.amountUnit, 2));

/** A code cell as printed (`2`) in its canonical two digits (`02`) below the 类. */
const canonicalCode = (text: string, position: number): string => (position > 0 && /^\d$/.test(text) ? text.padStart(2, '0') : text);

/**
 * The label cells of a row read as one text: the code cells joined into one code (类/款/项 in
 * their columns and a code joined as 7 digits read the same), then the names; a 合计 printed
 * across merged code and name cells reads the same as one in the name cell.
 */
function labelText(cells: readonly string[], kinds: readonly string[]): string {
  const code = cells.filter((_, i) => kinds[i] === 'code').join('');
  return [code, ...cells.filter((c, i) => kinds[i] !== 'code' && c !== '')].filter((c) => c !== '').join('|');
}

export function compareTable(table: Table, sheet: TableSheet): Difference[] {
  const out: Difference[] = [];
  const at = (address: string) => `${sheet.sheet.name}!${address}`;
  const base = { table: table.id } as const;
  if (
    plainTitle(sheet.title.text) !== plainTitle(table.title) &&
    !(sheet.definition.importAliases ?? []).some((a) => plainTitle(a) === plainTitle(sheet.title.text))
  ) {
    out.push({ ...base, kind: 'title', at: sheet.title.address, imported: sheet.title.text, derived: table.title });
  }
  if (sheet.unit !== table.amountUnit)
    out.push({ ...base, kind: 'unit', at: at(sheet.unitAddress), imported: sheet.unit ?? '（未标明 none）', derived: table.amountUnit });

  // Header labels at the top-left cell of each header grid cell.
  const grid = headerGrid(table.header);
  const leafFor = new Map<string, string>();
  const labelOf = (nodes: Table['header']) => {
    for (const n of nodes) {
      leafFor.set(n.printed ?? n.label, n.label);
      if (n.children) labelOf(n.children);
    }
  };
  labelOf(table.header);
  if (grid.length !== sheet.headerRows.length) {
    out.push({
      ...base,
      kind: 'header',
      at: at(sheet.headerRows[0]?.cells[0]?.address ?? 'A3'),
      imported: `${sheet.headerRows.length} 行表头 header rows`,
      derived: `${grid.length} 行表头 header rows`,
    });
  } else {
    grid.forEach((cells, level) => {
      for (const cell of cells) {
        const target = sheet.headerRows[level]?.cells[cell.firstColumn];
        const printed = cellText(target);
        if (plainLabel(printed) !== plainLabel(cell.label)) {
          out.push({
            ...base,
            kind: 'header',
            at: at(target?.address ?? '?'),
            imported: printed,
            derived: cell.label,
            templateLabel: leafFor.get(cell.label) ?? cell.label,
          });
        }
      }
    });
  }

  const count = Math.max(table.rows.length, sheet.bodyRows.length);
  for (let i = 0; i < count; i++) {
    const row = table.rows[i];
    const body = sheet.bodyRows[i];
    if (!row || !body) {
      out.push({
        ...base,
        kind: 'row',
        at: at(body?.cells[0]?.address ?? `A${(sheet.bodyRows[sheet.bodyRows.length - 1]?.row ?? sheet.headerRows.length + 2) + 1}`),
        imported: body
          ? body.cells
              .map(cellText)
              .filter((t) => t !== '')
              .join(' | ')
          : '（无此行 no such row）',
        derived: row
          ? row.cells
              .map((c) => (c.kind === 'amount' ? shown(c.value, table) : c.value))
              .filter((t) => t !== '')
              .join(' | ')
          : '（无此行 no such row）',
      });
      continue;
    }
    compareRow(table, row, body, at, out);
  }
  const note = sheet.note?.text ?? null;
  if (note !== (table.note ?? null)) {
    out.push({
      ...base,
      kind: 'note',
      at: at(sheet.note?.address ?? `A${(sheet.bodyRows[sheet.bodyRows.length - 1]?.row ?? 0) + 1}`),
      imported: note ?? '（无 none）',
      derived: table.note ?? '（无 none）',
    });
  }
  return out;
}

function compareRow(table: Table, row: Row, body: BodyRow, at: (address: string) => string, out: Difference[]): void {
  const labelColumns = table.columns.filter((c) => c.kind !== 'amount');
  const printedLabels = labelColumns.map((c, position) =>
    c.kind === 'code' ? canonicalCode(cellText(body.cells[c.index]), position) : plainLabel(cellText(body.cells[c.index])),
  );
  const derivedLabels = labelColumns.map((c) => {
    const cell = row.cells[c.index];
    return cell && cell.kind !== 'amount' ? (c.kind === 'code' ? cell.value : plainLabel(cell.value)) : '';
  });
  if (row.level === 'line') {
    // A fixed line of a form: each label cell on its own, so a relabelled line names its template label.
    labelColumns.forEach((c, i) => {
      const cell = row.cells[c.index];
      const derived = cell && cell.kind !== 'amount' ? cell.value : '';
      if ((printedLabels[i] ?? '') !== (derivedLabels[i] ?? '')) {
        out.push({
          table: table.id,
          kind: 'label',
          at: at(body.cells[c.index]?.address ?? 'A1'),
          imported: cellText(body.cells[c.index]),
          derived,
          row,
          column: c.index,
        });
      }
    });
  } else if (
    labelText(
      printedLabels,
      labelColumns.map((c) => c.kind),
    ) !==
    labelText(
      derivedLabels,
      labelColumns.map((c) => c.kind),
    )
  ) {
    const first = labelColumns.find((_, i) => printedLabels[i] !== derivedLabels[i]) ?? labelColumns[0];
    const derivedText = labelColumns
      .map((c) => row.cells[c.index])
      .filter((c) => c && c.kind !== 'amount' && c.value !== '')
      .map((c) => (c && c.kind !== 'amount' ? c.value : ''))
      .join(' ');
    out.push({
      table: table.id,
      kind: 'label',
      at: at(body.cells[first?.index ?? 0]?.address ?? 'A1'),
      imported: labelColumns
        .map((c) => cellText(body.cells[c.index]))
        .filter((t) => t !== '')
        .join(' '),
      derived: derivedText,
      row,
      ...(first ? { column: first.index } : {}),
    });
  }
  for (const column of table.columns) {
    if (column.kind !== 'amount') continue;
    const cell = row.cells[column.index];
    if (!cell || cell.kind !== 'amount') continue;
    const target: SheetCell | undefined = body.cells[column.index];
    const read = readAmountCell(target, table.amountUnit);
    const address = at(target?.address ?? '?');
    if (!read.ok) {
      out.push({ table: table.id, kind: 'amount', at: address, imported: read.text, derived: shown(cell.value, table), row, column: column.index });
      continue;
    }
    if (read.dash || read.value !== cell.value) {
      out.push({
        table: table.id,
        kind: 'amount',
        at: address,
        imported: read.dash ? '—' : shown(read.value, table),
        derived: shown(cell.value, table),
        row,
        column: column.index,
        importedAmount: read.value,
        derivedAmount: cell.value,
      });
    }
  }
}

/** `sheet!cell: imported X, derived Y`, the line a clerk reads. */
export const describeDifference = (d: Difference): string => `${d.at}: 导入 imported ${d.imported}，推导 derived ${d.derived}`;

/**
 * The derived table with its rows in the order the sheet prints them, where every printed row's
 * labels name exactly one derived row (codes and names as printed); null where they do not.
 */
export function printedOrder(table: Table, sheet: TableSheet): Table | null {
  if (table.rows.length !== sheet.bodyRows.length) return null;
  const labelColumns = table.columns.filter((c) => c.kind !== 'amount');
  const kinds = labelColumns.map((c) => c.kind);
  const derivedKey = (row: Row) =>
    labelText(
      labelColumns.map((c) => {
        const cell = row.cells[c.index];
        return cell && cell.kind !== 'amount' ? (c.kind === 'code' ? cell.value : plainLabel(cell.value)) : '';
      }),
      kinds,
    );
  const printedKey = (body: BodyRow) =>
    labelText(
      labelColumns.map((c, position) =>
        c.kind === 'code' ? canonicalCode(cellText(body.cells[c.index]), position) : plainLabel(cellText(body.cells[c.index])),
      ),
      kinds,
    );
  const left = [...table.rows];
  const rows: Row[] = [];
  for (const body of sheet.bodyRows) {
    const key = printedKey(body);
    const matches = left.filter((r) => derivedKey(r) === key);
    if (matches.length !== 1 || !matches[0]) return null;
    rows.push(matches[0]);
    left.splice(left.indexOf(matches[0]), 1);
  }
  return { ...table, rows };
}
