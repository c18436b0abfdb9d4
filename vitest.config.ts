import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['schemac-source'] },
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
