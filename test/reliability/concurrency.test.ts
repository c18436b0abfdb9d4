/**
 * Eight `schemac apply` processes started at once on the same database, with three pending
 * migrations (one transactional with a slow statement, one online with two CREATE INDEX
 * CONCURRENTLY): the advisory lock lets one process apply everything while the others wait, then
 * find nothing to do. Every migration is applied exactly once, the history is consistent, nothing
 * is left half-done. (That the same three migrations converge to the declarations, drift clean, is
 * shown by crashes.test.ts.) An applier that cannot get the lock in time gives up with
 * SC405, having touched nothing; how long it waits is `--lock-wait` or `migrations.lockWait`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../compiler/apply/index.js';
import { SchemacError } from '../../compiler/diagnostics/diagnostic.js';
import { readMigrationFolder } from '../../compiler/render/folder.js';
import { freshDatabaseUrl, open, withDatabase } from '../helpers/backends.js';
import { runCli } from '../helpers/cli.js';
import { THREE_MIGRATIONS, copyProject, expectNoStackTrace, sharedGeneratedProject, readHistory, relationsOf, versionOf, type GeneratedProject } from './support.js';

const PROCESSES = 8;
/** The key of schemac's advisory lock (compiler/apply/index.ts): the bytes of "schemac". */
const LOCK_KEY = 0x7363_6865_6d61;

let project: GeneratedProject;

beforeAll(async () => {
  project = await sharedGeneratedProject(THREE_MIGRATIONS);
});

describe(`${PROCESSES} concurrent appliers`, () => {
  it('apply every migration exactly once; the others wait for the lock and find nothing to do', async () => {
    const url = await freshDatabaseUrl('postgres');
    const dir = copyProject(project.dir);
    // Sample, while they run, how many schemac sessions are connected at once and how many hold the lock.
    const observer = await open(url);
    let sampling = true;
    let mostConnected = 0;
    let mostHolding = 0;
    const sampler = (async () => {
      while (sampling) {
        const [row] = await observer.query<{ connected: number; holding: number }>(
          `SELECT (SELECT count(*)::int FROM pg_catalog.pg_stat_activity WHERE datname = current_database() AND application_name = 'schemac' AND pid <> pg_backend_pid()) AS connected,
                  (SELECT count(*)::int FROM pg_catalog.pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())) AS holding`,
        );
        mostConnected = Math.max(mostConnected, row!.connected);
        mostHolding = Math.max(mostHolding, row!.holding);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const results = await Promise.all(Array.from({ length: PROCESSES }, () => runCli(['apply', '--url', url], { cwd: dir })));
    sampling = false;
    await sampler;
    await observer.close();

    for (const r of results) {
      expect(`${r.code} ${r.stderr}`).toBe('0 ');
      expectNoStackTrace(r);
    }
    const output = results.map((r) => r.stdout).join('\n');
    for (const id of project.ids) expect(output.split(`applied ${id} `).length - 1, `${id} applied once`).toBe(1);
    // One process applied all three (it held the lock throughout); the seven others found nothing to do.
    expect(results.filter((r) => r.stdout.includes('3 migration(s) applied'))).toHaveLength(1);
    expect(results.filter((r) => r.stdout.includes('is up to date.'))).toHaveLength(PROCESSES - 1);
    process.stdout.write(`concurrency: ${PROCESSES} appliers, up to ${mostConnected} connected at once, ${mostHolding} holding the lock\n`);
    expect(mostConnected, 'the appliers really overlapped').toBeGreaterThan(1);
    expect(mostHolding, 'never more than one holder of the migration lock').toBe(1);

    await withDatabase(url, async (db) => {
      expect(await readHistory(db)).toEqual({ versions: project.ids.map(versionOf), progress: [] });
      expect((await relationsOf(db)).filter((r) => r.includes(' i '))).toEqual([
        'accounts_email_idx i valid', 'accounts_pkey i valid', 'audit_pkey i valid', 'ledger_memo_idx i valid', 'ledger_pkey i valid',
      ]);
      expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM public.accounts'))[0]!.n, 'the backfill ran once').toBe(50_000);
    });
  });

  it('an applier that cannot get the lock in time gives up with SC405 and changes nothing', async () => {
    const url = await freshDatabaseUrl('postgres');
    const holder = await open(url);
    try {
      await holder.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
      const folder = readMigrationFolder(`${project.dir}/generated`);
      const started = Date.now();
      const error = await withDatabase(url, (db) => applyMigrations(db, folder, { lockWaitSeconds: 1 }).then(() => undefined, (e: unknown) => e));
      expect(error).toBeInstanceOf(SchemacError);
      const [d] = (error as SchemacError).diagnostics;
      expect(d?.code).toBe('SC405');
      expect(d?.message).toMatch(/^another schemac process holds the migration lock on postgres:\/\/postgres:\*\*\*\*@.* \(waited 1s\)$/);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(await readHistory(holder), 'the waiter did not even create the history tables').toEqual({ versions: [], progress: [] });
    } finally {
      await holder.close();
    }
  });

  it('how long apply and rollback wait is set by --lock-wait, or by migrations.lockWait in the config', async () => {
    const url = await freshDatabaseUrl('postgres');
    const flagged = copyProject(project.dir);
    const configured = copyProject(project.dir);
    writeFileSync(path.join(configured, 'schemac.config.ts'),
      "import { defineConfig } from 'schemac';\nexport default defineConfig({ schema: './schema', out: './generated', migrations: { lockWait: '0' } });\n");
    const holder = await open(url);
    try {
      await holder.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
      const timed = async (args: string[], cwd: string) => {
        const started = Date.now();
        const result = await runCli(args, { cwd });
        return { ...result, ms: Date.now() - started };
      };
      const [flag, config, rollback] = await Promise.all([
        timed(['apply', '--url', url, '--lock-wait', '4s'], flagged),
        timed(['apply', '--url', url], configured),
        timed(['rollback', '--url', url, '--lock-wait', '500ms'], flagged),
      ]);
      for (const [r, waited] of [[flag, '4s'], [config, '0s'], [rollback, '0.5s']] as const) {
        expect(r.code).toBe(2);
        expectNoStackTrace(r);
        expect(r.stderr).toMatch(new RegExp(`SC405 error: another schemac process holds the migration lock on .* \\(waited ${waited.replace('.', '\\.')}\\)`));
        expect(r.stderr).toContain('--lock-wait');
      }
      process.stdout.write(`lock wait: --lock-wait 4s gave up after ${flag.ms} ms, lockWait '0' after ${config.ms} ms, rollback --lock-wait 500ms after ${rollback.ms} ms\n`);
      // Each run also starts a CLI process (1–3 s on a loaded machine): compare the waits with each other.
      expect(flag.ms - config.ms, 'the 4 s wait came on top of what the run without a wait took').toBeGreaterThanOrEqual(2000);
      expect(await readHistory(holder)).toEqual({ versions: [], progress: [] });
    } finally {
      await holder.close();
    }
    const invalid = copyProject(project.dir);
    const refused = await runCli(['apply', '--url', url, '--lock-wait', 'soon'], { cwd: invalid });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("lockWait is not a duration such as '5s'");
  });
});
