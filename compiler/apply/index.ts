/**
 * Apply and roll back migrations from generated/ against a database. History lives in
 * `schemac.migrations`; a PostgreSQL advisory lock keeps two appliers from interleaving; each
 * migration runs in its own transaction, so a failure leaves nothing of it behind. Applied files
 * are verified against their recorded checksum before anything runs.
 */
import type { Database } from '../db/connection.js';
import { databaseErrorInfo } from '../db/connection.js';
import { diagnostic, SchemacError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Migration, MigrationFolder } from '../render/folder.js';
import { quoteLiteral } from '../render/quote.js';
import { loadParser, splitStatements, type ScriptStatement } from '../expr/index.js';

export interface AppliedRow {
  readonly version: string;
  readonly name: string;
  readonly checksum: string;
}

export type MigrationState = 'applied' | 'pending' | 'modified' | 'missing';

export interface MigrationStatus {
  readonly version: string;
  readonly id: string;
  readonly state: MigrationState;
}

/** Key of the advisory lock every schemac applier takes (the bytes of "schemac" as an int). */
const LOCK_KEY = 0x7363_6865_6d61;

const HISTORY_DDL = `CREATE SCHEMA IF NOT EXISTS schemac;
CREATE TABLE IF NOT EXISTS schemac.migrations (
  version text PRIMARY KEY,
  name text NOT NULL,
  checksum text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  duration_ms integer NOT NULL
)`;

async function readHistory(db: Database): Promise<AppliedRow[]> {
  const exists = await db.query<{ present: boolean }>("SELECT to_regclass('schemac.migrations') IS NOT NULL AS present");
  if (!exists[0]?.present) return [];
  return db.query<AppliedRow>('SELECT version, name, checksum FROM schemac.migrations ORDER BY version');
}

/** Applied, pending, modified (checksum differs) and missing (applied, no longer in the folder). */
export function migrationStatus(folder: MigrationFolder, applied: readonly AppliedRow[]): MigrationStatus[] {
  const byVersion = new Map(applied.map((row) => [row.version, row]));
  const inFolder = new Set(folder.migrations.map((m) => m.version));
  const statuses: MigrationStatus[] = folder.migrations.map((m) => {
    const row = byVersion.get(m.version);
    const state: MigrationState = !row ? 'pending' : row.checksum === m.checksum ? 'applied' : 'modified';
    return { version: m.version, id: m.id, state };
  });
  for (const row of applied) {
    if (!inFolder.has(row.version)) statuses.push({ version: row.version, id: `${row.version}_${row.name}`, state: 'missing' });
  }
  return statuses.sort((a, b) => (a.version < b.version ? -1 : a.version > b.version ? 1 : 0));
}

export async function readStatus(db: Database, folder: MigrationFolder): Promise<MigrationStatus[]> {
  return migrationStatus(folder, await readHistory(db));
}

/** SC304/SC305/SC306 problems that make applying unsafe. */
function historyProblems(folder: MigrationFolder, statuses: readonly MigrationStatus[], display: (p: string) => string): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const newestApplied = statuses.filter((s) => s.state !== 'pending').at(-1)?.version ?? '';
  for (const s of statuses) {
    const dir = folder.migrations.find((m) => m.version === s.version)?.dir;
    const at = dir ? { file: display(dir), line: 0 } : undefined;
    if (s.state === 'modified') problems.push(diagnostic('SC304', { message: `migration ${s.id} was modified after it was applied`, ...(at ? { at } : {}) }));
    if (s.state === 'missing') problems.push(diagnostic('SC305', { message: `migration ${s.id} is recorded as applied but is not in ${display(folder.dir)}` }));
    if (s.state === 'pending' && s.version < newestApplied) {
      problems.push(diagnostic('SC306', { message: `migration ${s.id} is pending but older than the newest applied migration ${newestApplied}`, ...(at ? { at } : {}) }));
    }
  }
  return problems;
}

