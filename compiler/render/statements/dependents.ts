/**
 * CHECKs and partial or expression indexes rebuilt around a change PostgreSQL cannot carry them
 * through (an enum type recreated, a column changed to or from an enum type):
 *
 *   ALTER TABLE "s"."t" DROP CONSTRAINT "t_ck";  DROP INDEX "s"."t_ix";
 *   … the change …
 *   ALTER TABLE "s"."t" ADD CONSTRAINT "t_ck" CHECK (…);  COMMENT ON CONSTRAINT "t_ck" ON "s"."t" IS '…';
 *   CREATE INDEX "t_ix" ON "s"."t" … WHERE …;  COMMENT ON INDEX "s"."t_ix" IS '…';
 */
import type { TableDependents } from '../../diff/index.js';
import { dropIndexSql } from '../definitions.js';
import { qualify, quoteIdent } from '../quote.js';
import { addConstraintSql } from './constraint.js';
import { createIndexWithCommentSql } from './indexes.js';

type On = { readonly schema: string; readonly table: string };

export const dropDependentsSql = (on: On, dependents: TableDependents): string[] => [
  ...dependents.checks.map((c) => `ALTER TABLE ${qualify(on.schema, on.table)} DROP CONSTRAINT ${quoteIdent(c.name)}`),
  ...dependents.indexes.map((i) => dropIndexSql(on.schema, i.name)),
];

/** The dependents re-created, each with its comment. */
export const createDependentsSql = (on: On, dependents: TableDependents): string[] => [
  ...dependents.checks.flatMap((value) => addConstraintSql({ ...on, constraint: { type: 'check', value } })),
  ...dependents.indexes.flatMap((i) => createIndexWithCommentSql(on.schema, on.table, i)),
];
