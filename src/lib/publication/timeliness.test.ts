import { describe, expect, it } from 'vitest';
import { daysBetween, deadline, formatChineseDate, timeliness } from './timeliness.ts';

describe('the 20-day publication rule', () => {
  it('is met when the disclosure is published on the 20th day after approval, not on the 21st', () => {
    expect(timeliness('2024-01-10', '2024-01-30')).toEqual({ status: 'onTime', days: 20 });
    expect(timeliness('2024-01-10', '2024-01-31')).toEqual({ status: 'late', days: 21 });
    expect(deadline('2024-01-10')).toBe('2024-01-30');
  });

  it('counts calendar days across months and leap days', () => {
    expect(daysBetween('2024-02-20', '2024-03-01')).toBe(10);
    expect(daysBetween('2023-02-20', '2023-03-01')).toBe(9);
    expect(deadline('2024-02-15')).toBe('2024-03-06');
  });

  it('never counts a missing date as on time, and names which one is missing', () => {
    expect(timeliness(null, '2024-01-30')).toEqual({ status: 'undated', missing: ['approvedOn'] });
    expect(timeliness(null, null)).toEqual({ status: 'undated', missing: ['approvedOn', 'publishedOn'] });
  });

  it('flags a publication dated before its approval as a wrong date', () => {
    expect(timeliness('2024-01-10', '2024-01-05')).toEqual({ status: 'beforeApproval', days: -5 });
  });

  it('writes dates as official documents do', () => {
    expect(formatChineseDate('2024-01-05')).toBe('2024年1月5日');
  });
});
