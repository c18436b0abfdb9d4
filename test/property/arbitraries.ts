/**
 * fast-check arbitraries for the property tests: random schemas (`schemaArb`) and random changes
 * to them (`changesArb`, applied by `applyChanges` in mutations.ts).
 *
 * fast-check generates plain *choices* (numbers, flags, picks); `materialize` turns them into a
 * `SchemaSpec` that is valid by construction — types, defaults and expressions only where they
 * apply, foreign keys to existing single-column keys with the key's type, explicit names where a
 * default name would collide — so few cases are discarded, and shrinking the choices shrinks the
 * schema (fewer tables, fewer columns, the first form of each list).
 */
import fc from 'fast-check';
import { clipToBytes, defaultCheckName, defaultForeignKeyName, defaultIndexName, defaultPrimaryKeyName, defaultUniqueName, MAX_IDENTIFIER_BYTES } from '../../compiler/model/naming.js';
import { btreeable, brinnable, checkForms, defaultForms, expressionForms, ginnable, hashable, predicateForms, familyOf } from './forms.js';
import { skipsKnownBug } from './known-bugs.js';
import type { CheckSpec, ColumnSpec, EnumSpec, ForeignKeySpec, IndexSpec, KeySpec, SchemaSpec, TableSpec, TypeKind, TypeSpec } from './spec.js';

// ---------------------------------------------------------------------------------------------
// Choices

export const COMMENTS: readonly string[] = ['plain comment', "it's quoted", 'dollar $$ quoted $$', 'ünïcödé ✓ 日本', 'line\nbreak', 'back\\slash', '"double"'];
export const LABELS: readonly string[] = ['draft', 'sent', 'paid', 'void', "it's", 'with space', 'UPPER', 'ünï'];

const commentArb = fc.option(fc.constantFrom(...COMMENTS), { freq: 3 }).map((c) => c ?? undefined);

export type RawType = { kind: TypeKind | 'enum'; length?: number; scale?: number; array: boolean; pick: number };

const ARRAY_KINDS = new Set<string>(['integer', 'bigint', 'text', 'varchar', 'uuid', 'enum', 'numeric', 'boolean', 'timestamptz']);

export const typeArb: fc.Arbitrary<RawType> = fc.record({
  base: fc.oneof(
    fc.constantFrom<TypeKind>('integer', 'bigint', 'smallint', 'text', 'boolean', 'uuid', 'timestamptz', 'jsonb', 'real', 'double precision', 'date', 'interval', 'json', 'bytea', 'enum', 'enum')
      .map((kind) => ({ kind })),
    fc.record({ length: fc.integer({ min: 4, max: 14 }), scale: fc.integer({ min: 0, max: 2 }) }).map((n) => ({ kind: 'numeric' as const, ...n })),
    fc.constant({ kind: 'numeric' as const }),
    fc.option(fc.constantFrom(12, 16, 64, 255), { nil: undefined }).map((length) => ({ kind: 'varchar' as const, length })),
    fc.integer({ min: 12, max: 16 }).map((length) => ({ kind: 'char' as const, length })),
    fc.record({ kind: fc.constantFrom('timestamp' as const, 'timestamptz' as const), length: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }) }),
  ),
  array: fc.boolean().chain((b) => (b ? fc.boolean() : fc.constant(false))).chain((b) => (b ? fc.boolean() : fc.constant(false))),
  pick: fc.nat(7),
}).map(({ base, array, pick }) => ({ ...base, array: array && ARRAY_KINDS.has(base.kind), pick }));

export const columnArb = fc.record({
  type: typeArb,
  notNull: fc.boolean(),
  defaultPick: fc.option(fc.nat(40), { nil: undefined }),
  comment: commentArb,
});
export type RawColumn = typeof columnArb extends fc.Arbitrary<infer T> ? T : never;

const KEY_KINDS = ['integer', 'bigint', 'identity always', 'identity by default', 'serial', 'bigserial', 'uuid', 'text', 'none', 'composite'] as const;
export type RawKey = (typeof KEY_KINDS)[number];

