/**
 * A throwaway PostgreSQL cluster for the live tests: initdb into a temporary folder, start
 * `postgres` on a free port, stop and delete it afterwards. PostgreSQL refuses to run as root, so
 * as root (CI) both run as the unprivileged `nobody` user. TEST_DATABASE_URL skips all this and
 * uses an existing server. Never mocked, never skipped: without binaries, startup fails loudly.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { quoteIdent } from '../../compiler/render/quote.js';
import { requestedMajor, serverBinaries } from '../matrix/pg-binaries.js';

export interface Cluster {
  /** URL of the `postgres` maintenance database, with superuser `postgres`. */
  readonly adminUrl: string;
  readonly binDir: string;
  readonly version: string;
  stop(): Promise<void>;
}

const UNPRIVILEGED = { uid: 65534, gid: 65534 }; // nobody:nogroup on Debian
/** The superuser password of throwaway clusters (host connections use scram-sha-256). */
export const PASSWORD = 'schemac-test-secret';

/**
 * PostgreSQL server binaries: with SCHEMAC_PG_VERSION=<major>, that major's (Debian's, else the
 * pinned npm package's: test/matrix/pg-binaries.ts); else $PG_BIN, else the newest
 * /usr/lib/postgresql/<v>/bin, else PATH.
 */
export function findBinDir(): string {
  const major = requestedMajor();
  if (major !== undefined) return serverBinaries(major).binDir;
  const candidates = [
    process.env['PG_BIN'],
    ...(existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)).map((v) => `/usr/lib/postgresql/${v}/bin`)
      : []),
    ...(process.env['PATH'] ?? '').split(':'),
  ].filter((dir): dir is string => Boolean(dir));
  const found = candidates.find((dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'postgres')));
  if (!found) {
    throw new Error('No PostgreSQL server binaries (initdb, postgres) found. Install PostgreSQL (apt-get install postgresql) or set PG_BIN or TEST_DATABASE_URL. Live tests never skip.');
  }
  return found;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

async function waitForServer(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`postgres exited with code ${child.exitCode}:\n${log()}`);
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`postgres did not accept connections within 30 s:\n${log()}`);
}

/** Start a fresh cluster (on `port`, or a free one). */
export async function startCluster(options: { port?: number } = {}): Promise<Cluster> {
  const binDir = findBinDir();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'schemac-pg-'));
  const dataDir = path.join(dir, 'data');
  const asUser = isRoot() ? UNPRIVILEGED : {};
  if (isRoot()) {
    chmodSync(dir, 0o755);
    chownSync(dir, UNPRIVILEGED.uid, UNPRIVILEGED.gid);
  }
  const passwordFile = path.join(dir, 'password');
  writeFileSync(passwordFile, PASSWORD);
  if (isRoot()) chownSync(passwordFile, UNPRIVILEGED.uid, UNPRIVILEGED.gid);
  const init = spawnSync(path.join(binDir, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth-local=trust', '--auth-host=scram-sha-256', `--pwfile=${passwordFile}`, '-E', 'UTF8', '--locale=C', '--no-sync'], {
    ...asUser,
    cwd: dir,
    encoding: 'utf8',
  });
  if (init.status !== 0) throw new Error(`initdb failed (${init.status}): ${init.stderr || init.error?.message}`);
  const port = options.port ?? (await freePort());
  const settings = ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=100'];
  const child = spawn(path.join(binDir, 'postgres'), ['-D', dataDir, '-p', String(port), '-k', dir, '-h', '127.0.0.1', ...settings], {
    ...asUser,
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const adminUrl = `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`;
  await waitForServer(adminUrl, child, () => output);
  const version = spawnSync(path.join(binDir, 'postgres'), ['--version'], { encoding: 'utf8' }).stdout.trim();
  return {
    adminUrl,
    binDir,
    version,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGINT'); // fast shutdown
        await new Promise((resolve) => child.once('exit', resolve));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let counter = 0;

/** Create a fresh, empty database on the server and return its URL. */
export async function createDatabase(adminUrl: string, prefix = 'test'): Promise<string> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE template0`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
