/**
 * Row-level security of a table: ENABLE/FORCE, and policies by name. Roles and expressions can be
 * altered in place (ALTER POLICY); a different command or PERMISSIVE/RESTRICTIVE needs a drop and
 * a create.
 */
import { optionalExpressionsEqual } from './compare.js';
import { policyPath, tablePath } from '../model/paths.js';
import type { Policy, Table } from '../model/types.js';
import type { Change } from './changes.js';
import { pairByKey } from './pairs.js';

const on = (t: Table, p: Policy) => ({ schema: t.schema, table: t.name, path: policyPath(t.schema, t.name, p.name) });
const sameRoles = (a: Policy, b: Policy): boolean => a.roles.length === b.roles.length && a.roles.every((r, i) => r === b.roles[i]);

export const createPolicies = (t: Table): Change[] => [
  ...(t.policies ?? []).map((policy): Change => ({ kind: 'policy.create', ...on(t, policy), policy })),
  ...(t.rowLevelSecurity ? [{ kind: 'table.rowLevelSecurity', schema: t.schema, table: t.name, path: tablePath(t.schema, t.name), to: t.rowLevelSecurity } as Change] : []),
];

export function diffPolicies(a: Table, b: Table, dropFrom: string = b.name): Change[] {
  const changes: Change[] = [];
  if (a.rowLevelSecurity !== b.rowLevelSecurity) {
    changes.push({ kind: 'table.rowLevelSecurity', schema: b.schema, table: b.name, path: tablePath(b.schema, b.name), ...(a.rowLevelSecurity ? { from: a.rowLevelSecurity } : {}), ...(b.rowLevelSecurity ? { to: b.rowLevelSecurity } : {}) });
  }
  const pairs = pairByKey(a.policies ?? [], b.policies ?? [], (p) => p.name);
  for (const policy of pairs.onlyTo) changes.push({ kind: 'policy.create', ...on(b, policy), policy });
  for (const policy of pairs.onlyFrom) changes.push({ kind: 'policy.drop', ...on(b, policy), table: dropFrom, policy });
  for (const [x, y] of pairs.both) {
    if (x.command !== y.command || x.permissive !== y.permissive) {
      changes.push({ kind: 'policy.drop', ...on(b, x), table: dropFrom, policy: x }, { kind: 'policy.create', ...on(b, y), policy: y });
    } else {
      if (!sameRoles(x, y) || !optionalExpressionsEqual(x.using, y.using) || !optionalExpressionsEqual(x.withCheck, y.withCheck)) {
        changes.push({ kind: 'policy.alter', ...on(b, y), from: x, to: y });
      }
      if (x.comment !== y.comment) changes.push({ kind: 'policy.comment', ...on(b, y), name: y.name, from: x.comment, to: y.comment });
    }
  }
  return changes;
}
