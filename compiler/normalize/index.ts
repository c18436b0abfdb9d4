/**
 * The server-free normaliser: PostgreSQL itself is the only exact judge of how it will store and
 * print what we declare (casts, constant formats, view text, index definitions). So before a
 * declared schema is compared with a live database, it is created in a throwaway in-memory PGlite
 * and read back with the same introspection — the "dev database" idea, with no server or Docker.
 *
 * The result is cached by content (`.schemac/cache/`), so repeated drift checks cost one file
 * read. When the embedded database cannot build the schema (an extension it lacks, say), the
 * declared schema is returned unchanged with the reason, and comparison falls back to canonical
 * parse trees alone.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { connect, databaseErrorInfo, EMBEDDED_EXTENSIONS, type Database } from '../db/connection.js';
import { diffSchemas, type Change } from '../diff/index.js';
import type { ObjectPath } from '../model/paths.js';
import { loadParser } from '../expr/index.js';
import { introspect } from '../introspect/index.js';
import { freezeSchema } from '../model/freeze.js';
import type { OnProgress } from '../model/progress.js';
import { EMPTY_SCHEMA, type Schema, type Table } from '../model/types.js';
import { planChanges } from '../plan/index.js';
import { withoutUnavailableParts } from '../model/optional.js';
import { renderSteps } from '../render/index.js';
import { stableJson } from '../render/json.js';
import { quoteIdent } from '../render/quote.js';

/** Bump when introspection or rendering changes what a normalised schema looks like. */
const NORMALIZER_VERSION = 1;

/** The declaration PostgreSQL refused while building the schema in the dev database. */
export interface DevDatabaseFailure {
  readonly path: ObjectPath;
  readonly kind: Change['kind'];
  readonly message: string;
  readonly statement: string;
}

export interface NormalizeResult {
  readonly schema: Schema;
  readonly normalized: boolean;
  /** Why normalisation was skipped. */
  readonly reason?: string;
  /** Set when PostgreSQL refused one of the statements (not when the dev database could not start). */
  readonly failure?: DevDatabaseFailure;
}

class StepFailure extends Error {
  constructor(readonly failure: DevDatabaseFailure) {
    super(failure.message);
  }
}

/** Declaration-only fields (renames, external partitions) a database cannot hold: copied back after the round trip. */
function carryDeclarationFields(declared: Schema, normalized: Schema): Schema {
  const tables = new Map(declared.tables.map((t) => [`${t.schema}\0${t.name}`, t]));
  const carry = (t: Table): Table => {
    const source = tables.get(`${t.schema}\0${t.name}`);
    if (!source) return t;
    const columns = new Map(source.columns.map((c) => [c.name, c]));
    const indexes = new Map(source.indexes.map((i) => [i.name, i]));
    return {
      ...t,
      ...(source.renamedFrom === undefined ? {} : { renamedFrom: source.renamedFrom }),
      ...(t.partitionBy && source.partitionBy?.externalPartitions ? { partitionBy: { ...t.partitionBy, externalPartitions: true } } : {}),
      columns: t.columns.map((c) => {
        const renamedFrom = columns.get(c.name)?.renamedFrom;
        return renamedFrom === undefined ? c : { ...c, renamedFrom };
      }),
      indexes: t.indexes.map((i) => {
        const renamedFrom = indexes.get(i.name)?.renamedFrom;
        return renamedFrom === undefined ? i : { ...i, renamedFrom };
      }),
    };
  };
  const byName = new Map(declared.extensions.map((x) => [x.name, x]));
  const extensions = normalized.extensions.map(({ version, comment, ...x }) => ({
    ...x,
    ...(byName.get(x.name)?.version === undefined ? {} : { version }),
    ...(byName.get(x.name)?.comment === undefined ? {} : { comment }),
  }));
  const { unmanaged: _unmanaged, ...rest } = normalized;
  const renamedValues = new Map(declared.enums.filter((e) => e.renamedValues).map((e) => [`${e.schema}\0${e.name}`, e.renamedValues!]));
  const enums = normalized.enums.map((e) => {
    const renames = renamedValues.get(`${e.schema}\0${e.name}`);
    return renames ? { ...e, renamedValues: renames } : e;
  });
  return freezeSchema({ ...rest, extensions, enums, tables: normalized.tables.map(carry) });
}

