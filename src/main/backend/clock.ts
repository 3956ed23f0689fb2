/**
 * The backend's one clock. Services (`ctx.now()`) and background jobs read it, so a host started
 * with `--test-clock` can move time for end-to-end tests (`testing.setClock`) and every part of the
 * backend agrees on what "now" is. Elsewhere it is the computer's clock and cannot be moved.
 */

export interface Clock {
  now(): Date;
}

export interface MovableClock extends Clock {
  /** True only in a host started with `--test-clock`. */
  readonly movable: boolean;
  /**
   * Jump to `now` and keep running from there (an offset, so intervals still pass); null goes back
   * to the real time. Returns the new time. Throws when the clock is not movable.
   */
  set(now: Date | null): Date;
}

export function createClock(options: { movable: boolean; realNow?: () => number }): MovableClock {
  const realNow = options.realNow ?? Date.now;
  let offsetMs = 0;
  const now = () => new Date(realNow() + offsetMs);
  return {
    movable: options.movable,
    now,
    set(target) {
      if (!options.movable)
        throw new Error('This clock cannot be moved (the host was not started with --test-clock)');
      offsetMs = target ? target.getTime() - realNow() : 0;
      return now();
    },
  };
}
