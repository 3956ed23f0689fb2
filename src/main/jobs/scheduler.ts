/**
 * Timers for the job runner, behind an interface so tests drive them with a manual clock instead
 * of waiting (src/main/jobs/test-support.ts).
 */

export type TimerHandle = { readonly timer: unknown };

export interface Scheduler {
  setTimer(callback: () => void, delayMs: number): TimerHandle;
  clearTimer(handle: TimerHandle): void;
}

export const realScheduler: Scheduler = {
  setTimer(callback, delayMs) {
    const timer = setTimeout(callback, Math.max(0, delayMs));
    // A pending job timer never keeps the process alive on its own.
    timer.unref();
    return { timer };
  },
  clearTimer(handle) {
    clearTimeout(handle.timer as NodeJS.Timeout);
  },
};
