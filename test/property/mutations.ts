/**
 * Random changes to a generated schema. `changesArb` generates 1–3 change choices; `applyChanges`
 * applies them to a copy of the source spec, keeping the target valid: a dropped column takes its
 * indexes and constraints with it, a renamed column or table is declared with `renamedFrom` and
 * renamed in every reference, a type change only goes to a type every use of the column accepts.
 */
import fc from 'fast-check';
import {
  COMMENTS, LABELS, addCheck, addForeignKey, addIndex, addUnique, checkArb, columnArb, fkArb, freshName, indexArb, materializeColumn, materializeTable,
  tableArb, uniqueArb, type RawColumn,
} from './arbitraries.js';
import { btreeable, brinnable, checkForms, defaultApplies, defaultForms, expressionForms, familyOf, ginnable, hashable, predicateForms, type Family } from './forms.js';
import { cloneSpec, type ColumnSpec, type EnumSpec, type KeyStyle, type SchemaSpec, type TableSpec, type TypeSpec } from './spec.js';

const nat = fc.nat(31);
const commentOrNone = fc.option(fc.constantFrom(...COMMENTS), { nil: undefined });

const COMMENT_TARGETS = ['table', 'column', 'index', 'check', 'unique', 'foreignKey', 'enum'] as const;

/** One change, as choices resolved against the schema when it is applied. */
export const changeArb = fc.oneof(
  fc.record({ op: fc.constant('addColumn' as const), table: nat, column: columnArb }),
  fc.record({ op: fc.constant('dropColumn' as const), table: nat, column: nat }),
  fc.record({ op: fc.constant('renameColumn' as const), table: nat, column: nat }),
  fc.record({ op: fc.constant('retype' as const), table: nat, column: nat, to: nat }),
  fc.record({ op: fc.constant('retype' as const), table: nat, column: nat, to: nat }),
  fc.record({ op: fc.constant('toggleNotNull' as const), table: nat, column: nat }),
  fc.record({ op: fc.constant('changeDefault' as const), table: nat, column: nat, to: fc.option(nat, { nil: undefined, freq: 3 }) }),
  fc.record({ op: fc.constant('addIndex' as const), table: nat, index: indexArb }),
  fc.record({ op: fc.constant('dropIndex' as const), table: nat, index: nat }),
  fc.record({ op: fc.constant('renameIndex' as const), table: nat, index: nat }),
  fc.record({ op: fc.constant('addCheck' as const), table: nat, check: checkArb }),
  fc.record({ op: fc.constant('dropCheck' as const), table: nat, check: nat }),
  fc.record({ op: fc.constant('changeCheck' as const), table: nat, check: nat, form: nat }),
  fc.record({ op: fc.constant('addUnique' as const), table: nat, unique: uniqueArb }),
  fc.record({ op: fc.constant('dropUnique' as const), table: nat, unique: nat }),
  fc.record({ op: fc.constant('addForeignKey' as const), table: nat, foreignKey: fkArb }),
  fc.record({ op: fc.constant('dropForeignKey' as const), table: nat, foreignKey: nat }),
  fc.record({ op: fc.constant('changeForeignKey' as const), table: nat, foreignKey: nat, onDelete: fkArb.map((f) => f.onDelete), deferrable: fkArb.map((f) => f.deferrable) }),
  fc.record({ op: fc.constant('togglePrimaryKey' as const), table: nat, column: nat }),
  fc.record({ op: fc.constant('changeKeyStyle' as const), table: nat, to: fc.constantFrom<KeyStyle>('plain', 'identity always', 'identity by default', 'serial') }),
  fc.record({ op: fc.constant('addTable' as const), table: tableArb }),
  fc.record({ op: fc.constant('dropTable' as const), table: nat }),
  fc.record({ op: fc.constant('renameTable' as const), table: nat }),
  fc.record({ op: fc.constant('addEnumValue' as const), enum: nat, label: fc.constantFrom(...LABELS), position: nat }),
  fc.record({ op: fc.constant('removeEnumValue' as const), enum: nat, value: nat }),
  fc.record({ op: fc.constant('renameEnumValue' as const), enum: nat, value: nat, label: fc.constantFrom(...LABELS) }),
  fc.record({ op: fc.constant('addEnum' as const), values: fc.uniqueArray(fc.constantFrom(...LABELS), { minLength: 1, maxLength: 3 }), table: nat, column: columnArb }),
  fc.record({ op: fc.constant('dropEnum' as const), enum: nat }),
  fc.record({ op: fc.constant('comment' as const), target: fc.constantFrom(...COMMENT_TARGETS), table: nat, item: nat, comment: commentOrNone }),
);
export type ChangeChoice = typeof changeArb extends fc.Arbitrary<infer T> ? T : never;

