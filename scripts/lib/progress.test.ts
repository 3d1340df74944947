import { describe, expect, it } from 'vitest';
import { createProgress } from './progress.ts';

function terminal(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (text: string) => written.push(text) }, written };
}

describe('progress of long work', () => {
  it('shows the phase and a count on a terminal, redrawing one line', () => {
    const { stream, written } = terminal(true);
    let clock = 0;
    const progress = createProgress({ stream, env: {}, interval: 100, now: () => clock });
    progress.phase('gongkai: downloads', 3);
    clock = 200;
    progress.count(2);
    progress.clear();
    expect(written.join('')).toContain('gongkai: downloads 0/3');
    expect(written.join('')).toContain('gongkai: downloads 2/3');
    expect(written.every((w) => w.startsWith('\r'))).toBe(true);
  });

  it('redraws at most once an interval, but always the last count', () => {
    const { stream, written } = terminal(true);
    const progress = createProgress({ stream, env: {}, interval: 100, now: () => 0 });
    progress.phase('p', 3);
    progress.count(1);
    progress.count(3);
    expect(written.filter((w) => w.includes('p 1/3'))).toEqual([]);
    expect(written.some((w) => w.includes('p 3/3'))).toBe(true);
  });

  it('is quiet when the output is not a terminal', () => {
    const { stream, written } = terminal(false);
    const progress = createProgress({ stream, env: {} });
    progress.phase('p', 1);
    progress.count(1);
    progress.clear();
    expect(written).toEqual([]);
  });

  it('is quiet in CI even on a terminal', () => {
    const { stream, written } = terminal(true);
    createProgress({ stream, env: { CI: 'true' } }).phase('p');
    expect(written).toEqual([]);
  });
});
