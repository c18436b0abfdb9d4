/** pg_dump-based comparison of live databases (the oracle of the database-to-database tests). */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect } from 'vitest';
import { freshDatabaseUrl, withDatabase } from './backends.js';
import { findBinDir } from './pg-server.js';
import { makeProject, runCli } from './cli.js';
import { runMigrationScript } from '../../compiler/apply/index.js';

/** `pg_dump --schema-only` without the lines that are only the dump's own bookkeeping. */
export function dumpSchema(url: string): string {
  const result = spawnSync(path.join(findBinDir(), 'pg_dump'), ['--schema-only', '--no-owner', '--no-privileges', url], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pg_dump failed: ${result.stderr}`);
  // Comment lines and the per-dump random \restrict key carry nothing but the dump's own bookkeeping.
  return result.stdout.split('\n').filter((line) => !line.startsWith('--') && !/^\\(un)?restrict /.test(line)).join('\n');
}

/** A fresh database on the PostgreSQL server with `sql` loaded. */
export async function databaseWith(sql: string): Promise<string> {
  const url = await freshDatabaseUrl('postgres');
  await withDatabase(url, (db) => db.exec(sql));
  return url;
}

/**
 * The database-to-database acceptance check: load `from` and `to` into fresh databases, run
 * `schemac diff`, run it on the first as `apply` runs a migration (shared steps in one transaction,
 * online steps on their own); then pg_dump of both is identical and a second diff is empty.
 */
export async function expectDiffAppliesCleanly(from: string, to: string): Promise<void> {
  const [fromUrl, toUrl] = [await databaseWith(from), await databaseWith(to)];
  const cwd = makeProject({});
  const diff = await runCli(['diff', '--from', fromUrl, '--to', toUrl], { cwd });
  expect(diff.stderr).toBe('');
  expect(diff.code).toBe(0);
  await withDatabase(fromUrl, (db) => runMigrationScript(db, diff.stdout, 'diff.sql'));
  expect(dumpSchema(fromUrl)).toBe(dumpSchema(toUrl));
  const second = await runCli(['diff', '--from', fromUrl, '--to', toUrl, '--exit-code'], { cwd });
  expect(second.stdout.trim()).toBe('-- no differences');
  expect(second.code).toBe(0);
}
