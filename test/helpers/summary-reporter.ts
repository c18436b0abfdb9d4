/**
 * Prints one plain closing line, `N passed, N failed, N skipped`, that any CI can read, and makes
 * a run that executed no test fail: a green run must have tested something.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const count = (state: 'passed' | 'failed' | 'skipped'): number =>
      testModules.reduce((n, module) => n + [...module.children.allTests(state)].length, 0);
    const [passed, failed, skipped] = [count('passed'), count('failed'), count('skipped')];
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
    if (passed + failed === 0) {
      process.stdout.write('no test was executed\n');
      process.exitCode = 1;
    }
  }
}
