import { describe, expect, it } from 'vitest';
import { formatWeightTotal } from './units';

// Intl uses the process's locale; these expectations are written for an English one.
const groupsWithCommas = new Intl.NumberFormat().format(1000) === '1,000';

describe.runIf(groupsWithCommas)('formatWeightTotal', () => {
  it('shows a large total in whole kilograms or pounds, grouped', () => {
    expect(formatWeightTotal(512_345.4, 'kg')).toBe('512,345 kg');
    expect(formatWeightTotal(512_345.4, 'lb')).toBe('1,129,528 lb');
  });

  it('keeps one decimal at most below a thousand, and a dash for no value', () => {
    expect(formatWeightTotal(742.54, 'kg')).toBe('742.5 kg');
    expect(formatWeightTotal(0, 'kg')).toBe('0 kg');
    expect(formatWeightTotal(null, 'lb')).toBe('–');
  });
});
