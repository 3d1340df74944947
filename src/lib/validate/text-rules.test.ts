import { describe, expect, it } from 'vitest';
import { FOLDER, loadSynthetic } from '../../../tests/validation/synthetic-content.ts';
import { validateContent } from './validate-content.ts';

const codes = (edits: Parameters<typeof loadSynthetic>[0]) => {
  const { result, files } = loadSynthetic(edits);
  return validateContent(result, files)
    .filter((f) => f.code.startsWith('text.'))
    .map((f) => [f.code, f.file.slice(FOLDER.length + 1), f.line, f.actual]);
};

describe('characters no published text may hold', () => {
  it('are errors where they are typed, in YAML names and in notes.md', () => {
    expect(codes([{ file: 'disclosure.yaml', from: '虚构专项工作经费（合成）', to: '虚构专项\uFFFE工作经费' }])).toEqual([
      ['text.forbiddenCharacter', 'disclosure.yaml', 12, 'U+FFFE'],
    ]);
    expect(codes([{ file: 'notes.md', from: '## 其他', to: 'exe.\u202Etxt\n\n## 其他' }])).toEqual([['text.forbiddenCharacter', 'notes.md', 10, 'U+202E']]);
  });

  it('are found also when YAML spells them as an escape', () => {
    expect(codes([{ file: 'disclosure.yaml', from: '虚构专项工作经费（合成）', to: '"虚构\\uFFFE专项"' }])).toEqual([
      ['text.forbiddenCharacter', 'disclosure.yaml', 12, 'U+FFFE'],
    ]);
  });

  it('include private-use characters, which gongkai keeps for its own markers', () => {
    expect(codes([{ file: 'notes.md', from: '## 其他', to: '伪造\uE003\uE004\n\n## 其他' }]).map((c) => c[3])).toEqual(['U+E003', 'U+E004']);
  });

  it('warn about zero-width characters', () => {
    expect(codes([{ file: 'notes.md', from: '## 其他', to: '零\u200B宽\n\n## 其他' }])).toEqual([['text.invisibleCharacter', 'notes.md', 10, 'U+200B']]);
  });
});
