import type { ChangeOf } from '../../diff/index.js';
import type { Policy } from '../../model/types.js';
import { commentSql, type StatementPair } from '../definitions.js';
import { qualify, quoteIdent } from '../quote.js';

type OnTable = { readonly schema: string; readonly table: string };

const rolesSql = (p: Policy): string => p.roles.map((r) => (r === 'public' ? 'PUBLIC' : quoteIdent(r))).join(', ');

/** CREATE POLICY "p" ON "s"."t" AS RESTRICTIVE FOR SELECT TO "app" USING (…) WITH CHECK (…) */
function createPolicySql(c: OnTable, p: Policy): string {
  return [
    `CREATE POLICY ${quoteIdent(p.name)} ON ${qualify(c.schema, c.table)}`,
    `AS ${p.permissive ? 'PERMISSIVE' : 'RESTRICTIVE'}`,
    `FOR ${p.command.toUpperCase()}`,
    `TO ${rolesSql(p)}`,
    ...(p.using ? [`USING (${p.using.sql})`] : []),
    ...(p.withCheck ? [`WITH CHECK (${p.withCheck.sql})`] : []),
  ].join(' ');
}

const dropPolicySql = (c: OnTable, p: Policy): string => `DROP POLICY ${quoteIdent(p.name)} ON ${qualify(c.schema, c.table)}`;

/** ALTER POLICY cannot remove a USING or WITH CHECK clause: then it is dropped and created. */
function alterPolicySql(c: OnTable, from: Policy, to: Policy): string[] {
  if ((from.using && !to.using) || (from.withCheck && !to.withCheck)) return [dropPolicySql(c, from), createPolicySql(c, to)];
  return [[
    `ALTER POLICY ${quoteIdent(to.name)} ON ${qualify(c.schema, c.table)}`,
    `TO ${rolesSql(to)}`,
    ...(to.using ? [`USING (${to.using.sql})`] : []),
    ...(to.withCheck ? [`WITH CHECK (${to.withCheck.sql})`] : []),
  ].join(' ')];
}

const policyCommentSql = (c: OnTable, name: string, comment: string | undefined): string =>
  commentSql(`POLICY ${quoteIdent(name)} ON ${qualify(c.schema, c.table)}`, comment);

const createWithComment = (c: OnTable, p: Policy): string[] => [createPolicySql(c, p), ...(p.comment === undefined ? [] : [policyCommentSql(c, p.name, p.comment)])];

export const renderCreatePolicy = (c: ChangeOf<'policy.create'>): StatementPair => ({ up: createWithComment(c, c.policy), down: [dropPolicySql(c, c.policy)] });
export const renderDropPolicy = (c: ChangeOf<'policy.drop'>): StatementPair => ({ up: [dropPolicySql(c, c.policy)], down: createWithComment(c, c.policy) });
export const renderPolicyComment = (c: ChangeOf<'policy.comment'>): StatementPair => ({
  up: [policyCommentSql(c, c.name, c.to)],
  down: [policyCommentSql(c, c.name, c.from)],
});
export const renderAlterPolicy = (c: ChangeOf<'policy.alter'>): StatementPair => ({ up: alterPolicySql(c, c.from, c.to), down: alterPolicySql(c, c.to, c.from) });

function rowLevelSecuritySql(c: OnTable, from: 'enabled' | 'forced' | undefined, to: 'enabled' | 'forced' | undefined): string[] {
  const table = qualify(c.schema, c.table);
  const statements: string[] = [];
  if (!from && to) statements.push(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
  if (from && !to) statements.push(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
  if (to === 'forced' && from !== 'forced') statements.push(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
  if (from === 'forced' && to !== 'forced') statements.push(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
  return statements;
}

export const renderRowLevelSecurity = (c: ChangeOf<'table.rowLevelSecurity'>): StatementPair => ({
  up: rowLevelSecuritySql(c, c.from, c.to),
  down: rowLevelSecuritySql(c, c.to, c.from),
});