/** 1–3 changes, applied together in one migration. */
export const changesArb = fc.array(changeArb, { minLength: 1, maxLength: 3 });

const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);

/** Concrete types a column may change to (same array-ness), with casts PostgreSQL has. */
function typeCatalogue(spec: SchemaSpec, array: boolean): TypeSpec[] {
  const plain: TypeSpec[] = [
    { kind: 'smallint', array }, { kind: 'integer', array }, { kind: 'bigint', array },
    { kind: 'numeric', array }, { kind: 'numeric', length: 10, scale: 2, array }, { kind: 'numeric', length: 14, scale: 2, array }, { kind: 'numeric', length: 8, scale: 0, array },
    { kind: 'real', array }, { kind: 'double precision', array },
    { kind: 'text', array }, { kind: 'varchar', array }, { kind: 'varchar', length: 12, array }, { kind: 'varchar', length: 64, array }, { kind: 'char', length: 12, array },
    { kind: 'boolean', array }, { kind: 'uuid', array },
    { kind: 'date', array }, { kind: 'timestamp', array }, { kind: 'timestamptz', array }, { kind: 'timestamptz', length: 3, array },
    { kind: 'interval', array }, { kind: 'jsonb', array }, { kind: 'json', array }, { kind: 'bytea', array },
  ];
  return [...plain, ...spec.enums.map((e): TypeSpec => ({ kind: 'enum', enumName: e.name, array }))];
}

const NUMERIC: readonly Family[] = ['int', 'decimal', 'float'];

/** Whether `ALTER COLUMN … TYPE to USING col::to` exists for these families. */
function castable(from: TypeSpec, to: TypeSpec): boolean {
  const [a, b] = [familyOf(from), familyOf(to)];
  if (a === 'string' || b === 'string') return true;
  if (NUMERIC.includes(a) && NUMERIC.includes(b)) return true;
  if ((a === 'json' || a === 'jsonb') && (b === 'json' || b === 'jsonb')) return true;
  return a === b;
}

const sameType = (a: TypeSpec, b: TypeSpec): boolean =>
  a.kind === b.kind && a.length === b.length && (a.scale ?? 0) === (b.scale ?? 0) && a.enumName === b.enumName && a.array === b.array;

const isKeyLike = (spec: SchemaSpec, t: TableSpec, c: ColumnSpec): boolean =>
  t.primaryKey.includes(c.name) || c.keyStyle !== undefined || t.foreignKeys.some((f) => f.column === c.name)
  || spec.tables.some((o) => o.foreignKeys.some((f) => f.table === t.name && t.primaryKey[0] === c.name));

/** Every use of column `c` in `t` still valid with type `to`. */
function usesAccept(spec: SchemaSpec, t: TableSpec, c: ColumnSpec, to: TypeSpec): boolean {
  if (isKeyLike(spec, t, c) && !(familyOf(c.type) === 'int' && familyOf(to) === 'int' && !to.array)) return false;
  if (t.primaryKey.includes(c.name) && !btreeable(to)) return false;
  if (t.uniques.some((u) => u.columns.includes(c.name)) && !btreeable(to)) return false;
  for (const k of t.checks) {
    if (!k.columns.includes(c.name)) continue;
    const form = checkForms.find((f) => f.id === k.form)!;
    if (form.arity === 1 && !form.applies(to)) return false;
  }
  for (const ix of t.indexes) {
    if (ix.where?.column === c.name && !predicateForms.find((f) => f.id === ix.where!.form)!.applies(to)) return false;
    for (const k of ix.keys) {
      if (k.column !== c.name) continue;
      if ('expression' in k) {
        if (!expressionForms.find((f) => f.id === k.expression)!.applies(to)) return false;
        continue;
      }
      const ok = { btree: btreeable, gin: ginnable, brin: brinnable, hash: hashable }[ix.using](to);
      if (!ok || (ix.pathOps && (to.array || familyOf(to) !== 'jsonb'))) return false;
    }
  }
  return true;
}

