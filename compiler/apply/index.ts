/**
 * Apply and roll back migrations from generated/ against a database. History lives in
 * `schemac.migrations`; a PostgreSQL advisory lock keeps two appliers from interleaving. A
 * migration's shared steps run in one transaction, so a failure there leaves nothing behind; steps
 * that run on their own (online index builds, validations) are recorded in
 * `schemac.migration_progress` as they complete, and the next run resumes after them. Applied
 * files are verified against their recorded checksum before anything runs.
 */
import type { Database } from '../db/connection.js';
import { diagnostic, SchemacError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Migration, MigrationFolder } from '../render/folder.js';
import { quoteLiteral } from '../render/quote.js';
import { databaseErrorInfo } from '../db/connection.js';
import { loadParser } from '../expr/index.js';
import { DEFAULT_RUN_SETTINGS, NO_RECORDING, runScript, type Recorder, type RunSettings } from './runner.js';
import { parseMigrationScript, requiredExtensions, withoutSteps, type MigrationScript, type Unit } from './script.js';

export { DEFAULT_RUN_SETTINGS, type RunSettings } from './runner.js';

export interface AppliedRow {
  readonly version: string;
  readonly name: string;
  readonly checksum: string;
}

export type MigrationState = 'applied' | 'pending' | 'partial' | 'modified' | 'missing';

export interface MigrationStatus {
  readonly version: string;
  readonly id: string;
  readonly state: MigrationState;
  /** A partially applied migration: how many of its units are done. */
  readonly progress?: { readonly done: number; readonly total: number };
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
);
CREATE TABLE IF NOT EXISTS schemac.migration_progress (
  version text NOT NULL,
  direction text NOT NULL CHECK (direction IN ('up', 'down')),
  unit integer NOT NULL,
  state text NOT NULL CHECK (state IN ('started', 'done')),
  checksum text NOT NULL,
  PRIMARY KEY (version, direction, unit)
)`;

/** Run history-table work; a database refusal (privileges) becomes SC406 with what to grant. */
async function onHistory<T>(db: Database, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SchemacError) throw error;
    const info = databaseErrorInfo(error);
    throw new SchemacError([diagnostic('SC406', {
      message: `cannot create or read schemac's migration history (schema schemac) on ${db.description}: ${info.message}`,
      hint: 'Run schemac as a role that may create the schema schemac (CREATE on the database) and read and write its tables, or let such a role create it once and grant the applying role access to it.',
    })], { cause: error });
  }
}

async function readHistory(db: Database): Promise<AppliedRow[]> {
  const exists = await db.query<{ present: boolean }>("SELECT to_regclass('schemac.migrations') IS NOT NULL AS present");
  if (!exists[0]?.present) return [];
  return db.query<AppliedRow>('SELECT version, name, checksum FROM schemac.migrations ORDER BY version');
}

export interface ProgressRow {
  readonly version: string;
  readonly direction: 'up' | 'down';
  readonly unit: number;
  readonly state: 'started' | 'done';
  readonly checksum: string;
}

async function readProgress(db: Database): Promise<ProgressRow[]> {
  const exists = await db.query<{ present: boolean }>("SELECT to_regclass('schemac.migration_progress') IS NOT NULL AS present");
  if (!exists[0]?.present) return [];
  return db.query<ProgressRow>('SELECT version, direction, unit, state, checksum FROM schemac.migration_progress ORDER BY version, direction, unit');
}

/** Applied, pending, modified (checksum differs) and missing (applied, no longer in the folder). */
export function migrationStatus(folder: MigrationFolder, applied: readonly AppliedRow[], progress: readonly ProgressRow[] = []): MigrationStatus[] {
  const byVersion = new Map(applied.map((row) => [row.version, row]));
  const inFolder = new Set(folder.migrations.map((m) => m.version));
  const statuses: MigrationStatus[] = folder.migrations.map((m) => {
    const row = byVersion.get(m.version);
    const partial = progress.filter((p) => p.version === m.version && p.direction === 'up' && p.state === 'done');
    if (!row && partial.length > 0) {
      const total = parseMigrationScript(m.up, `${m.dir}/up.sql`).units.length;
      return { version: m.version, id: m.id, state: 'partial', progress: { done: partial.length, total } };
    }
    const state: MigrationState = !row ? 'pending' : row.checksum === m.checksum ? 'applied' : 'modified';
    return { version: m.version, id: m.id, state };
  });
  for (const row of applied) {
    if (!inFolder.has(row.version)) statuses.push({ version: row.version, id: `${row.version}_${row.name}`, state: 'missing' });
  }
  return statuses.sort((a, b) => (a.version < b.version ? -1 : a.version > b.version ? 1 : 0));
}

