/**
 * Crashes in the middle of `schemac apply`, with two kinds of fault: the applying backend
 * terminated (`pg_terminate_backend` from another connection) and the whole server stopped
 * (`pg_ctl stop -m immediate` on a second cluster, then started again: crash recovery). Five faults
 * at three points of failure:
 *   - inside a transactional migration, while its slow statement runs (a data step `pg_sleep`):
 *     both kinds of fault;
 *   - during a CREATE INDEX CONCURRENTLY, once its INVALID index is in the catalog: the first build
 *     of the online migration (server stopped) and the second, after the first was recorded
 *     (backend terminated);
 *   - after a concurrent build completed, before apply recorded it (backend terminated).
 * Re-running `apply` converges every time: no half-applied transactional migration, no duplicated
 * history, no progress left over, a completed build kept, an INVALID index rebuilt, `drift` clean.
 *
 * Builds are stopped at deterministic moments rather than raced: a transaction that wrote to the
 * table makes the build wait (its first phase has committed the INVALID index; the wait is for
 * writers to finish), and the fault is injected while it waits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../compiler/db/connection.js';
import { freshDatabaseUrl, open, withDatabase } from '../helpers/backends.js';
import { runCli, type CliResult } from '../helpers/cli.js';
import { createDatabase } from '../helpers/pg-server.js';
import { startCrashableCluster, type CrashableCluster } from './cluster.js';
import { THREE_MIGRATIONS, copyProject, expectNoDrift, expectNoStackTrace, sharedGeneratedProject, readHistory, relationsOf, siteOf, upSqlOf, versionOf, waitUntil, type GeneratedProject } from './support.js';

let project: GeneratedProject;

beforeAll(async () => {
  project = await sharedGeneratedProject(THREE_MIGRATIONS);
  const online = upSqlOf(project.dir, project.ids[2]!);
  // The fault points below rely on this shape: two builds, accounts first, each on its own.
  expect(online.indexOf('CREATE INDEX CONCURRENTLY "accounts_email_idx"')).toBeGreaterThan(0);
  expect(online.indexOf('CREATE INDEX CONCURRENTLY "ledger_memo_idx"')).toBeGreaterThan(online.indexOf('accounts_email_idx'));
});

/** The applying session, once it runs the statement matching `pattern` (and, if asked, waits for a lock). */
async function applierRunning(db: Database, pattern: string, waitingForLock = false): Promise<number> {
  let pid = 0;
  await waitUntil(`apply runs ${pattern}`, async () => {
    const rows = await db.query<{ pid: number }>(
      `SELECT pid FROM pg_catalog.pg_stat_activity WHERE datname = current_database() AND application_name = 'schemac' AND pid <> pg_backend_pid()
         AND state = 'active' AND query LIKE $1 AND ($2 = false OR wait_event_type = 'Lock')`,
      [`%${pattern}%`, waitingForLock],
    );
    pid = rows[0]?.pid ?? 0;
    return pid !== 0;
  });
  return pid;
}

/** apply failed cleanly: exit 2, SC404 naming the statement that was running, no stack trace. */
function expectCleanFailure(result: CliResult, migration: number, statement: string): void {
  expect(result.code, `${result.stdout}${result.stderr}`).toBe(2);
  expect(result.stderr).toMatch(new RegExp(`^${siteOf(project.dir, project.ids[migration]!, statement)} SC404 error: (terminating connection due to administrator command|Connection terminated unexpectedly)`));
  expect(result.stderr).not.toContain('internal error');
  expectNoStackTrace(result);
}

const count = async (db: Database, table: string): Promise<number> =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

/** The state after a fault inside migration 2's transaction: migration 1 only, nothing of migration 2. */
async function expectOnlyFirstMigration(db: Database): Promise<void> {
  expect(await readHistory(db)).toEqual({ versions: [versionOf(project.ids[0]!)], progress: [] });
  expect(await relationsOf(db), 'no table of the interrupted migration').toEqual(['accounts r', 'accounts_pkey i valid', 'ledger r', 'ledger_pkey i valid']);
  expect(await count(db, 'public.accounts'), 'its backfill rolled back with it').toBe(0);
}

/** The state a re-run converges to. */
async function expectConverged(dir: string, url: string): Promise<void> {
  await withDatabase(url, async (db) => {
    expect(await readHistory(db)).toEqual({ versions: project.ids.map(versionOf), progress: [] });
    expect((await relationsOf(db)).filter((r) => r.endsWith(' i valid') || r.endsWith(' INVALID'))).toEqual([
      'accounts_email_idx i valid', 'accounts_pkey i valid', 'audit_pkey i valid', 'ledger_memo_idx i valid', 'ledger_pkey i valid',
    ]);
    expect(await count(db, 'public.accounts'), 'the backfill ran exactly once').toBe(50_000);
  });
  await expectNoDrift(dir, url);
}