export const checkArb = fc.record({ column: fc.nat(31), other: fc.nat(31), form: fc.nat(31), named: fc.boolean(), inline: fc.boolean(), comment: commentArb });
export const uniqueArb = fc.record({ columns: fc.array(fc.nat(31), { minLength: 1, maxLength: 2 }), nullsNotDistinct: fc.boolean(), named: fc.boolean(), inline: fc.boolean(), comment: commentArb });
export const fkArb = fc.record({
  target: fc.nat(31),
  onDelete: fc.constantFrom(undefined, 'cascade', 'restrict', 'set null', 'no action'),
  deferrable: fc.constantFrom(undefined, undefined, 'immediate', 'deferred'),
  named: fc.boolean(),
  inline: fc.boolean(),
  comment: commentArb,
});
const INDEX_KINDS = ['single', 'multi', 'partial', 'expression', 'gin', 'include', 'unique', 'brin', 'hash'] as const;
export const indexArb = fc.record({
  kind: fc.constantFrom(...INDEX_KINDS),
  picks: fc.array(fc.nat(31), { minLength: 3, maxLength: 3 }),
  desc: fc.boolean(),
  nullsFirst: fc.boolean(),
  named: fc.boolean(),
  pathOps: fc.boolean(),
  comment: commentArb,
});
export type RawCheck = typeof checkArb extends fc.Arbitrary<infer T> ? T : never;
export type RawUnique = typeof uniqueArb extends fc.Arbitrary<infer T> ? T : never;
export type RawForeignKey = typeof fkArb extends fc.Arbitrary<infer T> ? T : never;
export type RawIndex = typeof indexArb extends fc.Arbitrary<infer T> ? T : never;

export const tableArb = fc.record({
  key: fc.constantFrom(...KEY_KINDS),
  columns: fc.array(columnArb, { minLength: 1, maxLength: 4 }),
  checks: fc.array(checkArb, { maxLength: 2 }),
  uniques: fc.array(uniqueArb, { maxLength: 1 }),
  foreignKeys: fc.array(fkArb, { maxLength: 2 }),
  indexes: fc.array(indexArb, { maxLength: 3 }),
  comment: commentArb,
});
export type RawTable = typeof tableArb extends fc.Arbitrary<infer T> ? T : never;

const enumArb = fc.record({ values: fc.uniqueArray(fc.constantFrom(...LABELS), { minLength: 1, maxLength: 4 }), comment: commentArb });

export const rawSchemaArb = fc.record({
  enums: fc.array(enumArb, { maxLength: 2 }),
  tables: fc.array(tableArb, { minLength: 1, maxLength: 4 }),
});
export type RawSchema = typeof rawSchemaArb extends fc.Arbitrary<infer T> ? T : never;

/** Random schemas: 1–4 tables, 0–2 enums. */
export const schemaArb: fc.Arbitrary<SchemaSpec> = rawSchemaArb.map(materialize);

// ---------------------------------------------------------------------------------------------
// Materialisation: choices → a valid SchemaSpec

const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);

/** Fresh names in a table, a schema. */
export function freshName(base: string, taken: (name: string) => boolean): string {
  if (!taken(base)) return base;
  for (let i = 2; ; i++) if (!taken(`${base}_${i}`)) return `${base}_${i}`;
}

/** Names PostgreSQL keeps in one namespace per schema: tables, indexes, key constraints (their indexes). */
export function relationNames(spec: SchemaSpec): Set<string> {
  const names = new Set<string>();
  for (const t of spec.tables) {
    names.add(t.name);
    if (t.primaryKey.length > 0) names.add(defaultPrimaryKeyName(t.name));
    for (const u of t.uniques) names.add(u.name ?? defaultUniqueName(t.name, u.columns));
    for (const ix of t.indexes) names.add(ix.name ?? defaultIndexName(t.name, ix.keys.map((k) => k.column)));
  }
  return names;
}

/** Constraint names of a table (one namespace per table). */
export function constraintNames(t: TableSpec): Set<string> {
  return new Set([
    ...(t.primaryKey.length > 0 ? [defaultPrimaryKeyName(t.name)] : []),
    ...t.uniques.map((u) => u.name ?? defaultUniqueName(t.name, u.columns)),
    ...t.checks.map((k) => k.name ?? defaultCheckName(t.name, k.inline ? k.columns[0] : undefined)),
    ...t.foreignKeys.map((f) => f.name ?? defaultForeignKeyName(t.name, [f.column])),
  ]);
}

