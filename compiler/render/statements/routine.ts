import type { ChangeOf } from '../../diff/index.js';
import type { Grant, Routine, Trigger, TriggerEnabled } from '../../model/types.js';
import { grantStatements } from './grant.js';
import { commentSql, type StatementPair } from '../definitions.js';
import { qualify, quoteIdent } from '../quote.js';

/**
 * Bodies are checked when called, not when created (as pg_dump does): a routine created before
 * the tables it reads is fine.
 */
const NO_BODY_CHECK = 'SET LOCAL check_function_bodies = off';

const routineTarget = (r: Routine): string => `${r.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION'} ${qualify(r.schema, r.name)}(${r.signature})`;

function createRoutineSql(r: Routine): string[] {
  return [NO_BODY_CHECK, r.definition, ...(r.comment === undefined ? [] : [commentSql(routineTarget(r), r.comment)])];
}

export const renderCreateRoutine = (c: ChangeOf<'routine.create'>): StatementPair => ({
  up: [...createRoutineSql(c.routine), ...grantStatements(c.grants)],
  down: [`DROP ${routineTarget(c.routine)}`],
});

export const renderDropRoutine = (c: ChangeOf<'routine.drop'>): StatementPair => ({
  up: [`DROP ${routineTarget(c.routine)}`],
  down: [...createRoutineSql(c.routine), ...grantStatements(c.grants)],
});

const replaceSql = (from: Routine, to: Routine, recreate: boolean, grants: readonly Grant[] | undefined): string[] =>
  recreate ? [`DROP ${routineTarget(from)}`, ...createRoutineSql(to), ...grantStatements(grants)] : [NO_BODY_CHECK, to.definition];

export const renderReplaceRoutine = (c: ChangeOf<'routine.replace'>): StatementPair => ({
  up: replaceSql(c.from, c.to, c.recreate, c.grantsAfter),
  down: replaceSql(c.to, c.from, c.recreate, c.grantsBefore),
});

export const renderRoutineComment = (c: ChangeOf<'routine.comment'>): StatementPair => ({
  up: [commentSql(routineTarget(c.routine), c.to)],
  down: [commentSql(routineTarget(c.routine), c.from)],
});

type OnTable = { readonly schema: string; readonly table: string };
const triggerTarget = (c: OnTable, name: string): string => `TRIGGER ${quoteIdent(name)} ON ${qualify(c.schema, c.table)}`;

const ENABLE_SQL: Record<TriggerEnabled, string> = {
  origin: 'ENABLE TRIGGER',
  always: 'ENABLE ALWAYS TRIGGER',
  replica: 'ENABLE REPLICA TRIGGER',
  disabled: 'DISABLE TRIGGER',
};

const enableSql = (c: OnTable, name: string, enabled: TriggerEnabled): string =>
  `ALTER TABLE ${qualify(c.schema, c.table)} ${ENABLE_SQL[enabled]} ${quoteIdent(name)}`;

function createTriggerSql(c: OnTable, t: Trigger): string[] {
  return [
    t.definition,
    ...(t.enabled === 'origin' ? [] : [enableSql(c, t.name, t.enabled)]),
    ...(t.comment === undefined ? [] : [commentSql(triggerTarget(c, t.name), t.comment)]),
  ];
}

export const renderCreateTrigger = (c: ChangeOf<'trigger.create'>): StatementPair => ({
  up: createTriggerSql(c, c.trigger),
  down: [`DROP ${triggerTarget(c, c.trigger.name)}`],
});

export const renderDropTrigger = (c: ChangeOf<'trigger.drop'>): StatementPair => ({
  up: [`DROP ${triggerTarget(c, c.trigger.name)}`],
  down: createTriggerSql(c, c.trigger),
});

export const renderTriggerEnabled = (c: ChangeOf<'trigger.enabled'>): StatementPair => ({
  up: [enableSql(c, c.name, c.to)],
  down: [enableSql(c, c.name, c.from)],
});

export const renderTriggerComment = (c: ChangeOf<'trigger.comment'>): StatementPair => ({
  up: [commentSql(triggerTarget(c, c.name), c.to)],
  down: [commentSql(triggerTarget(c, c.name), c.from)],
});
