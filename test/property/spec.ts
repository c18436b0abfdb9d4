/**
 * The plain-data description of a generated schema (`SchemaSpec`) that the property tests build,
 * mutate and shrink, and its two readings: real DSL declarations (`specDeclarations`, which go
 * through buildSchema and validation like user code) and the same declarations as TypeScript
 * source (`specSource`), so a failing case can be pasted into a golden `case.ts`.
 *
 * Expressions (CHECKs, index keys and predicates) are kept as *forms* over column names, not as SQL
 * text, so renaming a column renames it everywhere, and a type change keeps only what still makes
 * sense for the new type (see `forms.ts`).
 */
import type { Declaration } from '../../compiler/dsl/declarations.js';
import * as dsl from '../../compiler/index.js';
import { quoteIdent } from '../../compiler/render/quote.js';
import { checkForms, expressionForms, findDefaultForm, predicateForms } from './forms.js';

export type TypeKind =
  | 'smallint' | 'integer' | 'bigint' | 'numeric' | 'real' | 'double precision'
  | 'text' | 'varchar' | 'char' | 'boolean' | 'uuid' | 'date' | 'timestamp' | 'timestamptz'
  | 'interval' | 'json' | 'jsonb' | 'bytea' | 'enum';

export interface TypeSpec {
  readonly kind: TypeKind;
  /** varchar/char length, numeric/timestamp precision. */
  readonly length?: number;
  readonly scale?: number;
  /** The enum's name (kind 'enum'). */
  readonly enumName?: string;
  readonly array: boolean;
}

/** How a primary-key column gets its values. */
export type KeyStyle = 'plain' | 'identity always' | 'identity by default' | 'serial';

export interface ColumnSpec {
  name: string;
  type: TypeSpec;
  notNull: boolean;
  default?: DefaultSpec;
  comment?: string;
  renamedFrom?: string;
  /** Primary-key columns of single-column keys only. */
  keyStyle?: KeyStyle;
}

/** A default: a form of forms.ts by id. */
export interface DefaultSpec {
  readonly form: string;
  /** Label of an enum default; the string of a 'given-string' default. */
  readonly label?: string;
}

export interface CheckSpec {
  name?: string;
  form: string;
  columns: string[];
  /** The string of the 'differs-from' form. */
  literal?: string;
  comment?: string;
  /** Declared on the column (`check:` option) rather than in `checks`. */
  inline?: boolean;
}

export interface UniqueSpec {
  name?: string;
  columns: string[];
  nullsNotDistinct?: boolean;
  comment?: string;
  inline?: boolean;
}

export interface ForeignKeySpec {
  name?: string;
  column: string;
  table: string;
  onDelete?: 'cascade' | 'restrict' | 'set null' | 'no action';
  deferrable?: 'immediate' | 'deferred';
  comment?: string;
  inline?: boolean;
}

export type KeySpec =
  | { readonly column: string; readonly desc?: boolean; readonly nullsFirst?: boolean }
  | { readonly expression: string; readonly column: string };

export interface IndexSpec {
  name?: string;
  using: 'btree' | 'gin' | 'hash' | 'brin';
  keys: KeySpec[];
  unique?: boolean;
  include?: string[];
  where?: { form: string; column: string; literal?: string };
  /** gin jsonb_path_ops instead of the default operator class. */
  pathOps?: boolean;
  comment?: string;
  renamedFrom?: string;
}

export interface TableSpec {
  name: string;
  columns: ColumnSpec[];
  /** Column names of the primary key (one column: declared on the column). */
  primaryKey: string[];
  uniques: UniqueSpec[];
  checks: CheckSpec[];
  foreignKeys: ForeignKeySpec[];
  indexes: IndexSpec[];
  comment?: string;
  renamedFrom?: string;
}

export interface EnumSpec {
  name: string;
  values: string[];
  renamed?: { from: string; to: string }[];
  comment?: string;
}

export interface SchemaSpec {
  enums: EnumSpec[];
  tables: TableSpec[];
}

export const cloneSpec = (spec: SchemaSpec): SchemaSpec => structuredClone(spec);

