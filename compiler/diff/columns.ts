import { columnPath } from '../model/paths.js';
import type { Column, ColumnType, Schema, Table } from '../model/types.js';
import { expressionColumns } from '../expr/index.js';
import type { Change, TableDependents } from './changes.js';
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

/** The schemas on both sides and the table on both sides (after declared renames). */
export interface RetypeContext {
  readonly from: Schema;
  readonly to: Schema;
  readonly a: Table;
  readonly b: Table;
}

const isEnum = (schema: Schema, type: ColumnType): boolean => type.schema !== null && schema.enums.some((e) => e.schema === type.schema && e.name === type.name);

const reads = (column: string) => (sql: string | undefined): boolean => {
  if (sql === undefined) return false;
  const columns = expressionColumns(sql);
  return columns === undefined || columns.includes(column);
};

/**
 * The CHECKs and partial or expression indexes reading `column` that this migration keeps as
 * they are (a changed one is dropped before the type change and added after it anyway), as they
 * are named when the type change runs (after renames), with the comments of each side.
 */
function retypeDependents(changes: readonly Change[], { a, b }: RetypeContext, column: string): { before: TableDependents; after: TableDependents } | undefined {
  const readsColumn = reads(column);
  const renamedFrom = (kind: 'constraint.rename' | 'index.rename', name: string): string =>
    changes.find((c): c is Extract<Change, { kind: typeof kind }> => c.kind === kind && c.to === name)?.from ?? name;
  const added = new Set(changes.flatMap((c) => (c.kind === 'constraint.add' ? [c.constraint.value.name] : c.kind === 'index.create' ? [c.index.name] : [])));
  const checks = b.checks.filter((k) => !added.has(k.name) && readsColumn(k.expression.sql));
  const indexes = b.indexes.filter((i) => !added.has(i.name) && (readsColumn(i.where?.sql) || i.keys.some((k) => readsColumn(k.expression?.sql))));
  if (checks.length === 0 && indexes.length === 0) return undefined;
  const before = <T extends { name: string; comment?: string }>(list: readonly T[], kind: 'constraint.rename' | 'index.rename') => (y: T): T => {
    const x = list.find((o) => o.name === renamedFrom(kind, y.name));
    const { comment: _, ...rest } = y;
    return x?.comment === undefined ? (rest as T) : { ...rest, comment: x.comment } as T;
  };
  return {
    before: { checks: checks.map(before(a.checks, 'constraint.rename')), indexes: indexes.map(before(a.indexes, 'index.rename')) },
    after: { checks, indexes },
  };
}

/**
 * Type changes to or from a type of the schema's own: between two enums values convert through
 * text (there is no cast from one enum to another), and the CHECKs and indexes reading the column
 * are rebuilt around the change (PostgreSQL re-parses their stored text with the new type).
 */
export function completeRetypes(changes: readonly Change[], context: RetypeContext): Change[] {
  return changes.map((c) => {
    if (c.kind !== 'column.type' || (c.from.schema === null && c.to.schema === null)) return c;
    const throughText = isEnum(context.from, c.from) && isEnum(context.to, c.to);
    const dependents = retypeDependents(changes, context, c.column);
    return { ...c, ...(throughText ? { throughText } : {}), ...(dependents ? { dependents } : {}) };
  });
}
