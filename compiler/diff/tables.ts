import { constraintPath, indexPath, tablePath } from '../model/paths.js';
import type { Schema, Table } from '../model/types.js';
import type { Change } from './changes.js';
import { diffColumns } from './columns.js';
import { diffConstraints } from './constraints.js';
import { diffIndexes } from './indexes.js';
import { pairByKey } from './pairs.js';

const key = (t: { schema: string; name: string }): string => `${t.schema}\0${t.name}`;

/**
 * A new table: CREATE TABLE with its columns, keys and checks; its foreign keys and indexes as
 * separate changes, so tables that reference each other can be created in any order.
 */
function createTable(t: Table): Change[] {
  return [
    { kind: 'table.create', path: tablePath(t.schema, t.name), table: t },
    ...t.foreignKeys.map((value): Change => ({ kind: 'constraint.add', schema: t.schema, table: t.name, path: constraintPath(t.schema, t.name, value.name), constraint: { type: 'foreignKey', value } })),
    ...t.indexes.map((index): Change => ({ kind: 'index.create', schema: t.schema, table: t.name, path: indexPath(t.schema, index.name), index })),
  ];
}

/** A dropped table: its foreign keys first (cycles), then the table; the reverse recreates all. */
function dropTable(t: Table): Change[] {
  return [
    ...t.foreignKeys.map((value): Change => ({ kind: 'constraint.drop', schema: t.schema, table: t.name, path: constraintPath(t.schema, t.name, value.name), constraint: { type: 'foreignKey', value } })),
    { kind: 'table.drop', path: tablePath(t.schema, t.name), table: t },
  ];
}

export function diffTables(from: Schema, to: Schema): Change[] {
  const changes: Change[] = [];
  const fromByKey = new Map(from.tables.map((t) => [key(t), t]));
  const toKeys = new Set(to.tables.map(key));
  // Declared renames: the old table exists, the new name does not yet.
  const renamed = new Map<string, Table>();
  for (const t of to.tables) {
    const old = t.renamedFrom ? fromByKey.get(key({ schema: t.schema, name: t.renamedFrom })) : undefined;
    if (old && !fromByKey.has(key(t)) && !toKeys.has(key(old))) {
      renamed.set(key(old), { ...old, name: t.name });
      changes.push({ kind: 'table.rename', schema: t.schema, table: t.name, path: tablePath(t.schema, t.name), from: old.name });
    }
  }
  const fromTables = from.tables.map((t) => renamed.get(key(t)) ?? t);
  const pairs = pairByKey(fromTables, to.tables, key);
  for (const t of pairs.onlyTo) changes.push(...createTable(t));
  for (const t of pairs.onlyFrom) changes.push(...dropTable(t));
  for (const [a, b] of pairs.both) {
    if (a.comment !== b.comment) changes.push({ kind: 'table.comment', schema: b.schema, table: b.name, path: tablePath(b.schema, b.name), from: a.comment, to: b.comment });
    changes.push(...diffColumns(a, b), ...diffConstraints(a, b), ...diffIndexes(a, b));
  }
  return changes;
}
