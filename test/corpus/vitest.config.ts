import { defineConfig } from 'vitest/config';

/** The schema corpus (`npm run test:corpus`): kept out of the default run, which is slower without it. */
export default defineConfig({
  resolve: { conditions: ['schemac-source'] },
  test: {
    include: ['test/corpus/**/*.corpus.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