/** The SQL spelling of a type (for casts in expression forms). */
export function typeSql(t: TypeSpec): string {
  const base = (() => {
    switch (t.kind) {
      case 'numeric': return t.length === undefined ? 'numeric' : `numeric(${t.length},${t.scale ?? 0})`;
      case 'varchar': return t.length === undefined ? 'varchar' : `varchar(${t.length})`;
      case 'char': return `char(${t.length ?? 1})`;
      case 'timestamp': case 'timestamptz': return t.length === undefined ? t.kind : `${t.kind}(${t.length})`;
      case 'enum': return quoteIdent(t.enumName!);
      default: return t.kind;
    }
  })();
  return t.array ? `${base}[]` : base;
}

// ---------------------------------------------------------------------------------------------
// A tiny call tree: evaluated with the real DSL, or printed as TypeScript.

type Code =
  | { readonly call: keyof typeof dsl; readonly args: readonly Code[] }
  | { readonly object: readonly (readonly [string, Code])[] }
  | { readonly array: readonly Code[] }
  | { readonly value: string | number | boolean | null | readonly unknown[] | Readonly<Record<string, unknown>> }
  | { readonly sql: string }
  | { readonly ref: string };

const call = (name: keyof typeof dsl, ...args: Code[]): Code => ({ call: name, args });
const value = (v: string | number | boolean | null | readonly unknown[] | Readonly<Record<string, unknown>>): Code => ({ value: v });
const object = (entries: readonly (readonly [string, Code | undefined])[]): Code =>
  ({ object: entries.filter((e): e is [string, Code] => e[1] !== undefined) });
const opt = <T>(v: T | undefined, f: (v: T) => Code): Code | undefined => (v === undefined ? undefined : f(v));
const flag = (v: boolean | undefined): Code | undefined => (v ? value(true) : undefined);

/** A referenced table: by name, or (a name with a dot would read as schema.name) as a reference object. */
const tableRef = (name: string): Code => (name.includes('.') ? value({ kind: 'table', schema: 'public', name }) : value(name));

const enumVariable = (name: string): string => `enum_${name.replace(/[^A-Za-z0-9_]/g, (c) => `_${c.codePointAt(0)!.toString(16)}_`)}`;

function defaultCode(c: ColumnSpec): Code | undefined {
  if (!c.default) return undefined;
  const form = findDefaultForm(c.default.form, c.type);
  if (!form) throw new Error(`default form ${c.default.form} does not apply to ${typeSql(c.type)}`);
  const made = form.make(c.type, c.default.label);
  return 'sql' in made ? { sql: made.sql } : value(made.value as string);
}

function checkSql(check: CheckSpec): string {
  const form = checkForms.find((f) => f.id === check.form);
  if (!form) throw new Error(`unknown check form ${check.form}`);
  return form.sql(check.columns.map(quoteIdent), check.literal);
}

function columnCode(t: TableSpec, c: ColumnSpec): Code {
  const single = t.primaryKey.length === 1 && t.primaryKey[0] === c.name;
  const inlineUnique = t.uniques.find((u) => u.inline && u.columns.length === 1 && u.columns[0] === c.name);
  const inlineCheck = t.checks.find((k) => k.inline && k.columns.length === 1 && k.columns[0] === c.name);
  const inlineFk = t.foreignKeys.find((f) => f.inline && f.column === c.name);
  const identity = c.keyStyle === 'identity always' ? 'always' : c.keyStyle === 'identity by default' ? 'by default' : undefined;
  const options = object([
    ['primaryKey', flag(single)],
    ['notNull', flag(c.notNull && !single)],
    ['identity', opt(identity, value)],
    ['default', defaultCode(c)],
    ['array', flag(c.type.array)],
    ['unique', opt(inlineUnique, (u) => value(u.name ?? true))],
    ['check', opt(inlineCheck, (k) => (k.name ? object([['name', value(k.name)], ['expression', { sql: checkSql(k) }]]) : { sql: checkSql(k) }))],
    ['references', opt(inlineFk, (f) => object([
      ['table', tableRef(f.table)], ['name', opt(f.name, value)], ['onDelete', opt(f.onDelete, value)], ['deferrable', opt(f.deferrable, value)],
    ]))],
    ['comment', opt(c.comment, value)],
    ['renamedFrom', opt(c.renamedFrom, value)],
  ]);
  const t2 = c.type;
  switch (t2.kind) {
    case 'smallint': return call(c.keyStyle === 'serial' ? 'smallserial' : 'smallint', options);
    case 'integer': return call(c.keyStyle === 'serial' ? 'serial' : 'integer', options);
    case 'bigint': return call(c.keyStyle === 'serial' ? 'bigserial' : 'bigint', options);
    case 'numeric': return call('numeric', withEntries(options, [['precision', opt(t2.length, value)], ['scale', opt(t2.length === undefined ? undefined : t2.scale ?? 0, value)]]));
    case 'real': return call('real', options);
    case 'double precision': return call('doublePrecision', options);
    case 'text': return call('text', options);
    case 'varchar': return call('varchar', withEntries(options, [['length', opt(t2.length, value)]]));
    case 'char': return call('char', withEntries(options, [['length', opt(t2.length, value)]]));
    case 'boolean': return call('boolean', options);
    case 'uuid': return call('uuid', options);
    case 'date': return call('date', options);
    case 'timestamp': return call('timestamp', withEntries(options, [['precision', opt(t2.length, value)]]));
    case 'timestamptz': return call('timestamptz', withEntries(options, [['precision', opt(t2.length, value)]]));
    case 'interval': return call('interval', options);
    case 'json': return call('json', options);
    case 'jsonb': return call('jsonb', options);
    case 'bytea': return call('bytea', options);
    case 'enum': return call('enumColumn', { ref: enumVariable(t2.enumName!) }, options);
  }
}

