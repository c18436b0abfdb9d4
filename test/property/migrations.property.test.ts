/**
 * Property: for a random schema A and a random change B = mutate(A), on a real PostgreSQL server,
 *   - the migration files are deterministic (the same bytes when rendered twice, and whatever the
 *     order the declarations are listed in), and a schema diffed with itself is empty;
 *   - up(A→B), run as `apply` runs it (online steps outside the transaction), on A built from an
 *     empty database, reaches B (when not, A built alone is compared too, to blame the right one);
 *   - down returns to A, and up runs again.
 * "Matches" is `remainingChanges` (drift's comparison) finding nothing. Replay a failure with the
 * command printed in its message; see docs/reliability.md.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../compiler/db/connection.js';
import type { Declaration } from '../../compiler/dsl/declarations.js';
import { diffSchemas, type Change } from '../../compiler/diff/index.js';
import { EMPTY_SCHEMA, type Schema } from '../../compiler/model/types.js';
import { freshDatabaseUrl, open } from '../helpers/backends.js';
import { declare, describeChanges, migrationSql, remainingChanges, resetDatabase, runScript } from '../helpers/schema.js';
import { schemaArb } from './arbitraries.js';
import { assertProperty, Coverage, devDatabaseEvery, propertySettings } from './harness.js';
import { knownBugHit } from './known-bugs.js';
import { applyChanges, changesArb, type ChangeChoice } from './mutations.js';
import { caseSource, specDeclarations, type SchemaSpec } from './spec.js';

const settings = propertySettings(500);
const devEvery = devDatabaseEvery();
const coverage = new Coverage();

/** The declarations in another order: tables, enums, and each table's index and constraint lists. */
function reordered(declarations: readonly Declaration[]): Declaration[] {
  const reverse = <T>(list: readonly T[] | undefined): T[] | undefined => (list ? [...list].reverse() : undefined);
  return [...declarations].reverse().map((d) => (d.kind === 'table'
    ? { ...d, indexes: reverse(d.indexes), checks: reverse(d.checks), uniques: reverse(d.uniques), foreignKeys: reverse(d.foreignKeys) } as Declaration
    : d));
}

async function declared(spec: SchemaSpec): Promise<Schema | undefined> {
  try {
    return await declare(...specDeclarations(spec));
  } catch {
    return undefined;
  }
}

/**
 * The database matches `schema`. Compared first without the dev database (parse trees, constants of
 * defaults evaluated by the server: ~60 ms), and when that finds differences, again as `drift`
 * compares by default, through the embedded dev database (~300 ms a schema, too slow for every
 * case): only differences both find fail the case. Differences only the first finds are counted.
 */
async function expectMatches(db: Database, schema: Schema, what: string, alwaysDevDatabase: boolean): Promise<void> {
  const quick = await remainingChanges(db, schema, { devDatabase: false });
  if (quick.length === 0 && !alwaysDevDatabase) return;
  const viaDev = await remainingChanges(db, schema);
  if (viaDev.length > 0) throw new Error(`${what}: the database differs from the declarations: ${describeChanges(viaDev).join('; ')}`);
  for (const change of quick) coverage.add(`differences only without the dev database: ${change.kind}`);
  if (quick.length > 0) fallbackOnly.push(...quick.map((c) => ({ what, change: c })));
}

/** Differences found without the dev database but not with it (false drift of the fallback comparison). */
const fallbackOnly: { what: string; change: Change }[] = [];