export function materializeType(raw: RawType, enums: readonly EnumSpec[]): TypeSpec {
  if (raw.kind === 'enum') {
    const e = pick(enums, raw.pick);
    return e ? { kind: 'enum', enumName: e.name, array: raw.array } : { kind: 'text', array: raw.array };
  }
  return {
    kind: raw.kind,
    ...(raw.length === undefined ? {} : { length: raw.length }),
    ...(raw.kind === 'numeric' && raw.length !== undefined ? { scale: Math.min(raw.scale ?? 0, raw.length - 2) } : {}),
    array: raw.array,
  };
}

export function materializeColumn(name: string, raw: RawColumn, enums: readonly EnumSpec[]): ColumnSpec {
  const type = materializeType(raw.type, enums);
  const forms = defaultForms(type);
  const form = raw.defaultPick === undefined ? undefined : pick(forms, raw.defaultPick);
  const labels = type.kind === 'enum' ? enums.find((e) => e.name === type.enumName)!.values : [];
  return {
    name,
    type,
    notNull: raw.notNull,
    ...(form ? { default: { form: form.id, ...(labels.length > 0 ? { label: pick(labels, raw.defaultPick!)! } : {}) } } : {}),
    ...(raw.comment === undefined ? {} : { comment: raw.comment }),
  };
}

function keyColumn(kind: RawKey): ColumnSpec | undefined {
  switch (kind) {
    case 'integer': return { name: 'id', type: { kind: 'integer', array: false }, notNull: true, keyStyle: 'plain' };
    case 'bigint': return { name: 'id', type: { kind: 'bigint', array: false }, notNull: true, keyStyle: 'plain' };
    case 'identity always': return { name: 'id', type: { kind: 'bigint', array: false }, notNull: true, keyStyle: 'identity always' };
    case 'identity by default': return { name: 'id', type: { kind: 'integer', array: false }, notNull: true, keyStyle: 'identity by default' };
    case 'serial': return { name: 'id', type: { kind: 'integer', array: false }, notNull: true, keyStyle: 'serial' };
    case 'bigserial': return { name: 'id', type: { kind: 'bigint', array: false }, notNull: true, keyStyle: 'serial' };
    case 'uuid': return { name: 'id', type: { kind: 'uuid', array: false }, notNull: true, keyStyle: 'plain', default: { form: 'random-uuid' } };
    case 'text': return { name: 'id', type: { kind: 'text', array: false }, notNull: true, keyStyle: 'plain' };
    default: return undefined;
  }
}

/** The type a foreign key column needs to reference `target`'s single-column key. */
export function referencingType(target: TableSpec): TypeSpec | undefined {
  if (target.primaryKey.length !== 1) return undefined;
  const key = target.columns.find((c) => c.name === target.primaryKey[0]);
  return key ? { ...key.type, array: false } : undefined;
}

export function addCheck(t: TableSpec, raw: RawCheck): void {
  const a = pick(t.columns, raw.column)!;
  const b = pick(t.columns.filter((c) => c !== a), raw.other);
  const forms = checkForms.filter((f) => !f.explicit && (f.arity === 1 ? f.applies(a.type) : b !== undefined));
  const form = pick(forms, raw.form);
  if (!form) return;
  const inline = raw.inline && form.arity === 1 && raw.comment === undefined && !t.checks.some((k) => k.inline && k.columns[0] === a.name);
  const taken = constraintNames(t);
  const defaultName = defaultCheckName(t.name, inline ? a.name : undefined);
  const name = !raw.named && !taken.has(defaultName) ? undefined : freshName(`${t.name}_ck`, (n) => taken.has(n));
  const check: CheckSpec = {
    form: form.id,
    columns: form.arity === 1 ? [a.name] : [a.name, b!.name],
    ...(name === undefined ? {} : { name }),
    ...(inline ? { inline: true } : {}),
    ...(raw.comment === undefined ? {} : { comment: raw.comment }),
  };
  t.checks.push(check);
}

