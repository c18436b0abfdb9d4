/**
 * Plan-time compliance checks (SC720–SC722): what a migration may not do to the data the
 * annotations protect. `from` is the snapshot (what the database holds), `to` the declarations.
 *
 * - A table under legal hold (in `from`) may not be dropped, renamed, lose or retype columns, or
 *   lose its protections (RLS, tenant policies, guard triggers): SC720, never waivable. Releasing
 *   the hold is a migration of its own.
 * - Dropping a table or column governed by a minimum retention rule: SC721, unless waived.
 * - Lowering a column's sensitivity, declaring personal data non-personal, removing a special
 *   category or a protection, or removing a table's tenant scope or append-only guard: SC722,
 *   unless waived.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { Change } from '../diff/index.js';
import { columnPath, tablePath, type ObjectPath } from '../model/paths.js';
import { SENSITIVITY_ORDER, type ColumnCompliance, type ComplianceRegistry, type TableCompliance } from '../model/compliance.js';
import type { Schema, SourceLocator, Table } from '../model/types.js';
import { retentionOf } from './checks.js';

const EMPTY_REGISTRY: ComplianceRegistry = { activities: [], retentionRules: [], recordClasses: [], waivers: [] };

interface Context {
  readonly from: Schema;
  readonly to: Schema;
  readonly locate: SourceLocator;
  readonly today: string;
  readonly out: Diagnostic[];
}

/** Tables by schema and name, indexed once per schema (lookups run for every table and change). */
const tableIndexes = new WeakMap<Schema, Map<string, Table>>();

function tableOf(schema: Schema, s: string, name: string): Table | undefined {
  let index = tableIndexes.get(schema);
  if (!index) {
    index = new Map(schema.tables.map((t) => [`${t.schema}\0${t.name}`, t]));
    tableIndexes.set(schema, index);
  }
  return index.get(`${s}\0${name}`);
}

function waived(ctx: Context, rule: DiagnosticCode, target: ObjectPath): boolean {
  return (ctx.to.compliance ?? EMPTY_REGISTRY).waivers.some((w) => w.rule === rule && w.target === target && w.expires >= ctx.today);
}

function report(ctx: Context, code: DiagnosticCode, path: ObjectPath, message: string, waivable: boolean): void {
  if (waivable && waived(ctx, code, path)) return;
  const at = ctx.locate(path) ?? ctx.locate(path.replace(/^column:([^.]+)\.([^.]+)\..*$/, 'table:$1.$2'));
  ctx.out.push(diagnostic(code, { message, path, ...(at ? { at } : {}) }));
}

/** What a change does to a table: the table and the words for it, when it is one of the forbidden kinds. */
function touches(change: Change): { schema: string; table: string; what: string } | undefined {
  switch (change.kind) {
    case 'table.drop':
      return { schema: change.table.schema, table: change.table.name, what: 'drops it' };
    case 'table.rename':
      return { schema: change.schema, table: change.from, what: `renames it to ${change.table}` };
    case 'column.drop':
      return { schema: change.schema, table: change.table, what: `drops column ${change.column.name}` };
    case 'column.type':
      return { schema: change.schema, table: change.table, what: `changes the type of ${change.column}` };
    case 'policy.drop':
      return { schema: change.schema, table: change.table, what: `drops policy ${change.policy.name}` };
    case 'trigger.drop':
      return { schema: change.schema, table: change.table, what: `drops trigger ${change.trigger.name}` };
    case 'table.rowLevelSecurity':
      return change.to === 'forced' ? undefined : { schema: change.schema, table: change.table, what: 'weakens its row-level security' };
    default:
      return undefined;
  }
}

function checkLegalHolds(ctx: Context, changes: readonly Change[]): void {
  for (const change of changes) {
    const touched = touches(change);
    if (!touched) continue;
    const held = tableOf(ctx.from, touched.schema, touched.table)?.compliance?.legalHold;
    // Releasing the hold removes its own guard triggers: that alone is allowed.
    const releasing = change.kind === 'trigger.drop' && !tableOf(ctx.to, touched.schema, touched.table)?.compliance?.legalHold && change.trigger.name.includes('legal_hold');
    if (held && !releasing) {
      report(ctx, 'SC720', tablePath(touched.schema, touched.table), `table ${touched.schema}.${touched.table} is under legal hold (${held.matter}, placed by ${held.placedBy} on ${held.placedAt}); this migration ${touched.what}`, false);
    }
  }
}

