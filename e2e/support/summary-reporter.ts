import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** Ends the run with one line a person or a script can read at a glance. */
export default class SummaryReporter implements Reporter {
  private readonly counts = { passed: 0, failed: 0, skipped: 0, flaky: 0 };

  onTestEnd(test: TestCase, result: TestResult): void {
    // Counted once per test, on its final attempt.
    if (result.retry < test.retries && result.status !== 'passed' && result.status !== 'skipped') return;
    const outcome = test.outcome();
    if (outcome === 'expected') this.counts.passed += 1;
    else if (outcome === 'skipped') this.counts.skipped += 1;
    else if (outcome === 'flaky') this.counts.flaky += 1;
    else this.counts.failed += 1;
  }

  onEnd(result: FullResult): void {
    const { passed, failed, skipped, flaky } = this.counts;
    const seconds = (result.duration / 1000).toFixed(1);
    console.log(
      `E2E ${result.status.toUpperCase()}: ${passed} passed, ${failed} failed, ${skipped} skipped` +
        `${flaky ? `, ${flaky} flaky` : ''} in ${seconds} s; screenshots in e2e-artifacts/`,
    );
  }

  printsToStdio(): boolean {
    return false;
  }
}