/** Hold the advisory lock while `work` runs; wait for another applier up to `waitSeconds`. */
async function withLock<T>(db: Database, waitSeconds: number, work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + waitSeconds * 1000;
  for (;;) {
    const rows = await db.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [LOCK_KEY]);
    if (rows[0]?.locked) break;
    if (Date.now() >= deadline) {
      throw new SchemacError([diagnostic('SC405', { message: `another schemac process holds the migration lock on ${db.description} (waited ${waitSeconds}s)` })]);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  try {
    return await work();
  } finally {
    await db.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
  }
}

/** 1-based line of a character position in text. */
function lineAt(text: string, position: number): number {
  return text.slice(0, Math.max(0, position - 1)).split('\n').length;
}

/** The statements of a migration file, split by PostgreSQL's grammar; unparsable files are refused. */
function statementsOf(sql: string, file: string): ScriptStatement[] {
  const split = splitStatements(sql);
  if (!split.ok) {
    throw new SchemacError([diagnostic('SC404', { message: `does not parse: ${split.error.message}`, at: { file, line: lineAt(sql, split.error.position) } })]);
  }
  return split.statements;
}

/**
 * Run one migration file in a transaction, statement by statement so a failure names its line;
 * on failure roll back everything of this file and report file:line.
 */
async function runInTransaction(db: Database, sql: string, file: string, record: (ms: number) => string): Promise<number> {
  const started = performance.now();
  const statements = statementsOf(sql, file);
  await db.exec('BEGIN');
  let current: ScriptStatement | undefined;
  try {
    for (current of statements) await db.exec(current.sql);
  } catch (error) {
    await db.exec('ROLLBACK').catch(() => undefined);
    const info = databaseErrorInfo(error);
    const line = (current?.line ?? 0) + (current && info.position ? lineAt(current.sql, info.position) - 1 : 0);
    const detail = [info.detail, info.hint].filter(Boolean).join(' ');
    throw new SchemacError([diagnostic('SC404', {
      message: `${info.message}${info.code ? ` [SQLSTATE ${info.code}]` : ''}${detail ? ` (${detail})` : ''}`,
      at: { file, line },
    })], { cause: error });
  }
  const ms = Math.round(performance.now() - started);
  try {
    await db.exec(record(ms));
    await db.exec('COMMIT');
    return ms;
  } catch (error) {
    await db.exec('ROLLBACK').catch(() => undefined);
    throw new SchemacError([diagnostic('SC406', { message: `recording the migration failed: ${databaseErrorInfo(error).message}`, at: { file, line: 0 } })], { cause: error });
  }
}

export interface ApplyOptions {
  readonly to?: string;
  readonly dryRun?: boolean;
  readonly lockWaitSeconds?: number;
  readonly display?: (p: string) => string;
  readonly onMigration?: (migration: Migration, phase: 'start' | 'done', ms?: number) => void;
}

export interface ApplyResult {
  readonly applied: readonly Migration[];
  readonly pending: readonly Migration[];
}

/** Apply pending migrations in version order (up to and including `to`). */
export async function applyMigrations(db: Database, folder: MigrationFolder, options: ApplyOptions = {}): Promise<ApplyResult> {
  await loadParser();
  const display = options.display ?? ((p: string) => p);
  if (options.dryRun) {
    const statuses = await readStatus(db, folder);
    const problems = historyProblems(folder, statuses, display);
    if (problems.length > 0) throw new SchemacError(problems);
    return { applied: [], pending: pendingMigrations(folder, statuses, options.to) };
  }
  return withLock(db, options.lockWaitSeconds ?? 60, async () => {
    await db.exec(HISTORY_DDL);
    const statuses = await readStatus(db, folder);
    const problems = historyProblems(folder, statuses, display);
    if (problems.length > 0) throw new SchemacError(problems);
    const pending = pendingMigrations(folder, statuses, options.to);
    const applied: Migration[] = [];
    for (const migration of pending) {
      options.onMigration?.(migration, 'start');
      const record = (ms: number): string =>
        `INSERT INTO schemac.migrations (version, name, checksum, duration_ms) VALUES (${quoteLiteral(migration.version)}, ${quoteLiteral(migration.slug)}, ${quoteLiteral(migration.checksum)}, ${ms})`;
      const duration = await runInTransaction(db, migration.up, display(`${migration.dir}/up.sql`), record);
      applied.push(migration);
      options.onMigration?.(migration, 'done', duration);
    }
    return { applied, pending };
  });
}

function pendingMigrations(folder: MigrationFolder, statuses: readonly MigrationStatus[], to?: string): Migration[] {
  const pending = new Set(statuses.filter((s) => s.state === 'pending').map((s) => s.version));
  return folder.migrations.filter((m) => pending.has(m.version) && (to === undefined || m.version <= to));
}

export interface RollbackOptions {
  /** Roll back this many of the newest applied migrations (default 1). */
  readonly steps?: number;
  /** Roll back every applied migration newer than this version; `'0'` rolls back all. */
  readonly to?: string;
  readonly dryRun?: boolean;
  readonly lockWaitSeconds?: number;
  readonly display?: (p: string) => string;
  readonly onMigration?: (migration: Migration, phase: 'start' | 'done', ms?: number) => void;
}

/** Run down.sql of applied migrations, newest first, each in its own transaction. */
export async function rollbackMigrations(db: Database, folder: MigrationFolder, options: RollbackOptions = {}): Promise<readonly Migration[]> {
  await loadParser();
  const display = options.display ?? ((p: string) => p);
  const choose = async (): Promise<Migration[]> => {
    const statuses = await readStatus(db, folder);
    const problems = historyProblems(folder, statuses, display).filter((d) => d.code !== 'SC306');
    if (problems.length > 0) throw new SchemacError(problems);
    const applied = folder.migrations.filter((m) => statuses.some((s) => s.version === m.version && s.state === 'applied')).reverse();
    return options.to !== undefined ? applied.filter((m) => m.version > options.to!) : applied.slice(0, options.steps ?? 1);
  };
  if (options.dryRun) return choose();
  return withLock(db, options.lockWaitSeconds ?? 60, async () => {
    const targets = await choose();
    for (const migration of targets) {
      options.onMigration?.(migration, 'start');
      const record = (): string => `DELETE FROM schemac.migrations WHERE version = ${quoteLiteral(migration.version)}`;
      const duration = await runInTransaction(db, migration.down, display(`${migration.dir}/down.sql`), record);
      options.onMigration?.(migration, 'done', duration);
    }
    return targets;
  });
}