export async function readStatus(db: Database, folder: MigrationFolder): Promise<MigrationStatus[]> {
  await loadParser();
  const [history, progress] = await onHistory(db, async () => [await readHistory(db), await readProgress(db)] as const);
  return migrationStatus(folder, history, progress);
}

/** SC304/SC305/SC306 problems that make applying unsafe. */
function historyProblems(folder: MigrationFolder, statuses: readonly MigrationStatus[], display: (p: string) => string): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const newestApplied = statuses.filter((s) => s.state !== 'pending' && s.state !== 'partial').at(-1)?.version ?? '';
  for (const s of statuses) {
    const dir = folder.migrations.find((m) => m.version === s.version)?.dir;
    const at = dir ? { file: display(dir), line: 0 } : undefined;
    if (s.state === 'modified') problems.push(diagnostic('SC304', { message: `migration ${s.id} was modified after it was applied`, ...(at ? { at } : {}) }));
    if (s.state === 'missing') problems.push(diagnostic('SC305', { message: `migration ${s.id} is recorded as applied but is not in ${display(folder.dir)}` }));
    if ((s.state === 'pending' || s.state === 'partial') && s.version < newestApplied) {
      problems.push(diagnostic('SC306', { message: `migration ${s.id} is pending but older than the newest applied migration ${newestApplied}`, ...(at ? { at } : {}) }));
    }
  }
  return problems;
}

/** How long a run waits for the migration lock: the API's seconds, else the settings' (config, --lock-wait), else 60 s. */
const lockWaitOf = (options: { lockWaitSeconds?: number; settings?: RunSettings }): number =>
  options.lockWaitSeconds ?? (options.settings?.lockWaitMs ?? DEFAULT_RUN_SETTINGS.lockWaitMs!) / 1000;

/** Hold the advisory lock while `work` runs; wait for another applier up to `waitSeconds`. */
async function withLock<T>(db: Database, waitSeconds: number, work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + waitSeconds * 1000;
  for (;;) {
    const rows = await db.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [LOCK_KEY]);
    if (rows[0]?.locked) break;
    if (Date.now() >= deadline) {
      throw new SchemacError([diagnostic('SC405', { message: `another schemac process holds the migration lock on ${db.description} (waited ${Number(waitSeconds.toFixed(3))}s)` })]);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  try {
    return await work();
  } finally {
    await db.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
  }
}

/** Where a run is: units done or started by an earlier, interrupted run of the same file. */
async function recorderFor(db: Database, migration: Migration, direction: 'up' | 'down', file: string, finish: () => string[]): Promise<Recorder> {
  const rows = (await readProgress(db)).filter((p) => p.version === migration.version && p.direction === direction);
  if (rows.some((r) => r.checksum !== migration.checksum)) {
    throw new SchemacError([diagnostic('SC308', {
      message: `migration ${migration.id} was partly ${direction === 'up' ? 'applied' : 'rolled back'} from a different version of its files`,
      at: { file, line: 0 },
    })]);
  }
  const key = `${quoteLiteral(migration.version)}, ${quoteLiteral(direction)}`;
  const record = (unit: Unit, state: 'started' | 'done'): string =>
    `INSERT INTO schemac.migration_progress (version, direction, unit, state, checksum) VALUES (${key}, ${unit.index}, '${state}', ${quoteLiteral(migration.checksum)}) ON CONFLICT (version, direction, unit) DO UPDATE SET state = EXCLUDED.state`;
  return {
    done: new Set(rows.filter((r) => r.state === 'done').map((r) => r.unit)),
    started: new Set(rows.filter((r) => r.state === 'started').map((r) => r.unit)),
    unitStarted: (unit) => [record(unit, 'started')],
    unitDone: (unit) => [record(unit, 'done')],
    finish: () => [`DELETE FROM schemac.migration_progress WHERE version = ${quoteLiteral(migration.version)}`, ...finish()],
  };
}

/**
 * Every file of a run parsed before the first one runs: a broken file (or several) is refused
 * with nothing applied, rather than after the migrations before it — the whole run is checked, as
 * `generate` checks all declarations at once.
 */
function parseAll(migrations: readonly Migration[], direction: 'up' | 'down', display: (p: string) => string): Map<Migration, MigrationScript> {
  const scripts = new Map<Migration, MigrationScript>();
  const problems: Diagnostic[] = [];
  for (const m of migrations) {
    try {
      scripts.set(m, parseMigrationScript(direction === 'up' ? m.up : m.down, display(`${m.dir}/${direction}.sql`)));
    } catch (error) {
      if (!(error instanceof SchemacError)) throw error;
      problems.push(...error.diagnostics);
    }
  }
  if (problems.length === 0) return scripts;
  const verb = direction === 'up' ? 'applied' : 'rolled back';
  const hint = `Nothing was ${verb}: every migration of the run is read before the first one runs. Restore the file from version control, or fix it and run \`schemac generate --rehash\`.`;
  throw new SchemacError(problems.map((d) => ({ ...d, hint: `${d.hint ? `${d.hint} ` : ''}${hint}` })));
}

/** Optional extensions, among `names`, that the server cannot create (not in pg_available_extensions). */
export async function unavailableExtensions(db: Database, names: readonly string[]): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const rows = await db.query<{ name: string }>('SELECT name FROM pg_catalog.pg_available_extensions WHERE name = ANY($1::text[])', [names]);
  const available = new Set(rows.map((r) => r.name));
  return new Set(names.filter((n) => !available.has(n)));
}

