/**
 * Kiosk PINs are stored only as a salted scrypt hash, "scrypt$<salt base64>$<hash base64>".
 * A 4-digit PIN is weak whatever the hash; scrypt keeps a copied database from giving PINs
 * away instantly, and the comparison is constant-time.
 */
import { randomBytes, scrypt, timingSafeEqual, type BinaryLike } from 'node:crypto';

const SALT_BYTES = 16;
const KEY_BYTES = 32;
const PREFIX = 'scrypt';

function deriveKey(pin: string, salt: BinaryLike): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, KEY_BYTES, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveKey(pin, salt);
  return `${PREFIX}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Whether `pin` matches `stored`; false for a stored value in any other format. */
export async function pinMatches(pin: string, stored: string): Promise<boolean> {
  const [prefix, saltText, keyText, ...rest] = stored.split('$');
  if (prefix !== PREFIX || !saltText || !keyText || rest.length > 0) return false;
  const expected = Buffer.from(keyText, 'base64');
  if (expected.length !== KEY_BYTES) return false;
  const actual = await deriveKey(pin, Buffer.from(saltText, 'base64'));
  return timingSafeEqual(actual, expected);
}
