import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Declarations import 'schemac': resolve it to the sources, never to a (possibly stale) build in dist/.
  resolve: { conditions: ['schemac-source'] },
  ssr: { resolve: { conditions: ['schemac-source'], externalConditions: ['schemac-source'] } },
  test: {
    include: ['test/**/*.test.ts', 'test/corpus/**/*.corpus.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