function withEntries(code: Code, entries: readonly (readonly [string, Code | undefined])[]): Code {
  const base = (code as { object: readonly (readonly [string, Code])[] }).object;
  return object([...entries, ...base]);
}

function keyCode(k: KeySpec): Code {
  if ('expression' in k) {
    const form = expressionForms.find((f) => f.id === k.expression);
    if (!form) throw new Error(`unknown expression form ${k.expression}`);
    return object([['expression', { sql: form.sql(quoteIdent(k.column)) }]]);
  }
  if (!k.desc && !k.nullsFirst) return value(k.column);
  return object([['column', value(k.column)], ['order', k.desc ? value('desc') : undefined], ['nulls', k.nullsFirst ? value('first') : undefined]]);
}

function predicateSql(where: { form: string; column: string; literal?: string }): string {
  const form = predicateForms.find((f) => f.id === where.form);
  if (!form) throw new Error(`unknown predicate form ${where.form}`);
  return form.sql(quoteIdent(where.column), where.literal);
}

function indexCode(ix: IndexSpec): Code {
  const keys = ix.keys.map((k) => (ix.pathOps && 'column' in k && !('expression' in k) ? object([['column', value(k.column)], ['opclass', value('jsonb_path_ops')]]) : keyCode(k)));
  return call('index', { array: keys }, object([
    ['name', opt(ix.name, value)],
    ['unique', flag(ix.unique)],
    ['using', ix.using === 'btree' ? undefined : value(ix.using)],
    ['include', ix.include && ix.include.length > 0 ? value(ix.include) : undefined],
    ['where', opt(ix.where, (w) => ({ sql: predicateSql(w) }))],
    ['comment', opt(ix.comment, value)],
    ['renamedFrom', opt(ix.renamedFrom, value)],
  ]));
}

function tableCode(t: TableSpec): Code {
  const uniques = t.uniques.filter((u) => !(u.inline && u.columns.length === 1));
  const checks = t.checks.filter((k) => !(k.inline && k.columns.length === 1));
  const fks = t.foreignKeys.filter((f) => !f.inline);
  return call('table', value(t.name), object([
    ['columns', object(t.columns.map((c) => [c.name, columnCode(t, c)] as const))],
    ['primaryKey', t.primaryKey.length > 1 ? value(t.primaryKey) : undefined],
    ['uniques', uniques.length === 0 ? undefined : { array: uniques.map((u) => call('unique', value(u.columns), object([
      ['name', opt(u.name, value)], ['nullsNotDistinct', flag(u.nullsNotDistinct)], ['comment', opt(u.comment, value)],
    ]))) }],
    ['checks', checks.length === 0 ? undefined : { array: checks.map((k) => call('check', { sql: checkSql(k) }, object([
      ['name', opt(k.name, value)], ['comment', opt(k.comment, value)],
    ]))) }],
    ['foreignKeys', fks.length === 0 ? undefined : { array: fks.map((f) => call('foreignKey', value([f.column]), object([['table', tableRef(f.table)]]), object([
      ['name', opt(f.name, value)], ['onDelete', opt(f.onDelete, value)], ['deferrable', opt(f.deferrable, value)], ['comment', opt(f.comment, value)],
    ]))) }],
    ['indexes', t.indexes.length === 0 ? undefined : { array: t.indexes.map(indexCode) }],
    ['comment', opt(t.comment, value)],
    ['renamedFrom', opt(t.renamedFrom, value)],
  ]));
}

