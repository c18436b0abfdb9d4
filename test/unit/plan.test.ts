/**
 * The planner's decisions, without a database: which form a change takes on a table that exists
 * (online) or is new (plain), what each step records, where data steps go, how a migration file
 * is cut into transactions, and which type changes are binary-coercible.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseMigrationScript } from '../../compiler/apply/script.js';
import { diffSchemas } from '../../compiler/diff/index.js';
import { check, dataStep, index, integer, sql, table, text, uuid } from '../../compiler/index.js';
import { durationMs } from '../../compiler/load/config.js';
import type { ColumnType } from '../../compiler/model/types.js';
import { EMPTY_SCHEMA } from '../../compiler/model/types.js';
import { isBinaryCoercible, planChanges, type Plan } from '../../compiler/plan/index.js';
import { renderMigrationFiles, renderSteps } from '../../compiler/render/index.js';
import { loadParser } from '../../compiler/expr/index.js';
import { declare } from '../helpers/schema.js';

beforeAll(loadParser);

const users = (extra: { index?: boolean; check?: boolean; notNull?: boolean } = {}) =>
  table('users', {
    columns: { id: uuid({ primaryKey: true }), email: text({ notNull: extra.notNull ?? false }), age: integer() },
    indexes: extra.index ? [index(['email'], { name: 'users_email_idx' })] : [],
    checks: extra.check ? [check(sql`age >= 0`, { name: 'users_age_check' })] : [],
  });

async function plan(before: Parameters<typeof declare>, after: Parameters<typeof declare>, online = true): Promise<Plan> {
  const [from, to] = [await declare(...before), await declare(...after)];
  return planChanges(diffSchemas(from, to, { dataSteps: true }), { from, to, online });
}

const summary = (p: Plan) => p.steps.map((s) => `${s.form.kind} ${s.transaction} ${s.lock} ${s.effect}`);

describe('plan', () => {
  it('changes to an existing table take online forms, each with its lock, effect and transaction', async () => {
    const p = await plan([users()], [users({ index: true, check: true, notNull: true })]);
    expect(summary(p)).toEqual([
      'notNull.check shared ACCESS EXCLUSIVE none',
      'notNull.validate own SHARE UPDATE EXCLUSIVE scan',
      'notNull.set shared ACCESS EXCLUSIVE none',
      'constraint.notValid shared ACCESS EXCLUSIVE none',
      'constraint.validate own SHARE UPDATE EXCLUSIVE scan',
      'index.concurrently none SHARE UPDATE EXCLUSIVE scan',
    ]);
    expect(p.steps.flatMap((s) => s.hazards).map((h) => h.kind)).not.toContain('long-lock');
  });

  it('with online off, the same changes are plain statements that hold their locks while they scan', async () => {
    const p = await plan([users()], [users({ index: true, check: true, notNull: true })], false);
    expect(summary(p)).toEqual([
      'plain shared ACCESS EXCLUSIVE scan',
      'plain shared ACCESS EXCLUSIVE scan',
      'plain shared SHARE scan',
    ]);
    expect(p.steps.every((s) => s.hazards.some((h) => h.kind === 'long-lock'))).toBe(true);
  });

  it('a new table gets the plain, fast statements: nothing to lock, nothing to scan', async () => {
    const p = await plan([], [users({ index: true, check: true })]);
    expect(summary(p)).toEqual(['plain shared none none', 'plain shared none none']);
    expect(p.steps.flatMap((s) => s.hazards)).toEqual([]);
  });

  it('drops are irreversible, and say why', async () => {
    const p = await plan([users(), table('old', { columns: { id: uuid({ primaryKey: true }) } })], [users()]);
    expect(p.steps.map((s) => s.irreversible)).toEqual(['drops table public.old: rollback recreates it empty']);
    const files = renderMigrationFiles('drop_old', renderSteps(p));
    expect(files.down).toContain('-- schemac:irreversible step 1: drops table public.old');
    expect(parseMigrationScript(files.down, 'down.sql').irreversible).toEqual(['step 1: drops table public.old: rollback recreates it empty']);
    expect(JSON.parse(files.plan).irreversible).toEqual([{ number: 1, reason: 'drops table public.old: rollback recreates it empty' }]);
  });

  it('data steps run right after (or before) the step they name, several in name order, unnamed ones last', async () => {
    const audit = table('audit', { columns: { id: uuid({ primaryKey: true }) } });
    const p = await plan([users()], [
      users(), audit,
      dataStep('b_fill', { after: 'table:public.audit', up: sql`SELECT 1` }),
      dataStep('a_fill', { after: 'table:public.audit', up: sql`SELECT 2` }),
      dataStep('check_first', { before: 'table:public.audit', up: sql`SELECT 3` }),
      dataStep('at_the_end', { up: sql`SELECT 4`, transaction: 'none' }),
    ]);
    expect(p.steps.map((s) => s.change.path)).toEqual(['data:check_first', 'table:public.audit', 'data:a_fill', 'data:b_fill', 'data:at_the_end']);
    expect(p.steps.at(-1)!.transaction).toBe('none');
  });

  it('a data step that already ran (it is in the snapshot) does not run again', async () => {
    const step = dataStep('once', { up: sql`SELECT 1` });
    expect((await plan([users(), step], [users(), step])).steps).toEqual([]);
    expect(diffSchemas(EMPTY_SCHEMA, await declare(step))).toEqual([]); // drift and plan never see them
  });
});

describe('migration files as apply runs them', () => {
  it('shared steps share a transaction; own and none steps run on their own', async () => {
    const p = await plan([users()], [users({ index: true, check: true })]);
    const { up } = renderMigrationFiles('x', renderSteps(p));
    const units = parseMigrationScript(up, 'up.sql').units;
    expect(units.map((u) => `${u.mode}:${u.steps.join(',')}`)).toEqual(['shared:1', 'own:2', 'none:3']);
  });

  it('a hand-written statement that cannot run in a transaction runs alone even without a directive', () => {
    const units = parseMigrationScript('ALTER TABLE t ADD COLUMN a int;\nCREATE INDEX CONCURRENTLY i ON t (a);\nALTER TABLE t ADD COLUMN b int;\n', 'x.sql').units;
    expect(units.map((u) => u.mode)).toEqual(['shared', 'none', 'shared']);
  });

  it('BEGIN or COMMIT in a migration file is refused with its line', () => {
    expect(() => parseMigrationScript('SELECT 1;\nCOMMIT;\n', 'x.sql')).toThrow(/must not contain BEGIN, COMMIT or ROLLBACK/);
  });
});

describe('binary-coercible type changes', () => {
  const t = (name: string): ColumnType => ({ schema: null, name, isArray: false });
  it.each([
    ['character varying(10)', 'character varying(20)', true],
    ['character varying(10)', 'character varying', true],
    ['character varying(10)', 'text', true],
    ['character varying(20)', 'character varying(10)', false],
    ['numeric(10,2)', 'numeric(12,2)', true],
    ['numeric(10,2)', 'numeric(12,3)', false],
    ['numeric(10,2)', 'numeric', true],
    ['timestamp(3) without time zone', 'timestamp(6) without time zone', true],
    ['timestamp without time zone', 'timestamp with time zone', false],
    ['integer', 'bigint', false],
    ['text', 'character varying(10)', false],
  ] as const)('%s → %s: %s', (from, to, expected) => {
    expect(isBinaryCoercible(t(from), t(to))).toBe(expected);
  });
});

describe('durations in the config', () => {
  it.each([['5s', 5000], ['500ms', 500], ['2min', 120_000], ['250', 250], ['0', 0], ['soon', NaN]] as const)('%s = %d ms', (text, ms) => {
    expect(durationMs(text)).toBe(ms);
  });
});
