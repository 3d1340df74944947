/**
 * Worker thread of the build: writes a disclosure's workbook and the workbook of each of its
 * published tables (src/lib/export/xlsx.ts: ~10–15 ms a disclosure's workbook, ~1 ms a table's)
 * on another core while the main thread renders pages. Receives one disclosure at a time,
 * answers with the bytes.
 */
import { parentPort } from 'node:worker_threads';
import { singleTableWorkbook, tablesWithOwnWorkbook, tableWorkbook, type WorkbookDisclosure } from '../../src/lib/export/xlsx.ts';
import type { Table } from '../../src/lib/tables/model.ts';

export interface WorkbookJob {
  readonly id: number;
  readonly disclosure: WorkbookDisclosure;
  readonly tables: readonly Table[];
  readonly stamp: string;
}

/** The disclosure's workbook, and per published table (by id) its own workbook. */
export type WorkbookAnswer =
  | {
      readonly id: number;
      readonly bytes: Uint8Array<ArrayBuffer>;
      readonly tables: readonly { readonly id: string; readonly bytes: Uint8Array<ArrayBuffer> }[];
    }
  | { readonly id: number; readonly error: string };

function answer(job: WorkbookJob): WorkbookAnswer {
  const bytes = tableWorkbook(job.disclosure, job.tables, job.stamp);
  const tables = tablesWithOwnWorkbook(job.tables).map((table) => ({ id: table.id, bytes: singleTableWorkbook(job.disclosure, table, job.stamp) }));
  return { id: job.id, bytes, tables };
}

const port = parentPort;
if (!port) throw new Error('xlsx-worker.ts runs as a worker thread of the build');
port.on('message', (job: WorkbookJob) => {
  let result: WorkbookAnswer;
  try {
    result = answer(job);
  } catch (error: unknown) {
    result = { id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(result, 'bytes' in result ? [result.bytes.buffer, ...result.tables.map((t) => t.bytes.buffer)] : []);
});
