import { constraintPath, indexPath, tablePath } from '../model/paths.js';
import type { Schema, Table } from '../model/types.js';
import type { Change } from './changes.js';
import { diffColumns } from './columns.js';
import { diffConstraints } from './constraints.js';
import { diffIndexes } from './indexes.js';
import { pairByKey } from './pairs.js';
import { applyDeclaredRenames } from './renames.js';

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
  const renamed = applyDeclaredRenames(from, to);
  const changes: Change[] = [...renamed.changes];
  const pairs = pairByKey(renamed.from.tables, to.tables, key);
  for (const t of pairs.onlyTo) changes.push(...createTable(t));
  for (const t of pairs.onlyFrom) changes.push(...dropTable(t));
  for (const [a, b] of pairs.both) {
    if (a.comment !== b.comment) changes.push({ kind: 'table.comment', schema: b.schema, table: b.name, path: tablePath(b.schema, b.name), from: a.comment, to: b.comment });
    // Constraint and index drops run before renames (see plan), so they address the old table name.
    const dropFrom = renamed.originalName(b.schema, b.name);
    changes.push(...diffColumns(a, b), ...diffConstraints(a, b, dropFrom), ...diffIndexes(a, b, dropFrom));
  }
  return changes;
}
