import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generatorFingerprint, hashContentFiles } from './fingerprint.ts';

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

/** A throwaway generator: package.json, a lock file, one UI string and one test. */
function generator(strings: string, lock = '{}', test = 'it()'): string {
  const root = mkdtempSync(join(tmpdir(), 'gongkai-fingerprint-'));
  roots.push(root);
  mkdirSync(join(root, 'src/lib/i18n'), { recursive: true });
  writeFileSync(join(root, 'package.json'), '{"version":"0.1.0"}');
  writeFileSync(join(root, 'package-lock.json'), lock);
  writeFileSync(join(root, 'src/lib/i18n/strings.ts'), strings);
  writeFileSync(join(root, 'src/lib/i18n/strings.test.ts'), test);
  return root;
}

describe('the generator fingerprint in the build stamp', () => {
  it('names the version and changes when a UI string changes', () => {
    const before = generatorFingerprint(generator("'footer.note': '本站'"));
    const after = generatorFingerprint(generator("'footer.note': '本网站'"));
    expect(before).toMatch(/^gongkai 0\.1\.0\+[0-9a-f]{12}$/);
    expect(after).not.toBe(before);
  });

  it('changes when the lock file pins another dependency', () => {
    expect(generatorFingerprint(generator('x', '{"a":1}'))).not.toBe(generatorFingerprint(generator('x', '{"a":2}')));
  });

  it('ignores the tools around the build, which do not shape the output', () => {
    const a = generator('x');
    const b = generator('x');
    mkdirSync(join(b, 'scripts'), { recursive: true });
    writeFileSync(join(b, 'scripts/bench.ts'), 'console.log(1)');
    expect(generatorFingerprint(b)).toBe(generatorFingerprint(a));
    writeFileSync(join(b, 'scripts/build.ts'), 'console.log(1)');
    const c = join(tmpdir(), `gongkai-fingerprint-build-${process.pid}`);
    roots.push(c);
    cpSync(b, c, { recursive: true });
    expect(generatorFingerprint(c)).not.toBe(generatorFingerprint(a));
  });

  it('ignores tests, which do not shape the output', () => {
    const a = generator('x', '{}', 'it(1)');
    const b = join(tmpdir(), `gongkai-fingerprint-copy-${process.pid}`);
    roots.push(b);
    cpSync(a, b, { recursive: true });
    writeFileSync(join(b, 'src/lib/i18n/strings.test.ts'), 'it(2)');
    expect(generatorFingerprint(b)).toBe(generatorFingerprint(a));
  });
});

describe('hashContentFiles', () => {
  const files = [{ path: '/c/disclosures/a.yaml', text: 'amount: 1' }];
  const rel = (path: string) => path.replace('/c/', '');
  it('depends on the salt, the paths and the texts', () => {
    const base = hashContentFiles('g1', files, rel);
    expect(hashContentFiles('g2', files, rel)).not.toBe(base);
    expect(hashContentFiles('g1', [{ ...files[0]!, text: 'amount: 2' }], rel)).not.toBe(base);
    expect(hashContentFiles('g1', [{ ...files[0]!, path: '/c/disclosures/b.yaml' }], rel)).not.toBe(base);
  });
  it('does not depend on where the content folder is', () => {
    expect(hashContentFiles('g', files, rel)).toBe(
      hashContentFiles('g', [{ path: '/elsewhere/disclosures/a.yaml', text: 'amount: 1' }], (p) => p.replace('/elsewhere/', '')),
    );
  });
});