/**
 * Terminate apply once migration 3's first concurrent build has completed, before apply records
 * it: a writer holds the build until the progress table is locked, so apply stops right there.
 */
async function terminatedBeforeRecording(admin: Database, url: string, dir: string): Promise<CliResult> {
  const writer = await open(url);
  const progressLock = await open(url);
  try {
    await writer.exec('BEGIN; INSERT INTO public.accounts (id) VALUES (-1)');
    const applying = runCli(['apply', '--url', url, '--lock-timeout', '60s'], { cwd: dir });
    await applierRunning(admin, 'CREATE INDEX CONCURRENTLY "accounts_email_idx"', true);
    await progressLock.exec('BEGIN; LOCK TABLE schemac.migration_progress IN EXCLUSIVE MODE');
    await writer.exec('ROLLBACK');
    await admin.query('SELECT pg_terminate_backend($1)', [await applierRunning(admin, 'INSERT INTO schemac.migration_progress', true)]);
    return await applying;
  } finally {
    await progressLock.exec('ROLLBACK');
    await writer.close();
    await progressLock.close();
  }
}

describe('apply survives its backend being terminated (pg_terminate_backend)', () => {
  it('inside a transactional migration, after a concurrent build before it is recorded, during the next build', async () => {
    const url = await freshDatabaseUrl('postgres');
    const dir = copyProject(project.dir);
    const admin = await open(url);
    try {
      // Fault 1: inside migration 2's transaction, while its slow statement runs.
      const first = runCli(['apply', '--url', url], { cwd: dir });
      const pid = await applierRunning(admin, 'pg_sleep(2)');
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      const failed = await first;
      expectCleanFailure(failed, 1, 'pg_sleep(2)');
      expect(failed.stdout).toContain(`applied ${project.ids[0]}`);
      await expectOnlyFirstMigration(admin);

      // Migration 2 alters accounts (ACCESS EXCLUSIVE): apply it before a writer holds that table.
      expect((await runCli(['apply', '--url', url, '--to', versionOf(project.ids[1]!)], { cwd: dir })).code).toBe(0);
      // Fault 2: the first build of migration 3 has completed and is not yet recorded.
      const unrecorded = await terminatedBeforeRecording(admin, url, dir);
      expect(unrecorded.code).toBe(2);
      expect(await relationsOf(admin)).toContain('accounts_email_idx i valid');
      expect(await readHistory(admin)).toEqual({
        versions: project.ids.slice(0, 2).map(versionOf),
        progress: [{ version: versionOf(project.ids[2]!), unit: 0, state: 'started' }],
      });

      // Fault 3: between the non-transactional steps of migration 3: the first build is done and
      // recorded, the second has left its INVALID index in the catalog and waits for a writer.
      const writer = await open(url);
      await writer.exec("BEGIN; INSERT INTO public.ledger VALUES (-1, 'open transaction')");
      const third = runCli(['apply', '--url', url, '--lock-timeout', '60s'], { cwd: dir });
      const builder = await applierRunning(admin, 'CREATE INDEX CONCURRENTLY "ledger_memo_idx"', true);
      expect(await readHistory(admin)).toEqual({
        versions: project.ids.slice(0, 2).map(versionOf),
        progress: [{ version: versionOf(project.ids[2]!), unit: 0, state: 'done' }, { version: versionOf(project.ids[2]!), unit: 1, state: 'started' }],
      });
      await admin.query('SELECT pg_terminate_backend($1)', [builder]);
      const interrupted = await third;
      expectCleanFailure(interrupted, 2, 'CREATE INDEX CONCURRENTLY "ledger_memo_idx"');
      expect(interrupted.stderr).toContain('it resumes at this step');
      await writer.exec('ROLLBACK');
      await writer.close();
      expect(await relationsOf(admin)).toContain('ledger_memo_idx i INVALID');
      expect(await relationsOf(admin)).toContain('accounts_email_idx i valid');
    } finally {
      await admin.close();
    }

    const resumed = await runCli(['apply', '--url', url], { cwd: dir });
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(`applied ${project.ids[2]}`);
    await expectConverged(dir, url);
  });
  // BUG (runner.ts, runUnit()): the progress of a step run outside a transaction is recorded
  // outside the try that turns database errors into diagnostics, so a connection lost right after a
  // concurrent build prints "schemac: internal error: terminating connection due to administrator
  // command … this is a bug in schemac" instead of SC406. (The next apply resumes correctly.)
  it('a fault while recording a completed concurrent build is a diagnostic, not an internal error', async () => {
    const url = await freshDatabaseUrl('postgres');
    const dir = copyProject(project.dir);
    expect((await runCli(['apply', '--url', url, '--to', versionOf(project.ids[1]!)], { cwd: dir })).code).toBe(0);
    const admin = await open(url);
    try {
      const result = await terminatedBeforeRecording(admin, url, dir);
      expect(result.code).toBe(2);
      expect(result.stderr).not.toContain('internal error');
      expect(result.stderr).toMatch(/SC40[46] error: .*terminating connection due to administrator command/);
    } finally {
      await admin.close();
    }
  });

  // BUG (runner.ts, failure()): when the first unit of a migration is a concurrent build and it is
  // interrupted, apply says "The migration was rolled back; nothing was applied", yet the build's
  // INVALID index and a `started` progress row stay behind (the next apply does resume correctly).
  // The hint is chosen from "some unit is done", not from whether the failed unit ran outside a
  // transaction. Unskip when fixed.
  it('an interrupted first concurrent build does not claim that nothing was applied', async () => {
    const url = await freshDatabaseUrl('postgres');
    const dir = copyProject(project.dir);
    expect((await runCli(['apply', '--url', url, '--to', versionOf(project.ids[1]!)], { cwd: dir })).code).toBe(0);
    const admin = await open(url);
    const writer = await open(url);
    try {
      await writer.exec('BEGIN; INSERT INTO public.accounts (id) VALUES (-1)');
      const applying = runCli(['apply', '--url', url, '--lock-timeout', '60s'], { cwd: dir });
      await admin.query('SELECT pg_terminate_backend($1)', [await applierRunning(admin, 'CREATE INDEX CONCURRENTLY "accounts_email_idx"', true)]);
      const result = await applying;
      expectCleanFailure(result, 2, 'CREATE INDEX CONCURRENTLY "accounts_email_idx"');
      expect(await relationsOf(admin)).toContain('accounts_email_idx i INVALID');
      expect(result.stderr).not.toContain('nothing was applied');
    } finally {
      await writer.exec('ROLLBACK');
      await writer.close();
      await admin.close();
    }
  });
});

