/**
 * Statements of the online forms of a change (see plan/online.ts): the same change as its plain
 * renderer, split into steps that hold strong locks only for a moment.
 */
import type { Change, ChangeOf } from '../../diff/index.js';
import type { Index } from '../../model/types.js';
import type { StepForm } from '../../plan/index.js';
import { commentSql, constraintDefinition, createIndexSql, deferrableSql, dropIndexSql, type StatementPair } from '../definitions.js';
import { qualify, quoteIdent } from '../quote.js';

type On = { readonly schema: string; readonly table: string };
const alter = (on: On, action: string): string => `ALTER TABLE ${qualify(on.schema, on.table)} ${action}`;
const NOTHING: readonly string[] = [];

function unexpected(form: StepForm, change: Change): never {
  throw new Error(`step form ${form.kind} does not apply to ${change.kind} (${change.path})`);
}

const indexComment = (schema: string, index: Index): string[] =>
  index.comment === undefined ? [] : [commentSql(`INDEX ${qualify(schema, index.name)}`, index.comment)];

/** CREATE INDEX CONCURRENTLY on the table or one partition; DROP INDEX CONCURRENTLY. */
function concurrently(change: Change, form: Extract<StepForm, { kind: 'index.concurrently' }>): StatementPair {
  if (change.kind === 'index.drop') {
    return { up: [dropIndexSql(change.schema, change.index.name, { concurrently: true })], down: [createIndexSql(change.schema, change.table, change.index, { concurrently: true }), ...indexComment(change.schema, change.index)] };
  }
  if (change.kind !== 'index.create') return unexpected(form, change);
  const index = { ...change.index, name: form.name };
  const own = form.name === change.index.name; // the change's own index, not a partition's share
  return {
    up: [createIndexSql(change.schema, form.table, index, { concurrently: true }), ...(own ? indexComment(change.schema, change.index) : [])],
    // A partition's share goes away with the parent index.
    down: own ? [dropIndexSql(change.schema, form.name, { concurrently: true })] : NOTHING,
  };
}

function onOnly(change: Change, form: Extract<StepForm, { kind: 'index.onOnly' }>): StatementPair {
  if (change.kind !== 'index.create') return unexpected(form, change);
  const own = form.name === change.index.name;
  return {
    up: [createIndexSql(change.schema, form.table, { ...change.index, name: form.name }, { only: true }), ...(own ? indexComment(change.schema, change.index) : [])],
    down: own ? [dropIndexSql(change.schema, form.name)] : NOTHING,
  };
}

const attach = (change: Change, form: Extract<StepForm, { kind: 'index.attach' }>): StatementPair =>
  change.kind === 'index.create'
    ? { up: [`ALTER INDEX ${qualify(change.schema, form.parent)} ATTACH PARTITION ${qualify(change.schema, form.child)}`], down: NOTHING }
    : unexpected(form, change);

const constraintComment = (c: ChangeOf<'constraint.add'>): string[] =>
  c.constraint.value.comment === undefined ? [] : [commentSql(`CONSTRAINT ${quoteIdent(c.constraint.value.name)} ON ${qualify(c.schema, c.table)}`, c.constraint.value.comment)];

const dropConstraint = (c: ChangeOf<'constraint.add'>): string => alter(c, `DROP CONSTRAINT ${quoteIdent(c.constraint.value.name)}`);

/** `ADD CONSTRAINT … NOT VALID`, then `VALIDATE CONSTRAINT` in a transaction of its own. */
function notValid(change: Change, form: StepForm): StatementPair {
  if (change.kind !== 'constraint.add') return unexpected(form, change);
  if (form.kind === 'constraint.validate') return { up: [alter(change, `VALIDATE CONSTRAINT ${quoteIdent(change.constraint.value.name)}`)], down: NOTHING };
  return { up: [alter(change, `ADD ${constraintDefinition(change.constraint)} NOT VALID`), ...constraintComment(change)], down: [dropConstraint(change)] };
}

/** The unique index of a key built concurrently, then the key added on it. */
function usingIndex(change: Change, form: StepForm): StatementPair {
  if (change.kind !== 'constraint.add' || (change.constraint.type !== 'unique' && change.constraint.type !== 'primaryKey')) return unexpected(form, change);
  const key = change.constraint.value;
  const index: Index = {
    name: key.name,
    unique: true,
    method: 'btree',
    keys: key.columns.map((column) => ({ column, descending: false })),
    include: key.include ?? [],
    ...(change.constraint.type === 'unique' && change.constraint.value.nullsNotDistinct ? { nullsNotDistinct: true } : {}),
    storage: [],
  };
  if (form.kind === 'constraint.buildIndex') {
    // Once the key owns the index, dropping the key drops it: on the way down this finds nothing.
    return { up: [createIndexSql(change.schema, change.table, index, { concurrently: true })], down: [dropIndexSql(change.schema, key.name, { concurrently: true })] };
  }
  const kind = change.constraint.type === 'primaryKey' ? 'PRIMARY KEY' : 'UNIQUE';
  return {
    up: [alter(change, `ADD CONSTRAINT ${quoteIdent(key.name)} ${kind} USING INDEX ${quoteIdent(key.name)}${deferrableSql(key.deferrable)}`), ...constraintComment(change)],
    down: [dropConstraint(change)],
  };
}

/** SET NOT NULL proved by a validated CHECK (col IS NOT NULL) first, so it does not scan. */
function notNull(change: Change, form: Extract<StepForm, { kind: 'notNull.check' | 'notNull.validate' | 'notNull.set' }>): StatementPair {
  if (change.kind !== 'column.nullability') return unexpected(form, change);
  const check = quoteIdent(form.constraint);
  const column = quoteIdent(change.column);
  switch (form.kind) {
    case 'notNull.check':
      return { up: [alter(change, `ADD CONSTRAINT ${check} CHECK (${column} IS NOT NULL) NOT VALID`)], down: [alter(change, `DROP CONSTRAINT IF EXISTS ${check}`)] };
    case 'notNull.validate':
      return { up: [alter(change, `VALIDATE CONSTRAINT ${check}`)], down: NOTHING };
    case 'notNull.set':
      return { up: [alter(change, `ALTER COLUMN ${column} SET NOT NULL`), alter(change, `DROP CONSTRAINT ${check}`)], down: [alter(change, `ALTER COLUMN ${column} DROP NOT NULL`)] };
  }
}

/** The statements of an online step form (every form but `plain`). */
export function renderOnlineForm(change: Change, form: Exclude<StepForm, { kind: 'plain' }>): StatementPair {
  switch (form.kind) {
    case 'index.concurrently':
      return concurrently(change, form);
    case 'index.onOnly':
      return onOnly(change, form);
    case 'index.attach':
      return attach(change, form);
    case 'constraint.notValid':
    case 'constraint.validate':
      return notValid(change, form);
    case 'constraint.buildIndex':
    case 'constraint.usingIndex':
      return usingIndex(change, form);
    case 'notNull.check':
    case 'notNull.validate':
    case 'notNull.set':
      return notNull(change, form);
  }
}
