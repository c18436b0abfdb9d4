import type { ChangeOf } from '../../diff/index.js';
import type { View } from '../../model/types.js';
import { commentSql, createIndexSql, type StatementPair } from '../definitions.js';
import { qualify, quoteIdent } from '../quote.js';
import { grantStatements } from './grant.js';

const kindSql = (v: View): string => (v.materialized ? 'MATERIALIZED VIEW' : 'VIEW');
const viewName = (v: View): string => qualify(v.schema, v.name);

/** The query without a trailing semicolon (pg_get_viewdef ends with one). */
const querySql = (v: View): string => v.query.sql.trim().replace(/;\s*$/, '');

function optionsSql(v: View): string {
  const options = [
    ...(v.securityInvoker ? ['security_invoker = true'] : []),
    ...(v.securityBarrier ? ['security_barrier = true'] : []),
    ...(v.checkOption ? [`check_option = ${v.checkOption}`] : []),
  ];
  return options.length > 0 ? ` WITH (${options.join(', ')})` : '';
}

/** COMMENT statements for a view and its columns; `previous` resets comments that went away. */
function commentsSql(v: View, previous?: View): string[] {
  const statements: string[] = [];
  if (v.comment !== undefined || previous?.comment !== undefined) statements.push(commentSql(`${kindSql(v)} ${viewName(v)}`, v.comment));
  const columns = new Set([...v.columnComments.map((c) => c.column), ...(previous?.columnComments ?? []).map((c) => c.column)]);
  for (const column of [...columns].sort()) {
    const comment = v.columnComments.find((c) => c.column === column)?.comment;
    statements.push(commentSql(`COLUMN ${viewName(v)}.${quoteIdent(column)}`, comment));
  }
  return statements;
}

/** CREATE [MATERIALIZED] VIEW … AS <query> [WITH NO DATA], its comments and (materialized) indexes. */
export function createViewSql(v: View): string[] {
  const data = v.materialized ? (v.withNoData ? ' WITH NO DATA' : '') : '';
  return [
    `CREATE ${kindSql(v)} ${viewName(v)}${optionsSql(v)} AS\n${querySql(v)}${data}`,
    ...commentsSql(v),
    ...v.indexes.flatMap((index) => [
      createIndexSql(v.schema, v.name, index),
      ...(index.comment === undefined ? [] : [commentSql(`INDEX ${qualify(v.schema, index.name)}`, index.comment)]),
    ]),
  ];
}

export const renderCreateView = (c: ChangeOf<'view.create'>): StatementPair => ({
  up: [...createViewSql(c.view), ...grantStatements(c.grants)],
  down: [`DROP ${kindSql(c.view)} ${viewName(c.view)}`],
});

export const renderDropView = (c: ChangeOf<'view.drop'>): StatementPair => ({
  up: [`DROP ${kindSql(c.view)} ${viewName(c.view)}`],
  down: [...createViewSql(c.view), ...grantStatements(c.grants)],
});

export const renderViewComment = (c: ChangeOf<'view.comment'>): StatementPair => ({
  up: commentsSql(c.to, c.from),
  down: commentsSql(c.from, c.to),
});

export const renderRenameView = (c: ChangeOf<'view.rename'>): StatementPair => ({
  up: [`ALTER ${kindSql(c.view)} ${qualify(c.view.schema, c.from)} RENAME TO ${quoteIdent(c.view.name)}`],
  down: [`ALTER ${kindSql(c.view)} ${viewName(c.view)} RENAME TO ${quoteIdent(c.from)}`],
});