/** A migration's script without the steps whose optional extension this server lacks. */
async function runnableScript(db: Database, script: MigrationScript, onSkip?: (steps: readonly number[], extensions: readonly string[]) => void): Promise<MigrationScript> {
  const missing = await unavailableExtensions(db, requiredExtensions(script));
  const { script: kept, skipped } = withoutSteps(script, missing);
  if (skipped.length > 0) onSkip?.(skipped, [...missing]);
  return kept;
}

/** Run a migration script without recording it anywhere (tests, `diff` scripts): same units, same timeouts. */
export async function runMigrationScript(db: Database, sql: string, file = 'script.sql', settings: RunSettings = DEFAULT_RUN_SETTINGS): Promise<void> {
  await loadParser();
  await runScript(db, await runnableScript(db, parseMigrationScript(sql, file)), file, NO_RECORDING, settings);
}

/** Steps of a migration skipped because the server lacks an optional extension. */
export type SkipNotice = (migration: Migration, steps: readonly number[], extensions: readonly string[]) => void;

export interface ApplyOptions {
  readonly to?: string;
  readonly dryRun?: boolean;
  readonly settings?: RunSettings;
  readonly onSkip?: SkipNotice;
  /** How long to wait for another applier's migration lock; overrides `settings.lockWaitMs`. */
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
    const pending = pendingMigrations(folder, statuses, options.to);
    parseAll(pending, 'up', display);
    return { applied: [], pending };
  }
  return withLock(db, lockWaitOf(options), async () => {
    await onHistory(db, () => db.exec(HISTORY_DDL));
    const statuses = await readStatus(db, folder);
    const problems = historyProblems(folder, statuses, display);
    if (problems.length > 0) throw new SchemacError(problems);
    const pending = pendingMigrations(folder, statuses, options.to);
    const scripts = parseAll(pending, 'up', display);
    const applied: Migration[] = [];
    for (const migration of pending) {
      options.onMigration?.(migration, 'start');
      const file = display(`${migration.dir}/up.sql`);
      const started = performance.now();
      const record = (): string[] => [
        `INSERT INTO schemac.migrations (version, name, checksum, duration_ms) VALUES (${quoteLiteral(migration.version)}, ${quoteLiteral(migration.slug)}, ${quoteLiteral(migration.checksum)}, ${Math.round(performance.now() - started)})`,
      ];
      const script = await runnableScript(db, scripts.get(migration)!, (steps, ext) => options.onSkip?.(migration, steps, ext));
      await runScript(db, script, file, await recorderFor(db, migration, 'up', file, record), options.settings ?? DEFAULT_RUN_SETTINGS);
      applied.push(migration);
      options.onMigration?.(migration, 'done', Math.round(performance.now() - started));
    }
    return { applied, pending };
  });
}

