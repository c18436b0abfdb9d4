import { enumPath } from '../model/paths.js';
import { stringConstant } from '../expr/index.js';
import type { Column, EnumType, Schema } from '../model/types.js';
import { quoteLiteral } from '../render/quote.js';
import type { Change, EnumUsage } from './changes.js';
import { pairByKey } from './pairs.js';

/** Columns of `schema` whose type is the enum `e` (they must follow it through a recreate). */
export function enumUsages(schema: Schema, e: { schema: string; name: string }): EnumUsage[] {
  return schema.tables.flatMap((t) => {
    const columns = t.columns.filter((c) => c.type.schema === e.schema && c.type.name === e.name);
    // Rebuilt once per table, with its first enum column.
    const checks = t.checks;
    const indexes = t.indexes.filter((i) => i.where !== undefined || i.keys.some((k) => k.expression !== undefined));
    return columns.map((c, i) => ({
      schema: t.schema,
      table: t.name,
      column: c.name,
      isArray: c.type.isArray,
      ...(c.default ? { default: c.default } : {}),
      checks: i === 0 ? checks : [],
      indexes: i === 0 ? indexes : [],
    }));
  });
}

/**
 * Appending or inserting values keeps the old values in order: ALTER TYPE … ADD VALUE per new
 * value. Anything else (a value removed, values reordered) recreates the type.
 */
function valueChanges(from: Schema, to: Schema, old: EnumType, b: EnumType): Change[] {
  const path = enumPath(b.schema, b.name);
  // Declared renames first: the old value exists, the new one does not yet.
  const renames = (b.renamedValues ?? []).filter((r) => old.values.includes(r.from) && !old.values.includes(r.to));
  const renameChanges = renames.map((r): Change => ({ kind: 'enum.renameValue', path, enum: b, from: r.from, to: r.to }));
  const a: EnumType = { ...old, values: old.values.map((v) => renames.find((r) => r.from === v)?.to ?? v) };
  return [...renameChanges, ...valueChangesAfterRenames(from, to, a, b)];
}

function valueChangesAfterRenames(from: Schema, to: Schema, a: EnumType, b: EnumType): Change[] {
  const path = enumPath(b.schema, b.name);
  const kept = b.values.filter((v) => a.values.includes(v));
  const onlyAdds = kept.length === a.values.length && kept.every((v, i) => v === a.values[i]);
  if (!onlyAdds) {
    return [{ kind: 'enum.recreate', path, from: a, to: b, usagesBefore: enumUsages(from, a), usagesAfter: enumUsages(to, b) }];
  }
  const changes: Change[] = [];
  let current = a.values;
  b.values.forEach((value, i) => {
    if (current.includes(value)) return;
    const before = b.values.slice(i + 1).find((v) => current.includes(v));
    const previous: EnumType = { ...a, values: current };
    changes.push({ kind: 'enum.addValue', path, enum: b, value, ...(before ? { before } : {}), from: previous, usagesBefore: enumUsages(from, a) });
    current = before ? [...current.slice(0, current.indexOf(before)), value, ...current.slice(current.indexOf(before))] : [...current, value];
  });
  return changes;
}

export function diffEnums(from: Schema, to: Schema): Change[] {
  const pairs = pairByKey(from.enums, to.enums, (e) => `${e.schema}\0${e.name}`);
  return [
    ...pairs.onlyTo.map((e): Change => ({ kind: 'enum.create', path: enumPath(e.schema, e.name), enum: e })),
    ...pairs.onlyFrom.map((e): Change => ({ kind: 'enum.drop', path: enumPath(e.schema, e.name), enum: e })),
    ...pairs.both.flatMap(([a, b]): Change[] => [
      ...valueChanges(from, to, a, b),
      ...(a.comment === b.comment ? [] : [{ kind: 'enum.comment', path: enumPath(b.schema, b.name), enum: b, from: a.comment, to: b.comment } as Change]),
    ]),
  ];
}

/** The declared value renames of each enum that this migration makes: `schema\0name` → old label → new. */
function valueRenames(from: Schema, to: Schema): Map<string, Map<string, string>> {
  const renames = new Map<string, Map<string, string>>();
  for (const b of to.enums) {
    const old = from.enums.find((e) => e.schema === b.schema && e.name === b.name);
    const made = (b.renamedValues ?? []).filter((r) => old !== undefined && old.values.includes(r.from) && !old.values.includes(r.to));
    if (made.length > 0) renames.set(`${b.schema}\0${b.name}`, new Map(made.map((r) => [r.from, r.to])));
  }
  return renames;
}