async function runStep(db: Database, sql: string, what: string): Promise<void> {
  try {
    await runScript(db, sql);
  } catch (error) {
    throw new Error(`${what} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

function recordCoverage(changes: readonly { kind: string }[], up: string): void {
  for (const c of changes) coverage.add(`change ${c.kind}`);
  if (changes.length === 0) coverage.add('no-op migrations');
  if (up.includes('CONCURRENTLY')) coverage.add('plans with CREATE/DROP INDEX CONCURRENTLY');
  if (up.includes('NOT VALID')) coverage.add('plans with NOT VALID + VALIDATE');
  if (up.includes('schemac:transaction none')) coverage.add('plans with steps outside a transaction');
}

describe('random schema changes on PostgreSQL', () => {
  let db: Database;
  beforeAll(async () => {
    db = await open(await freshDatabaseUrl('postgres'));
  });
  afterAll(async () => {
    await db?.close();
    process.stdout.write(`${coverage.summary(`migration property (seed ${settings.seed})`)}\n`);
    for (const { what, change } of fallbackOnly.slice(0, 20)) process.stdout.write(`  fallback-only: ${what}: ${JSON.stringify(change)}\n`);
  });

  async function check(specA: SchemaSpec, changes: readonly ChangeChoice[]): Promise<void> {
    const specB = applyChanges(specA, changes);
    const [a, b] = [await declared(specA), await declared(specB)];
    if (!a || !b) {
      coverage.discarded++;
      fc.pre(false);
      return;
    }
    const started = performance.now();
    let stage = 'render';
    let migration: Awaited<ReturnType<typeof migrationSql>> | undefined;
    try {
      migration = await migrationSql(a, b);
      const bug = knownBugHit(migration.changes, a, b);
      if (bug) {
        coverage.add(`discarded: known bug ${bug.id}`);
        coverage.discarded++;
        fc.pre(false);
        return;
      }
      coverage.cases++;
      const useDev = devEvery > 0 && coverage.cases % devEvery === 0;
      const again = await migrationSql(a, b);
      const shuffled = await migrationSql(await declare(...reordered(specDeclarations(specA))), await declare(...reordered(specDeclarations(specB))));
      expect(again.up, 'up.sql rendered twice').toBe(migration.up);
      expect(again.down, 'down.sql rendered twice').toBe(migration.down);
      expect(shuffled.up, 'up.sql from reordered declarations').toBe(migration.up);
      expect(shuffled.down, 'down.sql from reordered declarations').toBe(migration.down);
      expect(describeChanges(diffSchemas(a, a)), 'A diffed with itself').toEqual([]);
      expect(describeChanges(diffSchemas(b, b)), 'B diffed with itself').toEqual([]);
      recordCoverage(migration.changes, migration.up);

      const up = migration.up;
      const down = migration.down;
      coverage.time('render (ms)', started);
      stage = 'create A';
      await resetDatabase(db);
      const create = (await migrationSql(EMPTY_SCHEMA, a)).up;
      await coverage.timed('create A (ms)', () => runStep(db, create, 'creating A from an empty database'));
      // A is compared after down; only when a comparison fails is A built again and compared alone,
      // to tell a wrong CREATE from a wrong migration (saves a third of the comparisons).
      const blameCreate = async (error: unknown): Promise<never> => {
        const failed = stage;
        stage = 'create A';
        await resetDatabase(db);
        await runStep(db, create, 'creating A from an empty database');
        await expectMatches(db, a, 'after creating A', true);
        stage = failed;
        throw error;
      };
      stage = 'up';
      await coverage.timed('up and down (ms)', () => runStep(db, up, 'up (A → B)'));
      await coverage.timed('compare (ms)', () => expectMatches(db, b, 'after up', useDev)).catch(blameCreate);
      stage = 'down';
      await coverage.timed('up and down (ms)', () => runStep(db, down, 'down (B → A)'));
      await coverage.timed('compare (ms)', () => expectMatches(db, a, 'after down', useDev)).catch(blameCreate);
      stage = 'up again';
      await coverage.timed('up and down (ms)', () => runStep(db, up, 'up again after down'));
    } catch (error) {
      if (fc.PreconditionFailure.isFailure(error)) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new Error([
        `[${stage}] ${message}`,
        '--- case.ts ---', caseSource(specA, specB),
        ...(migration ? ['--- up.sql ---', migration.up, '--- down.sql ---', migration.down] : []),
      ].join('\n'), { cause: error });
    }
  }

  it(`${settings.runs} random schemas and changes: up reaches the target, down returns, output is deterministic`, async () => {
    await assertProperty(fc.asyncProperty(schemaArb, changesArb, check), settings, 'test/property/migrations.property.test.ts');
  }, Math.max(600_000, settings.runs * 2_000));
});