function pendingMigrations(folder: MigrationFolder, statuses: readonly MigrationStatus[], to?: string): Migration[] {
  const pending = new Set(statuses.filter((s) => s.state === 'pending' || s.state === 'partial').map((s) => s.version));
  return folder.migrations.filter((m) => pending.has(m.version) && (to === undefined || m.version <= to));
}

export interface RollbackOptions {
  /** Roll back this many of the newest applied migrations (default 1). */
  readonly steps?: number;
  /** Roll back every applied migration newer than this version; `'0'` rolls back all. */
  readonly to?: string;
  readonly dryRun?: boolean;
  /** Run rollbacks that cannot give back removed data (irreversible steps). */
  readonly force?: boolean;
  readonly settings?: RunSettings;
  readonly onSkip?: SkipNotice;
  readonly lockWaitSeconds?: number;
  readonly display?: (p: string) => string;
  readonly onMigration?: (migration: Migration, phase: 'start' | 'done', ms?: number) => void;
}

/** SC307 for each chosen migration with irreversible steps, unless forced. */
function irreversibleProblems(targets: readonly Migration[], scripts: ReadonlyMap<Migration, MigrationScript>, display: (p: string) => string): Diagnostic[] {
  return targets.flatMap((m) => {
    const file = display(`${m.dir}/down.sql`);
    const script = scripts.get(m)!;
    return [
      ...(script.irreversible.length === 0 ? [] : [diagnostic('SC307', { message: `rolling back ${m.id} cannot give back what it removed: ${script.irreversible.join('; ')}`, at: { file, line: 0 } })]),
      ...(script.protections.length === 0 ? [] : [diagnostic('SC723', { message: `rolling back ${m.id} removes compliance protections: ${script.protections.join('; ')}`, at: { file, line: 0 } })]),
    ];
  });
}

/** Run down.sql of applied migrations, newest first, each in its own transaction. */
export async function rollbackMigrations(db: Database, folder: MigrationFolder, options: RollbackOptions = {}): Promise<readonly Migration[]> {
  await loadParser();
  const display = options.display ?? ((p: string) => p);
  const choose = async (): Promise<{ targets: Migration[]; scripts: Map<Migration, MigrationScript> }> => {
    const statuses = await readStatus(db, folder);
    const problems = historyProblems(folder, statuses, display).filter((d) => d.code !== 'SC306');
    if (problems.length > 0) throw new SchemacError(problems);
    const partial = statuses.find((s) => s.state === 'partial');
    if (partial) {
      throw new SchemacError([diagnostic('SC309', { message: `migration ${partial.id} is partially applied (${partial.progress?.done ?? 0} of ${partial.progress?.total ?? 0} parts)` })]);
    }
    const applied = folder.migrations.filter((m) => statuses.some((s) => s.version === m.version && s.state === 'applied')).reverse();
    const targets = options.to !== undefined ? applied.filter((m) => m.version > options.to!) : applied.slice(0, options.steps ?? 1);
    const scripts = parseAll(targets, 'down', display);
    const irreversible = options.force ? [] : irreversibleProblems(targets, scripts, display);
    if (irreversible.length > 0) throw new SchemacError(irreversible);
    return { targets, scripts };
  };
  if (options.dryRun) return (await choose()).targets;
  return withLock(db, lockWaitOf(options), async () => {
    const { targets, scripts } = await choose();
    for (const migration of targets) {
      options.onMigration?.(migration, 'start');
      const file = display(`${migration.dir}/down.sql`);
      const started = performance.now();
      const record = (): string[] => [`DELETE FROM schemac.migrations WHERE version = ${quoteLiteral(migration.version)}`];
      const script = await runnableScript(db, scripts.get(migration)!, (steps, ext) => options.onSkip?.(migration, steps, ext));
      await runScript(db, script, file, await recorderFor(db, migration, 'down', file, record), options.settings ?? DEFAULT_RUN_SETTINGS);
      options.onMigration?.(migration, 'done', Math.round(performance.now() - started));
    }
    return targets;
  });
}
