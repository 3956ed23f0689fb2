import { V7Generator } from 'uuidv7';
import { type SeededRandom } from './random';

/**
 * UUIDv7 keys from the uuidv7 library, stamped with the time the row describes (a 2021 session
 * gets a 2021 id, as it would have on the day) and drawing their random bits from the seeded
 * generator, so a seed always gives the same keys.
 */
export class IdMaker {
  private readonly generator: V7Generator;

  constructor(random: SeededRandom) {
    this.generator = new V7Generator({ nextUint32: () => random.nextUint32() });
  }

  at(unixMs: number): string {
    return this.generator.generateOrResetWithTs(Math.max(0, Math.floor(unixMs))).toString();
  }
}
