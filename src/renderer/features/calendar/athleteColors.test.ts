import { describe, expect, it } from 'vitest';
import { ATHLETE_COLOR_COUNT, athleteColor, athleteColorIndexes, initialsOf } from './athleteColors';

const ids = Array.from(
  { length: ATHLETE_COLOR_COUNT },
  (_, index) => `019af2d0-aada-776d-8f3f-5505b496c3${String(index).padStart(2, '0')}`,
);

describe('athlete colours', () => {
  it('give an athlete the same colour whatever the order athletes were picked in', () => {
    const forward = athleteColorIndexes(ids);
    const backward = athleteColorIndexes([...ids].reverse());
    for (const id of ids) expect(backward.get(id)).toBe(forward.get(id));
  });

  it('give athletes shown together different colours while there are colours left', () => {
    const indexes = athleteColorIndexes(ids);
    expect(new Set(indexes.values()).size).toBe(ids.length);
  });

  it('have a light and a dark shade for each colour', () => {
    const indexes = [...athleteColorIndexes(ids).values()];
    for (const index of indexes) {
      expect(athleteColor(index, 'light')).toMatch(/^#[0-9A-F]{6}$/i);
      expect(athleteColor(index, 'dark')).not.toBe(athleteColor(index, 'light'));
    }
  });
});

describe('initialsOf', () => {
  it('takes the first and last names’ initials, or two letters of a single name', () => {
    expect(initialsOf('Dana Whitfield')).toBe('DW');
    expect(initialsOf('  Mary Ann  de la Cruz ')).toBe('MC');
    expect(initialsOf('Zlatan')).toBe('ZL');
    expect(initialsOf('')).toBe('?');
  });
});
