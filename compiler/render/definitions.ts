/**
 * SQL fragments shared by the statement renderers: types, column definitions, constraint clauses,
 * CREATE INDEX, COMMENT ON. Names always go through quote.ts.
 */
import type { Constraint } from '../diff/index.js';
import type { Column, ColumnSequence, ColumnType, Deferrable, IdentityOptions, Index, IndexKey, ReferentialAction, SchemaName, Table } from '../model/types.js';
import { qualify, quoteIdent, quoteLiteral } from './quote.js';

/** The forward and reverse statements of one change. */
export interface StatementPair {
  readonly up: readonly string[];
  readonly down: readonly string[];
}

/** `integer`, `character varying(255)`, `"public"."status"[]`, `text COLLATE "C"`. */
export function typeSql(type: ColumnType): string {
  const base = type.schema === null ? type.name : `${qualify(type.schema, type.name)}${type.modifiers ?? ''}`;
  const collation = type.collation ? ` COLLATE ${type.collation.schema === null ? quoteIdent(type.collation.name) : qualify(type.collation.schema, type.collation.name)}` : '';
  return `${type.isArray ? `${base}[]` : base}${collation}`;
}

export const tableName = (t: { schema: string; name: string }): string => qualify(t.schema, t.name);

export function identitySql(identity: IdentityOptions): string {
  const options = [
    ...(identity.start === undefined ? [] : [`START WITH ${identity.start}`]),
    ...(identity.increment === undefined ? [] : [`INCREMENT BY ${identity.increment}`]),
    ...(identity.min === undefined ? [] : [`MINVALUE ${identity.min}`]),
    ...(identity.max === undefined ? [] : [`MAXVALUE ${identity.max}`]),
    ...(identity.cache === undefined ? [] : [`CACHE ${identity.cache}`]),
    ...(identity.cycle ? ['CYCLE'] : []),
  ];
  const kind = identity.kind === 'always' ? 'ALWAYS' : 'BY DEFAULT';
  return `GENERATED ${kind} AS IDENTITY${options.length ? ` (${options.join(' ')})` : ''}`;
}

/** `nextval('"public"."t_id_seq"'::regclass)`: the default of a serial column. */
export const nextvalSql = (schema: string, sequence: ColumnSequence): string => `nextval(${quoteLiteral(qualify(schema, sequence.name))}::regclass)`;

/** CREATE SEQUENCE for a serial column (before the column exists). */
export const createSequenceSql = (schema: string, sequence: ColumnSequence): string =>
  `CREATE SEQUENCE ${qualify(schema, sequence.name)} AS ${sequence.type}`;

/** ALTER SEQUENCE … OWNED BY: the sequence goes away with its column. */
export const ownSequenceSql = (schema: string, table: string, column: string, sequence: ColumnSequence): string =>
  `ALTER SEQUENCE ${qualify(schema, sequence.name)} OWNED BY ${qualify(schema, table)}.${quoteIdent(column)}`;

/** `"email" text NOT NULL DEFAULT 'x'`, as in CREATE TABLE and ADD COLUMN (of a table in `schema`). */
export function columnDefinition(c: Column, schema: string): string {
  const parts = [quoteIdent(c.name), typeSql(c.type)];
  if (c.generated) parts.push(`GENERATED ALWAYS AS (${c.generated.sql}) STORED`);
  if (c.identity) parts.push(identitySql(c.identity));
  if (c.notNull) parts.push('NOT NULL');
  if (c.default) parts.push(`DEFAULT ${c.default.sql}`);
  if (c.sequence) parts.push(`DEFAULT ${nextvalSql(schema, c.sequence)}`);
  return parts.join(' ');
}

const columnList = (columns: readonly string[]): string => columns.map(quoteIdent).join(', ');

const ACTIONS: Record<ReferentialAction, string> = {
  'no action': 'NO ACTION',
  restrict: 'RESTRICT',
  cascade: 'CASCADE',
  'set null': 'SET NULL',
  'set default': 'SET DEFAULT',
};

