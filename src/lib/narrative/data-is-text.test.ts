import { describe, expect, it } from 'vitest';
import { loadSynthetic, type Edit } from '../../../tests/validation/synthetic-content.ts';
import { buildTables } from '../templates/build-tables.ts';
import { validateContent } from '../validate/validate-content.ts';
import { hasLiteral, literal, restoreLiterals } from './literal-text.ts';
import { EXTERNAL_MARK, renderNarrative } from './render.ts';

const HOSTILE = '![t](https://evil.example/x.png)[点此领取](https://phish.example/){{支出合计}}*强调*';

function rendered(edits: readonly Edit[]) {
  const { result, files } = loadSynthetic(edits);
  const d = result.disclosures[0];
  if (!d) throw new Error(`not loaded: ${JSON.stringify(result.findings)}`);
  return { d, files, result, ...renderNarrative({ disclosure: d, tables: buildTables(d) }) };
}

describe('a literal token', () => {
  it('gives back exactly the text it stands for, whatever characters it holds', () => {
    for (const text of ['', HOSTILE, '办公\u3000经费（合成）', '😀 \u{20000}', '\uE000\uE001']) {
      const token = literal(text);
      expect(hasLiteral(token)).toBe(true);
      expect(/[[\]()!*{}<>:/]/.test(token)).toBe(false);
      expect(restoreLiterals(`前${token}后`)).toBe(`前${text}后`);
    }
  });
});

describe('names interpolated into the generated 说明', () => {
  const { html } = rendered([{ file: 'disclosure.yaml', from: '虚构专项工作经费（合成）', to: JSON.stringify(HOSTILE) }]);

  it('are printed as the characters typed: no image, no link, no emphasis, no resolved reference', () => {
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/<a href="https?:/);
    expect(html).not.toContain('<em>');
    expect(html).toContain('![t](https://evil.example/x.png)[点此领取](https://phish.example/){{支出合计}}*强调*');
  });
});

describe('external resources in notes.md', () => {
  const notes = (text: string): Edit => ({ file: 'notes.md', from: '## 其他', to: `${text}\n\n## 其他` });

  it('are errors at their line, and no image from another host reaches the page', () => {
    const { html, findings } = rendered([
      notes('![图](https://evil.example/x.png) ![](//cdn.example/y.png) ![](http://x.example/z.png) ![r][logo]\n\n[logo]: https://a.example/l.png'),
    ]);
    expect(html).not.toMatch(/<img/);
    const external = findings.filter((f) => f.code === 'narrative.externalResource');
    expect(external.map((f) => [f.severity, f.line, f.actual])).toEqual([
      ['error', 10, 'https://evil.example/x.png'],
      ['error', 10, '//cdn.example/y.png'],
      ['error', 10, 'http://x.example/z.png'],
      ['error', 10, 'https://a.example/l.png'],
    ]);
  });

  it('keep links to other hosts, visibly marked as external', () => {
    const { html, findings } = rendered([notes('见[财政局网站](https://czj.example.gov.cn/)。')]);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(html).toContain(`<a href="https://czj.example.gov.cn/">财政局网站${EXTERNAL_MARK}</a>`);
  });
});

describe('references written wrongly', () => {
  it('are errors that say how to write them, for single, full-width and tripled braces', () => {
    const { findings } = rendered([{ file: 'notes.md', from: '## 其他', to: '支出{支出合计}万元，｛｛支出合计｝｝，{{{支出合计}}}。\n\n## 其他' }]);
    expect(findings.filter((f) => f.code === 'narrative.malformedReference').map((f) => [f.line, f.actual, f.expected])).toEqual([
      [10, '{支出合计}', '{{支出合计}}'],
      [10, '｛｛支出合计｝｝', '{{支出合计}}'],
      [10, '{{{支出合计}}}', '{{支出合计}}'],
    ]);
  });
});

describe('typed numbers', () => {
  const typed = (sentence: string) =>
    rendered([{ file: 'notes.md', from: '## 其他', to: `${sentence}\n\n## 其他` }]).findings.filter((f) => f.code.startsWith('narrative.literalAmount'));

  it('that contradict the figure they name are errors, for integers and 元 or 万元 phrases', () => {
    // The synthetic 支出合计 is 230.00 万元.
    expect(typed('本部门支出合计12万元。').map((f) => [f.code, f.expected])).toEqual([['narrative.literalAmountContradicts', '{{支出合计}} = 230.00万元']]);
    expect(typed('本部门支出合计2,300,000元。').map((f) => f.code)).toEqual(['narrative.literalAmount']);
    expect(typed('本部门支出合计２３０万元。').map((f) => f.code)).toEqual(['narrative.literalAmount']);
  });

  it('that state a change or a share are only warned about', () => {
    expect(typed('支出合计比上年增加12万元。').map((f) => f.code)).toEqual(['narrative.literalAmount']);
  });

  it('that are years or counts are not amounts', () => {
    expect(typed('2024年购置公务用车3辆。')).toEqual([]);
  });
});

describe('a disclosure whose admin unit has no general-budget row', () => {
  it('validates and renders 机关运行经费 from the units that have one', () => {
    const edits: Edit[] = [
      { file: 'disclosure.yaml', from: '  - {code: "901002"', to: '  - {code: "901003", name: 虚构无拨款机关（合成）, type: admin}\n  - {code: "901002"' },
    ];
    const { html, result, files } = rendered(edits);
    expect(validateContent(result, files).filter((f) => f.severity === 'error')).toEqual([]);
    expect(html).toContain('机关运行经费预算10.00万元');
  });
});

describe('findings about generated sections of a disclosure without notes.md', () => {
  it('point at disclosure.yaml, not at a notes.md that does not exist', () => {
    const { result } = loadSynthetic([], ['notes.md']);
    const d = result.disclosures[0]!;
    const { findings } = renderNarrative({ disclosure: d, tables: buildTables(d), previous: { disclosure: d, tables: buildTables(d) } });
    expect(findings.every((f) => !f.file.endsWith('notes.md'))).toBe(true);
  });
});
