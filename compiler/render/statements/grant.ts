import type { ChangeOf } from '../../diff/index.js';
import type { Grant } from '../../model/types.js';
import type { StatementPair } from '../definitions.js';
import { qualify, quoteIdent } from '../quote.js';

/** `TABLE "s"."t"`, `SCHEMA "s"`, `FUNCTION "s"."f"(integer)` */
function targetSql(g: Grant): string {
  switch (g.kind) {
    case 'schema': return `SCHEMA ${quoteIdent(g.name)}`;
    case 'function':
    case 'procedure': return `${g.kind.toUpperCase()} ${qualify(g.schema, g.name)}(${g.signature ?? ''})`;
    default: return `${g.kind.toUpperCase()} ${qualify(g.schema, g.name)}`;
  }
}

const roleSql = (role: string): string => (role === 'public' ? 'PUBLIC' : quoteIdent(role));

const grantSql = (g: Grant): string =>
  `GRANT ${g.privileges.join(', ')} ON ${targetSql(g)} TO ${roleSql(g.role)}${g.withGrantOption ? ' WITH GRANT OPTION' : ''}`;
const revokeSql = (g: Grant): string =>
  `REVOKE ${g.withGrantOption ? 'GRANT OPTION FOR ' : ''}${g.privileges.join(', ')} ON ${targetSql(g)} FROM ${roleSql(g.role)}`;

/** GRANT statements for an object just created. */
export const grantStatements = (grants: readonly Grant[] | undefined): string[] => (grants ?? []).map(grantSql);

export const renderGrant = (c: ChangeOf<'grant.add'>): StatementPair => ({ up: [grantSql(c.grant)], down: [revokeSql(c.grant)] });
export const renderRevoke = (c: ChangeOf<'grant.revoke'>): StatementPair => ({ up: [revokeSql(c.grant)], down: [grantSql(c.grant)] });
