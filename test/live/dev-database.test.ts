/**
 * The embedded dev database (compiler/db/dev-database.ts): PGlite on a worker thread, on a
 * persistent cluster on disk that stays empty, held by one process at a time, restarted afresh
 * when damaged (in a folder of its own naming, never the folder it was given), vacuumed now and
 * then; errors arrive with PostgreSQL's fields.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseErrorInfo } from '../../compiler/db/connection.js';
import { closeDevDatabase, devClusterDir, devDatabase } from '../../compiler/db/dev-database.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'schemac-dev-db-'));
const saved = process.env['SCHEMAC_DEV_DATABASE'];
let dir = '';
let n = 0;
beforeEach(() => {
  process.env['SCHEMAC_DEV_DATABASE'] = path.join(root, `parent-${n++}`);
  dir = devClusterDir()!;
});
afterEach(async () => {
  await closeDevDatabase();
});
afterAll(() => {
  if (saved === undefined) delete process.env['SCHEMAC_DEV_DATABASE'];
  else process.env['SCHEMAC_DEV_DATABASE'] = saved;
  rmSync(root, { recursive: true, force: true });
});

const tables = async (db: Awaited<ReturnType<typeof devDatabase>>['db']): Promise<string[]> =>
  (await db.query<{ name: string }>("SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace ORDER BY 1")).map((r) => r.name);

describe('the embedded dev database', () => {
  it('runs on a cluster on disk that a rolled-back build leaves empty for the next process', async () => {
    const first = await devDatabase(new Set());
    expect(first.db.description).toContain(dir);
    await first.db.exec('BEGIN');
    await first.db.exec('CREATE TABLE leftover (id int PRIMARY KEY, note text)');
    expect(await tables(first.db)).toEqual(['leftover', 'leftover_pkey']);
    await first.db.exec('ROLLBACK');
    await closeDevDatabase();
    expect(existsSync(path.join(dir, 'PG_VERSION'))).toBe(true);
    expect(existsSync(`${dir}.lock`)).toBe(false);

    const second = await devDatabase(new Set());
    expect(second.db.description).toContain(dir);
    expect(await tables(second.db)).toEqual([]);
  });

  it('reports PostgreSQL errors with their SQLSTATE and position', async () => {
    const { db } = await devDatabase(new Set());
    const division = await db.query('SELECT 1 / 0').catch((error: unknown) => error);
    expect(databaseErrorInfo(division)).toMatchObject({ code: '22012', message: 'division by zero' });
    const syntax = await db.exec('SELECT FROM WHERE').catch((error: unknown) => error);
    expect(databaseErrorInfo(syntax)).toMatchObject({ code: '42601', position: 13 });
    // The session goes on after an error.
    expect(await db.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('uses a cluster in memory while another live process holds the one on disk, and takes over a dead holder\'s lock', async () => {
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    try {
      mkdirSync(path.dirname(dir), { recursive: true });
      writeFileSync(`${dir}.lock`, String(holder.pid));
      const busy = await devDatabase(new Set());
      expect(busy.db.description).toContain('in memory');
      expect(await busy.db.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
      await closeDevDatabase();
      expect(readFileSync(`${dir}.lock`, 'utf8')).toBe(String(holder.pid));
    } finally {
      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.once('exit', resolve));
    }
    const taken = await devDatabase(new Set());
    expect(taken.db.description).toContain(dir);
    expect(readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.pid));
  });

  it('keeps its cluster in a folder of its own inside the one it is given, which it never deletes', () => {
    const parent = process.env['SCHEMAC_DEV_DATABASE']!;
    expect(path.dirname(dir)).toBe(parent);
    expect(path.basename(dir)).toMatch(/^dev-pglite-/);
    expect(devClusterDir({ SCHEMAC_DEV_DATABASE: 'memory' })).toBeUndefined();
  });

  it('starts a damaged cluster afresh', async () => {
    await devDatabase(new Set());
    await closeDevDatabase();
    writeFileSync(path.join(dir, 'global', 'pg_control'), 'not a control file');
    const mine = path.join(path.dirname(dir), 'my-notes.txt');
    writeFileSync(mine, 'not schemac\'s');
    const { db } = await devDatabase(new Set());
    expect(readFileSync(mine, 'utf8')).toBe('not schemac\'s');
    expect(db.description).toContain(dir);
    expect(await db.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('restarts with the extensions a schema needs', async () => {
    const plain = await devDatabase(new Set());
    await plain.db.exec('BEGIN');
    await expect(plain.db.exec('CREATE EXTENSION citext')).rejects.toThrow();
    await plain.db.exec('ROLLBACK');
    const { db } = await devDatabase(new Set(['citext']));
    await db.exec('BEGIN');
    await db.exec('CREATE EXTENSION citext');
    expect(await db.query<{ same: boolean }>("SELECT 'Ab'::citext = 'aB'::citext AS same")).toEqual([{ same: true }]);
    await db.exec('ROLLBACK');
  });

  it('counts the statements run since the last VACUUM and vacuums once they pass the threshold', async () => {
    const first = await devDatabase(new Set());
    first.ran(150);
    await closeDevDatabase();
    expect(readFileSync(`${dir}.work`, 'utf8')).toBe('150');
    writeFileSync(`${dir}.work`, '19990');
    const second = await devDatabase(new Set());
    second.ran(20);
    await closeDevDatabase();
    expect(readFileSync(`${dir}.work`, 'utf8')).toBe('0');
  });

  it('is a slim cluster (one database, 1 MB WAL segments), and one in memory gives back the WAL and dead rows a rolled-back build leaves', async () => {
    const facts = async (db: Awaited<ReturnType<typeof devDatabase>>['db']) => (await db.query<{ databases: string; segment: string; wal: number; catalogs: number }>(
      `SELECT (SELECT string_agg(datname, ',' ORDER BY datname) FROM pg_database) AS databases, current_setting('wal_segment_size') AS segment,
              (SELECT count(*)::int FROM pg_ls_waldir()) AS wal, (SELECT sum(pg_relation_size(oid))::bigint FROM pg_class WHERE relnamespace = 'pg_catalog'::regnamespace)::float8 AS catalogs`))[0]!;
    const onDisk = await devDatabase(new Set());
    expect(await facts(onDisk.db)).toMatchObject({ databases: 'postgres', segment: '1MB' });
    await closeDevDatabase();

    const inMemory = await devDatabase(new Set(), { large: true });
    expect(inMemory.db.description).toContain('in memory');
    const before = await facts(inMemory.db);
    expect(before).toMatchObject({ databases: 'postgres', segment: '1MB' });
    const build = Array.from({ length: 150 }, (_, i) => `CREATE TABLE t${i} (id bigint PRIMARY KEY, note text DEFAULT 'x', at timestamptz, CHECK (id > 0))`).join(';\n');
    const rounds = [];
    for (let round = 0; round < 4; round++) {
      inMemory.ran(2_000);
      await inMemory.db.exec('BEGIN');
      await inMemory.db.exec(build);
      await inMemory.db.exec('ROLLBACK');
      await inMemory.rolledBack();
      rounds.push(await facts(inMemory.db));
    }
    // Without the checkpoint each round's WAL stays (several segments each); without VACUUM each round's dead rows grow the catalogs.
    expect(rounds.map((r) => r.wal).every((wal) => wal <= before.wal + 3)).toBe(true);
    const firstRound = rounds[0]!.catalogs - before.catalogs;
    expect(rounds[3]!.catalogs - rounds[0]!.catalogs).toBeLessThan(firstRound);
    expect(await tables(inMemory.db)).toEqual([]);
  });
});
