import type { ChangeOf, TableDependents } from '../../diff/index.js';
import type { Column, ColumnSequence, Expression, IdentityOptions } from '../../model/types.js';
import { columnDefinition, columnTarget, commentSql, createSequenceSql, identitySql, nextvalSql, ownSequenceSql, typeSql, type StatementPair } from '../definitions.js';
import { qualify, quoteIdent } from '../quote.js';
import { createDependentsSql, dropDependentsSql } from './dependents.js';

type On = { readonly schema: string; readonly table: string };

const alter = (on: On, action: string): string => `ALTER TABLE ${qualify(on.schema, on.table)} ${action}`;
const alterColumn = (on: On, column: string, action: string): string => alter(on, `ALTER COLUMN ${quoteIdent(column)} ${action}`);

function addColumnSql(on: On, column: Column): string[] {
  return [
    ...(column.sequence ? [createSequenceSql(on.schema, column.sequence)] : []),
    alter(on, `ADD COLUMN ${columnDefinition(column, on.schema)}`),
    ...(column.sequence ? [ownSequenceSql(on.schema, on.table, column.name, column.sequence)] : []),
    ...(column.comment === undefined ? [] : [commentSql(columnTarget(on.schema, on.table, column.name), column.comment)]),
  ];
}

export const renderAddColumn = (c: ChangeOf<'column.add'>): StatementPair => ({
  up: addColumnSql(c, c.column),
  down: [alter(c, `DROP COLUMN ${quoteIdent(c.column.name)}`)],
});

export const renderDropColumn = (c: ChangeOf<'column.drop'>): StatementPair => ({
  up: [alter(c, `DROP COLUMN ${quoteIdent(c.column.name)}`)],
  down: addColumnSql(c, c.column),
});

export const renderRenameColumn = (c: ChangeOf<'column.rename'>): StatementPair => ({
  up: [alter(c, `RENAME COLUMN ${quoteIdent(c.from)} TO ${quoteIdent(c.to)}`)],
  down: [alter(c, `RENAME COLUMN ${quoteIdent(c.to)} TO ${quoteIdent(c.from)}`)],
});

interface Retype {
  readonly type: ChangeOf<'column.type'>['to'];
  /** The default to drop before, and the one to set after. */
  readonly fromDefault?: Expression;
  readonly toDefault?: Expression;
  readonly throughText?: boolean;
  readonly dependents?: { readonly before: TableDependents; readonly after: TableDependents };
}

/**
 * `ALTER TABLE … ALTER COLUMN "c" TYPE t USING "c"::t` (`"c"::text::t` between two enums), with the
 * default dropped before and set after, and the CHECKs and indexes that read the column rebuilt
 * around it.
 */
function retypeSql(on: On, column: string, r: Retype): string[] {
  const target = typeSql(r.type);
  const cast = typeSql({ ...r.type, collation: undefined });
  const value = r.throughText ? `${quoteIdent(column)}::text` : quoteIdent(column);
  return [
    ...(r.dependents ? dropDependentsSql(on, r.dependents.before) : []),
    ...(r.fromDefault ? [alterColumn(on, column, 'DROP DEFAULT')] : []),
    alterColumn(on, column, `TYPE ${target} USING ${value}::${cast}`),
    ...(r.toDefault ? [alterColumn(on, column, `SET DEFAULT ${r.toDefault.sql}`)] : []),
    ...(r.dependents ? createDependentsSql(on, r.dependents.after) : []),
  ];
}

/** A type change converts existing values with a cast; defaults are dropped first and set again. */
export const renderColumnType = (c: ChangeOf<'column.type'>): StatementPair => ({
  up: retypeSql(c, c.column, { type: c.to, fromDefault: c.fromDefault, toDefault: c.toDefault, throughText: c.throughText, dependents: c.dependents }),
  down: retypeSql(c, c.column, {
    type: c.from, fromDefault: c.toDefault, toDefault: c.fromDefault, throughText: c.throughText,
    dependents: c.dependents && { before: c.dependents.after, after: c.dependents.before },
  }),
});

const nullabilitySql = (c: On & { column: string }, notNull: boolean): string =>
  alterColumn(c, c.column, notNull ? 'SET NOT NULL' : 'DROP NOT NULL');

export const renderColumnNullability = (c: ChangeOf<'column.nullability'>): StatementPair => ({
  up: [nullabilitySql(c, c.notNull)],
  down: [nullabilitySql(c, !c.notNull)],
});

const defaultSql = (c: On & { column: string }, value: Expression | undefined): string =>
  alterColumn(c, c.column, value ? `SET DEFAULT ${value.sql}` : 'DROP DEFAULT');

export const renderColumnDefault = (c: ChangeOf<'column.default'>): StatementPair => ({
  up: [defaultSql(c, c.to)],
  down: [defaultSql(c, c.from)],
});

function identityChangeSql(c: On & { column: string }, from?: IdentityOptions, to?: IdentityOptions): string[] {
  if (!to) return [alterColumn(c, c.column, 'DROP IDENTITY')];
  if (!from) return [alterColumn(c, c.column, `ADD ${identitySql(to)}`)];
  const kind = to.kind === 'always' ? 'ALWAYS' : 'BY DEFAULT';
  const options = [
    `SET GENERATED ${kind}`,
    `SET INCREMENT BY ${to.increment ?? '1'}`,
    to.min === undefined ? 'SET NO MINVALUE' : `SET MINVALUE ${to.min}`,
    to.max === undefined ? 'SET NO MAXVALUE' : `SET MAXVALUE ${to.max}`,
    `SET CACHE ${to.cache ?? '1'}`,
    to.cycle ? 'SET CYCLE' : 'SET NO CYCLE',
    // The default start is the minimum (ascending) or the maximum (descending).
    `SET START WITH ${to.start ?? ((to.increment ?? '1').startsWith('-') ? to.max ?? '-1' : to.min ?? '1')}`,
  ];
  return [alterColumn(c, c.column, options.join(' '))];
}

export const renderColumnIdentity = (c: ChangeOf<'column.identity'>): StatementPair => ({
  up: identityChangeSql(c, c.from, c.to),
  down: identityChangeSql(c, c.to, c.from),
});

export const renderColumnComment = (c: ChangeOf<'column.comment'>): StatementPair => ({
  up: [commentSql(columnTarget(c.schema, c.table, c.column), c.to)],
  down: [commentSql(columnTarget(c.schema, c.table, c.column), c.from)],
});

/** Serial ↔ plain: create or drop the owned sequence and its default; rename or retype it in place. */
function sequenceChangeSql(c: On & { column: string }, from?: ColumnSequence, to?: ColumnSequence): string[] {
  if (from && to) {
    const renamed = from.name === to.name ? [] : [`ALTER SEQUENCE ${qualify(c.schema, from.name)} RENAME TO ${quoteIdent(to.name)}`];
    const retyped = from.type === to.type ? [] : [`ALTER SEQUENCE ${qualify(c.schema, to.name)} AS ${to.type}`];
    return [...renamed, ...retyped];
  }
  if (to) {
    return [createSequenceSql(c.schema, to), alterColumn(c, c.column, `SET DEFAULT ${nextvalSql(c.schema, to)}`), ownSequenceSql(c.schema, c.table, c.column, to)];
  }
  return from ? [alterColumn(c, c.column, 'DROP DEFAULT'), `DROP SEQUENCE ${qualify(c.schema, from.name)}`] : [];
}

export const renderColumnSequence = (c: ChangeOf<'column.sequence'>): StatementPair => ({
  up: sequenceChangeSql(c, c.from, c.to),
  down: sequenceChangeSql(c, c.to, c.from),
});
