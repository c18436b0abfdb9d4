/**
 * Online-safe forms of changes to tables that already hold rows. Each turns one statement that
 * holds a strong lock for a whole scan into steps that hold strong locks only for a moment:
 *
 * - CREATE INDEX → `CREATE INDEX CONCURRENTLY` outside a transaction (SHARE UPDATE EXCLUSIVE:
 *   writes go on). On a partitioned table: `CREATE INDEX … ON ONLY parent`, each partition's index
 *   built concurrently, then attached (the parent index turns valid with its last partition).
 * - DROP INDEX → `DROP INDEX CONCURRENTLY`.
 * - ADD FOREIGN KEY / CHECK → `ADD … NOT VALID` (a moment), then `VALIDATE CONSTRAINT` in its own
 *   transaction (SHARE UPDATE EXCLUSIVE while it reads the rows).
 * - ADD PRIMARY KEY / UNIQUE → `CREATE UNIQUE INDEX CONCURRENTLY`, then `ADD … USING INDEX`.
 * - SET NOT NULL → `CHECK (col IS NOT NULL) NOT VALID`, VALIDATE, then SET NOT NULL (PostgreSQL 12+
 *   skips its scan when a valid check proves it) and the check is dropped.
 *
 * Whatever cannot be done online (FOREIGN KEY NOT VALID on a partitioned table, EXCLUDE, indexes
 * of tables whose partitions are managed outside schemac) keeps its plain form and its long-lock
 * hazard.
 */
import type { Change, ChangeOf } from '../diff/index.js';
import { makeObjectName, MAX_IDENTIFIER_BYTES, clipToBytes } from '../model/naming.js';
import type { Index, Schema, Table } from '../model/types.js';
import { expressionFunctionName } from '../expr/index.js';
import { hazard } from './hazards.js';
import type { Hazard, LockLevel, StepForm, TableEffect, TransactionMode } from './types.js';

/** A step before hazards of the plain form are merged in: what online.ts decides. */
export interface OnlinePart {
  readonly form: StepForm;
  readonly lock: LockLevel;
  readonly effect: TableEffect;
  readonly transaction: TransactionMode;
  readonly hazards: readonly Hazard[];
  readonly downHazards: readonly Hazard[];
}

export interface OnlineContext {
  readonly tables: ReadonlyMap<string, Table>;
  readonly previous: ReadonlyMap<string, Table>;
  /** Relation names in use, by schema; names chosen for partition indexes are added as they are. */
  readonly names: Map<string, Set<string>>;
}

export const tableKey = (schema: string, name: string): string => `${schema}\0${name}`;

export function onlineContext(from: Schema | undefined, to: Schema | undefined): OnlineContext {
  return {
    tables: new Map((to?.tables ?? []).map((t) => [tableKey(t.schema, t.name), t])),
    previous: new Map((from?.tables ?? []).map((t) => [tableKey(t.schema, t.name), t])),
    names: relationNames(to),
  };
}

const part = (form: StepForm, lock: LockLevel, effect: TableEffect, transaction: TransactionMode, hazards: Hazard[] = [], downHazards: Hazard[] = []): OnlinePart =>
  ({ form, lock, effect, transaction, hazards, downHazards });

