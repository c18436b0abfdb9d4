/**
 * The server-free normaliser: PostgreSQL itself is the only exact judge of how it will store and
 * print what we declare (casts, constant formats, view text, index definitions). So before a
 * declared schema is compared with a live database, it is created in a throwaway in-memory PGlite
 * and read back with the same introspection — the "dev database" idea, with no server or Docker.
 *
 * The result is cached by content, unit by unit (a table with its partitions, a view, the globals:
 * see units.ts) in `.schemac/cache/normalized-units.json`, so a drift check of an unchanged schema
 * costs one file read and a change to one table rebuilds that table alone. When the embedded
 * database cannot build the schema (an extension it lacks, say), the declared schema is returned
 * unchanged with the reason, and comparison falls back to canonical parse trees alone.
 */
import { createHash } from 'node:crypto';
import { databaseErrorInfo, EMBEDDED_EXTENSIONS, type Database } from '../db/connection.js';
import { closeDevDatabase, devDatabase } from '../db/dev-database.js';
import { diffSchemas, type Change } from '../diff/index.js';
import type { ObjectPath } from '../model/paths.js';
import { loadParser } from '../expr/index.js';
import { introspect } from '../introspect/index.js';
import { freezeSchema } from '../model/freeze.js';
import type { OnProgress } from '../model/progress.js';
import { EMPTY_SCHEMA, type Grant, type Schema, type Table, type View } from '../model/types.js';
import { planChanges } from '../plan/index.js';
import { withoutUnavailableParts } from '../model/optional.js';
import { describeStep, renderBuildSteps } from '../render/index.js';
import { quoteIdent } from '../render/quote.js';
import { basesOf, Derivation, isFragmentKey } from './derive.js';
import { readUnitCache, writeUnitCache } from './cache.js';
import { compareC, globalsOf, isRelationGrant, relationKey, splitSchema, stubTable, type NormalizedUnit, type NormalizeUnit, type SchemaUnits } from './units.js';

/** Bump when introspection or rendering changes what a normalised schema looks like. */
const NORMALIZER_VERSION = 2;

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

let queue: Promise<unknown> = Promise.resolve();

function exclusive<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
}

/** Tables (stubs and partitions included) above which a build is large enough to run in memory (see devDatabase). */
const LARGE_BUILD_TABLES = 100;

/** Set by a large build; the normalisation that ran it closes the dev database (releaseAfterLargeBuild). */
let largeBuildRan = false;

/**
 * Close the dev database after a large build. It ran in a cluster in memory, which holds ~100 MB
 * the rest of the command has no use for: a first `generate` at 2,001 tables, with nothing cached,
 * peaked at 447 MiB with it open while the migration was planned and rendered, and at 349 MiB
 * without. A build later in the process starts it again (~0.3 s); after small builds it stays
 * open for the next one.
 */
async function releaseAfterLargeBuild(): Promise<void> {
  if (!largeBuildRan) return;
  largeBuildRan = false;
  await exclusive(() => closeDevDatabase().catch(() => undefined));
}

/** Statements sent to the dev database in one call (a failed batch is replayed one by one to name the culprit). */
const BATCH_STATEMENTS = 100;

