import { constraintPath, indexPath, tablePath } from '../model/paths.js';
import { sameData } from '../model/same.js';
import type { Schema, Table } from '../model/types.js';
import type { Change } from './changes.js';
import { completeRetypes, diffColumns } from './columns.js';
import { diffConstraints, tableConstraints } from './constraints.js';
import { diffIndexes } from './indexes.js';
import { pairByKey } from './pairs.js';
import { applyDeclaredRenames } from './renames.js';
import { createTriggers, diffTriggers, dropTriggers } from './triggers.js';
import { createPolicies, diffPolicies } from './policies.js';
import { boundsEqual, partitionKeysEqual } from '../expr/index.js';

const key = (t: { schema: string; name: string }): string => `${t.schema}\0${t.name}`;

/**
 * A new table: CREATE TABLE with its columns, keys and checks; its foreign keys and indexes as
 * separate changes, so tables that reference each other can be created in any order.
 */
function createTable(t: Table, level: number): Change[] {
  return [
    { kind: 'table.create', path: tablePath(t.schema, t.name), table: t, level },
    ...createTriggers(t),
    ...createPolicies(t),
    ...t.foreignKeys.map((value): Change => ({ kind: 'constraint.add', schema: t.schema, table: t.name, path: constraintPath(t.schema, t.name, value.name), constraint: { type: 'foreignKey', value } })),
    ...t.indexes.map((index): Change => ({ kind: 'index.create', schema: t.schema, table: t.name, path: indexPath(t.schema, index.name), index })),
  ];
}

/** A dropped table: its foreign keys first (cycles), then the table; the reverse recreates all. */
function dropTable(t: Table, level: number): Change[] {
  return [
    ...t.foreignKeys.map((value): Change => ({ kind: 'constraint.drop', schema: t.schema, table: t.name, path: constraintPath(t.schema, t.name, value.name), constraint: { type: 'foreignKey', value } })),
    ...dropTriggers(t),
    { kind: 'table.drop', path: tablePath(t.schema, t.name), table: t, level },
  ];
}

/** How deep a table sits in its partition tree (0: not a partition). */
function partitionLevels(tables: readonly Table[]): (t: Table) => number {
  const byKey = new Map(tables.map((t) => [key(t), t]));
  const level = (t: Table, guard = 0): number => {
    const parent = t.partitionOf ? byKey.get(key({ schema: t.schema, name: t.partitionOf.table })) : undefined;
    return parent && guard < 32 ? 1 + level(parent, guard + 1) : t.partitionOf ? 1 : 0;
  };
  return level;
}

/** Partitions of parents whose partitions are managed outside schemac (at any depth). */
function externallyManaged(parents: readonly Table[]): (t: Table) => boolean {
  const byKey = new Map(parents.map((t) => [key(t), t]));
  return (t: Table) => {
    for (let p = t, guard = 0; p.partitionOf && guard < 32; guard++) {
      const parent = byKey.get(key({ schema: p.schema, name: p.partitionOf.table }));
      if (!parent) return false;
      if (parent.partitionBy?.externalPartitions) return true;
      p = parent;
    }
    return false;
  };
}

/** Partitioning that cannot be altered in place: a different key, or a different parent. */
function partitioningChanged(a: Table, b: Table): boolean {
  const by = !a.partitionBy || !b.partitionBy ? a.partitionBy !== b.partitionBy : !partitionKeysEqual(a.partitionBy, b.partitionBy);
  const of = (a.partitionOf?.table ?? null) !== (b.partitionOf?.table ?? null);
  return by || of;
}