function enumCode(e: EnumSpec): Code {
  const renamedTo = new Map((e.renamed ?? []).map((r) => [r.to, r.from]));
  return call('enumType', value(e.name), {
    array: e.values.map((v) => (renamedTo.has(v) ? value({ value: v, renamedFrom: renamedTo.get(v) }) : value(v))),
  }, object([['comment', opt(e.comment, value)]]));
}

const dslFunctions = dsl as unknown as Record<string, (...args: unknown[]) => unknown>;

function evaluate(code: Code, refs: ReadonlyMap<string, unknown>): unknown {
  if ('call' in code) return dslFunctions[code.call]!(...code.args.map((a) => evaluate(a, refs)));
  if ('object' in code) return Object.fromEntries(code.object.map(([k, v]) => [k, evaluate(v, refs)]));
  if ('array' in code) return code.array.map((a) => evaluate(a, refs));
  if ('sql' in code) return dsl.sql`${code.sql}`;
  if ('ref' in code) return refs.get(code.ref);
  return code.value;
}

/** The declarations of a spec, built with the real DSL helpers. */
export function specDeclarations(spec: SchemaSpec): Declaration[] {
  const refs = new Map<string, unknown>();
  const enums = spec.enums.map((e) => {
    const declaration = evaluate(enumCode(e), refs) as Declaration;
    refs.set(enumVariable(e.name), declaration);
    return declaration;
  });
  return [...enums, ...spec.tables.map((t) => evaluate(tableCode(t), refs) as Declaration)];
}

const quoteJs = (s: string): string => JSON.stringify(s).replace(/^"|"$/g, '').replaceAll("'", "\\'").replace(/^/, "'").replace(/$/, "'");
const key = (k: string): string => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? k : quoteJs(k));

function print(code: Code, suffix: string): string {
  const p = (c: Code): string => print(c, suffix);
  if ('call' in code) return `${code.call}(${code.args.map(p).join(', ')})`;
  if ('object' in code) return code.object.length === 0 ? '{}' : `{ ${code.object.map(([k, v]) => `${key(k)}: ${p(v)}`).join(', ')} }`;
  if ('array' in code) return `[${code.array.map(p).join(', ')}]`;
  if ('sql' in code) return `sql\`${code.sql.replaceAll('\\', '\\\\').replaceAll('`', '\\`').replaceAll('${', '\\${')}\``;
  if ('ref' in code) return `${code.ref}${suffix}`;
  if (typeof code.value === 'string') return quoteJs(code.value);
  return JSON.stringify(code.value, (_k, v: unknown) => v);
}

/** The spec as the body of a golden `case.ts`: `const` enums, then the table declarations. */
export function specSource(spec: SchemaSpec, exportName: string): string {
  const suffix = `_${exportName}`;
  const enums = spec.enums.map((e) => `const ${enumVariable(e.name)}${suffix} = ${print(enumCode(e), suffix)};`);
  const items = [...spec.enums.map((e) => `${enumVariable(e.name)}${suffix}`), ...spec.tables.map((t) => print(tableCode(t), suffix))];
  return `${enums.join('\n')}${enums.length > 0 ? '\n' : ''}export const ${exportName} = [\n${items.map((i) => `  ${i},`).join('\n')}\n];\n`;
}

/** A pasteable `case.ts` for a failing pair. */
export function caseSource(before: SchemaSpec, after: SchemaSpec): string {
  return [
    "import { bigint, bigserial, boolean, bytea, char, check, date, doublePrecision, enumColumn, enumType, foreignKey, index, integer, interval, json, jsonb, numeric, real, serial, smallint, smallserial, sql, table, text, timestamp, timestamptz, unique, uuid, varchar } from '../../../../compiler/index.js';",
    '',
    specSource(before, 'before'),
    specSource(after, 'after'),
  ].join('\n');
}
