/**
 * Run a migration script unit by unit (see script.ts). Every unit runs under `lock_timeout` and
 * `statement_timeout`; a unit that times out waiting for a lock (or is chosen as a deadlock victim)
 * is rolled back and retried after a wait that doubles each time, a bounded number of times.
 * Progress is recorded as units complete (inside the unit's own transaction where it has one),
 * so an interrupted run resumes at the first unit not recorded as done. A concurrent index build
 * that failed or was interrupted leaves an INVALID index: it is dropped and built again.
 */
import type { Database } from '../db/connection.js';
import { databaseErrorInfo } from '../db/connection.js';
import { diagnostic, SchemacError } from '../diagnostics/diagnostic.js';
import { parseSql, type ScriptStatement } from '../expr/index.js';
import type { OnProgress } from '../model/progress.js';
import { quoteIdent, quoteLiteral } from '../render/quote.js';
import { lineAt, type MigrationScript, type Unit } from './script.js';
import { DEFAULT_RUN_SETTINGS, type RunSettings } from './settings.js';

export { DEFAULT_RUN_SETTINGS, type RunSettings } from './settings.js';

/** What the caller records as the script runs: SQL statements run with each unit. */
export interface Recorder {
  /** Units already done (from an earlier, interrupted run). */
  readonly done: ReadonlySet<number>;
  /** Units that started outside a transaction and may have completed before the interruption. */
  readonly started: ReadonlySet<number>;
  /** Run before a unit outside a transaction starts. */
  unitStarted(unit: Unit): string[];
  /** Run with a unit that completed (inside its transaction, if it has one). */
  unitDone(unit: Unit): string[];
  /** Run with the last unit (inside its transaction, or in a transaction of their own). */
  finish(): string[];
}

export const NO_RECORDING: Recorder = { done: new Set(), started: new Set(), unitStarted: () => [], unitDone: () => [], finish: () => [] };

const RETRYABLE = new Set(['55P03' /* lock_not_available */, '40P01' /* deadlock_detected */]);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function execAll(db: Database, statements: readonly string[]): Promise<void> {
  for (const s of statements) await db.exec(s);
}

/** The schema-qualified name of the index a `CREATE INDEX CONCURRENTLY` builds, if it names one. */
function concurrentIndex(statement: ScriptStatement): { schema: string; name: string } | undefined {
  const parsed = parseSql(statement.sql);
  const index = parsed.ok ? (parsed.statements[0]?.['IndexStmt'] as { idxname?: string; concurrent?: boolean; relation?: { schemaname?: string } } | undefined) : undefined;
  if (!index?.concurrent || !index.idxname) return undefined;
  return { schema: index.relation?.schemaname ?? 'public', name: index.idxname };
}

async function indexValidity(db: Database, index: { schema: string; name: string }): Promise<boolean | undefined> {
  const rows = await db.query<{ valid: boolean }>(
    'SELECT i.indisvalid AS valid FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2',
    [index.schema, index.name],
  );
  return rows[0]?.valid;
}

const dropIndex = (index: { schema: string; name: string }): string => `DROP INDEX CONCURRENTLY IF EXISTS ${quoteIdent(index.schema)}.${quoteIdent(index.name)}`;

/**
 * One statement outside a transaction. Resuming a concurrent index build: a valid index of that
 * name is the build that completed before the interruption (skip it); an INVALID one is what a
 * failed build leaves (drop it, build again).
 */
async function runAlone(db: Database, statement: ScriptStatement, resuming: boolean): Promise<void> {
  const index = concurrentIndex(statement);
  if (index && resuming) {
    const valid = await indexValidity(db, index);
    if (valid === true) return;
    if (valid === false) await db.exec(dropIndex(index));
  }
  try {
    await db.exec(statement.sql);
  } catch (error) {
    // Do not leave the INVALID index of a failed build behind: it is maintained on every write.
    if (index && (await indexValidity(db, index).catch(() => undefined)) === false) await db.exec(dropIndex(index)).catch(() => undefined);
    throw error;
  }
}

class StatementFailure extends Error {
  constructor(readonly statement: ScriptStatement | undefined, readonly error: unknown) {
    super('statement failed');
  }
}