export function addUnique(spec: SchemaSpec, t: TableSpec, raw: RawUnique): void {
  const eligible = t.columns.filter((c) => btreeable(c.type));
  if (eligible.length === 0) return;
  const columns = [...new Set(raw.columns.map((n) => pick(eligible, n)!.name))];
  const key = columns.join(',');
  if (t.uniques.some((u) => u.columns.join(',') === key) || t.primaryKey.join(',') === key) return;
  const relations = relationNames(spec);
  const taken = (n: string): boolean => relations.has(n) || constraintNames(t).has(n);
  const defaultName = defaultUniqueName(t.name, columns);
  const name = !raw.named && !taken(defaultName) ? undefined : freshName(`${t.name}_uq`, taken);
  const inline = raw.inline && columns.length === 1 && raw.comment === undefined && !raw.nullsNotDistinct;
  t.uniques.push({
    columns,
    ...(name === undefined ? {} : { name }),
    ...(raw.nullsNotDistinct ? { nullsNotDistinct: true } : {}),
    ...(inline ? { inline: true } : {}),
    ...(raw.comment === undefined ? {} : { comment: raw.comment }),
  });
}

export function addForeignKey(spec: SchemaSpec, t: TableSpec, raw: RawForeignKey): void {
  const target = pick(spec.tables, raw.target)!;
  const type = referencingType(target);
  if (!type) return;
  const column = freshName(`${target.name}_ref`, (n) => t.columns.some((c) => c.name === n));
  t.columns.push({ name: column, type, notNull: false });
  const taken = constraintNames(t);
  const name = !raw.named && !taken.has(defaultForeignKeyName(t.name, [column])) ? undefined : freshName(`${t.name}_fk`, (n) => taken.has(n));
  const fk: ForeignKeySpec = {
    column,
    table: target.name,
    ...(name === undefined ? {} : { name }),
    ...(raw.onDelete === undefined ? {} : { onDelete: raw.onDelete }),
    ...(raw.deferrable === undefined ? {} : { deferrable: raw.deferrable }),
    ...(raw.inline && raw.comment === undefined ? { inline: true } : {}),
    ...(raw.comment === undefined ? {} : { comment: raw.comment }),
  };
  t.foreignKeys.push(fk);
}

export function addIndex(spec: SchemaSpec, t: TableSpec, raw: RawIndex): void {
  const [p0, p1, p2] = raw.picks as [number, number, number];
  const columns = t.columns;
  const btree = columns.filter((c) => btreeable(c.type));
  const base: Omit<IndexSpec, 'keys'> = { using: 'btree' };
  let index: IndexSpec | undefined;
  const orderedKey = (c: ColumnSpec): KeySpec => ({ column: c.name, ...(raw.desc ? { desc: true } : {}), ...(raw.nullsFirst ? { nullsFirst: true } : {}) });
  switch (raw.kind) {
    case 'single': { const c = pick(btree, p0); if (c) index = { ...base, keys: [orderedKey(c)] }; break; }
    case 'multi': {
      const a = pick(btree, p0); const b = pick(btree.filter((c) => c !== a), p1);
      if (a && b) index = { ...base, keys: [{ column: a.name }, orderedKey(b)] };
      break;
    }
    case 'partial': {
      const c = pick(btree, p0); const w = pick(columns, p1)!;
      const form = pick(predicateForms.filter((f) => !f.explicit && f.applies(w.type)), p2)!;
      if (c) index = { ...base, keys: [{ column: c.name }], where: { form: form.id, column: w.name } };
      break;
    }
    case 'expression': {
      const candidates = columns.filter((c) => expressionForms.some((f) => f.applies(c.type)));
      const c = pick(candidates, p0);
      if (c) index = { ...base, keys: [{ expression: pick(expressionForms.filter((f) => f.applies(c.type)), p1)!.id, column: c.name }] };
      break;
    }
    case 'gin': {
      const c = pick(columns.filter((x) => ginnable(x.type)), p0);
      if (c) index = { using: 'gin', keys: [{ column: c.name }], ...(raw.pathOps && !c.type.array ? { pathOps: true } : {}) };
      break;
    }
    case 'include': {
      const c = pick(btree, p0); const extra = pick(columns.filter((x) => x !== c), p1);
      if (c && extra) index = { ...base, keys: [{ column: c.name }], include: [extra.name] };
      break;
    }
    case 'unique': {
      const c = pick(btree, p0);
      if (c) index = { ...base, unique: true, keys: [orderedKey(c)] };
      break;
    }
    case 'brin': { const c = pick(columns.filter((x) => brinnable(x.type)), p0); if (c) index = { using: 'brin', keys: [{ column: c.name }] }; break; }
    case 'hash': { const c = pick(columns.filter((x) => hashable(x.type)), p0); if (c) index = { using: 'hash', keys: [{ column: c.name }] }; break; }
  }
  if (!index) return;
  const relations = relationNames(spec);
  const hasExpression = index.keys.some((k) => 'expression' in k);
  const defaultName = defaultIndexName(t.name, index.keys.map((k) => k.column));
  const name = !raw.named && !hasExpression && !relations.has(defaultName) ? undefined : freshName(`${t.name}_ix`, (n) => relations.has(n));
  t.indexes.push({ ...index, ...(name === undefined ? {} : { name }), ...(raw.comment === undefined ? {} : { comment: raw.comment }) });
}