async function roundTrip(declared: Schema, onProgress?: OnProgress, progressLabel = ''): Promise<Schema> {
  await loadParser();
  const steps = renderBuildSteps(planChanges(diffSchemas(EMPTY_SCHEMA, declared), { online: false }));
  const statements = steps.flatMap((step) => step.up.map((statement) => ({ step, statement })));
  return exclusive(async () => {
    onProgress?.({ phase: 'check', done: 0, total: steps.length, detail: `starting the embedded PostgreSQL${progressLabel}` });
    const large = declared.tables.length > LARGE_BUILD_TABLES;
    largeBuildRan ||= large;
    const { db, ran, rolledBack } = await devDatabase(new Set(declared.extensions.map((x) => x.name)), { large });
    ran(statements.length);
    await db.exec('BEGIN');
    try {
      await createReferencedRoles(db, declared);
      for (let from = 0; from < statements.length; from += BATCH_STATEMENTS) {
        const batch = statements.slice(from, from + BATCH_STATEMENTS);
        const last = batch[batch.length - 1]!.step;
        onProgress?.({ phase: 'check', done: steps.indexOf(last) + 1, total: steps.length, detail: `${describeStep(last.step)}${progressLabel}` });
        await db.exec('SAVEPOINT schemac_batch');
        try {
          await db.exec(batch.map((s) => s.statement.replace(/;\s*$/, '')).join(';\n'));
          await db.exec('RELEASE SAVEPOINT schemac_batch');
        } catch {
          // Which statement? Replay the batch one by one: the first to fail is named.
          await db.exec('ROLLBACK TO SAVEPOINT schemac_batch');
          for (const { step, statement } of batch) {
            try {
              await db.exec(statement);
            } catch (error) {
              const info = databaseErrorInfo(error);
              throw new StepFailure({ path: step.step.change.path, kind: step.step.change.kind, message: info.message, statement });
            }
          }
        }
      }
      // Introspection opens its own read-only snapshot; run it inside this transaction instead.
      return await introspect(db, { inTransaction: true });
    } finally {
      await db.exec('ROLLBACK');
      await rolledBack();
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

// ---------------------------------------------------------------------------------------------
// Units: build what is not cached, in chunks; merge.

/** Tables (partitions and stubs included) built in one dev-database transaction at most. */
const CHUNK_TABLES = 250;

/** The normalised globals as introspection read them: the schema without relations and their grants. */
type StoredGlobals = Omit<Schema, 'tables' | 'views' | 'unmanaged'>;

function globalsFrom(normalized: Schema): StoredGlobals {
  const { tables: _t, views: _v, unmanaged: _u, ...rest } = normalized;
  return { ...rest, ...(rest.grants ? { grants: rest.grants.filter((g) => !isRelationGrant(g)) } : {}) };
}

/** Each unit as `normalized` holds it (undefined where a relation was not read back). */
function unitsFrom(units: readonly NormalizeUnit[], normalized: Schema): (NormalizedUnit | undefined)[] {
  const tables = new Map(normalized.tables.map((t) => [relationKey(t.schema, t.name), t]));
  const views = new Map(normalized.views.map((v) => [relationKey(v.schema, v.name), v]));
  const grants = new Map<string, Grant[]>();
  for (const g of normalized.grants ?? []) {
    if (!isRelationGrant(g)) continue;
    const key = relationKey(g.schema, g.name);
    grants.set(key, [...(grants.get(key) ?? []), g]);
  }
  return units.map((unit) => {
    const builtTables = unit.tables.map((t) => tables.get(relationKey(t.schema, t.name)));
    const builtViews = unit.views.map((v) => views.get(relationKey(v.schema, v.name)));
    if (builtTables.some((t) => t === undefined) || builtViews.some((v) => v === undefined)) return undefined;
    const unitGrants = [...unit.tables, ...unit.views].flatMap((r) => grants.get(relationKey(r.schema, r.name)) ?? []);
    return { tables: builtTables as Table[], views: builtViews as View[], grants: unitGrants };
  });
}

/** The schema one chunk is built from: the globals, its units, and what they need (views in full, tables as stubs). */
function chunkSchema(globals: Schema, chunk: readonly NormalizeUnit[], byRelation: ReadonlyMap<string, NormalizeUnit>): Schema {
  const inChunk = new Set(chunk.map((u) => u.id));
  const tables = chunk.flatMap((u) => u.tables);
  const views = chunk.flatMap((u) => u.views);
  const queue = chunk.flatMap((u) => u.needs);
  const seen = new Set<string>();
  for (let need = queue.shift(); need !== undefined; need = queue.shift()) {
    const unit = byRelation.get(need);
    if (!unit || seen.has(unit.id) || inChunk.has(unit.id)) continue;
    seen.add(unit.id);
    if (unit.views.length > 0) {
      views.push(...unit.views);
      queue.push(...unit.needs);
    } else {
      tables.push(...unit.tables.map(stubTable));
    }
  }
  return { ...globals, tables, views, grants: [...(globals.grants ?? []), ...chunk.flatMap((u) => u.grants)] };
}

/** Chunks of units of at most CHUNK_TABLES tables each (a bigger unit is a chunk of its own). */
function chunksOf(units: readonly NormalizeUnit[]): NormalizeUnit[][] {
  const chunks: NormalizeUnit[][] = [];
  let current: NormalizeUnit[] = [];
  let size = 0;
  for (const unit of units) {
    const weight = Math.max(1, unit.tables.length + unit.needs.length);
    if (current.length > 0 && size + weight > CHUNK_TABLES) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(unit);
    size += weight;
  }
  if (current.length > 0 || chunks.length === 0) chunks.push(current);
  return chunks;
}

/** The whole normalised schema from its parts, in introspection's order. */
function merge(globals: StoredGlobals, parts: readonly NormalizedUnit[]): Schema {
  const byName = <T extends { schema: string; name: string }>(a: T, b: T): number => compareC(a.schema, b.schema) || compareC(a.name, b.name);
  const grants = [...(globals.grants ?? []), ...parts.flatMap((p) => p.grants)].sort((a, b) =>
    compareC(a.kind, b.kind) || compareC(a.schema, b.schema) || compareC(a.name, b.name) || compareC(a.signature ?? '', b.signature ?? '')
    || compareC(a.role, b.role) || Number(a.withGrantOption ?? false) - Number(b.withGrantOption ?? false));
  return freezeSchema({
    ...globals,
    tables: parts.flatMap((p) => p.tables).sort(byName),
    views: parts.flatMap((p) => p.views).sort(byName),
    ...(globals.grants || grants.length > 0 ? { grants } : {}),
  } as Schema);
}

/** Normalised units by key in this process (the disk cache is cache.ts). */
const unitMemory = new Map<string, unknown>();

/** A build failure that may come from cutting the schema (a dependency the units did not see), not from the declarations. */
class ChunkFailure extends Error {}

/**
 * Normalise the units not in the cache: derived from a cached base where derive.ts can, the rest
 * chunk by chunk (each chunk in its own rolled-back transaction, so the dev database never holds
 * more than one chunk: time grows linearly). `known`: every cached entry, listed only when a unit
 * is missing.
 */
async function buildMissing(declared: Schema, split: SchemaUnits, cached: Map<string, unknown>, known: () => Iterable<unknown>, onProgress?: OnProgress): Promise<void> {
  const derivation = new Derivation(split, String(NORMALIZER_VERSION));
  let missing = split.units.filter((u) => !cached.has(u.key));
  // Tables that only gained columns come from their cached form, without the dev database (derive.ts).
  if (missing.length > 0) {
    const bases = basesOf(known());
    missing = missing.filter((unit) => {
      const derived = derivation.derive(unit, bases, cached);
      if (derived) cached.set(unit.key, derived);
      return !derived;
    });
  }
  if (missing.length === 0 && cached.has(split.globalsKey)) return;
  const globals = globalsOf(declared);
  const byRelation = new Map<string, NormalizeUnit>();
  for (const unit of split.units) for (const r of [...unit.tables, ...unit.views]) byRelation.set(relationKey(r.schema, r.name), unit);
  const chunks = chunksOf(missing);
  for (const [i, chunk] of chunks.entries()) {
    let normalized: Schema;
    try {
      normalized = await roundTrip(chunkSchema(globals, chunk, byRelation), onProgress, chunks.length > 1 ? ` (part ${i + 1} of ${chunks.length})` : '');
    } catch (error) {
      if (error instanceof StepFailure) throw new ChunkFailure(error.message);
      throw error;
    }
    if (!cached.has(split.globalsKey)) cached.set(split.globalsKey, globalsFrom(normalized));
    const built = unitsFrom(chunk, normalized);
    chunk.forEach((unit, u) => {
      const unitBuilt = built[u];
      if (!unitBuilt) throw new ChunkFailure(`${unit.id} was not read back`);
      const shape = derivation.shapeOf(unit);
      cached.set(unit.key, shape ? { ...unitBuilt, shape } : unitBuilt);
      derivation.rememberColumns(unit, unitBuilt, cached);
    });
  }
}

/** Fill the cache from one whole-schema round trip (the fallback). */
function storeAll(split: SchemaUnits, normalized: Schema, cached: Map<string, unknown>): void {
  cached.set(split.globalsKey, globalsFrom(normalized));
  unitsFrom(split.units, normalized).forEach((built, u) => {
    if (built) cached.set(split.units[u]!.key, built);
  });
}

const memoryCache = new Map<string, Schema>();

/**
 * The declared schema as PostgreSQL stores it. Never throws for database reasons.
 *
 * Unit by unit (see units.ts): what is cached is read, the rest is built in the dev database in
 * chunks. When a chunk fails, the whole schema is built at once — the exact verdict, naming the
 * declaration PostgreSQL refused.
 */
export async function normalizeDeclared(full: Schema, options: { cacheDir?: string; onProgress?: OnProgress } = {}): Promise<NormalizeResult> {
  // Optional parts whose extension the embedded database lacks are left out (see model/optional.ts).
  const declared = withoutUnavailableParts(full, (name) => EMBEDDED_EXTENSIONS.has(name)).schema;
  const split = splitSchema(declared, String(NORMALIZER_VERSION));
  // The units' keys cover the whole schema's content: together they key it.
  const key = createHash('sha256').update([split.globalsKey, ...split.units.map((u) => u.key)].join('\n')).digest('hex');
  const remembered = memoryCache.get(key);
  if (remembered) return { schema: carryDeclarationFields(declared, remembered), normalized: true };

  const onDisk = readUnitCache(options.cacheDir, NORMALIZER_VERSION);
  const cached = new Map<string, unknown>();
  for (const k of [split.globalsKey, ...split.units.map((u) => u.key)]) {
    const value = unitMemory.get(k) ?? onDisk.entries.get(k);
    if (value !== undefined) cached.set(k, value);
  }
  // Column fragments are few (one per distinct column definition) and kept whatever the schema uses.
  for (const source of [onDisk.entries, unitMemory]) for (const [k, value] of source) if (isFragmentKey(k) && !cached.has(k)) cached.set(k, value);
  const before = cached.size;
  try {
    await buildMissing(declared, split, cached, () => [...onDisk.entries.values(), ...unitMemory.values()], options.onProgress);
  } catch (error) {
    if (!(error instanceof ChunkFailure)) return { schema: declared, normalized: false, reason: databaseErrorInfo(error).message };
    try {
      storeAll(split, await roundTrip(declared, options.onProgress), cached);
    } catch (failure) {
      const found = failure instanceof StepFailure ? { failure: failure.failure } : {};
      return { schema: declared, normalized: false, reason: databaseErrorInfo(failure).message, ...found };
    }
  } finally {
    await releaseAfterLargeBuild();
  }
  const parts = split.units.map((u) => cached.get(u.key) as NormalizedUnit | undefined);
  const globals = cached.get(split.globalsKey) as StoredGlobals | undefined;
  if (!globals || parts.some((p) => p === undefined)) return { schema: declared, normalized: false, reason: 'the embedded PostgreSQL did not read every object back' };
  for (const [k, value] of cached) unitMemory.set(k, value);
  if (options.cacheDir && cached.size > before) writeUnitCache(options.cacheDir, NORMALIZER_VERSION, cached, onDisk);
  const normalized = merge(globals, parts as NormalizedUnit[]);
  memoryCache.set(key, normalized);
  return { schema: carryDeclarationFields(declared, normalized), normalized: true };
}

/** The whole declared schema built at once, without caches: what the units must add up to (tests, diagnosis). */
export async function normalizeWholeSchema(full: Schema): Promise<Schema> {
  const declared = withoutUnavailableParts(full, (name) => EMBEDDED_EXTENSIONS.has(name)).schema;
  try {
    return carryDeclarationFields(declared, await roundTrip(declared));
  } finally {
    await releaseAfterLargeBuild();
  }
}
