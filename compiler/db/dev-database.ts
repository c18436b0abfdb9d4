/**
 * The embedded dev database the normaliser builds declarations in (normalize/index.ts): PGlite on
 * a worker thread, opened on a persistent cluster on disk.
 *
 * - A worker thread, so PostgreSQL's long synchronous calls (a chunk of 250 tables) never block
 *   the main thread: the progress line keeps moving, and its memory goes with the thread.
 * - On disk (`<tmp>/schemac-<uid>/dev-pglite-<version>`), because opening an existing cluster is
 *   the cheapest start (about 0.3 s, and ~200 MB less memory than one held in memory). Every
 *   round trip runs in a transaction that is rolled back, so the cluster stays empty; its catalogs
 *   are vacuumed now and then (aborted DDL leaves dead rows behind). One process at a time holds
 *   it (a lock file with the holder's pid); the others, and `SCHEMAC_DEV_DATABASE=memory`, get a
 *   cluster in memory made from the saved template.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { userTempDir } from '../load/code-cache.js';
import { setRunFlag } from '../load/v8-flags.js';
import { EMBEDDED_EXTENSIONS, EMBEDDED_MAX_LOCKS, extensionModuleId, PGLITE_VERSION, type Database } from './connection.js';

/**
 * The dev cluster's format, part of its folder's and template's names: a cluster made with other
 * settings is never opened with these. `w1`: 1 MB WAL segments (initdb's default is 16 MB), no
 * template databases. It holds no data, and a cluster in memory keeps every file it writes in
 * memory: its template is 9 MB instead of 40 MB.
 */
const DEV_FORMAT = 'w1';

/**
 * Settings of the dev cluster: room for ~10,000 tables in one transaction; small buffers (it holds
 * no data); and little WAL kept by a checkpoint (PGlite runs PostgreSQL as a single user, which
 * never checkpoints by itself: see reclaim).
 */
const DEV_CONF = [`max_locks_per_transaction = ${EMBEDDED_MAX_LOCKS}`, 'shared_buffers = 1MB', 'min_wal_size = 2MB', 'max_wal_size = 4MB'];

/** Statements built in a cluster in memory after which the next reclaim vacuums its catalogs too. */
const MEMORY_VACUUM_AFTER_STATEMENTS = 2_000;

/** Statements run since the last VACUUM after which the next close vacuums the catalogs. */
const VACUUM_AFTER_STATEMENTS = 20_000;

interface WorkerReply {
  readonly id?: number;
  readonly ready?: boolean;
  readonly serverVersion?: number;
  readonly failed?: Record<string, unknown>;
  readonly error?: Record<string, unknown>;
  readonly rows?: unknown[];
}

/** An Error carrying PostgreSQL's fields (code, detail, hint, position), as databaseErrorInfo reads them. */
const asError = (data: Record<string, unknown>): Error => Object.assign(new Error(String(data['message'])), data);

class WorkerDatabase implements Database {
  readonly backend = 'pglite';
  private next = 0;
  private readonly pending = new Map<number, { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void }>();

  constructor(private readonly worker: Worker, readonly serverVersion: number, readonly description: string) {
    worker.on('message', (reply: WorkerReply) => {
      const waiting = reply.id === undefined ? undefined : this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id!);
      if (this.pending.size === 0) worker.unref();
      if (reply.error) waiting.reject(asError(reply.error));
      else waiting.resolve(reply);
    });
    const fail = (error: Error): void => {
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', () => fail(new Error('the embedded dev database stopped')));
  }

  private request(message: Record<string, unknown>): Promise<WorkerReply> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // Keep the process alive while an answer is awaited, not longer.
      this.worker.ref();
      this.worker.postMessage({ ...message, id });
    });
  }

  async query<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return (await this.request({ op: 'query', sql, params: [...params] })).rows as Row[];
  }

  async exec(sql: string): Promise<void> {
    await this.request({ op: 'exec', sql });
  }

  async close(): Promise<void> {
    await this.request({ op: 'close' }).catch(() => undefined);
    await this.worker.terminate();
  }
}

/** Files the worker loads with require(): PGlite and the wanted extensions (CommonJS builds), by extensionModuleId. */
function workerModules(extensions: ReadonlySet<string>): { pglite: string; extensions: Record<string, string> } {
  const require = createRequire(import.meta.url);
  const ids = [...extensions].filter((name) => name !== 'plpgsql').sort().map(extensionModuleId);
  return {
    pglite: require.resolve('@electric-sql/pglite'),
    extensions: Object.fromEntries(ids.map((id) => [id, require.resolve(`@electric-sql/pglite/contrib/${id}`)])),
  };
}