export const deferrableSql = (d: Deferrable | undefined): string => (d ? ` DEFERRABLE INITIALLY ${d.toUpperCase()}` : '');
const includeSql = (include: readonly string[] | undefined): string => (include && include.length > 0 ? ` INCLUDE (${columnList(include)})` : '');

/** `CONSTRAINT "users_pkey" PRIMARY KEY ("id")` and the like. */
export function constraintDefinition(c: Constraint): string {
  const name = `CONSTRAINT ${quoteIdent(c.value.name)}`;
  switch (c.type) {
    case 'primaryKey':
      return `${name} PRIMARY KEY (${columnList(c.value.columns)})${includeSql(c.value.include)}${deferrableSql(c.value.deferrable)}`;
    case 'unique': {
      const nulls = c.value.nullsNotDistinct ? ' NULLS NOT DISTINCT' : '';
      return `${name} UNIQUE${nulls} (${columnList(c.value.columns)})${includeSql(c.value.include)}${deferrableSql(c.value.deferrable)}`;
    }
    case 'check':
      return `${name} CHECK (${c.value.expression.sql})`;
    case 'exclusion': {
      const elements = c.value.elements.map((e) => `${indexKeySql(e.key)} WITH ${e.operator}`).join(', ');
      const where = c.value.where ? ` WHERE (${c.value.where.sql})` : '';
      return `${name} EXCLUDE USING ${methodSql(c.value.method)} (${elements})${includeSql(c.value.include)}${where}${deferrableSql(c.value.deferrable)}`;
    }
    case 'foreignKey': {
      const fk = c.value;
      const actions = [
        ...(fk.onUpdate === 'no action' ? [] : [`ON UPDATE ${ACTIONS[fk.onUpdate]}`]),
        ...(fk.onDelete === 'no action' ? [] : [`ON DELETE ${ACTIONS[fk.onDelete]}`]),
      ];
      const target = qualify(fk.references.schema, fk.references.table);
      const match = fk.matchFull ? ['MATCH FULL'] : [];
      return [`${name} FOREIGN KEY (${columnList(fk.columns)}) REFERENCES ${target} (${columnList(fk.references.columns)})`, ...match, ...actions].join(' ') + deferrableSql(fk.deferrable);
    }
  }
}

const schemaNameSql = (n: SchemaName): string => (n.schema === null ? quoteIdent(n.name) : qualify(n.schema, n.name));

/** `lower(email) COLLATE "C" text_pattern_ops DESC NULLS LAST` */
function indexKeySql(k: IndexKey): string {
  const parts = [k.expression ? `(${k.expression.sql})` : quoteIdent(k.column ?? '')];
  if (k.collation) parts.push(`COLLATE ${schemaNameSql(k.collation)}`);
  if (k.opclass) parts.push(schemaNameSql(k.opclass));
  if (k.descending) parts.push('DESC');
  if (k.nulls) parts.push(`NULLS ${k.nulls.toUpperCase()}`);
  return parts.join(' ');
}

/** A storage parameter `name=value` as SQL: `fillfactor = 70`, `deduplicate_items = 'off'`. */
export function storageParameterSql(parameter: string): string {
  const at = parameter.indexOf('=');
  const [name, value] = at < 0 ? [parameter, 'true'] : [parameter.slice(0, at), parameter.slice(at + 1)];
  return `${quoteIdent(name)} = ${/^-?\d+(\.\d+)?$/.test(value) ? value : quoteLiteral(value)}`;
}

/** PostgreSQL's own access methods are written bare, as pg_dump writes them; others are quoted. */
const BUILT_IN_METHODS = new Set(['btree', 'hash', 'gin', 'gist', 'spgist', 'brin']);
const methodSql = (method: string): string => (BUILT_IN_METHODS.has(method) ? method : quoteIdent(method));

/** CREATE INDEX CONCURRENTLY (outside a transaction), or ON ONLY a partitioned table. */
export interface IndexBuildOptions {
  readonly concurrently?: boolean;
  readonly only?: boolean;
}