/** Partitions of a table declared in `to`, in name order. */
function partitionsOf(context: OnlineContext, schema: string, table: string): Table[] {
  return [...context.tables.values()].filter((t) => t.schema === schema && t.partitionOf?.table === table).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The name part PostgreSQL derives from an index key: the column, the function name, or `expr`. */
const keyNamePart = (key: Index['keys'][number]): string =>
  key.column ?? (key.expression ? expressionFunctionName(key.expression.sql) ?? 'expr' : 'expr');

/**
 * The name PostgreSQL itself gives a partition's share of an index when the index is created on
 * the parent (ChooseIndexName): `<partition>_<key and INCLUDE columns>_idx`, with a number added
 * when a column name repeats or the name is taken. Building the shares by hand under the same
 * names leaves the database exactly as a plain CREATE INDEX on the parent would.
 */
export function partitionIndexName(partition: string, index: Index, taken: ReadonlySet<string>): string {
  const seen = new Set<string>();
  const parts = [...index.keys.map(keyNamePart), ...index.include].map((name) => {
    let unique = name;
    for (let i = 1; seen.has(unique); i++) unique = `${name}${i}`;
    seen.add(unique);
    return unique;
  });
  const columns = clipToBytes(parts.join('_'), MAX_IDENTIFIER_BYTES);
  let name = makeObjectName(partition, columns, 'idx');
  for (let i = 1; taken.has(name); i++) name = makeObjectName(partition, columns, `idx${i}`);
  return name;
}

/** Names of relations in each schema (tables, indexes, views, sequences): what a new name must avoid. */
function relationNames(schema: Schema | undefined): Map<string, Set<string>> {
  const names = new Map<string, Set<string>>();
  const add = (s: string, n: string): void => void (names.get(s) ?? names.set(s, new Set()).get(s)!).add(n);
  for (const t of schema?.tables ?? []) {
    add(t.schema, t.name);
    for (const i of t.indexes) add(t.schema, i.name);
    for (const k of [...(t.primaryKey ? [t.primaryKey] : []), ...t.uniques, ...(t.exclusions ?? [])]) add(t.schema, k.name);
    for (const c of t.columns) if (c.sequence) add(t.schema, c.sequence.name);
  }
  for (const v of schema?.views ?? []) {
    add(v.schema, v.name);
    for (const i of v.indexes) add(v.schema, i.name);
  }
  for (const q of schema?.sequences ?? []) add(q.schema, q.name);
  return names;
}

/** The temporary CHECK that proves a column NOT NULL before SET NOT NULL. */
export const notNullCheckName = (table: string, column: string): string => makeObjectName(table, column, 'not_null_check');

function partitionedIndexParts(context: OnlineContext, change: ChangeOf<'index.create'>, table: string, name: string): OnlinePart[] | undefined {
  const partitioned = context.tables.get(tableKey(change.schema, table));
  if (!partitioned?.partitionBy) return [part({ kind: 'index.concurrently', table, name }, 'SHARE UPDATE EXCLUSIVE', 'scan', 'none', uniqueBuildHazards(change))];
  if (partitioned.partitionBy.externalPartitions) return undefined;
  const parts: OnlinePart[] = [part({ kind: 'index.onOnly', table, name }, 'SHARE', 'none', 'shared')];
  for (const partition of partitionsOf(context, change.schema, table)) {
    const taken = context.names.get(change.schema) ?? context.names.set(change.schema, new Set()).get(change.schema)!;
    const child = partitionIndexName(partition.name, change.index, taken);
    taken.add(child);
    const childParts = partitionedIndexParts(context, change, partition.name, child);
    if (!childParts) return undefined;
    parts.push(...childParts, part({ kind: 'index.attach', parent: name, child }, 'SHARE UPDATE EXCLUSIVE', 'none', 'shared'));
  }
  return parts;
}

const uniqueBuildHazards = (change: ChangeOf<'index.create'>): Hazard[] =>
  change.index.unique ? [hazard('data-dependent', `fails if ${change.schema}.${change.table} has duplicate keys for ${change.index.name}; schemac drops the INVALID index a failed build leaves and builds it again on the next apply`)] : [];

function indexCreateParts(context: OnlineContext, change: ChangeOf<'index.create'>): OnlinePart[] | undefined {
  return partitionedIndexParts(context, change, change.table, change.index.name);
}

function indexDropParts(context: OnlineContext, change: ChangeOf<'index.drop'>): OnlinePart[] | undefined {
  const table = context.previous.get(tableKey(change.schema, change.table)) ?? context.tables.get(tableKey(change.schema, change.table));
  if (!table || table.partitionBy) return undefined; // PostgreSQL cannot drop a partitioned index concurrently
  return [part({ kind: 'index.concurrently', table: change.table, name: change.index.name }, 'SHARE UPDATE EXCLUSIVE', 'none', 'none')];
}

function constraintAddParts(context: OnlineContext, change: ChangeOf<'constraint.add'>): OnlinePart[] | undefined {
  const table = context.tables.get(tableKey(change.schema, change.table));
  const partitioned = Boolean(table?.partitionBy);
  const name = change.constraint.value.name;
  const violated = hazard('data-dependent', `fails if existing rows violate ${name}; the constraint stays NOT VALID until the data is fixed and apply re-run`);
  switch (change.constraint.type) {
    case 'foreignKey':
      if (partitioned) return undefined;
      return [
        part({ kind: 'constraint.notValid' }, 'SHARE ROW EXCLUSIVE', 'none', 'shared'),
        part({ kind: 'constraint.validate' }, 'SHARE UPDATE EXCLUSIVE', 'scan', 'own', [violated]),
      ];
    case 'check':
      return [
        part({ kind: 'constraint.notValid' }, 'ACCESS EXCLUSIVE', 'none', 'shared'),
        part({ kind: 'constraint.validate' }, 'SHARE UPDATE EXCLUSIVE', 'scan', 'own', [violated]),
      ];
    case 'unique':
    case 'primaryKey':
      if (partitioned) return undefined; // ADD … USING INDEX is refused on partitioned tables
      return [
        part({ kind: 'constraint.buildIndex' }, 'SHARE UPDATE EXCLUSIVE', 'scan', 'none', [hazard('data-dependent', `fails if ${change.schema}.${change.table} has duplicate keys for ${name}; schemac drops the INVALID index a failed build leaves and builds it again on the next apply`)]),
        part({ kind: 'constraint.usingIndex' }, 'ACCESS EXCLUSIVE', 'none', 'shared'),
      ];
    default:
      return undefined;
  }
}

function notNullParts(change: ChangeOf<'column.nullability'>): OnlinePart[] | undefined {
  if (!change.notNull) return undefined;
  const constraint = notNullCheckName(change.table, change.column);
  return [
    part({ kind: 'notNull.check', constraint }, 'ACCESS EXCLUSIVE', 'none', 'shared'),
    part({ kind: 'notNull.validate', constraint }, 'SHARE UPDATE EXCLUSIVE', 'scan', 'own', [hazard('data-dependent', `fails if ${change.schema}.${change.table}.${change.column} has NULLs; fix them and re-run apply`)]),
    part({ kind: 'notNull.set', constraint }, 'ACCESS EXCLUSIVE', 'none', 'shared'),
  ];
}

/**
 * The online parts of a change to a table that existed before the plan, or undefined when the
 * change keeps its plain form.
 */
export function onlineParts(change: Change, context: OnlineContext): OnlinePart[] | undefined {
  switch (change.kind) {
    case 'index.create':
      return indexCreateParts(context, change);
    case 'index.drop':
      return indexDropParts(context, change);
    case 'constraint.add':
      return constraintAddParts(context, change);
    case 'column.nullability':
      return notNullParts(change);
    default:
      return undefined;
  }
}
