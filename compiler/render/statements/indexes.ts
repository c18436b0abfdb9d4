import type { ChangeOf } from '../../diff/index.js';
import { commentSql, createIndexSql, dropIndexSql, type StatementPair } from '../definitions.js';
import { qualify, quoteIdent } from '../quote.js';

const indexComment = (schema: string, name: string, comment: string | undefined): string => commentSql(`INDEX ${qualify(schema, name)}`, comment);

/** CREATE INDEX and its comment. */
export const createIndexWithCommentSql = (schema: string, table: string, index: ChangeOf<'index.create'>['index']): string[] => [
  createIndexSql(schema, table, index),
  ...(index.comment === undefined ? [] : [indexComment(schema, index.name, index.comment)]),
];

export const renderCreateIndex = (c: ChangeOf<'index.create'>): StatementPair => ({
  up: createIndexWithCommentSql(c.schema, c.table, c.index),
  down: [dropIndexSql(c.schema, c.index.name)],
});

export const renderDropIndex = (c: ChangeOf<'index.drop'>): StatementPair => ({
  up: [dropIndexSql(c.schema, c.index.name)],
  down: createIndexWithCommentSql(c.schema, c.table, c.index),
});

export const renderIndexComment = (c: ChangeOf<'index.comment'>): StatementPair => ({
  up: [indexComment(c.schema, c.name, c.to)],
  down: [indexComment(c.schema, c.name, c.from)],
});

export const renderRenameIndex = (c: ChangeOf<'index.rename'>): StatementPair => ({
  up: [`ALTER INDEX ${qualify(c.schema, c.from)} RENAME TO ${quoteIdent(c.to)}`],
  down: [`ALTER INDEX ${qualify(c.schema, c.to)} RENAME TO ${quoteIdent(c.from)}`],
});
