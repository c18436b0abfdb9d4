/**
 * Enforcement: compliance annotations become ordinary schema objects, so the rest of the pipeline
 * (diff, plan, render, drift) creates them, rolls them back and checks they are in place:
 *
 * - tenant scope → `ENABLE` + `FORCE ROW LEVEL SECURITY` and a RESTRICTIVE policy keyed on the
 *   session setting (plus a PERMISSIVE one when the table declares none), on every partition too:
 *   `CREATE POLICY tenant_isolation ON t AS RESTRICTIVE USING (organization_id =
 *   NULLIF(current_setting('app.organization_id', true), '')::uuid) WITH CHECK (…)`;
 * - append-only → BEFORE UPDATE/DELETE row triggers and a BEFORE TRUNCATE trigger enabled ALWAYS
 *   that raise, and writers granted only INSERT and SELECT;
 * - a table-level legal hold → the same triggers for DELETE and TRUNCATE;
 * - row-level holds → the `compliance.legal_holds` table and a trigger that refuses to delete or
 *   update the rows of a held subject;
 * - every annotation → a hashed `@compliance` block in the COMMENT, after the human description.
 */
import { makeObjectName } from '../model/naming.js';
import type { ColumnCompliance, Grant, Policy, Routine, Schema, Table, TableCompliance, TenantScope, Trigger } from '../model/types.js';
import { annotatedComment } from './annotations.js';
import { quoteIdent, quoteLiteral, qualify } from '../render/quote.js';

/** Where schemac's compliance objects live. */
export const COMPLIANCE_SCHEMA = 'compliance';

const REJECT_FUNCTION = 'reject_change';
const HOLD_FUNCTION = 'enforce_legal_hold';
export const LEGAL_HOLDS_TABLE = 'legal_holds';

const rejectFunction: Routine = {
  schema: COMPLIANCE_SCHEMA,
  name: REJECT_FUNCTION,
  kind: 'function',
  signature: '',
  definition: `CREATE OR REPLACE FUNCTION ${qualify(COMPLIANCE_SCHEMA, REJECT_FUNCTION)}() RETURNS trigger LANGUAGE plpgsql AS $function$
BEGIN
  RAISE EXCEPTION '% on %.% is not allowed: %', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_ARGV[0]
    USING ERRCODE = 'insufficient_privilege';
END
$function$`,
  comment: 'schemac: refuses changes to append-only tables and tables under legal hold',
};

const holdFunction: Routine = {
  schema: COMPLIANCE_SCHEMA,
  name: HOLD_FUNCTION,
  kind: 'function',
  signature: '',
  definition: `CREATE OR REPLACE FUNCTION ${qualify(COMPLIANCE_SCHEMA, HOLD_FUNCTION)}() RETURNS trigger LANGUAGE plpgsql AS $function$
BEGIN
  IF EXISTS (SELECT 1 FROM ${qualify(COMPLIANCE_SCHEMA, LEGAL_HOLDS_TABLE)} h
             WHERE h.released_at IS NULL AND h.relation = TG_ARGV[1] AND h.subject = to_jsonb(OLD) ->> TG_ARGV[0]) THEN
    RAISE EXCEPTION '% on % is not allowed: subject % is under legal hold', TG_OP, TG_ARGV[1], to_jsonb(OLD) ->> TG_ARGV[0]
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END
$function$`,
  comment: 'schemac: refuses to delete or update the rows of a subject under legal hold',
};

const legalHoldsTable: Table = {
  schema: COMPLIANCE_SCHEMA,
  name: LEGAL_HOLDS_TABLE,
  comment: 'schemac: row-level legal holds; a row with released_at NULL holds every row of the subject in the relation',
  columns: [
    { name: 'id', type: { schema: null, name: 'bigint', isArray: false }, notNull: true, identity: { kind: 'always' } },
    { name: 'relation', type: { schema: null, name: 'text', isArray: false }, notNull: true, comment: 'schema.table of the held rows' },
    { name: 'subject', type: { schema: null, name: 'text', isArray: false }, notNull: true, comment: 'value of the table\'s subject key' },
    { name: 'matter', type: { schema: null, name: 'text', isArray: false }, notNull: true },
    { name: 'placed_by', type: { schema: null, name: 'text', isArray: false }, notNull: true },
    { name: 'placed_at', type: { schema: null, name: 'timestamp with time zone', isArray: false }, notNull: true, default: { sql: 'now()' } },
    { name: 'released_at', type: { schema: null, name: 'timestamp with time zone', isArray: false }, notNull: false },
  ],
  primaryKey: { name: 'legal_holds_pkey', columns: ['id'] },
  uniques: [],
  checks: [],
  foreignKeys: [],
  indexes: [{
    name: 'legal_holds_active_idx', unique: false, method: 'btree', include: [], storage: [],
    keys: [{ column: 'relation', descending: false }, { column: 'subject', descending: false }],
    where: { sql: 'released_at IS NULL' },
  }],
};