async function runUnit(db: Database, unit: Unit, recorder: Recorder, last: boolean, resuming: boolean): Promise<void> {
  if (unit.mode === 'none') {
    try {
      await execAll(db, recorder.unitStarted(unit));
    } catch (error) {
      throw new StatementFailure(undefined, error);
    }
    for (const statement of unit.statements) {
      try {
        await runAlone(db, statement, resuming);
      } catch (error) {
        throw new StatementFailure(statement, error);
      }
    }
    try {
      await db.exec('BEGIN');
      await execAll(db, last ? recorder.finish() : recorder.unitDone(unit));
      await db.exec('COMMIT');
    } catch (error) {
      await db.exec('ROLLBACK').catch(() => undefined);
      throw new StatementFailure(undefined, error);
    }
    return;
  }
  await db.exec('BEGIN');
  let current: ScriptStatement | undefined;
  try {
    for (current of unit.statements) await db.exec(current.sql);
    current = undefined;
    await execAll(db, last ? recorder.finish() : recorder.unitDone(unit));
    await db.exec('COMMIT');
  } catch (error) {
    await db.exec('ROLLBACK').catch(() => undefined);
    throw new StatementFailure(current, error);
  }
}

function failure(f: StatementFailure, file: string, context: { applied: boolean; attempts: number }): SchemacError {
  const info = databaseErrorInfo(f.error);
  const line = f.statement ? f.statement.line + (info.position ? lineAt(f.statement.sql, info.position) - 1 : 0) : 0;
  const detail = [info.detail, info.hint].filter(Boolean).join(' ');
  const message = `${info.message}${info.code ? ` [SQLSTATE ${info.code}]` : ''}${detail ? ` (${detail})` : ''}`;
  if (!f.statement) return new SchemacError([diagnostic('SC406', { message: `recording progress failed: ${message}`, at: { file, line: 0 } })], { cause: f.error });
  if (info.code && RETRYABLE.has(info.code)) {
    return new SchemacError([diagnostic('SC407', { message: `gave up after ${context.attempts} attempts: ${message}`, at: { file, line } })], { cause: f.error });
  }
  const hint = context.applied
    ? 'Steps before this one (or part of this one, run outside a transaction) are in place and recorded; fix the cause and run apply again: it resumes at this step.'
    : undefined;
  return new SchemacError([diagnostic('SC404', { message, at: { file, line }, ...(hint ? { hint } : {}) })], { cause: f.error });
}

const setting = (name: string, ms: number): string => `SET ${name} = ${quoteLiteral(`${Math.round(ms)}ms`)}`;

/** The database, reporting each statement of the script as it starts; bookkeeping statements are not reported. */
function reportingStatements(db: Database, script: MigrationScript, onProgress: OnProgress): Database {
  const statements = script.units.flatMap((u) => u.statements);
  const total = Math.max(0, ...statements.map((s) => s.step)) || statements.length;
  let cursor = 0;
  const report = (sql: string): void => {
    const at = statements.findIndex((s, i) => i >= cursor && s.sql === sql);
    if (at < 0) return;
    cursor = at + 1;
    onProgress({ phase: 'run', done: statements[at]!.step || at + 1, total, detail: sql.trim().split('\n')[0]! });
  };
  return {
    backend: db.backend, description: db.description, serverVersion: db.serverVersion,
    query: (sql, params) => db.query(sql, params),
    exec: (sql) => (report(sql), db.exec(sql)),
    close: () => db.close(),
  };
}

/** Run the units of a script not yet done; errors name file:line. */
export async function runScript(database: Database, script: MigrationScript, file: string, recorder: Recorder = NO_RECORDING, settings: RunSettings = DEFAULT_RUN_SETTINGS): Promise<void> {
  const db = settings.onProgress ? reportingStatements(database, script, settings.onProgress) : database;
  const pending = script.units.filter((u) => !recorder.done.has(u.index));
  await db.exec(`${setting('lock_timeout', settings.lockTimeoutMs)}; ${setting('statement_timeout', settings.statementTimeoutMs)}`);
  let applied = recorder.done.size > 0;
  try {
    if (pending.length === 0) {
      await db.exec('BEGIN');
      await execAll(db, recorder.finish());
      await db.exec('COMMIT');
      return;
    }
    for (const [i, unit] of pending.entries()) {
      let resuming = recorder.started.has(unit.index);
      for (let attempt = 1; ; attempt++) {
        try {
          await runUnit(db, unit, recorder, i === pending.length - 1, resuming);
          break;
        } catch (error) {
          if (!(error instanceof StatementFailure)) throw error;
          const code = databaseErrorInfo(error.error).code;
          if (code && RETRYABLE.has(code) && attempt <= settings.lockRetries) {
            const waitMs = Math.min(30_000, settings.retryDelayMs * 2 ** (attempt - 1));
            settings.onRetry?.({ unit, attempt, waitMs, message: databaseErrorInfo(error.error).message });
            await sleep(waitMs);
            resuming = true;
            continue;
          }
          // A statement outside a transaction may have done part of its work (an INVALID index).
          throw failure(error, file, { applied: applied || unit.mode === 'none', attempts: attempt });
        }
      }
      applied = true;
    }
  } finally {
    await db.exec('RESET lock_timeout; RESET statement_timeout').catch(() => undefined);
  }
}