/**
 * V8's flags for the rest of a process that starts the dev database (they are the process's, and
 * are kept out of its code caches: load/v8-flags.ts).
 *
 * - `--liftoff-only`: PostgreSQL's code compiled once, by V8's baseline compiler (Liftoff). By
 *   default V8 also compiles the functions that run often again, optimised (TurboFan): ~80 MB
 *   more for the two copies, and a start twice as long (0.3 s → 0.65 s) on two cores, for builds
 *   no faster. WebAssembly compiled after this (PostgreSQL's parser too, if it was not loaded yet)
 *   is compiled by Liftoff alone.
 * - `--optimize-for-size`: with a second PostgreSQL in the process, V8 favours memory over speed:
 *   the main thread's heap grows by smaller steps (a major collection sooner), and the worker's
 *   heap starts small. A `drift` at 2,001 tables with nothing cached peaked at 383–392 MiB
 *   without it and 343–349 MiB with it, for ~0.6 s more of a 12–13 s run (docs/benchmarks.md).
 */
function favourTheDevDatabase(): void {
  setRunFlag('--liftoff-only');
  setRunFlag('--optimize-for-size');
}

/** Start PGlite on a worker; resolves once it accepts statements. */
function startWorker(options: { extensions: ReadonlySet<string>; dataDir?: string }): Promise<WorkerDatabase> {
  favourTheDevDatabase();
  const worker = new Worker(new URL('./dev-worker.cjs', import.meta.url), {
    workerData: { ...workerModules(options.extensions), dataDir: options.dataDir, template: devTemplateFile(), conf: DEV_CONF },
    // Its JavaScript is PGlite's glue, ~15 MB live: V8's default young generation (32 MB) is mostly empty space.
    resourceLimits: { maxYoungGenerationSizeMb: 4 },
    // PGlite's own output (initdb's, PostgreSQL's log) must not reach the command's: read and dropped.
    stdout: true,
    stderr: true,
  });
  worker.stdout.resume();
  worker.stderr.resume();
  return new Promise((resolve, reject) => {
    const settle = (reply: WorkerReply): void => {
      worker.off('message', settle);
      worker.unref();
      if (reply.ready) resolve(new WorkerDatabase(worker, reply.serverVersion ?? 0, `the embedded dev database (${options.dataDir ?? 'in memory'})`));
      else {
        void worker.terminate();
        reject(asError(reply.failed ?? { message: 'the embedded dev database did not start' }));
      }
    };
    worker.on('message', settle);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the embedded dev database stopped while starting (exit ${code})`)));
  });
}

// ---------------------------------------------------------------------------------------------
// The cluster on disk and its lock.

/**
 * Where the persistent dev cluster lives, or undefined when it must be in memory. Always a
 * folder of schemac's own naming (`dev-pglite-<version>`, with `.lock` and `.work` beside it), so
 * that starting a damaged one afresh deletes nothing else. `SCHEMAC_DEV_DATABASE`: `memory`, or
 * the folder to keep it in (default: `<tmp>/schemac-<uid>`).
 */
export function devClusterDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const setting = env['SCHEMAC_DEV_DATABASE'];
  if (setting === 'memory') return undefined;
  const parent = setting ? path.resolve(setting) : userTempDir();
  return path.join(parent, devName());
}

/** `dev-pglite-<version>-<format>`: the dev cluster's name, of its folder and its template. */
const devName = (): string => `dev-pglite-${PGLITE_VERSION.replace(/[^0-9a-z.]/gi, '_')}-${DEV_FORMAT}`;

/** The dev cluster's template (made by the first start, see dev-worker.cjs): `<tmp>/schemac-<uid>/dev-pglite-<version>-<format>.tar`. */
const devTemplateFile = (): string => path.join(userTempDir(), `${devName()}.tar`);

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * The cluster's lock: a file holding the owner's pid, created exclusively. A lock left by a
 * process that died is taken over. Returns the release function, or undefined when another live
 * process holds it.
 */
function acquireLock(file: string): (() => void) | undefined {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = (): void => {
        process.off('exit', release);
        rmSync(file, { force: true });
      };
      // A command that exits without closing the database still frees the cluster.
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return undefined;
      let holder = Number.NaN;
      try {
        holder = Number(readFileSync(file, 'utf8'));
      } catch {
        // Released meanwhile: try again.
      }
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) return undefined;
      rmSync(file, { force: true });
    }
  }
  return undefined;
}

/** Statements run in the cluster since its last VACUUM (a side file; dead catalog rows grow with them). */
function readWork(file: string): number {
  try {
    return Number(readFileSync(file, 'utf8')) || 0;
  } catch {
    return 0;
  }
}

interface Session {
  readonly db: Database;
  readonly extensions: ReadonlySet<string>;
  readonly onDisk: boolean;
  /**
   * Statements not yet vacuumed after: on disk, those this process ran (added to the cluster's
   * `.work` count when it closes); in memory, those since reclaim's last VACUUM.
   */
  statements: number;
  readonly finish: (db: Database, statements: number) => Promise<void>;
}

/**
 * After a build was rolled back, a cluster in memory lets go of what it left behind, or a big
 * schema's chunks would pile it up: the WAL they wrote (PostgreSQL as a single user never
 * checkpoints by itself: 100 MB at 2,000 tables), and now and then the dead catalog rows of what
 * was created (50 MB). A cluster on disk keeps both until it closes (its WAL goes at the shutdown
 * checkpoint; its catalogs are vacuumed by the count in its `.work` file).
 */
async function reclaim(open: Session): Promise<void> {
  if (open.onDisk) return;
  try {
    if (open.statements >= MEMORY_VACUUM_AFTER_STATEMENTS) {
      open.statements = 0;
      await open.db.exec('VACUUM');
    }
    await open.db.exec('CHECKPOINT');
  } catch {
    // Memory only: never fail a build for it.
  }
}

/** Open the dev database: on the disk cluster when its lock is free (and not asked for memory), else in memory. */
async function openSession(extensions: ReadonlySet<string>, env: NodeJS.ProcessEnv, inMemory = false): Promise<Session> {
  const dir = inMemory ? undefined : devClusterDir(env);
  const release = dir ? acquireLock(`${dir}.lock`) : undefined;
  if (dir && release) {
    const workFile = `${dir}.work`;
    const finish = async (db: Database, statements: number): Promise<void> => {
      try {
        const total = readWork(workFile) + statements;
        if (total >= VACUUM_AFTER_STATEMENTS) await db.exec('VACUUM');
        writeFileSync(workFile, String(total >= VACUUM_AFTER_STATEMENTS ? 0 : total));
      } catch {
        // Accounting only.
      } finally {
        await db.close().catch(() => undefined);
        release();
      }
    };
    try {
      return { db: await startWorker({ extensions, dataDir: dir }), extensions, onDisk: true, statements: 0, finish };
    } catch {
      // A damaged cluster (a crash in the middle of a write, a PGlite upgrade gone wrong): start it afresh.
      try {
        rmSync(dir, { recursive: true, force: true });
        rmSync(workFile, { force: true });
        return { db: await startWorker({ extensions, dataDir: dir }), extensions, onDisk: true, statements: 0, finish };
      } catch {
        release();
      }
    }
  }
  const db = await startWorker({ extensions });
  return { db, extensions, onDisk: false, statements: 0, finish: async (d) => d.close() };
}

// ---------------------------------------------------------------------------------------------
// One dev database per process.

let session: Promise<Session> | undefined;


/**
 * The dev database, able to create `extensions` (restarted with them when it cannot yet).
 * `large`: a build of many tables is coming. A cluster in memory builds them twice as fast as one
 * on disk (PGlite writes each file through synchronous calls), so a session on disk is swapped for
 * one in memory; the restart is short next to the build.
 */
export async function devDatabase(
  extensions: ReadonlySet<string>,
  options: { large?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<{ db: Database; ran: (statements: number) => void; rolledBack: () => Promise<void> }> {
  const env = options.env ?? process.env;
  const wanted = [...extensions].filter((x) => EMBEDDED_EXTENSIONS.has(x));
  const current = await session?.catch(() => undefined);
  if (current && (wanted.some((x) => !current.extensions.has(x)) || (options.large === true && current.onDisk))) {
    await closeDevDatabase();
    session = openSession(new Set([...current.extensions, ...wanted]), env, options.large === true || !current.onDisk);
  } else if (!current) {
    // Never started, or a start that failed (tried once more).
    session = openSession(new Set(wanted), env, options.large === true);
  }
  const open = await session!;
  return {
    db: open.db,
    ran: (statements) => (open.statements += statements),
    rolledBack: () => reclaim(open),
  };
}

/** Whether this process has a dev database open (or starting). */
export function devDatabaseOpen(): boolean {
  return session !== undefined;
}

/** Close the dev database, if one was started (a CLI run ends with this). */
export async function closeDevDatabase(): Promise<void> {
  const pending = session;
  session = undefined;
  const open = await pending?.catch(() => undefined);
  if (open) await open.finish(open.db, open.statements);
}

