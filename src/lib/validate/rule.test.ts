import { describe, expect, it } from 'vitest';
import { loadContent } from '../content/load.ts';
import { parsedSourceOf } from '../content/parse-file.ts';
import { readContentFiles } from '../content/read-content-dir.ts';
import { parseYamlSource } from '../content/yaml-source.ts';
import { ruleContext } from './rule.ts';

describe('the checks’ view of the content’s YAML', () => {
  const files = readContentFiles('content');
  const loaded = loadContent(files, 'content');
  const ledger = files.find((f) => f.path.endsWith('430202/001/2024/ledger.yaml'));

  it('is the parse the loader made of the same file, not a second parse', () => {
    expect(loaded.disclosures.length).toBeGreaterThan(0);
    if (!ledger) throw new Error('content/ lacks the sample ledger');
    const parsed = parsedSourceOf(ledger);
    expect(parsed).toBeDefined();
    expect(ruleContext(files).yamlSource(ledger.path)).toBe(parsed);
  });

  it('parses a file the loader never saw, with the same positions', () => {
    if (!ledger) throw new Error('content/ lacks the sample ledger');
    const copy = { path: ledger.path, text: ledger.text };
    const source = ruleContext([copy]).yamlSource(copy.path);
    expect(source).not.toBe(parsedSourceOf(ledger));
    expect(source?.positionOf(['rows', 3])).toEqual(parseYamlSource(ledger.text, ledger.path).positionOf(['rows', 3]));
    expect(source?.positionOf(['rows', 3])).toEqual(parsedSourceOf(ledger)?.positionOf(['rows', 3]));
  });
});