/** A table from its choices (foreign keys are added later, when every table exists). */
export function materializeTable(name: string, raw: RawTable, enums: readonly EnumSpec[]): TableSpec {
  const key = keyColumn(raw.key);
  const columns = raw.columns.map((c, i) => materializeColumn(`c${i}`, c, enums));
  const t: TableSpec = {
    name,
    columns: key ? [key, ...columns] : columns,
    primaryKey: key ? ['id'] : [],
    uniques: [],
    checks: [],
    foreignKeys: [],
    indexes: [],
    ...(raw.comment === undefined ? {} : { comment: raw.comment }),
  };
  if (raw.key === 'composite') {
    const eligible = columns.filter((c) => btreeable(c.type) && familyOf(c.type) !== 'bytea');
    if (eligible.length >= 2) t.primaryKey = [eligible[0]!.name, eligible[1]!.name];
  }
  return t;
}

/** Choices → a valid schema. */
export function materialize(raw: RawSchema): SchemaSpec {
  const enums: EnumSpec[] = raw.enums.map((e, i) => ({ name: `e${i}`, values: [...e.values], ...(e.comment === undefined ? {} : { comment: e.comment }) }));
  const spec: SchemaSpec = { enums, tables: raw.tables.map((t, i) => materializeTable(`t${i}`, t, enums)) };
  raw.tables.forEach((rt, i) => {
    const t = spec.tables[i]!;
    for (const fk of rt.foreignKeys) addForeignKey(spec, t, fk);
    for (const c of rt.checks) addCheck(t, c);
    for (const u of rt.uniques) addUnique(spec, t, u);
    for (const ix of rt.indexes) addIndex(spec, t, ix);
  });
  return spec;
}

// ---------------------------------------------------------------------------------------------
// Hostile names and strings (the identifier property)

/**
 * Pieces hostile names and strings are made of: quotes, statement and comment breakers, unicode.
 * Line breaks only while the known bug `newline-in-comment-lines` is not skipped (known-bugs.ts).
 */
export const HOSTILE_PIECES: readonly string[] = [
  '"', "'", ';', '\\', '$$', '$1', ' ', '--', '/*', '*/', '.', '\t', '`', '%s', '{', '}', ',', '(', ')',
  'A', 'Z', 'a', 'z', '0', '_', 'é', 'ü', 'ß', 'Ω', '日本', '🙂', 'select', 'DROP TABLE x', 'NULL',
  ...(skipsKnownBug('newline-in-comment-lines') ? [] : ['\n', '\r\n']),
];

/** Names of 1–63 bytes (PostgreSQL's limit), some exactly at the limit with multi-byte characters. */
export const hostileNameArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.array(fc.constantFrom(...HOSTILE_PIECES), { minLength: 1, maxLength: 10 }).map((parts) => clipToBytes(parts.join(''), MAX_IDENTIFIER_BYTES)) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom('', 'a', 'ab', '"', "'"), fc.constantFrom('é', '日', '🙂', '"', "'", '\\'))
      .map(([prefix, fill]) => clipToBytes(prefix + fill.repeat(MAX_IDENTIFIER_BYTES), MAX_IDENTIFIER_BYTES)),
  },
).filter((name) => name.length > 0);

/** Strings for defaults and comments (any length, possibly empty; line breaks always). */
export const hostileTextArb: fc.Arbitrary<string> = fc.array(fc.constantFrom(...HOSTILE_PIECES, '\n', '\r\n'), { maxLength: 16 }).map((parts) => parts.join(''));