describe('apply survives the server crashing (pg_ctl stop -m immediate, then crash recovery)', () => {
  let cluster: CrashableCluster;
  beforeAll(async () => {
    cluster = await startCrashableCluster();
  });
  afterAll(() => cluster?.destroy());

  it('inside a transactional migration, then during a concurrent index build', async () => {
    const url = await createDatabase(cluster.adminUrl, 'crash');
    const dir = copyProject(project.dir);

    // Fault 1: inside migration 2's transaction.
    const first = runCli(['apply', '--url', url], { cwd: dir });
    await withDatabase(url, (db) => applierRunning(db, 'pg_sleep(2)'));
    cluster.crash();
    expectCleanFailure(await first, 1, 'pg_sleep(2)');
    cluster.start();
    await withDatabase(url, expectOnlyFirstMigration);

    // Fault 2: migration 3's first build has its INVALID index in the catalog (migration 2, which
    // alters accounts, applied first: a writer on accounts would hold it up).
    expect((await runCli(['apply', '--url', url, '--to', versionOf(project.ids[1]!)], { cwd: dir })).code).toBe(0);
    const writer = await open(url);
    await writer.exec('BEGIN; INSERT INTO public.accounts (id) VALUES (-1)');
    const second = runCli(['apply', '--url', url, '--lock-timeout', '60s'], { cwd: dir });
    await withDatabase(url, (db) => applierRunning(db, 'CREATE INDEX CONCURRENTLY "accounts_email_idx"', true));
    cluster.crash();
    expectCleanFailure(await second, 2, 'CREATE INDEX CONCURRENTLY "accounts_email_idx"');
    await writer.close();
    cluster.start();
    await withDatabase(url, async (db) => {
      expect(await readHistory(db), 'migration 3 started its first unit').toEqual({
        versions: project.ids.slice(0, 2).map(versionOf),
        progress: [{ version: versionOf(project.ids[2]!), unit: 0, state: 'started' }],
      });
      expect(await relationsOf(db), 'crash recovery keeps the INVALID index').toContain('accounts_email_idx i INVALID');
    });
    expect(cluster.log()).toMatch(/database system was interrupted|not properly shut down/);

    const resumed = await runCli(['apply', '--url', url], { cwd: dir });
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    await expectConverged(dir, url);
  });
});
