import type { ChangeOf } from '../../diff/index.js';
import { commentSql, constraintDefinition, type StatementPair } from '../definitions.js';
import { qualify, quoteIdent } from '../quote.js';

type On = { readonly schema: string; readonly table: string };
const alter = (on: On, action: string): string => `ALTER TABLE ${qualify(on.schema, on.table)} ${action}`;

const constraintTarget = (on: On, name: string): string => `CONSTRAINT ${quoteIdent(name)} ON ${qualify(on.schema, on.table)}`;

/** ADD CONSTRAINT and its comment. */
export const addConstraintSql = (c: On & { constraint: ChangeOf<'constraint.add'>['constraint'] }): string[] => [
  alter(c, `ADD ${constraintDefinition(c.constraint)}`),
  ...(c.constraint.value.comment === undefined ? [] : [commentSql(constraintTarget(c, c.constraint.value.name), c.constraint.value.comment)]),
];

export const renderConstraintComment = (c: ChangeOf<'constraint.comment'>): StatementPair => ({
  up: [commentSql(constraintTarget(c, c.name), c.to)],
  down: [commentSql(constraintTarget(c, c.name), c.from)],
});

export const renderAddConstraint = (c: ChangeOf<'constraint.add'>): StatementPair => ({
  up: addConstraintSql(c),
  down: [alter(c, `DROP CONSTRAINT ${quoteIdent(c.constraint.value.name)}`)],
});

export const renderDropConstraint = (c: ChangeOf<'constraint.drop'>): StatementPair => ({
  up: [alter(c, `DROP CONSTRAINT ${quoteIdent(c.constraint.value.name)}`)],
  down: addConstraintSql(c),
});

export const renderRenameConstraint = (c: ChangeOf<'constraint.rename'>): StatementPair => ({
  up: [alter(c, `RENAME CONSTRAINT ${quoteIdent(c.from)} TO ${quoteIdent(c.to)}`)],
  down: [alter(c, `RENAME CONSTRAINT ${quoteIdent(c.to)} TO ${quoteIdent(c.from)}`)],
});