function checkMinimumRetention(ctx: Context, changes: readonly Change[]): void {
  const registry = ctx.from.compliance ?? EMPTY_REGISTRY;
  const minimum = (ids: readonly string[]) => ids.map((id) => registry.retentionRules.find((r) => r.id === id)).find((r) => r?.bound === 'minimum');
  for (const change of changes) {
    if (change.kind === 'table.drop') {
      const rule = minimum(retentionOf(registry, change.table));
      if (rule) report(ctx, 'SC721', change.path, `dropping table ${change.table.schema}.${change.table.name} deletes records kept for at least ${rule.duration} under ${rule.id} (${rule.citations.join(', ') || 'no citation'})`, true);
    }
    if (change.kind === 'column.drop') {
      const table = tableOf(ctx.from, change.schema, change.table);
      const rule = table ? minimum(retentionOf(registry, table, change.column.compliance)) : undefined;
      if (rule) report(ctx, 'SC721', change.path, `dropping column ${change.table}.${change.column.name} deletes data kept for at least ${rule.duration} under ${rule.id}`, true);
    }
  }
}

/** Ways `after` protects a column less than `before` did. */
function columnDowngrades(before: ColumnCompliance | undefined, after: ColumnCompliance | undefined): string[] {
  if (!before) return [];
  const found: string[] = [];
  const rank = (c: ColumnCompliance | undefined) => (c?.sensitivity ? SENSITIVITY_ORDER.indexOf(c.sensitivity) : -1);
  if (rank(after) < rank(before)) found.push(`sensitivity lowered from ${before.sensitivity} to ${after?.sensitivity ?? 'none'}`);
  if (before.personal && !after?.personal) found.push('personal data declared non-personal');
  if (before.personal && before.personal.special && !(after?.personal && after.personal.special)) found.push('special category removed');
  if (before.protection?.masking && !after?.protection?.masking) found.push('masking removed');
  if (before.protection?.encryption && !after?.protection?.encryption) found.push('encryption removed');
  return found;
}

function tableDowngrades(before: TableCompliance | undefined, after: TableCompliance | undefined): string[] {
  if (!before) return [];
  const found: string[] = [];
  if (before.tenant && 'column' in before.tenant && !(after?.tenant && 'column' in after.tenant)) found.push('tenant isolation removed');
  if (before.appendOnly && !after?.appendOnly) found.push('append-only guard removed');
  if (before.holdable && !after?.holdable) found.push('row-level legal holds removed');
  return found;
}

function checkDowngrades(ctx: Context): void {
  for (const after of ctx.to.tables) {
    const before = tableOf(ctx.from, after.schema, after.renamedFrom ?? after.name) ?? tableOf(ctx.from, after.schema, after.name);
    if (!before) continue;
    const path = tablePath(after.schema, after.name);
    for (const what of tableDowngrades(before.compliance, after.compliance)) report(ctx, 'SC722', path, `table ${after.schema}.${after.name}: ${what}`, true);
    for (const column of after.columns) {
      const old = before.columns.find((c) => c.name === (column.renamedFrom ?? column.name));
      for (const what of columnDowngrades(old?.compliance, column.compliance)) {
        report(ctx, 'SC722', columnPath(after.schema, after.name, column.name), `column ${after.schema}.${after.name}.${column.name}: ${what}`, true);
      }
    }
  }
}

/** Plan-time compliance diagnostics of a migration from `from` (the snapshot) to `to` (the declarations). */
export function checkComplianceChanges(from: Schema, to: Schema, changes: readonly Change[], locate: SourceLocator, now = new Date()): Diagnostic[] {
  const ctx: Context = { from, to, locate, today: now.toISOString().slice(0, 10), out: [] };
  checkLegalHolds(ctx, changes);
  checkMinimumRetention(ctx, changes);
  checkDowngrades(ctx);
  return ctx.out;
}
