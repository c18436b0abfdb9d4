/**
 * A long-running transaction holds a lock on the table a migration alters. schemac's step waits at
 * most `lock_timeout` per attempt, retries with doubling delays, and gives up with SC407 after its
 * budget, having applied nothing. Meanwhile the table's other traffic is measured: a SELECT that
 * arrives while apply waits queues behind apply's lock request (PostgreSQL grants locks in order),
 * so it may wait — but never longer than one lock timeout. The same measurement against a plain
 * ALTER TABLE without a lock timeout shows the SELECT blocked for as long as the long transaction.
 *
 * (test/live/migration-safety.test.ts covers the basic retry and the success once the lock is gone.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../compiler/db/connection.js';
import { freshDatabaseUrl, open } from '../helpers/backends.js';
import { runCli } from '../helpers/cli.js';
import { THREE_MIGRATIONS, copyProject, expectNoStackTrace, readHistory, sharedGeneratedProject, siteOf, sleep, versionOf, waitUntil, type GeneratedProject } from './support.js';

const LOCK_TIMEOUT_MS = 1000;
const RETRIES = 3;

let project: GeneratedProject;

beforeAll(async () => {
  // Its `backfill` migration adds a column to accounts: ACCESS EXCLUSIVE, which conflicts with every reader.
  project = await sharedGeneratedProject(THREE_MIGRATIONS);
});

/** Run a point SELECT on `db` every 50 ms until `done` settles; the latency of each, in ms. */
async function latenciesWhile(db: Database, done: Promise<unknown>): Promise<number[]> {
  let finished = false;
  void done.finally(() => (finished = true));
  const latencies: number[] = [];
  for (let i = 1; !finished; i++) {
    const started = performance.now();
    await db.query('SELECT email FROM public.accounts WHERE id = $1', [-(i % 1000)]);
    latencies.push(performance.now() - started);
    await sleep(50);
  }
  return latencies;
}

describe('a step blocked by a long-running transaction', () => {
  it('times out, retries with backoff, gives up with SC407, and holds up other readers at most one lock timeout each time', async () => {
    const url = await freshDatabaseUrl('postgres');
    const dir = copyProject(project.dir);
    expect((await runCli(['apply', '--url', url, '--to', versionOf(project.ids[0]!)], { cwd: dir })).code).toBe(0);
    const [holder, traffic, naive] = [await open(url), await open(url), await open(url)];
    try {
      await holder.exec('INSERT INTO public.accounts (id, email) SELECT -g, g::text FROM generate_series(1, 1000) g');
      // The long-running transaction: a report reading the table (ACCESS SHARE, like every SELECT).
      await holder.exec('BEGIN; SELECT count(*) FROM public.accounts');

      const started = performance.now();
      const applying = runCli(['apply', '--url', url, '--to', versionOf(project.ids[1]!), '--lock-timeout', `${LOCK_TIMEOUT_MS}ms`, '--lock-retries', String(RETRIES)], { cwd: dir });
      const latencies = await latenciesWhile(traffic, applying);
      const elapsed = performance.now() - started;
      const result = await applying;

      expect(result.code).toBe(2);
      expectNoStackTrace(result);
      expect(result.stderr).toContain(`${siteOf(dir, project.ids[1]!, 'ADD COLUMN "status"')} SC407 error: gave up after ${RETRIES + 1} attempts: canceling statement due to lock timeout`);
      expect(result.stderr).toContain('A long-running transaction holds a lock the step needs');
      // Backoff: 1 s, 2 s, 4 s between the attempts (migrations.retryDelay, default 1s, doubled).
      expect(result.stderr.match(/retry \d of steps [\d, ]+ in \d\.\ds/g)).toEqual(['retry 1 of steps 1, 2, 3, 4 in 1.0s', 'retry 2 of steps 1, 2, 3, 4 in 2.0s', 'retry 3 of steps 1, 2, 3, 4 in 4.0s']);
      // Its budget: 4 lock timeouts and 7 s of delays; it never waits beyond it.
      expect(elapsed).toBeGreaterThan((RETRIES + 1) * LOCK_TIMEOUT_MS + 7000);
      expect(elapsed).toBeLessThan(30_000);
      expect(await readHistory(holder), 'nothing of the migration was applied').toEqual({ versions: [versionOf(project.ids[0]!)], progress: [] });

      const slowest = Math.max(...latencies);
      const queued = latencies.filter((ms) => ms > LOCK_TIMEOUT_MS / 2).length;
      process.stdout.write(`contention: ${latencies.length} SELECTs during apply, ${queued} queued behind its lock request, slowest ${Math.round(slowest)} ms (lock_timeout ${LOCK_TIMEOUT_MS} ms)\n`);
      expect(queued, 'the measurement sees readers queue behind the waiting step').toBeGreaterThan(0);
      expect(queued, 'one reader at most per attempt: between attempts nothing waits').toBeLessThanOrEqual(RETRIES + 1);
      expect(slowest, 'no reader waits much longer than one lock timeout').toBeLessThan(LOCK_TIMEOUT_MS + 750);

      // The control: the same ALTER without a lock timeout holds readers up until the long transaction ends.
      await naive.exec('SET lock_timeout = 0; BEGIN');
      const altering = naive.exec("ALTER TABLE public.accounts ADD COLUMN status text DEFAULT 'active'");
      await waitUntil('the plain ALTER waits', async () => (await traffic.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND relation = 'public.accounts'::regclass"))[0]!.n > 0);
      const reading = (async () => {
        const t = performance.now();
        await traffic.query('SELECT email FROM public.accounts WHERE id = 1');
        return performance.now() - t;
      })();
      await sleep(3000);
      await holder.exec('COMMIT');
      await altering;
      await naive.exec('ROLLBACK'); // the ALTER's lock is held to the end of its transaction
      const blocked = await reading;
      process.stdout.write(`contention (control): a SELECT behind a plain ALTER TABLE waited ${Math.round(blocked)} ms\n`);
      expect(blocked).toBeGreaterThan(2500);
    } finally {
      for (const db of [holder, traffic, naive]) await db.close();
    }
  });
});
