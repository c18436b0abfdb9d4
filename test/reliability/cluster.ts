/**
 * A second throwaway PostgreSQL cluster that can crash: `pg_ctl stop -m immediate` (every server
 * process quits at once, no checkpoint: what a power cut or an OOM kill of the postmaster does to
 * the database) and `pg_ctl start` (crash recovery replays the WAL). The shared cluster of
 * test/helpers/pg-server.ts cannot be stopped: the other test files use it.
 *
 * Unlike the shared cluster, commits are synchronous here: with `synchronous_commit = off` an
 * immediate stop may lose the last commits, which would test the setting, not schemac. `fsync` stays
 * off: the operating system does not crash, so what was written reaches the disk.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findBinDir, freePort, PASSWORD } from '../helpers/pg-server.js';

export interface CrashableCluster {
  /** URL of the `postgres` database, superuser `postgres`. */
  readonly adminUrl: string;
  /** Every server process quits at once (SIGQUIT to the postmaster), as in a crash. */
  crash(): void;
  /** Start again (crash recovery) and wait until it accepts connections. */
  start(): void;
  /** The server's log (startup, crash recovery). */
  log(): string;
  destroy(): void;
}

const UNPRIVILEGED = { uid: 65534, gid: 65534 }; // PostgreSQL refuses to run as root
const isRoot = (): boolean => process.getuid?.() === 0;

export async function startCrashableCluster(): Promise<CrashableCluster> {
  const binDir = findBinDir();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'schemac-crash-pg-'));
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  const asUser = isRoot() ? UNPRIVILEGED : {};
  const passwordFile = path.join(dir, 'password');
  writeFileSync(passwordFile, PASSWORD);
  if (isRoot()) {
    chmodSync(dir, 0o755);
    chownSync(dir, UNPRIVILEGED.uid, UNPRIVILEGED.gid);
    chownSync(passwordFile, UNPRIVILEGED.uid, UNPRIVILEGED.gid);
  }
  const run = (binary: string, args: string[]): void => {
    const result = spawnSync(path.join(binDir, binary), args, { ...asUser, cwd: dir, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${binary} ${args.join(' ')} failed (${result.status}): ${result.stderr}${result.stdout}`);
  };
  run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth-local=trust', '--auth-host=scram-sha-256', `--pwfile=${passwordFile}`, '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -h 127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=40`;
  const start = (): void => run('pg_ctl', ['-D', dataDir, '-l', logFile, '-o', options, '-w', '-t', '60', 'start']);
  start();
  return {
    adminUrl: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`,
    crash: () => run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']),
    start,
    log: () => readFileSync(logFile, 'utf8'),
    destroy: () => {
      spawnSync(path.join(binDir, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', 'stop'], { ...asUser, cwd: dir });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