const tenantCondition = (table: Table, tenant: TenantScope): string => {
  const column = table.columns.find((c) => c.name === tenant.column);
  const type = column?.type.schema === null ? column.type.name : column ? qualify(column.type.schema, column.type.name) : 'text';
  // Unset (or RESET, which leaves '') means no tenant: NULL matches no row, and no cast error.
  return `${quoteIdent(tenant.column)} = (NULLIF(current_setting(${quoteLiteral(tenant.setting)}, true), ''))::${type}`;
};

/** Policy names of the tenant scope: fixed, so drift can tell them from the application's own. */
export const TENANT_ISOLATION_POLICY = 'tenant_isolation';
export const TENANT_ACCESS_POLICY = 'tenant_access';

function tenantPolicies(table: Table, tenant: TenantScope, permissiveDeclared: boolean): Policy[] {
  const condition = { sql: tenantCondition(table, tenant) };
  const policy = (name: string, permissive: boolean): Policy => ({
    name, permissive, command: 'all', roles: ['public'], using: condition, withCheck: condition,
    comment: `schemac: rows of the tenant in ${tenant.setting} only`,
  });
  return [policy(TENANT_ISOLATION_POLICY, false), ...(permissiveDeclared ? [] : [policy(TENANT_ACCESS_POLICY, true)])];
}

const trigger = (table: Table, suffix: string, timing: string, level: 'ROW' | 'STATEMENT', fn: string, args: readonly string[]): Trigger => {
  const name = makeObjectName(table.name, undefined, suffix);
  return {
    name,
    definition: `CREATE TRIGGER ${quoteIdent(name)} ${timing} ON ${qualify(table.schema, table.name)} FOR EACH ${level} EXECUTE FUNCTION ${qualify(COMPLIANCE_SCHEMA, fn)}(${args.map(quoteLiteral).join(', ')})`,
    enabled: 'always',
  };
};

function protectionTriggers(table: Table, c: TableCompliance): Trigger[] {
  const triggers: Trigger[] = [];
  if (c.appendOnly) {
    triggers.push(trigger(table, 'append_only', 'BEFORE UPDATE OR DELETE', 'ROW', REJECT_FUNCTION, ['the table is append-only']));
    triggers.push(trigger(table, 'append_only_truncate', 'BEFORE TRUNCATE', 'STATEMENT', REJECT_FUNCTION, ['the table is append-only']));
  }
  if (c.legalHold) {
    const why = `the table is under legal hold (${c.legalHold.matter})`;
    triggers.push(trigger(table, 'legal_hold', 'BEFORE DELETE', 'ROW', REJECT_FUNCTION, [why]));
    triggers.push(trigger(table, 'legal_hold_truncate', 'BEFORE TRUNCATE', 'STATEMENT', REJECT_FUNCTION, [why]));
  }
  if (c.holdable && c.subjectKey) {
    triggers.push(trigger(table, 'legal_hold_rows', 'BEFORE UPDATE OR DELETE', 'ROW', HOLD_FUNCTION, [c.subjectKey, `${table.schema}.${table.name}`]));
  }
  return triggers;
}

/** Writers of an append-only table may insert and read, nothing else. */
function appendOnlyGrants(table: Table, c: TableCompliance): Grant[] {
  return (c.appendOnly?.writers ?? []).map((role) => ({ kind: 'table', schema: table.schema, name: table.name, role, privileges: ['INSERT', 'SELECT'] }));
}

const columnAnnotated = (c: { comment?: string; compliance?: ColumnCompliance }): string | undefined =>
  c.compliance ? annotatedComment(c.comment, c.compliance) : c.comment;

