import { columnPath } from '../model/paths.js';
import type { Column, Table } from '../model/types.js';
import type { Change } from './changes.js';
import { identitiesEqual, optionalExpressionsEqual, sequencesEqual, typesEqual } from './compare.js';
import { pairByKey } from './pairs.js';

/** Changes to one column that keeps its name (after any declared rename). */
function alterColumn(t: Table, a: Column, b: Column): Change[] {
  const on = { schema: t.schema, table: t.name, path: columnPath(t.schema, t.name, b.name), column: b.name };
  if (!optionalExpressionsEqual(a.generated, b.generated)) {
    // A generated expression cannot be altered in place on PostgreSQL < 17: drop and re-add (the data is derived).
    return [
      { kind: 'column.drop', ...on, column: a },
      { kind: 'column.add', ...on, column: b, position: t.columns.indexOf(b) },
    ];
  }
  const changes: Change[] = [];
  const typeChanged = !typesEqual(a.type, b.type);
  if (typeChanged) {
    changes.push({ kind: 'column.type', ...on, from: a.type, to: b.type, ...(a.default ? { fromDefault: a.default } : {}), ...(b.default ? { toDefault: b.default } : {}) });
  } else if (!optionalExpressionsEqual(a.default, b.default)) {
    changes.push({ kind: 'column.default', ...on, ...(a.default ? { from: a.default } : {}), ...(b.default ? { to: b.default } : {}) });
  }
  if (!sequencesEqual(a.sequence, b.sequence)) {
    const sequence: Change = { kind: 'column.sequence', ...on, ...(a.sequence ? { from: a.sequence } : {}), ...(b.sequence ? { to: b.sequence } : {}) };
    // Same plan phase as defaults, in this order: a serial default goes before a plain one is set,
    // and comes after a plain one is dropped.
    const lastDefault = changes.findIndex((c) => c.kind === 'column.default' || c.kind === 'column.type');
    if (a.sequence && lastDefault >= 0) changes.splice(lastDefault, 0, sequence);
    else changes.push(sequence);
  }
  if (!identitiesEqual(a.identity, b.identity)) {
    changes.push({ kind: 'column.identity', ...on, ...(a.identity ? { from: a.identity } : {}), ...(b.identity ? { to: b.identity } : {}) });
  }
  if (a.notNull !== b.notNull) changes.push({ kind: 'column.nullability', ...on, notNull: b.notNull });
  if (a.comment !== b.comment) changes.push({ kind: 'column.comment', ...on, from: a.comment, to: b.comment });
  return changes;
}

/**
 * Column changes of a table present on both sides, after declared renames were applied (see
 * renames.ts): a column that disappears and another that appears are a drop and an add, never a
 * guessed rename.
 */
export function diffColumns(a: Table, b: Table): Change[] {
  const changes: Change[] = [];
  const pairs = pairByKey(a.columns, b.columns, (c) => c.name);
  const on = (c: Column) => ({ schema: b.schema, table: b.name, path: columnPath(b.schema, b.name, c.name) });
  for (const c of pairs.onlyTo) changes.push({ kind: 'column.add', ...on(c), column: c, position: b.columns.indexOf(c) });
  for (const c of pairs.onlyFrom) changes.push({ kind: 'column.drop', ...on(c), column: c });
  for (const [x, y] of pairs.both) changes.push(...alterColumn(b, x, y));
  return changes;
}
