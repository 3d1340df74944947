/**
 * Progress of long work on a terminal: the phase and a count, redrawn in place on one line of
 * stderr. Quiet when stderr is not a terminal or CI is set, so logs and CI output carry only
 * the finished lines.
 */
export interface Progress {
  /** Starts a phase; `total` when the count of items is known. */
  phase(name: string, total?: number): void;
  /** `done` items of the current phase are finished. */
  count(done: number): void;
  /** Clears the progress line (before printing a normal line, and at the end). */
  clear(): void;
}

export interface ProgressOptions {
  readonly stream?: { readonly isTTY?: boolean; write(text: string): unknown };
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Milliseconds between redraws. */
  readonly interval?: number;
  readonly now?: () => number;
}

export const QUIET: Progress = { phase() {}, count() {}, clear() {} };

/** Whether progress is shown: on a terminal, and not in CI. */
export function showsProgress(stream: { readonly isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>): boolean {
  return stream.isTTY === true && !env['CI'];
}

export function createProgress(options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  if (!showsProgress(stream, options.env ?? process.env)) return QUIET;
  const interval = options.interval ?? 100;
  const now = options.now ?? (() => performance.now());
  let name = '';
  let total: number | undefined;
  let last = -Infinity;
  let shown = false;
  const draw = (done: number | undefined) => {
    const counted = done === undefined ? '' : total === undefined ? ` ${done}` : ` ${done}/${total}`;
    stream.write(`\r\x1b[2K${name}${counted}`);
    shown = true;
  };
  return {
    phase(next, nextTotal) {
      name = next;
      total = nextTotal;
      last = now();
      draw(nextTotal === undefined ? undefined : 0);
    },
    count(done) {
      const at = now();
      if (at - last < interval && done !== total) return;
      last = at;
      draw(done);
    },
    clear() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
