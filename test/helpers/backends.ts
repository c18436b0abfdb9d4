/**
 * The two back ends every live test runs on: a real PostgreSQL server (a fresh database per call)
 * and the embedded PGlite (a fresh data folder per call).
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { connect, type Database } from '../../compiler/db/connection.js';
import { parseTarget, type DatabaseTarget } from '../../compiler/db/target.js';
import { createDatabase } from './pg-server.js';

export type BackendName = 'postgres' | 'pglite';
export const BACKENDS: readonly BackendName[] = ['postgres', 'pglite'];

/** A URL for a fresh, empty database on the given back end. */
export async function freshDatabaseUrl(backend: BackendName): Promise<string> {
  if (backend === 'postgres') return createDatabase(inject('postgresAdminUrl'));
  return `pglite:${mkdtempSync(path.join(os.tmpdir(), 'schemac-pglite-'))}`;
}

export async function freshTarget(backend: BackendName): Promise<DatabaseTarget> {
  return parseTarget(await freshDatabaseUrl(backend), process.cwd());
}

export async function open(url: string): Promise<Database> {
  return connect(parseTarget(url, process.cwd()), { waitSeconds: 5 });
}

/** Run `work` with a connection to `url`, always closing it. */
export async function withDatabase<T>(url: string, work: (db: Database) => Promise<T>): Promise<T> {
  const db = await open(url);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}