/** Partitions of a table, at every level. */
function descendants(tables: readonly Table[], root: Table): Table[] {
  const children = tables.filter((t) => t.schema === root.schema && t.partitionOf?.table === root.name);
  return children.flatMap((c) => [c, ...descendants(tables, c)]);
}

/** One grant per object and role, with the union of the privileges. */
function mergeGrants(grants: readonly Grant[]): Grant[] {
  const merged = new Map<string, Grant>();
  for (const g of grants) {
    const key = `${g.kind}\0${g.schema}\0${g.name}\0${g.signature ?? ''}\0${g.role}\0${g.withGrantOption ? 1 : 0}`;
    const known = merged.get(key);
    merged.set(key, known ? { ...known, privileges: [...new Set([...known.privileges, ...g.privileges])].sort() } : g);
  }
  return [...merged.values()];
}

/** The declared schema with its compliance annotations turned into enforcement objects. */
export function enforceCompliance(schema: Schema): Schema {
  const annotated = schema.tables.filter((t) => t.compliance);
  if (annotated.length === 0 && !schema.compliance) return schema;
  const extraGrants: Grant[] = [];
  // table key → its tenant scope, and the declared table that has the tenant column (partitions list no columns)
  const isolated = new Map<string, { tenant: TenantScope; permissive: boolean; root: Table }>();
  for (const t of annotated) {
    const tenant = t.compliance?.tenant;
    if (tenant && 'column' in tenant) {
      const permissive = (t.policies ?? []).some((p) => p.permissive);
      for (const x of [t, ...descendants(schema.tables, t)]) isolated.set(`${x.schema}\0${x.name}`, { tenant, permissive, root: t });
    }
    extraGrants.push(...appendOnlyGrants(t, t.compliance!));
  }
  const needsHolds = annotated.some((t) => t.compliance?.holdable && t.compliance.subjectKey);
  const needsReject = annotated.some((t) => t.compliance?.appendOnly || t.compliance?.legalHold);
  const tables = schema.tables.map((t): Table => {
    const scope = isolated.get(`${t.schema}\0${t.name}`);
    const c = t.compliance;
    const triggers = c ? protectionTriggers(t, c) : [];
    return {
      ...t,
      columns: t.columns.map((col) => (col.compliance ? { ...col, ...optionalComment(columnAnnotated(col)) } : col)),
      ...(c ? optionalComment(annotatedComment(t.comment, c)) : {}),
      ...(scope ? { rowLevelSecurity: 'forced' as const, policies: [...(t.policies ?? []), ...tenantPolicies(scope.root, scope.tenant, scope.permissive)] } : {}),
      ...(triggers.length > 0 ? { triggers: [...(t.triggers ?? []), ...triggers] } : {}),
    };
  });
  const routines = [...(schema.routines ?? []), ...(needsReject ? [rejectFunction] : []), ...(needsHolds ? [holdFunction] : [])];
  const usesSchema = needsReject || needsHolds;
  return {
    ...schema,
    namespaces: usesSchema && !schema.namespaces.some((n) => n.name === COMPLIANCE_SCHEMA)
      ? [...schema.namespaces, { name: COMPLIANCE_SCHEMA, comment: 'schemac: compliance enforcement (legal holds, append-only guards)' }]
      : schema.namespaces,
    tables: needsHolds ? [...tables, legalHoldsTable] : tables,
    routines,
    grants: mergeGrants([...(schema.grants ?? []), ...extraGrants]),
  };
}

const optionalComment = (comment: string | undefined): { comment?: string } => (comment === undefined ? {} : { comment });

/**
 * The protection a change puts in place, in words, when it is one of the enforcement objects
 * (its reverse strips it: rollback says so and needs --force).
 */
export function protectionCreated(change: import('../diff/index.js').Change): string | undefined {
  switch (change.kind) {
    case 'policy.create':
      return [TENANT_ISOLATION_POLICY, TENANT_ACCESS_POLICY].includes(change.policy.name) ? `tenant policy ${change.policy.name} on ${change.schema}.${change.table}` : undefined;
    case 'trigger.create':
      return change.trigger.definition.includes(`${quoteIdent(COMPLIANCE_SCHEMA)}.`) ? `guard trigger ${change.trigger.name} on ${change.schema}.${change.table}` : undefined;
    case 'table.rowLevelSecurity':
      return change.to === 'forced' && change.from !== 'forced' ? `forced row-level security on ${change.schema}.${change.table}` : undefined;
    default:
      return undefined;
  }
}
