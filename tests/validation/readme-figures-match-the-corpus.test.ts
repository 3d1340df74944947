/**
 * The README's validation figures are recomputed here from the defect corpus and the
 * personal-data spellings, so they cannot drift from what is tested: every fixture is run as
 * `npm run check` runs it, and counted as rejected (an error with file:line), published with a
 * warning by design, accepted wrongly (no finding at all: a defect that would publish), or a crash.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateContentDir } from '../../src/lib/validate/validate-content.ts';
import { EMAIL_SPELLINGS, ID_SPELLINGS, LOOK_ALIKES, MOBILE_SPELLINGS } from './personal-data-spellings.ts';
import { composeFixture, removeComposedFixtures } from './synthetic-content.ts';

afterAll(removeComposedFixtures);

const INVALID = 'tests/fixtures/invalid';
const defects = readdirSync(INVALID, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

describe('the README validation figures', () => {
  it('match the defect corpus and the personal-data spellings', () => {
    let rejected = 0;
    let warned = 0;
    let accepted = 0;
    let crashes = 0;
    for (const defect of defects) {
      try {
        const { findings } = validateContentDir(composeFixture(join(INVALID, defect)));
        if (findings.some((f) => f.severity === 'error' && f.file !== '' && f.line >= 1)) rejected++;
        else if (findings.length > 0) warned++;
        else accepted++;
      } catch {
        crashes++;
      }
    }
    const spellings = MOBILE_SPELLINGS.length + ID_SPELLINGS.length + EMAIL_SPELLINGS.length;
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain(
      `defect corpus: ${defects.length} inputs, ${rejected} rejected with file:line, ${warned} published with a warning by design, ${accepted} accepted wrongly, ${crashes} crashes`,
    );
    expect(readme).toContain(`${spellings} spellings of a mobile number, ID-card number or e-mail address, all caught; ${LOOK_ALIKES.length} look-alikes`);
    expect(accepted).toBe(0);
    expect(crashes).toBe(0);
  });
});