export function diffTables(from: Schema, to: Schema): Change[] {
  const renamed = applyDeclaredRenames(from, to);
  const changes: Change[] = [...renamed.changes];
  const toKeys = new Set(to.tables.map(key));
  const external = externallyManaged([...to.tables, ...renamed.from.tables.filter((t) => !toKeys.has(key(t)))]);
  const pairs = pairByKey(renamed.from.tables.filter((t) => !external(t)), to.tables.filter((t) => !external(t)), key);
  const [fromLevel, toLevel] = [partitionLevels(renamed.from.tables), partitionLevels(to.tables)];
  for (const t of pairs.onlyTo) changes.push(...createTable(t, toLevel(t)));
  for (const t of pairs.onlyFrom) changes.push(...dropTable(t, fromLevel(t)));
  for (const [a, b] of pairs.both) {
    // Most tables did not change: equal data has no differences to look for.
    if (sameData(a, b)) continue;
    if (partitioningChanged(a, b)) {
      // PostgreSQL cannot change how a table is partitioned: it is dropped and created again.
      changes.push(...dropTable(a, fromLevel(a)), ...createTable(b, toLevel(b)));
      continue;
    }
    if (a.partitionOf && b.partitionOf && !boundsEqual(a.partitionOf.bound, b.partitionOf.bound)) {
      changes.push({ kind: 'table.partitionBound', schema: b.schema, table: b.name, path: tablePath(b.schema, b.name), parent: b.partitionOf.table, from: a.partitionOf.bound, to: b.partitionOf.bound });
    }
    if ((a.unlogged ?? false) !== (b.unlogged ?? false)) changes.push({ kind: 'table.persistence', schema: b.schema, table: b.name, path: tablePath(b.schema, b.name), unlogged: b.unlogged === true });
    if ((a.storage ?? []).join('\0') !== (b.storage ?? []).join('\0')) {
      changes.push({ kind: 'table.storage', schema: b.schema, table: b.name, path: tablePath(b.schema, b.name), from: a.storage ?? [], to: b.storage ?? [] });
    }
    if (a.comment !== b.comment) changes.push({ kind: 'table.comment', schema: b.schema, table: b.name, path: tablePath(b.schema, b.name), from: a.comment, to: b.comment });
    // Constraint and index drops run before renames (see plan), so they address the old table name.
    const dropFrom = renamed.originalName(b.schema, b.name);
    const tableChanges = [...diffColumns(a, b), ...diffConstraints(a, b, dropFrom), ...diffIndexes(a, b, dropFrom), ...diffTriggers(a, b, dropFrom), ...diffPolicies(a, b, dropFrom)];
    changes.push(...completeRetypes(tableChanges, { from, to, a, b }));
  }
  changes.push(...rebuildReferencingForeignKeys(changes, pairs.both, renamed.originalName));
  return renamed.changes.length === 0 ? changes : changes.map((c) => asDeclaredBefore(c, from));
}

/**
 * A dropped index or constraint as it was before this migration's renames. Drops run before the
 * renames, and their reverse (the re-creation, on the way down) runs after the renames are undone:
 * it must name the old columns and tables, not the renamed ones diff compared them under.
 */
function asDeclaredBefore(change: Change, from: Schema): Change {
  if (change.kind !== 'index.drop' && change.kind !== 'constraint.drop') return change;
  const original = from.tables.find((t) => t.schema === change.schema && t.name === change.table);
  if (!original) return change;
  if (change.kind === 'index.drop') {
    const index = original.indexes.find((i) => i.name === change.index.name);
    return index ? { ...change, index } : change;
  }
  const constraint = tableConstraints(original).find((k) => k.type === change.constraint.type && k.value.name === change.constraint.value.name);
  return constraint ? { ...change, constraint } : change;
}

/**
 * A primary key or unique constraint that is dropped and added again cannot go while foreign keys
 * reference it: those foreign keys, unchanged themselves, are dropped before and added after.
 */
function rebuildReferencingForeignKeys(
  changes: readonly Change[],
  both: readonly (readonly [Table, Table])[],
  originalName: (schema: string, name: string) => string,
): Change[] {
  const droppedKeys = changes.flatMap((c) =>
    c.kind === 'constraint.drop' && (c.constraint.type === 'primaryKey' || c.constraint.type === 'unique')
      ? [{ schema: c.schema, table: c.table, columns: [...c.constraint.value.columns].sort().join('\0') }]
      : []);
  if (droppedKeys.length === 0) return [];
  const alreadyDropped = new Set(changes.flatMap((c) => (c.kind === 'constraint.drop' ? [`${c.schema}\0${c.table}\0${c.constraint.value.name}`] : [])));
  const extra: Change[] = [];
  for (const [a, b] of both) {
    for (const fk of b.foreignKeys) {
      const old = a.foreignKeys.find((f) => f.name === fk.name);
      const target = { schema: fk.references.schema, columns: [...fk.references.columns].sort().join('\0') };
      const referencesDroppedKey = droppedKeys.some((k) => k.schema === target.schema && k.columns === target.columns &&
        (k.table === fk.references.table || k.table === originalName(fk.references.schema, fk.references.table)));
      const from = originalName(b.schema, b.name);
      if (!old || !referencesDroppedKey || alreadyDropped.has(`${b.schema}\0${from}\0${fk.name}`)) continue;
      const on = { schema: b.schema, path: constraintPath(b.schema, b.name, fk.name) };
      extra.push({ kind: 'constraint.drop', ...on, table: from, constraint: { type: 'foreignKey', value: old } });
      extra.push({ kind: 'constraint.add', ...on, table: b.name, constraint: { type: 'foreignKey', value: fk } });
    }
  }
  return extra;
}
