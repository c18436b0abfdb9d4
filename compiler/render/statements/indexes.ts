import type { ChangeOf } from '../../diff/index.js';
import { createIndexSql, dropIndexSql, type StatementPair } from '../definitions.js';
import { qualify, quoteIdent } from '../quote.js';

export const renderCreateIndex = (c: ChangeOf<'index.create'>): StatementPair => ({
  up: [createIndexSql(c.schema, c.table, c.index)],
  down: [dropIndexSql(c.schema, c.index.name)],
});

export const renderDropIndex = (c: ChangeOf<'index.drop'>): StatementPair => ({
  up: [dropIndexSql(c.schema, c.index.name)],
  down: [createIndexSql(c.schema, c.table, c.index)],
});

export const renderRenameIndex = (c: ChangeOf<'index.rename'>): StatementPair => ({
  up: [`ALTER INDEX ${qualify(c.schema, c.from)} RENAME TO ${quoteIdent(c.to)}`],
  down: [`ALTER INDEX ${qualify(c.schema, c.to)} RENAME TO ${quoteIdent(c.from)}`],
});