/** A one-dimensional array literal's elements (`{a,"b c"}` → `a`, `b c`), or undefined for anything else. */
function arrayElements(text: string): string[] | undefined {
  const match = /^\{(.*)\}$/s.exec(text);
  if (!match) return undefined;
  if (match[1] === '') return [];
  const elements: string[] = [];
  let rest = match[1]!;
  while (true) {
    const item = /^"((?:[^"\\]|\\.)*)"|^([^",{}"\\]*)/s.exec(rest)!;
    if (item[1] !== undefined) elements.push(item[1].replace(/\\(.)/gs, '$1'));
    else if (item[2] !== undefined && item[2] !== '' && item[2].toUpperCase() !== 'NULL') elements.push(item[2]);
    else return undefined;
    rest = rest.slice(item[0].length);
    if (rest === '') return elements;
    if (!rest.startsWith(',')) return undefined;
    rest = rest.slice(1);
  }
}

const arrayElementText = (label: string): string =>
  label === '' || label.toUpperCase() === 'NULL' || /[{},"\\\s]/.test(label) ? `"${label.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"` : label;

/** A default naming renamed labels, written with the new ones; undefined when it names none. */
function relabelledDefault(sql: string, isArray: boolean, labels: ReadonlyMap<string, string>): string | undefined {
  const text = stringConstant(sql);
  if (text === undefined) return undefined;
  if (!isArray) return labels.has(text) ? quoteLiteral(labels.get(text)!) : undefined;
  const elements = arrayElements(text);
  if (!elements || !elements.some((e) => labels.has(e))) return undefined;
  return quoteLiteral(`{${elements.map((e) => arrayElementText(labels.get(e) ?? e)).join(',')}}`);
}

/**
 * The old schema with this migration's enum value renames carried into the defaults of the
 * columns of that enum, as PostgreSQL carries them (a default holds the label's OID: after
 * `RENAME VALUE 'draft' TO 'paid'` it reads `'paid'::e0`). So a default that only follows the
 * rename is no change, and what the way down re-creates before it renames the value back (a
 * dropped table or column, an enum recreated) names the label as it is at that point.
 * (CHECKs and index predicates comparing with a renamed label are not rewritten.)
 */
export function withRenamedEnumValues(from: Schema, to: Schema): Schema {
  const renames = valueRenames(from, to);
  if (renames.size === 0) return from;
  const relabel = (c: Column): Column => {
    const labels = c.type.schema === null ? undefined : renames.get(`${c.type.schema}\0${c.type.name}`);
    const sql = labels && c.default ? relabelledDefault(c.default.sql, c.type.isArray, labels) : undefined;
    return sql === undefined ? c : { ...c, default: { ...c.default, sql } };
  };
  return { ...from, tables: from.tables.map((t) => ({ ...t, columns: t.columns.map(relabel) })) };
}

const columnKey = (schema: string, table: string, column: string): string => `${schema}\0${table}\0${column}`;

/**
 * An enum recreated while a later step of the migration changes the default (or the type) of a
 * column using it: the recreation leaves the column without a default for that step to set, and
 * that step's reverse only drops its default — the recreation's reverse sets the old one, when
 * the old labels exist again. (Setting the old default on the way up, or before the type is back
 * on the way down, fails: invalid input value for enum.)
 */
export function defaultsAcrossRecreations(changes: readonly Change[]): Change[] {
  // The recreation runs before renames: its usages name tables and columns as they were.
  const tables = new Map(changes.flatMap((c) => (c.kind === 'table.rename' ? [[`${c.schema}\0${c.table}`, c.from] as const] : [])));
  const columns = new Map(changes.flatMap((c) => (c.kind === 'column.rename' ? [[columnKey(c.schema, c.table, c.to), c.from] as const] : [])));
  const original = (c: { schema: string; table: string; column: string }): string =>
    columnKey(c.schema, tables.get(`${c.schema}\0${c.table}`) ?? c.table, columns.get(columnKey(c.schema, c.table, c.column)) ?? c.column);
  const recreated = new Set(changes.flatMap((c) => (c.kind === 'enum.recreate' ? c.usagesBefore.filter((u) => u.default !== undefined).map((u) => columnKey(u.schema, u.table, u.column)) : [])));
  const changing = new Set<string>();
  const settled = changes.map((c): Change => {
    if (c.kind === 'column.default' && c.from !== undefined && recreated.has(original(c))) {
      changing.add(original(c));
      const { from: _, ...rest } = c;
      return rest;
    }
    if (c.kind === 'column.type' && c.fromDefault !== undefined && recreated.has(original(c))) {
      changing.add(original(c));
      const { fromDefault: _, ...rest } = c;
      return rest;
    }
    return c;
  });
  if (changing.size === 0) return settled;
  return settled.map((c) => (c.kind !== 'enum.recreate' ? c : {
    ...c,
    usagesBefore: c.usagesBefore.map((u) => (changing.has(columnKey(u.schema, u.table, u.column)) ? { ...u, defaultChanges: true } : u)),
  }));
}
