import { describe, expect, it } from 'vitest';
import { loadSynthetic } from '../../../tests/validation/synthetic-content.ts';
import { EMAIL_SPELLINGS, ID_SPELLINGS, LOOK_ALIKES, MOBILE, MOBILE_SPELLINGS } from '../../../tests/validation/personal-data-spellings.ts';
import { canonicalPersonalValue, findPersonalData, isOldIdCardNumber } from './personal-data.ts';
import { validateContent } from './validate-content.ts';

const ID15 = '110105491231002';

const kinds = (text: string) => findPersonalData(text).map((m) => m.kind);

describe('a mobile number', () => {
  it.each(MOBILE_SPELLINGS)('is found however it is spelled: %j', (spelling) => {
    expect(kinds(`联系人电话：${spelling}。`)).toEqual(['mobileNumber']);
    expect(canonicalPersonalValue(findPersonalData(`电话${spelling}`)[0]?.value ?? '')).toBe(MOBILE);
  });

  it('is told apart from office landlines, amounts, codes and columns of figures', () => {
    for (const text of LOOK_ALIKES) {
      expect(kinds(text), text).toEqual([]);
    }
  });
});

describe('an ID-card number', () => {
  it.each(ID_SPELLINGS)('is found in 18 or 15 digits, grouped or not: %j', (spelling) => expect(kinds(`身份证号 ${spelling}`)).toEqual(['idCardNumber']));

  it('in 15 digits needs a real province and birth date, having no check digit', () => {
    expect(isOldIdCardNumber(ID15)).toBe(true);
    expect(isOldIdCardNumber('990105491231002')).toBe(false);
    expect(isOldIdCardNumber('110105491331002')).toBe(false);
  });
});

describe('a personal e-mail address', () => {
  it.each(EMAIL_SPELLINGS)('is found however @ and . are written: %j', (spelling) => expect(kinds(`邮箱：${spelling}`)).toEqual(['personalEmail']));

  it('on a government domain is an office mailbox and passes, spelled either way', () => {
    expect(kinds('office@czj.example.gov.cn office(at)czj.example.gov.cn')).toEqual([]);
  });
});

describe('what a narrative publishes', () => {
  const notes = (text: string) => {
    const { result, files } = loadSynthetic([{ file: 'notes.md', from: '## 其他', to: `${text}\n\n## 其他` }]);
    return validateContent(result, files).filter((f) => f.code.startsWith('privacy.'));
  };

  it.each([
    ['Markdown emphasis between the groups', '电话 139**1234**5678'],
    ['a link around the first group', '电话 [139](https://example.gov.cn/)12345678'],
    ['entity-encoded digits', '电话 &#49;&#51;&#57;12345678'],
    ['hex entities', '电话 &#x31;&#x33;&#x39;12345678'],
    ['a number in an HTML comment', '<!-- 13912345678 -->'],
  ])('is checked after Markdown and entities: %s', (_what, text) => {
    const found = notes(text);
    expect(found.map((f) => [f.code, f.line])).toEqual([['privacy.mobileNumber', 10]]);
  });

  it('lets the allow-listed duty phone through in any spelling', () => {
    expect(notes('值班：139 0000 9999，+86-139-0000-9999')).toEqual([]);
  });
});
