import type { ChangeOf } from '../../diff/index.js';
import { constraintDefinition, type StatementPair } from '../definitions.js';
import { qualify, quoteIdent } from '../quote.js';

type On = { readonly schema: string; readonly table: string };
const alter = (on: On, action: string): string => `ALTER TABLE ${qualify(on.schema, on.table)} ${action}`;

export const renderAddConstraint = (c: ChangeOf<'constraint.add'>): StatementPair => ({
  up: [alter(c, `ADD ${constraintDefinition(c.constraint)}`)],
  down: [alter(c, `DROP CONSTRAINT ${quoteIdent(c.constraint.value.name)}`)],
});

export const renderDropConstraint = (c: ChangeOf<'constraint.drop'>): StatementPair => ({
  up: [alter(c, `DROP CONSTRAINT ${quoteIdent(c.constraint.value.name)}`)],
  down: [alter(c, `ADD ${constraintDefinition(c.constraint)}`)],
});

export const renderRenameConstraint = (c: ChangeOf<'constraint.rename'>): StatementPair => ({
  up: [alter(c, `RENAME CONSTRAINT ${quoteIdent(c.from)} TO ${quoteIdent(c.to)}`)],
  down: [alter(c, `RENAME CONSTRAINT ${quoteIdent(c.to)} TO ${quoteIdent(c.from)}`)],
});
