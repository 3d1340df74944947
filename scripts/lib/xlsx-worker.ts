/**
 * Worker thread of the build: writes disclosure workbooks (exceljs, ~80 ms each) on another core
 * while the main thread renders pages. Receives one job at a time, answers with the bytes.
 */
import { parentPort } from 'node:worker_threads';
import { tableWorkbook, type WorkbookDisclosure } from '../../src/lib/export/xlsx.ts';
import type { Table } from '../../src/lib/tables/model.ts';

export interface WorkbookJob {
  readonly id: number;
  readonly disclosure: WorkbookDisclosure;
  readonly tables: readonly Table[];
  readonly stamp: string;
}

export type WorkbookAnswer = { readonly id: number; readonly bytes: Uint8Array<ArrayBuffer> } | { readonly id: number; readonly error: string };

const port = parentPort;
if (!port) throw new Error('xlsx-worker.ts runs as a worker thread of the build');
port.on('message', (job: WorkbookJob) => {
  tableWorkbook(job.disclosure, job.tables, job.stamp).then(
    (bytes) => port.postMessage({ id: job.id, bytes } satisfies WorkbookAnswer, [bytes.buffer]),
    (error: unknown) =>
      port.postMessage({ id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkbookAnswer),
  );
});
