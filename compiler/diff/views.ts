/**
 * Views and materialized views. A view whose query or options changed is dropped and created
 * again; so is every view that depends on it, and every view over a table whose columns are
 * dropped, retyped or renamed (PostgreSQL refuses those changes while a view uses the column).
 * Drops run first, deepest dependants first; creates run last, in dependency order.
 */
import { queriesEqual, referencedRelations } from '../expr/index.js';
import { viewPath } from '../model/paths.js';
import type { Index, Schema, Table, View } from '../model/types.js';
import type { Change } from './changes.js';
import { diffIndexes } from './indexes.js';
import { pairByKey } from './pairs.js';

const key = (schema: string, name: string): string => `${schema}\0${name}`;
const viewKey = (v: View): string => key(v.schema, v.name);

/** Relations a view reads, resolved to `schema\0name` (unqualified names are in `public`). */
export function viewDependencies(v: View): string[] {
  return referencedRelations(v.query.sql).map((r) => key(r.schema ?? 'public', r.name));
}

/**
 * Depth of a view in its schema's dependency graph (0: it reads only tables), worked out on demand:
 * only views that are dropped or created need one, and most diffs have none (each depth parses
 * the queries along its chain).
 */
function depths(views: readonly View[]): (k: string) => number {
  const byKey = new Map(views.map((v) => [viewKey(v), v]));
  const memo = new Map<string, number>();
  const depthOf = (k: string, seen: Set<string>): number => {
    const known = memo.get(k);
    if (known !== undefined) return known;
    const v = byKey.get(k);
    if (!v || seen.has(k)) return -1;
    seen.add(k);
    const depth = 1 + Math.max(-1, ...viewDependencies(v).map((d) => depthOf(d, seen)));
    memo.set(k, depth);
    return depth;
  };
  return (k) => Math.max(0, depthOf(k, new Set()));
}

const sameOptions = (a: View, b: View): boolean =>
  a.materialized === b.materialized && (a.securityInvoker ?? false) === (b.securityInvoker ?? false) &&
  (a.securityBarrier ?? false) === (b.securityBarrier ?? false) && a.checkOption === b.checkOption;

const sameComments = (a: View, b: View): boolean =>
  a.comment === b.comment && a.columnComments.length === b.columnComments.length &&
  a.columnComments.every((c, i) => c.column === b.columnComments[i]!.column && c.comment === b.columnComments[i]!.comment);

/** Tables whose columns change shape: views reading them must be recreated around the change. */
function reshapedTables(tableChanges: readonly Change[]): Set<string> {
  const reshaped = new Set<string>();
  for (const c of tableChanges) {
    if (c.kind === 'column.drop' || c.kind === 'column.type' || c.kind === 'column.rename' || c.kind === 'table.rename') reshaped.add(key(c.schema, c.table));
    if (c.kind === 'table.rename') reshaped.add(key(c.schema, c.from));
    if (c.kind === 'table.drop') reshaped.add(key(c.table.schema, c.table.name));
    if (c.kind === 'enum.recreate' || c.kind === 'enum.addValue') for (const u of c.usagesBefore) reshaped.add(key(u.schema, u.table));
  }
  return reshaped;
}

/** A materialized view's indexes compared like a table's. */
const asTable = (v: View): Table => ({ schema: v.schema, name: v.name, columns: [], uniques: [], checks: [], foreignKeys: [], indexes: v.indexes as Index[] });

/**
 * Declared view renames (`renamedFrom`), applied to the old views: a renamed view is compared under
 * its new name; `originals` maps it back to the view as it was (drops use the old name).
 */
function renamedViews(from: Schema, to: Schema): { views: View[]; originals: Map<string, View> } {
  const originals = new Map<string, View>();
  const fromKeys = new Set(from.views.map(viewKey));
  const toKeys = new Set(to.views.map(viewKey));
  const views = from.views.map((v) => {
    const target = to.views.find((t) => t.renamedFrom === v.name && t.schema === v.schema && !fromKeys.has(viewKey(t)));
    if (!target || toKeys.has(viewKey(v))) return v;
    originals.set(viewKey(target), v);
    return { ...v, name: target.name };
  });
  return { views, originals };
}

export function diffViews(from: Schema, to: Schema, tableChanges: readonly Change[]): Change[] {
  const { views: fromViews, originals } = renamedViews(from, to);
  const pairs = pairByKey(fromViews, to.views, viewKey);
  const recreate = new Set<string>(pairs.onlyFrom.map(viewKey));
  for (const [a, b] of pairs.both) if (!queriesEqual(a.query.sql, b.query.sql) || !sameOptions(a, b)) recreate.add(viewKey(a));
  const reshaped = reshapedTables(tableChanges);
  // Everything that reads a reshaped table or a recreated view is recreated too (to a fixed point).
  let grew = reshaped.size > 0 || recreate.size > 0;
  while (grew) {
    grew = false;
    for (const v of fromViews) {
      if (recreate.has(viewKey(v))) continue;
      if (viewDependencies(v).some((d) => reshaped.has(d) || recreate.has(d))) {
        recreate.add(viewKey(v));
        grew = true;
      }
    }
  }
  const fromDepth = depths(fromViews);
  const toDepth = depths(to.views);
  const changes: Change[] = [];
  for (const v of fromViews) {
    const original = originals.get(viewKey(v)) ?? v;
    if (recreate.has(viewKey(v))) changes.push({ kind: 'view.drop', path: viewPath(original.schema, original.name), view: original, depth: fromDepth(viewKey(v)) });
  }
  const created = new Set([...pairs.onlyTo.map(viewKey), ...[...recreate].filter((k) => to.views.some((v) => viewKey(v) === k))]);
  for (const v of to.views) {
    if (created.has(viewKey(v))) changes.push({ kind: 'view.create', path: viewPath(v.schema, v.name), view: v, depth: toDepth(viewKey(v)) });
  }
  for (const [a, b] of pairs.both) {
    if (recreate.has(viewKey(a))) continue;
    const original = originals.get(viewKey(a));
    if (original) changes.push({ kind: 'view.rename', path: viewPath(b.schema, b.name), view: b, from: original.name });
    if (!sameComments(a, b)) changes.push({ kind: 'view.comment', path: viewPath(b.schema, b.name), from: a, to: b });
    if (a.materialized) changes.push(...diffIndexes(asTable(a), asTable(b)));
  }
  return changes;
}