interface Context {
  readonly source: SchemaSpec;
  readonly spec: SchemaSpec;
  /** Columns, tables, enum values created by these changes (renaming them declares no rename). */
  readonly fresh: WeakSet<object>;
  readonly freshLabels: Set<string>;
}

const enumLabels = (spec: SchemaSpec) => (name: string): readonly string[] => spec.enums.find((e) => e.name === name)?.values ?? [];

function setDefaultFor(ctx: Context, c: ColumnSpec, choice: number | undefined): void {
  if (c.keyStyle && c.keyStyle !== 'plain') return;
  const forms = defaultForms(c.type).filter((f) => f.id !== c.default?.form);
  const form = choice === undefined ? undefined : pick(forms, choice);
  if (!form) {
    delete c.default;
    return;
  }
  const labels = c.type.kind === 'enum' ? enumLabels(ctx.spec)(c.type.enumName!) : [];
  c.default = { form: form.id, ...(labels.length > 0 ? { label: pick(labels, choice!)! } : {}) };
}

function renameColumnEverywhere(spec: SchemaSpec, t: TableSpec, from: string, to: string): void {
  const r = (n: string): string => (n === from ? to : n);
  t.primaryKey = t.primaryKey.map(r);
  for (const u of t.uniques) u.columns = u.columns.map(r);
  for (const k of t.checks) k.columns = k.columns.map(r);
  for (const f of t.foreignKeys) f.column = r(f.column);
  t.indexes = t.indexes.map((ix) => ({
    ...ix,
    keys: ix.keys.map((k) => ({ ...k, column: r(k.column) })),
    ...(ix.include ? { include: ix.include.map(r) } : {}),
    ...(ix.where ? { where: { ...ix.where, column: r(ix.where.column) } } : {}),
  }));
  void spec;
}

function dropColumnEverywhere(spec: SchemaSpec, t: TableSpec, name: string): void {
  t.columns = t.columns.filter((c) => c.name !== name);
  t.uniques = t.uniques.filter((u) => !u.columns.includes(name));
  t.checks = t.checks.filter((k) => !k.columns.includes(name));
  t.foreignKeys = t.foreignKeys.filter((f) => f.column !== name);
  t.indexes = t.indexes.filter((ix) => !ix.keys.some((k) => k.column === name) && !ix.include?.includes(name) && ix.where?.column !== name);
  void spec;
}

function dropReferencesTo(spec: SchemaSpec, table: string): void {
  for (const o of spec.tables) o.foreignKeys = o.foreignKeys.filter((f) => f.table !== table);
}

function retype(ctx: Context, t: TableSpec, c: ColumnSpec, to: TypeSpec, defaultChoice: number): void {
  c.type = to;
  if (c.keyStyle === 'serial' && to.kind !== 'smallint' && to.kind !== 'integer' && to.kind !== 'bigint') delete c.keyStyle;
  if (c.default && !defaultApplies(c.default.form, to, c.default.label, enumLabels(ctx.spec))) setDefaultFor(ctx, c, defaultChoice);
  void t;
}

type Apply<K extends ChangeChoice['op']> = (ctx: Context, change: Extract<ChangeChoice, { op: K }>) => void;

const tableOf = (ctx: Context, n: number): TableSpec | undefined => pick(ctx.spec.tables, n);

