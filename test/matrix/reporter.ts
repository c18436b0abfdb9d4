/**
 * The matrix's vitest reporter: writes every test's state and its errors — message, assertion diff
 * and cause, which vitest's JSON reporter cuts to the first line — to $SCHEMAC_MATRIX_REPORT, so
 * scripts/test-matrix.ts can tell a failure that a newer-server requirement explains from any other.
 */
import { writeFileSync } from 'node:fs';
import type { SerializedError } from 'vitest';
import type { Reporter, TestCase, TestModule } from 'vitest/node';

export interface MatrixReport {
  readonly tests: readonly { readonly module: string; readonly name: string; readonly state: string; readonly errors: readonly string[] }[];
  /** Errors of a whole module (it failed to load, or a hook failed) or of the run. */
  readonly moduleErrors: readonly { readonly module: string; readonly errors: readonly string[] }[];
}

const describeError = (error: SerializedError): string =>
  [error.message, typeof error['diff'] === 'string' ? error['diff'] : '', error.cause ? `cause: ${describeError(error.cause)}` : ''].filter(Boolean).join('\n');

/** Suite titles and the test's title, space-separated: how test/matrix/requirements.ts names tests. */
function nameOf(test: TestCase): string {
  const names = [test.name];
  for (let parent = test.parent; parent.type === 'suite'; parent = parent.parent) names.unshift(parent.name);
  return names.join(' ');
}

export default class MatrixReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    const file = process.env['SCHEMAC_MATRIX_REPORT'];
    if (!file) return;
    const tests = testModules.flatMap((module) =>
      [...module.children.allTests()].map((test) => {
        const result = test.result();
        return { module: module.relativeModuleId, name: nameOf(test), state: result.state, errors: (result.errors ?? []).map(describeError) };
      }),
    );
    const moduleErrors = [
      ...testModules.filter((module) => module.errors().length > 0).map((module) => ({ module: module.relativeModuleId, errors: module.errors().map(describeError) })),
      ...(unhandledErrors.length > 0 ? [{ module: '(run)', errors: unhandledErrors.map(describeError) }] : []),
    ];
    writeFileSync(file, JSON.stringify({ tests, moduleErrors } satisfies MatrixReport, null, 1));
  }
}
