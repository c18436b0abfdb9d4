/** pg_dump-based comparison of live databases (the oracle of the database-to-database tests). */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { freshDatabaseUrl, withDatabase } from './backends.js';
import { findBinDir } from './pg-server.js';

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
