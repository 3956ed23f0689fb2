import { describe, expect, it } from 'vitest';
import { parseBar, parsePlates } from './WorkoutSettings';

describe('the bar, typed in the user’s unit', () => {
  it('is stored in kg, and empty means the standard bar', () => {
    expect(parseBar('15', 'kg')).toEqual({ kg: 15 });
    expect(parseBar('', 'lb')).toEqual({ kg: null });
    const fromLb = parseBar('45', 'lb');
    expect('kg' in fromLb && fromLb.kg).toBeCloseTo(20.41166, 4);
  });

  it('says what is wrong, in the user’s unit', () => {
    expect(parseBar('heavy', 'lb')).toEqual({ error: 'The bar must be a number (in lb)' });
    expect(parseBar('300', 'lb')).toEqual({ error: 'The bar must weigh between 0 and 220.5 lb' });
  });
});

describe('the plates, typed in the user’s unit', () => {
  it('are stored in kg, heaviest first and once each, and empty means the standard set', () => {
    expect(parsePlates('10, 25 2.5;1.25, 25', 'kg')).toEqual({ kg: [25, 10, 2.5, 1.25] });
    expect(parsePlates('  ', 'kg')).toEqual({ kg: null });
  });

  it('refuse what is not a plate, saying why', () => {
    expect(parsePlates('25, x', 'kg')).toEqual({
      error: '“x” is not a plate size: type numbers in kg, e.g. 25, 20, 10',
    });
    expect(parsePlates('0', 'kg')).toEqual({ error: 'A plate must weigh more than 0' });
    expect(parsePlates('150', 'lb')).toEqual({ error: 'A plate must weigh at most 132.3 lb' });
  });
});