/**
 * `CREATE [UNIQUE] INDEX "name" ON "s"."t" USING gin (…) [INCLUDE (…)] [NULLS NOT DISTINCT]
 * [WITH (…)] [WHERE …]`
 */
export function createIndexSql(schema: string, table: string, index: Index, options: IndexBuildOptions = {}): string {
  const how = options.concurrently ? 'CONCURRENTLY ' : '';
  const only = options.only ? 'ONLY ' : '';
  const parts = [
    `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${how}${quoteIdent(index.name)} ON ${only}${qualify(schema, table)} USING ${methodSql(index.method)} (${index.keys.map(indexKeySql).join(', ')})`,
  ];
  if (index.include.length > 0) parts.push(`INCLUDE (${columnList(index.include)})`);
  if (index.nullsNotDistinct) parts.push('NULLS NOT DISTINCT');
  if (index.storage.length > 0) parts.push(`WITH (${index.storage.map(storageParameterSql).join(', ')})`);
  if (index.where) parts.push(`WHERE ${index.where.sql}`);
  return parts.join(' ');
}

export const dropIndexSql = (schema: string, name: string, options: { concurrently?: boolean } = {}): string =>
  options.concurrently ? `DROP INDEX CONCURRENTLY IF EXISTS ${qualify(schema, name)}` : `DROP INDEX ${qualify(schema, name)}`;

/** `COMMENT ON <target> IS '...'` or `IS NULL`. */
export const commentSql = (target: string, comment: string | undefined): string =>
  `COMMENT ON ${target} IS ${comment === undefined ? 'NULL' : quoteLiteral(comment)}`;

export const columnTarget = (schema: string, table: string, column: string): string =>
  `COLUMN ${qualify(schema, table)}.${quoteIdent(column)}`;

/** CREATE TABLE with columns, primary key, unique and check constraints, then its comments. */
export function createTableSql(t: Table): string[] {
  const constraints: Constraint[] = [
    ...(t.primaryKey ? [{ type: 'primaryKey', value: t.primaryKey } as const] : []),
    ...t.uniques.map((value) => ({ type: 'unique', value }) as const),
    ...t.checks.map((value) => ({ type: 'check', value }) as const),
    ...(t.exclusions ?? []).map((value) => ({ type: 'exclusion', value }) as const),
  ];
  const lines = [...t.columns.map((c) => columnDefinition(c, t.schema)), ...constraints.map(constraintDefinition)];
  const body = lines.length ? `\n  ${lines.join(',\n  ')}\n` : '';
  const serials = t.columns.filter((c) => c.sequence);
  const partitionBy = t.partitionBy ? ` PARTITION BY ${t.partitionBy.strategy.toUpperCase()} (${t.partitionBy.key})` : '';
  const storage = t.storage && t.storage.length > 0 ? ` WITH (${t.storage.map(storageParameterSql).join(', ')})` : '';
  const kind = t.unlogged ? 'UNLOGGED TABLE' : 'TABLE';
  const create = t.partitionOf
    ? `CREATE ${kind} ${tableName(t)} PARTITION OF ${qualify(t.schema, t.partitionOf.table)}${lines.length ? ` (${body})` : ''} ${t.partitionOf.bound}${partitionBy}${storage}`
    : `CREATE ${kind} ${tableName(t)} (${body})${partitionBy}${storage}`;
  return [
    ...serials.map((c) => createSequenceSql(t.schema, c.sequence!)),
    create,
    ...serials.map((c) => ownSequenceSql(t.schema, t.name, c.name, c.sequence!)),
    ...(t.comment === undefined ? [] : [commentSql(`TABLE ${tableName(t)}`, t.comment)]),
    ...t.columns.filter((c) => c.comment !== undefined).map((c) => commentSql(columnTarget(t.schema, t.name, c.name), c.comment)),
    ...constraints.filter((c) => c.value.comment !== undefined).map((c) => commentSql(`CONSTRAINT ${quoteIdent(c.value.name)} ON ${tableName(t)}`, c.value.comment)),
  ];
}