const APPLY: { readonly [K in ChangeChoice['op']]: Apply<K> } = {
  addColumn(ctx, ch) {
    const t = tableOf(ctx, ch.table);
    if (!t) return;
    const name = freshName(`n${t.columns.length}`, (n) => t.columns.some((c) => c.name === n));
    const column = materializeColumn(name, ch.column as RawColumn, ctx.spec.enums);
    ctx.fresh.add(column);
    t.columns.push(column);
  },
  dropColumn(ctx, ch) {
    const t = tableOf(ctx, ch.table);
    const c = t && pick(t.columns.filter((x) => !t.primaryKey.includes(x.name)), ch.column);
    if (!t || !c || t.columns.length < 2) return;
    dropColumnEverywhere(ctx.spec, t, c.name);
  },
  renameColumn(ctx, ch) {
    const t = tableOf(ctx, ch.table);
    const c = t && pick(t.columns, ch.column);
    if (!t || !c) return;
    const original = c.renamedFrom ?? (ctx.fresh.has(c) ? undefined : c.name);
    const name = freshName(`${c.name.replace(/_r\d+$/, '')}_r${ch.column % 10}`, (n) => t.columns.some((x) => x.name === n) || n === original);
    renameColumnEverywhere(ctx.spec, t, c.name, name);
    c.name = name;
    if (original !== undefined && !ctx.fresh.has(t)) c.renamedFrom = original;
  },
  retype(ctx, ch) {
    const t = tableOf(ctx, ch.table);
    const c = t && pick(t.columns, ch.column);
    if (!t || !c) return;
    // Castable from the type the column has now and from the one it has in the source (the
    // migration casts from that one: timestamp → text → smallint in one migration is timestamp → smallint).
    const original = ctx.fresh.has(c) || ctx.fresh.has(t) ? undefined : sourceColumn(ctx, t, c)?.type;
    const targets = typeCatalogue(ctx.spec, c.type.array)
      .filter((to) => !sameType(to, c.type) && castable(c.type, to) && (!original || castable(original, to)) && usesAccept(ctx.spec, t, c, to));
    const to = pick(targets, ch.to);
    if (to) retype(ctx, t, c, to, ch.to);
  },
  toggleNotNull(ctx, ch) {
    const t = tableOf(ctx, ch.table);
    const c = t && pick(t.columns.filter((x) => !t.primaryKey.includes(x.name) && (x.keyStyle === undefined || x.keyStyle === 'plain')), ch.column);
    if (c) c.notNull = !c.notNull;
  },
  changeDefault(ctx, ch) {
    const t = tableOf(ctx, ch.table);
    const c = t && pick(t.columns, ch.column);
    if (c) setDefaultFor(ctx, c, ch.to);
  },
  addIndex(ctx, ch) {
    const t = tableOf(ctx, ch.table);
    if (t) addIndex(ctx.spec, t, ch.index);
  },
  dropIndex(ctx, ch) {
    const t = tableOf(ctx, ch.table);
    const ix = t && pick(t.indexes, ch.index);
    if (t && ix) t.indexes = t.indexes.filter((x) => x !== ix);
  },
  renameIndex(ctx, ch) {
    const t = tableOf(ctx, ch.table);
    const ix = t && pick(t.indexes.filter((x) => x.name !== undefined), ch.index);
    if (!t || !ix) return;
    const taken = new Set(ctx.spec.tables.flatMap((o) => [o.name, ...o.indexes.map((x) => x.name ?? '')]));
    const original = ix.renamedFrom ?? ix.name!;
    const name = freshName(`${original}_renamed`, (n) => taken.has(n));
    t.indexes = t.indexes.map((x) => (x === ix ? { ...x, name, ...(ctx.fresh.has(t) || !sourceHasIndex(ctx, t, original) ? {} : { renamedFrom: original }) } : x));
  },
  addCheck(ctx, ch) {
    const t = tableOf(ctx, ch.table);
    if (t) addCheck(t, ch.check);
  },
  dropCheck(ctx, ch) {
    const t = tableOf(ctx, ch.table);
    const k = t && pick(t.checks, ch.check);
    if (t && k) t.checks = t.checks.filter((x) => x !== k);
  },
  changeCheck(ctx, ch) {
    const t = tableOf(ctx, ch.table);
    const k = t && pick(t.checks, ch.check);
    if (!t || !k) return;
    const columns = k.columns.map((n) => t.columns.find((c) => c.name === n)!);
    const forms = checkForms.filter((f) => !f.explicit && f.id !== k.form && f.arity === columns.length && (f.arity === 2 || f.applies(columns[0]!.type)));
    const form = pick(forms, ch.form);
    if (form) k.form = form.id;
  },
  addUnique(ctx, ch) {
    const t = tableOf(ctx, ch.table);
    if (t) addUnique(ctx.spec, t, ch.unique);
  },
  dropUnique(ctx, ch) {
    const t = tableOf(ctx, ch.table);
    const u = t && pick(t.uniques, ch.unique);
    if (t && u) t.uniques = t.uniques.filter((x) => x !== u);
  },
  addForeignKey(ctx, ch) {
    const t = tableOf(ctx, ch.table);
    if (!t) return;
    const before = t.columns.length;
    addForeignKey(ctx.spec, t, ch.foreignKey);
    for (const c of t.columns.slice(before)) ctx.fresh.add(c);
  },
  dropForeignKey(ctx, ch) {
    const t = tableOf(ctx, ch.table);
    const f = t && pick(t.foreignKeys, ch.foreignKey);
    if (t && f) t.foreignKeys = t.foreignKeys.filter((x) => x !== f);
  },
  changeForeignKey(ctx, ch) {
    const t = tableOf(ctx, ch.table);
    const f = t && pick(t.foreignKeys, ch.foreignKey);
    if (!f) return;
    if (ch.onDelete === undefined) delete f.onDelete;
    else f.onDelete = ch.onDelete;
    if (ch.deferrable === undefined) delete f.deferrable;
    else f.deferrable = ch.deferrable;
  },
  togglePrimaryKey(ctx, ch) {
    const t = tableOf(ctx, ch.table);
    if (!t) return;
    if (t.primaryKey.length > 0) {
      if (t.primaryKey.length === 1) dropReferencesTo(ctx.spec, t.name);
      for (const c of t.columns) if (c.keyStyle === 'plain') delete c.keyStyle;
      t.primaryKey = [];
      return;
    }
    const c = pick(t.columns.filter((x) => btreeable(x.type) && !t.uniques.some((u) => u.columns.length === 1 && u.columns[0] === x.name)), ch.column);
    if (c) t.primaryKey = [c.name];
  },
  changeKeyStyle(ctx, ch) {
    const t = tableOf(ctx, ch.table);
    const c = t && t.primaryKey.length === 1 ? t.columns.find((x) => x.name === t.primaryKey[0]) : undefined;
    if (!c || familyOf(c.type) !== 'int' || c.type.array || (c.keyStyle ?? 'plain') === ch.to) return;
    c.keyStyle = ch.to;
    if (ch.to !== 'plain') delete c.default;
  },
  addTable(ctx, ch) {
    const name = freshName(`t${ctx.spec.tables.length}`, (n) => ctx.spec.tables.some((t) => t.name === n) || ctx.source.tables.some((t) => t.name === n));
    const t = materializeTable(name, ch.table, ctx.spec.enums);
    ctx.fresh.add(t);
    ctx.spec.tables.push(t);
    for (const fk of ch.table.foreignKeys) addForeignKey(ctx.spec, t, fk);
    for (const k of ch.table.checks) addCheck(t, k);
    for (const u of ch.table.uniques) addUnique(ctx.spec, t, u);
    for (const ix of ch.table.indexes) addIndex(ctx.spec, t, ix);
  },
  dropTable(ctx, ch) {
    const t = tableOf(ctx, ch.table);
    if (!t) return;
    ctx.spec.tables = ctx.spec.tables.filter((x) => x !== t);
    dropReferencesTo(ctx.spec, t.name);
  },
  renameTable(ctx, ch) {
    const t = tableOf(ctx, ch.table);
    if (!t) return;
    const original = t.renamedFrom ?? (ctx.fresh.has(t) ? undefined : t.name);
    const name = freshName(`${t.name.replace(/_r\d+$/, '')}_r${ch.table % 10}`, (n) => ctx.spec.tables.some((x) => x.name === n) || ctx.source.tables.some((x) => x.name === n));
    for (const o of ctx.spec.tables) for (const f of o.foreignKeys) if (f.table === t.name) f.table = name;
    t.name = name;
    if (original !== undefined) t.renamedFrom = original;
  },
  addEnumValue(ctx, ch) {
    const e = pick(ctx.spec.enums, ch.enum);
    if (!e || e.values.includes(ch.label) || e.renamed?.some((r) => r.from === ch.label)) return;
    const at = ch.position % (e.values.length + 1);
    e.values.splice(at, 0, ch.label);
    ctx.freshLabels.add(`${e.name}\0${ch.label}`);
  },
  removeEnumValue(ctx, ch) {
    const e = pick(ctx.spec.enums, ch.enum);
    const value = e && pick(e.values, ch.value);
    if (!e || value === undefined || e.values.length < 2) return;
    e.values = e.values.filter((v) => v !== value);
    e.renamed = e.renamed?.filter((r) => r.to !== value);
    replaceLabel(ctx.spec, e, value, e.values[0]!);
  },
  renameEnumValue(ctx, ch) {
    const e = pick(ctx.spec.enums, ch.enum);
    const value = e && pick(e.values, ch.value);
    if (!e || value === undefined || e.values.includes(ch.label)) return;
    e.values = e.values.map((v) => (v === value ? ch.label : v));
    const earlier = e.renamed?.find((r) => r.to === value);
    if (earlier) earlier.to = ch.label;
    else if (ctx.freshLabels.has(`${e.name}\0${value}`)) ctx.freshLabels.add(`${e.name}\0${ch.label}`);
    else if (!ctx.fresh.has(e)) e.renamed = [...(e.renamed ?? []), { from: value, to: ch.label }];
    e.renamed = e.renamed?.filter((r) => r.from !== r.to);
    if (e.renamed?.length === 0) delete e.renamed;
    replaceLabel(ctx.spec, e, value, ch.label);
  },
  addEnum(ctx, ch) {
    const name = freshName(`e${ctx.spec.enums.length}`, (n) => ctx.spec.enums.some((e) => e.name === n) || ctx.source.enums.some((e) => e.name === n));
    const e: EnumSpec = { name, values: [...ch.values] };
    ctx.fresh.add(e);
    ctx.spec.enums.push(e);
    const t = tableOf(ctx, ch.table);
    if (!t) return;
    const column = materializeColumn(freshName(`n${t.columns.length}`, (n) => t.columns.some((c) => c.name === n)), { ...ch.column, type: { ...ch.column.type, kind: 'enum', pick: ctx.spec.enums.length - 1 } } as RawColumn, ctx.spec.enums);
    ctx.fresh.add(column);
    t.columns.push(column);
  },
  dropEnum(ctx, ch) {
    const e = pick(ctx.spec.enums, ch.enum);
    if (!e) return;
    ctx.spec.enums = ctx.spec.enums.filter((x) => x !== e);
    for (const t of ctx.spec.tables) {
      for (const c of t.columns) {
        if (c.type.kind !== 'enum' || c.type.enumName !== e.name) continue;
        const to: TypeSpec = { kind: 'text', array: c.type.array };
        if (usesAccept(ctx.spec, t, c, to)) retype(ctx, t, c, to, 0);
        else dropColumnEverywhere(ctx.spec, t, c.name);
      }
    }
  },
  comment(ctx, ch) {
    const t = tableOf(ctx, ch.table);
    const set = <T extends { comment?: string; inline?: boolean }>(item: T | undefined): void => {
      if (!item) return;
      if (ch.comment === undefined) delete item.comment;
      else {
        item.comment = ch.comment;
        if (item.inline) delete item.inline;
      }
    };
    switch (ch.target) {
      case 'table': return set(t);
      case 'column': return set(t && pick(t.columns, ch.item));
      case 'index': {
        const ix = t && pick(t.indexes, ch.item);
        if (t && ix) t.indexes = t.indexes.map((x) => (x === ix ? { ...x, ...(ch.comment === undefined ? { comment: undefined } : { comment: ch.comment }) } : x)).map(withoutUndefined);
        return;
      }
      case 'check': return set(t && pick(t.checks, ch.item));
      case 'unique': {
        const u = t && pick(t.uniques, ch.item);
        if (u && u.columns.length === 1 && ch.comment !== undefined) delete u.inline;
        return set(u);
      }
      case 'foreignKey': return set(t && pick(t.foreignKeys, ch.item));
      case 'enum': return set(pick(ctx.spec.enums, ch.item));
    }
  },
};

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function sourceColumn(ctx: Context, t: TableSpec, c: ColumnSpec): ColumnSpec | undefined {
  const sourceTable = ctx.source.tables.find((s) => s.name === (t.renamedFrom ?? t.name));
  return sourceTable?.columns.find((s) => s.name === (c.renamedFrom ?? c.name));
}

function sourceHasIndex(ctx: Context, t: TableSpec, name: string): boolean {
  const sourceTable = ctx.source.tables.find((s) => s.name === (t.renamedFrom ?? t.name));
  return sourceTable?.indexes.some((ix) => ix.name === name) ?? false;
}

/** Defaults naming an enum label follow a removed or renamed label. */
function replaceLabel(spec: SchemaSpec, e: EnumSpec, from: string, to: string): void {
  for (const t of spec.tables) {
    for (const c of t.columns) {
      if (c.type.kind === 'enum' && c.type.enumName === e.name && c.default?.label === from) c.default = { ...c.default, label: to };
    }
  }
}

/** The target schema: the source with the changes applied (the source is not modified). */
export function applyChanges(source: SchemaSpec, changes: readonly ChangeChoice[]): SchemaSpec {
  const ctx: Context = { source, spec: cloneSpec(source), fresh: new WeakSet(), freshLabels: new Set() };
  for (const change of changes) (APPLY[change.op] as Apply<typeof change.op>)(ctx, change as never);
  return ctx.spec;
}
