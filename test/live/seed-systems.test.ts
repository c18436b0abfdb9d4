/**
 * The seed systems (schema/<system>/, generated/<system>/), exactly as the README runs them, on a
 * real PostgreSQL server and on PGlite: generate --check is clean, apply → drift is clean, the
 * system holds what its plan promised (test/seeds/<system>.ts), and rollback returns to empty.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { introspect } from '../../compiler/introspect/index.js';
import type { Schema } from '../../compiler/model/types.js';
import { BACKENDS, freshDatabaseUrl, withDatabase } from '../helpers/backends.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import type { SeedExpectations } from '../seeds/expectations.js';

const SYSTEMS = ['clearway', 'angel', 'advisoros', 'pfa', 'aiservice'] as const;

/** Counts of what a live schema holds, as the expectations count them. */
export function seedCounts(schema: Schema) {
  const tables = schema.tables.filter((t) => !t.partitionOf && t.schema !== 'compliance');
  return {
    tables: tables.length,
    indexes: tables.reduce((n, t) => n + t.indexes.length + (t.primaryKey ? 1 : 0) + t.uniques.length, 0) +
      schema.views.reduce((n, v) => n + v.indexes.length, 0),
    foreignKeys: tables.reduce((n, t) => n + t.foreignKeys.length, 0),
    partitions: schema.tables.filter((t) => t.partitionOf).length,
    materializedViews: schema.views.filter((v) => v.materialized).length,
  };
}

const cli = (args: readonly string[]) => runCli(args, { cwd: REPO_ROOT });

/** stderr without the notices of optional parts skipped because the server lacks their extension. */
const unexpectedStderr = (stderr: string): string => stderr.split('\n').filter((l) => l !== '' && !l.startsWith('skipped ')).join('\n');
/** Tables the server could not have: left out with their optional extension (from drift's notice). */
const skippedTables = (stderr: string): number =>
  stderr.split('\n').filter((l) => l.startsWith('skipped (')).reduce((n, l) => n + (l.match(/table:/g)?.length ?? 0), 0);

describe.each(SYSTEMS.filter((s) => existsSync(path.join(REPO_ROOT, 'test/seeds', `${s}.ts`))))('seed system %s', (system) => {
  it('generate --check is clean: the committed migrations are current', async () => {
    const check = await cli(['--project', system, 'generate', '--check']);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
  });

  it.each(BACKENDS)('on %s: apply → drift clean → holds what its plan promised → rollback to empty', async (backend) => {
    const { expected } = (await import(`../seeds/${system}.ts`)) as { expected: SeedExpectations };
    const url = await freshDatabaseUrl(backend);
    const applied = await cli(['--project', system, 'apply', '--url', url]);
    expect(unexpectedStderr(applied.stderr)).toBe('');
    expect(applied.code).toBe(0);
    const drift = await cli(['--project', system, 'drift', '--url', url]);
    expect(drift.stdout).toContain('No drift');
    expect(drift.code).toBe(0);
    const verify = await cli(['--project', system, 'verify', '--url', url]);
    expect(verify.stdout).toContain('everything holds');
    expect(verify.code).toBe(0);
    const live = await withDatabase(url, (db) => introspect(db));
    const counts = seedCounts(live);
    expect(live.namespaces.map((n) => n.name)).toEqual(expect.arrayContaining([...(expected.schemas ?? [])]));
    expect(counts.tables).toBeGreaterThanOrEqual(expected.tables - skippedTables(drift.stderr));
    expect(counts.indexes).toBeGreaterThanOrEqual(expected.indexes);
    expect(counts.foreignKeys).toBeGreaterThanOrEqual(expected.foreignKeys);
    expect(counts.partitions).toBeGreaterThanOrEqual(expected.partitions);
    expect(counts.materializedViews).toBeGreaterThanOrEqual(expected.materializedViews);
    const rolledBack = await cli(['--project', system, 'rollback', '--url', url, '--to', '0', '--force']);
    expect(unexpectedStderr(rolledBack.stderr)).toBe('');
    expect(rolledBack.code).toBe(0);
    const left = await withDatabase(url, async (db) => seedCounts(await introspect(db)));
    expect(left.tables, 'rollback --to 0 leaves no tables').toBe(0);
  });
});