/**
 * One embedded dev database per process, created on first use (starting PGlite is the expensive
 * part) and used by one round trip at a time. Each round trip builds the schema inside a
 * transaction, reads it back and rolls back, so the database is empty again afterwards.
 */
let devDatabase: Promise<Database> | undefined;
let queue: Promise<unknown> = Promise.resolve();

function exclusive<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
}

async function roundTrip(declared: Schema, onProgress?: OnProgress): Promise<Schema> {
  await loadParser();
  const steps = renderSteps(planChanges(diffSchemas(EMPTY_SCHEMA, declared), { online: false }));
  return exclusive(async () => {
    onProgress?.({ phase: 'check', done: 0, total: steps.length, detail: 'starting the embedded PostgreSQL' });
    devDatabase ??= connect({ kind: 'pglite', dataDir: 'memory' });
    const db = await devDatabase;
    await db.exec('BEGIN');
    try {
      await createReferencedRoles(db, declared);
      for (const [i, step] of steps.entries()) {
        onProgress?.({ phase: 'check', done: i + 1, total: steps.length, detail: step.description });
        for (const statement of step.up) {
          try {
            await db.exec(statement);
          } catch (error) {
            const info = databaseErrorInfo(error);
            throw new StepFailure({ path: step.step.change.path, kind: step.step.change.kind, message: info.message, statement });
          }
        }
      }
      // Introspection opens its own read-only snapshot; run it inside this transaction instead.
      return await introspect(db, { inTransaction: true });
    } finally {
      await db.exec('ROLLBACK');
    }
  });
}

/**
 * Roles are referenced by declarations (policies, grants), not created by them: the dev database gets the
 * ones it lacks, inside the transaction that is rolled back.
 */
async function createReferencedRoles(db: Database, schema: Schema): Promise<void> {
  const wanted = new Set([
    ...schema.tables.flatMap((t) => (t.policies ?? []).flatMap((p) => p.roles)),
    ...(schema.grants ?? []).map((g) => g.role),
  ].filter((r) => r !== 'public'));
  if (wanted.size === 0) return;
  const existing = new Set((await db.query<{ name: string }>('SELECT rolname AS name FROM pg_roles')).map((r) => r.name));
  for (const role of wanted) if (!existing.has(role)) await db.exec(`CREATE ROLE ${quoteIdent(role)}`);
}

const memoryCache = new Map<string, Schema>();

/** Close the embedded dev database, if one was started (a CLI run ends with this). */
export async function closeDevDatabase(): Promise<void> {
  const pending = devDatabase;
  devDatabase = undefined;
  if (pending) await (await pending.catch(() => undefined))?.close().catch(() => undefined);
}

/** The declared schema as PostgreSQL stores it. Never throws for database reasons. */
export async function normalizeDeclared(full: Schema, options: { cacheDir?: string; onProgress?: OnProgress } = {}): Promise<NormalizeResult> {
  // Optional parts whose extension the embedded database lacks are left out (see model/optional.ts).
  const declared = withoutUnavailableParts(full, (name) => EMBEDDED_EXTENSIONS.has(name)).schema;
  const key = createHash('sha256').update(`${NORMALIZER_VERSION}\n${stableJson(declared)}`).digest('hex');
  const remembered = memoryCache.get(key);
  if (remembered) return { schema: carryDeclarationFields(declared, remembered), normalized: true };
  const cacheFile = options.cacheDir ? path.join(options.cacheDir, `normalized-${key.slice(0, 32)}.json`) : undefined;
  if (cacheFile && existsSync(cacheFile)) {
    try {
      return { schema: carryDeclarationFields(declared, freezeSchema(JSON.parse(readFileSync(cacheFile, 'utf8')) as Schema)), normalized: true };
    } catch {
      // A damaged cache entry is rebuilt below.
    }
  }
  let normalized: Schema;
  try {
    normalized = await roundTrip(declared, options.onProgress);
  } catch (error) {
    const failure = error instanceof StepFailure ? { failure: error.failure } : {};
    return { schema: declared, normalized: false, reason: databaseErrorInfo(error).message, ...failure };
  }
  memoryCache.set(key, normalized);
  if (cacheFile) {
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    const temporary = `${cacheFile}.tmp-${process.pid}`;
    writeFileSync(temporary, stableJson(normalized));
    renameSync(temporary, cacheFile);
  }
  return { schema: carryDeclarationFields(declared, normalized), normalized: true };
}
