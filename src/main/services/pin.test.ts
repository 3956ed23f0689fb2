import { describe, expect, it } from 'vitest';
import { hashPin, pinMatches } from './pin';

describe('kiosk PIN hashing', () => {
  it('stores a salted scrypt hash that matches only the same PIN', async () => {
    const stored = await hashPin('4821');
    expect(stored).toMatch(/^scrypt\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(stored).not.toContain('4821');
    expect(await pinMatches('4821', stored)).toBe(true);
    expect(await pinMatches('4822', stored)).toBe(false);
    expect(await pinMatches('', stored)).toBe(false);
  });

  it('salts every hash, so one PIN hashes differently each time', async () => {
    const [first, second] = await Promise.all([hashPin('0000'), hashPin('0000')]);
    expect(first).not.toBe(second);
    expect(await pinMatches('0000', second)).toBe(true);
  });

  it('rejects a stored value in any other format instead of throwing', async () => {
    for (const stored of [
      '',
      '4821',
      'bcrypt$abc$def',
      'scrypt$abc',
      'scrypt$c2FsdA==$c2hvcnQ=',
      'scrypt$a$b$c',
    ]) {
      expect(await pinMatches('4821', stored)).toBe(false);
    }
  });
});
