/** Small statistics and printing helpers for the benchmark lines. */

export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank] as number;
}

export const median = (values: readonly number[]) => percentile(values, 0.5);

/** Time an async step in milliseconds. */
export async function timed<T>(step: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await step();
  return { ms: performance.now() - start, value };
}

/** Run `step` once per input and return each duration (ms). */
export async function durations<I>(
  inputs: readonly I[],
  step: (input: I) => Promise<unknown>,
): Promise<number[]> {
  const result: number[] = [];
  for (const input of inputs) result.push((await timed(() => step(input))).ms);
  return result;
}

export function ms(value: number): string {
  return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
}

/** One labelled result line: `label ........ median 1.23 ms, p95 4.56 ms (n = 50)`. */
export function report(label: string, values: readonly number[], extra = ''): void {
  console.log(
    `${label.padEnd(58, ' ')} median ${ms(median(values))}, p95 ${ms(percentile(values, 0.95))}, max ${ms(Math.max(...values))} (n = ${values.length})${extra}`,
  );
}

export function line(label: string, value: string): void {
  console.log(`${label.padEnd(58, ' ')} ${value}`);
}
