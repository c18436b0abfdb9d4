/**
 * The schema corpus: realistic pairs of schema versions (test/corpus/<name>/v1.sql → v2.sql),
 * written as plain SQL. For each pair and each direction: load both versions into fresh
 * databases, `schemac diff --from A --to B`, apply the SQL to A in one transaction, and expect
 * `pg_dump --schema-only` of A and B to be identical and a second diff to be empty.
 *
 * Runs with `npm test`; `npm run test:corpus` runs it alone.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectDiffAppliesCleanly } from '../helpers/dump.js';

/**
 * Pairs (`name`, both directions) or single directions (`name v1 → v2`) expected to fail today,
 * with the reason. They still run, as `it.fails`: when one starts passing, its test fails,
 * telling us to remove it from this list.
 */
const PENDING: Record<string, string> = {};

const CORPUS = import.meta.dirname;
const PAIRS = readdirSync(CORPUS)
  .filter((name) => statSync(path.join(CORPUS, name)).isDirectory())
  .sort();

function readVersion(pair: string, version: 'v1' | 'v2'): string {
  return readFileSync(path.join(CORPUS, pair, `${version}.sql`), 'utf8');
}




describe('schema corpus', () => {
  it('has pairs, and every pending entry names one', () => {
    expect(PAIRS.length).toBeGreaterThan(0);
    for (const name of Object.keys(PENDING)) expect(PAIRS).toContain(name.split(' ')[0]);
  });

  for (const pair of PAIRS) {
    describe(pair, () => {
      for (const [from, to] of [['v1', 'v2'], ['v2', 'v1']] as const) {
        const direction = `${from} → ${to}`;
        const pending = PENDING[`${pair} ${direction}`] ?? PENDING[pair];
        const test = pending === undefined ? it : it.fails;
        test(`${direction}${pending === undefined ? '' : ` (pending: ${pending})`}`, () => expectDiffAppliesCleanly(readVersion(pair, from), readVersion(pair, to)));
      }
    });
  }
});
