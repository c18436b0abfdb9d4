/**
 * The long run of the property tests: thousands of random schema changes and hostile names on the
 * throwaway PostgreSQL server (`npm run test:property:long`).
 *
 *   SCHEMAC_PROPERTY_RUNS           migration cases (default 5000; the identifier property runs a fifth)
 *   SCHEMAC_PROPERTY_SEED           seed (default: a new one each run, printed first, to replay)
 *   SCHEMAC_PROPERTY_DEV_DATABASE   also compare through the embedded dev database every n-th case (default 20)
 *
 * A failure prints the seed and path that replay it (SCHEMAC_PROPERTY_SEED, SCHEMAC_PROPERTY_PATH).
 */
import { spawnSync } from 'node:child_process';

const env = {
  ...process.env,
  SCHEMAC_PROPERTY_RUNS: process.env['SCHEMAC_PROPERTY_RUNS'] ?? '5000',
  SCHEMAC_PROPERTY_SEED: process.env['SCHEMAC_PROPERTY_SEED'] ?? String(Math.floor(Math.random() * 2 ** 31)),
  SCHEMAC_PROPERTY_DEV_DATABASE: process.env['SCHEMAC_PROPERTY_DEV_DATABASE'] ?? '20',
};
process.stdout.write(`property long run: ${env.SCHEMAC_PROPERTY_RUNS} cases, seed ${env.SCHEMAC_PROPERTY_SEED} (replay with SCHEMAC_PROPERTY_SEED=${env.SCHEMAC_PROPERTY_SEED})\n`);
const started = Date.now();
const files = ['test/property/migrations.property.test.ts', 'test/property/identifiers.property.test.ts'];
const result = spawnSync('npx', ['vitest', 'run', ...files, ...process.argv.slice(2)], { env, stdio: 'inherit' });
process.stdout.write(`property long run: ${((Date.now() - started) / 1000).toFixed(0)} s, seed ${env.SCHEMAC_PROPERTY_SEED}\n`);
process.exit(result.status ?? 1);
