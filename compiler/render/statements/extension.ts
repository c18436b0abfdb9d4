import type { ChangeOf } from '../../diff/index.js';
import { commentSql, type StatementPair } from '../definitions.js';
import { quoteIdent, quoteLiteral } from '../quote.js';

export function renderCreateExtension(c: ChangeOf<'extension.create'>): StatementPair {
  const { name, schema } = c.extension;
  return {
    up: [
      `CREATE EXTENSION ${quoteIdent(name)} WITH SCHEMA ${quoteIdent(schema)}${c.extension.version === undefined ? '' : ` VERSION ${quoteLiteral(c.extension.version)}`}`,
      ...(c.extension.comment === undefined ? [] : [commentSql(`EXTENSION ${quoteIdent(name)}`, c.extension.comment)]),
    ],
    down: [`DROP EXTENSION ${quoteIdent(name)}`],
  };
}

export function renderDropExtension(c: ChangeOf<'extension.drop'>): StatementPair {
  const created = renderCreateExtension({ ...c, kind: 'extension.create' });
  return { up: created.down, down: created.up };
}

export const renderUpdateExtension = (c: ChangeOf<'extension.update'>): StatementPair => ({
  up: [`ALTER EXTENSION ${quoteIdent(c.extension.name)} UPDATE TO ${quoteLiteral(c.to)}`],
  down: [`ALTER EXTENSION ${quoteIdent(c.extension.name)} UPDATE TO ${quoteLiteral(c.from)}`],
});

export const renderExtensionComment = (c: ChangeOf<'extension.comment'>): StatementPair => ({
  up: [commentSql(`EXTENSION ${quoteIdent(c.extension.name)}`, c.to)],
  down: [commentSql(`EXTENSION ${quoteIdent(c.extension.name)}`, c.from)],
});
