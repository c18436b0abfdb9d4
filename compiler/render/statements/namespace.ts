import type { ChangeOf } from '../../diff/index.js';
import { commentSql, type StatementPair } from '../definitions.js';
import { quoteIdent } from '../quote.js';
import { grantStatements } from './grant.js';

const target = (name: string): string => `SCHEMA ${quoteIdent(name)}`;

export function renderCreateNamespace(c: ChangeOf<'namespace.create'>): StatementPair {
  const create = [`CREATE SCHEMA ${quoteIdent(c.namespace.name)}`];
  if (c.namespace.comment !== undefined) create.push(commentSql(target(c.namespace.name), c.namespace.comment));
  return { up: [...create, ...grantStatements(c.grants)], down: [`DROP SCHEMA ${quoteIdent(c.namespace.name)}`] };
}

export function renderDropNamespace(c: ChangeOf<'namespace.drop'>): StatementPair {
  const created = renderCreateNamespace({ ...c, kind: 'namespace.create' });
  return { up: created.down, down: created.up };
}

export const renderNamespaceComment = (c: ChangeOf<'namespace.comment'>): StatementPair => ({
  up: [commentSql(target(c.name), c.to)],
  down: [commentSql(target(c.name), c.from)],
});
