/**
 * Seed 000 prints a clerk's name and mobile number on every form (填报人 / 填表人 line). They are
 * personal data and must not be published: no file of the content, the source or the tests may
 * hold them. The values are read from the seed at test time and never written down here.
 * The one exception is a test fixture named for it (a folder `privacy-seed-000-…`), which feeds
 * the privacy check the real number to prove the check catches it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSeed000 } from '../support/seed-000.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const SCANNED = ['content', 'src', 'tests', 'scripts', 'public'];
const NAMED_PRIVACY_FIXTURE = /\/privacy-seed-000-[^/]*\//;

function filesUnder(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    if (!statSync(path).isDirectory()) return [path];
    return name === 'node_modules' ? [] : filesUnder(path);
  });
}

describe('the clerk contact printed in seed 000', () => {
  const contacts = readSeed000().contacts;
  const values = [...new Set(contacts.flatMap((c) => [c.name, c.phone]))];

  it('is found in the seed, so the scan below looks for something real', () => {
    expect(contacts.length).toBeGreaterThan(0);
    expect(values.every((v) => v.length >= 2)).toBe(true);
  });

  it('appears in no file of content/, src/, tests/, scripts/ or public/ but the fixture named for it', () => {
    const files = SCANNED.flatMap((dir) => filesUnder(join(ROOT, dir))).filter((file) => !NAMED_PRIVACY_FIXTURE.test(file));
    expect(files.some((f) => f.includes('/content/disclosures/430407/'))).toBe(true);
    const leaks = files.filter((file) => {
      const text = readFileSync(file, 'utf8');
      return values.some((value) => text.includes(value));
    });
    expect(leaks).toEqual([]);
  });
});
