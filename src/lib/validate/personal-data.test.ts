import { describe, expect, it } from 'vitest';
import { canonicalPersonalValue, findPersonalData, idCardCheckCharacter, isIdCardNumber, isOrganisationDomain, maskPersonalValue } from './personal-data.ts';

// SYNTHETIC values only: region 990001 does not exist; the numbers belong to nobody we know of.
const VALID_ID = '990001198001011230';
const kinds = (text: string) => findPersonalData(text).map((m) => [m.kind, m.value]);

describe('mobile numbers', () => {
  it('finds an 11-digit mobile number written plain, grouped 3-4-4, or in full-width digits', () => {
    expect(kinds('联系电话：13912345678。')).toEqual([['mobileNumber', '13912345678']]);
    expect(kinds('电话 139 1234 5678 或 139-1234-5678')).toEqual([
      ['mobileNumber', '139 1234 5678'],
      ['mobileNumber', '139-1234-5678'],
    ]);
    expect(kinds('电话：１３９１２３４５６７８')).toEqual([['mobileNumber', '１３９１２３４５６７８']]);
  });

  it('ignores 11 digits inside a longer run of digits, and numbers that cannot be mobile (12…, landlines)', () => {
    expect(kinds('金额 8613912345678 分，编号 139123456789')).toEqual([]);
    expect(kinds('12912345678 与 0731-12345678')).toEqual([]);
  });

  it('reports the offset of the number in the text', () => {
    const [match] = findPersonalData('电话：13912345678');
    expect(match?.offset).toBe(3);
  });
});

describe('ID-card numbers (GB 11643)', () => {
  it('computes the check character from the weighted sum of the first 17 digits', () => {
    expect(idCardCheckCharacter('99000119800101123')).toBe('0');
    // The published worked example of GB 11643: 11010519491231002X.
    expect(idCardCheckCharacter('11010519491231002')).toBe('X');
  });

  it('flags an 18-digit number whose check character is right', () => {
    expect(kinds(`身份证号 ${VALID_ID}`)).toEqual([['idCardNumber', VALID_ID]]);
    expect(kinds('身份证号 11010519491231002x')).toEqual([['idCardNumber', '11010519491231002x']]);
  });

  it('does not flag the same number with a wrong check character', () => {
    for (const wrong of ['1', '2', '9', 'X']) expect(kinds(`编号 ${VALID_ID.slice(0, 17)}${wrong}`)).toEqual([]);
  });

  it('does not flag a right check character on an impossible birth date', () => {
    const first17 = '99000119801301123'; // month 13
    expect(isIdCardNumber(first17 + idCardCheckCharacter(first17))).toBe(false);
  });
});

describe('personal e-mail addresses', () => {
  it('treats government, organisation, education and research domains as organisational', () => {
    for (const domain of ['hetang.gov.cn', 'gov.cn', 'example.org.cn', 'xx.edu.cn', 'cas.ac.cn', 'who.int']) expect(isOrganisationDomain(domain)).toBe(true);
    for (const domain of ['qq.com', '163.com', 'example.com', 'gov.cn.example.com', 'mygov.cn']) expect(isOrganisationDomain(domain)).toBe(false);
  });

  it('flags an address on any other domain and lets organisational ones through', () => {
    expect(kinds('邮箱 office@hetang.gov.cn；经办人 zhang.san@qq.com')).toEqual([['personalEmail', 'zhang.san@qq.com']]);
  });
});

describe('masking and comparing values', () => {
  it('masks the middle of a value so messages never repeat it', () => {
    expect(maskPersonalValue('mobileNumber', '139 1234 5678')).toBe('139****5678');
    expect(maskPersonalValue('idCardNumber', VALID_ID)).toBe('990001********1230');
    expect(maskPersonalValue('personalEmail', 'zhang.san@qq.com')).toBe('z***@qq.com');
  });

  it('compares numbers by their digits and addresses case-insensitively', () => {
    expect(canonicalPersonalValue('139-1234-5678')).toBe(canonicalPersonalValue('１３９ １２３４ ５６７８'));
    expect(canonicalPersonalValue('Zhang.San@QQ.com')).toBe('zhang.san@qq.com');
  });
});
