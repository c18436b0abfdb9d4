/**
 * Compile-time compliance checks (SC701–SC713), run on the declared schema before enforcement is
 * added. They apply once a project uses the vocabulary (any registry entry or annotation):
 * every column is classified; personal data has a lawful activity and a retention rule; special
 * categories have their condition and a protection; retention rules are well formed and do not
 * contradict each other; card data is in a PCI-permitted form; tenant tables can be isolated;
 * views over tenant data run with the reader's rights; append-only tables cannot be changed.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import { expressionsEqual, queryOutputs, referencedRelations } from '../expr/index.js';
import { columnPath, compliancePath, tablePath, viewPath, type ObjectPath } from '../model/paths.js';
import { LAWFUL_BASES, type ColumnCompliance, type ComplianceRegistry, type RetentionRule } from '../model/compliance.js';
import type { Schema, SourceLocator, Table, View } from '../model/types.js';

const EMPTY_REGISTRY: ComplianceRegistry = { activities: [], retentionRules: [], recordClasses: [], waivers: [] };

/** Is the vocabulary in use? Then the checks apply to every table and view. */
export const usesCompliance = (schema: Schema): boolean =>
  schema.compliance !== undefined || schema.tables.some((t) => t.compliance || t.columns.some((c) => c.compliance));

class Findings {
  readonly list: Diagnostic[] = [];
  constructor(private readonly locate: SourceLocator) {}
  add(code: DiagnosticCode, path: ObjectPath, message: string, severity: 'error' | 'warning' = 'error'): void {
    const at = this.locate(path) ?? this.locate(path.replace(/^column:([^.]+)\.([^.]+)\..*$/, 'table:$1.$2'));
    this.list.push(diagnostic(code, { message, path, severity, ...(at ? { at } : {}) }));
  }
}

const ISO_DURATION = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** Approximate length of an ISO-8601 duration in days (for comparing minimum and maximum). */
export function durationDays(duration: string): number | undefined {
  const m = ISO_DURATION.exec(duration);
  if (!m) return undefined;
  const n = (i: number): number => Number(m[i] ?? 0);
  return n(1) * 365.25 + n(2) * 30.44 + n(3) * 7 + n(4) + n(5) / 24 + n(6) / 1440 + n(7) / 86400;
}

const DATE_TYPES = /^(date|timestamp(\(\d\))? with(out)? time zone)$/;
const CARD_CATEGORIES = /^financial\.(card|card_number|pan|payment_card)/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

interface Context {
  readonly schema: Schema;
  readonly registry: ComplianceRegistry;
  readonly f: Findings;
}

/** The retention rule ids that govern a column: its own, its table's, its table's record class's. */
export function retentionOf(registry: ComplianceRegistry, table: Table, column?: ColumnCompliance): string[] {
  const personal = column?.personal || undefined;
  const recordClass = registry.recordClasses.find((r) => r.id === table.compliance?.recordClass);
  return [...new Set([personal?.retention, table.compliance?.retention, recordClass?.retention].filter((r): r is string => r !== undefined))];
}

/** The processing activity ids of a column: its own, else its table's. */
export function activitiesOf(table: Table, column?: ColumnCompliance): readonly string[] {
  const personal = column?.personal || undefined;
  return personal?.activities ?? table.compliance?.activities ?? [];
}

function checkColumn(ctx: Context, table: Table, name: string, c: ColumnCompliance | undefined, path: ObjectPath): void {
  const { f, registry } = ctx;
  if (c?.personal === undefined) {
    f.add('SC701', path, `column ${table.schema}.${table.name}.${name} is not classified`);
    return;
  }
  const isCardData = c.card !== undefined || (c.personal !== false && c.personal.categories.some((k) => CARD_CATEGORIES.test(k)));
  if (c.card !== undefined && !['tokenised', 'encrypted', 'truncated'].includes(c.card)) f.add('SC706', path, `column ${name}: card data form "${String(c.card)}" is not tokenised, encrypted or truncated`);
  else if (isCardData && c.card === undefined) f.add('SC706', path, `column ${name} holds card data: declare its form (card: 'tokenised' | 'encrypted' | 'truncated'); raw card numbers may not be stored`);
  if (c.personal === false) return;
  const p = c.personal;
  if (p.categories.length === 0 || p.subjects.length === 0) f.add('SC713', path, `personal column ${name} needs at least one category and one data subject`);
  const activities = activitiesOf(table, c);
  if (activities.length === 0) f.add('SC702', path, `personal column ${table.schema}.${table.name}.${name} names no processing activity (on the column or its table)`);
  for (const id of activities) if (!registry.activities.some((a) => a.id === id)) f.add('SC710', path, `column ${name} names processing activity "${id}", which is not declared`);
  const covered = new Set(registry.activities.filter((a) => activities.includes(a.id)).flatMap((a) => a.subjects));
  const uncovered = covered.size === 0 ? [] : p.subjects.filter((s) => !covered.has(s));
  if (uncovered.length > 0) f.add('SC702', path, `column ${name} holds data about ${uncovered.join(', ')}, whom none of its processing activities (${activities.join(', ')}) covers`);
  const retention = retentionOf(registry, table, c);
  if (retention.length === 0) f.add('SC703', path, `personal column ${table.schema}.${table.name}.${name} has no retention rule (on the column, its table or its record class)`);
  if (p.special && !c.protection?.masking && !c.protection?.encryption) f.add('SC704', path, `column ${name} holds special category data (${p.special.category}): declare its protection (masking or encryption)`);
  if (p.special && !/^9\(2\)\([a-j]\)$/.test(p.special.condition)) f.add('SC704', path, `column ${name}: "${String(p.special.condition)}" is not an Art. 9(2) condition such as 9(2)(a)`);
  if (p.criminal && (!p.criminal.purpose || !p.criminal.authority)) f.add('SC704', path, `column ${name} holds Art. 10 criminal-offence data: declare its purpose and legal authority`);
  checkRetentionConflicts(ctx, table, name, retention, path);
}

function checkRetentionConflicts(ctx: Context, table: Table, name: string, ids: readonly string[], path: ObjectPath): void {
  const rules = ids.map((id) => ctx.registry.retentionRules.find((r) => r.id === id)).filter((r): r is RetentionRule => r !== undefined);
  for (const id of ids) if (!ctx.registry.retentionRules.some((r) => r.id === id)) ctx.f.add('SC710', path, `${table.name}.${name} names retention rule "${id}", which is not declared`);
  const minimum = rules.filter((r) => r.bound === 'minimum');
  const maximum = rules.filter((r) => r.bound === 'maximum');
  for (const low of maximum) {
    for (const high of minimum) {
      const [a, b] = [durationDays(high.duration), durationDays(low.duration)];
      if (a !== undefined && b !== undefined && a > b) {
        ctx.f.add('SC705', path, `${table.schema}.${table.name}.${name} must be kept at least ${high.duration} (${high.id}) but at most ${low.duration} (${low.id})`);
      }
    }
  }
}

function checkTable(ctx: Context, t: Table): void {
  const path = tablePath(t.schema, t.name);
  const c = t.compliance;
  for (const col of t.columns) checkColumn(ctx, t, col.name, col.compliance, columnPath(t.schema, t.name, col.name));
  for (const id of c?.activities ?? []) if (!ctx.registry.activities.some((a) => a.id === id)) ctx.f.add('SC710', path, `table ${t.name} names processing activity "${id}", which is not declared`);
  if (c?.recordClass && !ctx.registry.recordClasses.some((r) => r.id === c.recordClass)) ctx.f.add('SC710', path, `table ${t.name} names record class "${c.recordClass}", which is not declared`);
  const has = (column: string) => t.columns.some((x) => x.name === column);
  if (c?.subjectKey && !has(c.subjectKey)) ctx.f.add('SC713', path, `table ${t.name}: subject key "${c.subjectKey}" is not a column`);
  if (c?.holdable && !c.subjectKey) ctx.f.add('SC713', path, `table ${t.name} is holdable row by row: name its subjectKey column`);
  if (c?.legalHold && (!c.legalHold.matter || !c.legalHold.placedBy || !DATE_ONLY.test(c.legalHold.placedAt))) {
    ctx.f.add('SC713', path, `table ${t.name}: a legal hold needs its matter, who placed it and the date (YYYY-MM-DD)`);
  }
  for (const id of retentionOf(ctx.registry, t)) checkRetentionStart(ctx, t, id);
  checkTenant(ctx, t);
  checkAppendOnly(ctx, t);
}

function checkRetentionStart(ctx: Context, t: Table, id: string): void {
  const rule = ctx.registry.retentionRules.find((r) => r.id === id);
  if (!rule || !('column' in rule.start)) return;
  const column = t.columns.find((c) => c.name === (rule.start as { column: string }).column);
  if (!column || column.type.schema !== null || !DATE_TYPES.test(column.type.name)) {
    ctx.f.add('SC705', tablePath(t.schema, t.name), `retention rule ${id} starts at column ${rule.start.column}, which table ${t.name} ${column ? `has as ${column.type.name}, not a date or timestamp` : 'does not have'}`);
  }
}

const leadsWith = (t: Table, column: string): boolean =>
  t.indexes.some((i) => i.keys[0]?.column === column) ||
  t.primaryKey?.columns[0] === column || t.uniques.some((u) => u.columns[0] === column);

function checkTenant(ctx: Context, t: Table): void {
  const tenant = t.compliance?.tenant;
  const path = tablePath(t.schema, t.name);
  if (!tenant) return;
  if ('global' in tenant) {
    if (!tenant.global) ctx.f.add('SC713', path, `table ${t.name} is shared by all tenants: give the reason (tenant: { global: '…' })`);
    return;
  }
  const column = t.columns.find((c) => c.name === tenant.column);
  if (!column) return ctx.f.add('SC713', path, `table ${t.name}: tenant column "${tenant.column}" is not a column`);
  if (!column.notNull) ctx.f.add('SC707', columnPath(t.schema, t.name, column.name), `tenant column ${t.name}.${column.name} must be NOT NULL`);
  if (!t.partitionBy && !leadsWith(t, tenant.column)) ctx.f.add('SC707', path, `tenant table ${t.name} has no index leading with ${tenant.column}: every tenant query scans the table`);
  for (const p of t.policies ?? []) {
    const open = p.permissive && (p.using === undefined ? p.command !== 'insert' : expressionsEqual(p.using.sql, 'true'));
    if (open || (p.withCheck !== undefined && expressionsEqual(p.withCheck.sql, 'true'))) {
      ctx.f.add('SC707', path, `policy ${p.name} on tenant table ${t.name} lets rows through without the tenant condition (USING (true) or no USING)`);
    }
  }
}

function checkAppendOnly(ctx: Context, t: Table): void {
  if (!t.compliance?.appendOnly) return;
  for (const g of ctx.schema.grants ?? []) {
    if (g.kind !== 'table' || g.schema !== t.schema || g.name !== t.name) continue;
    const bad = g.privileges.filter((p) => ['UPDATE', 'DELETE', 'TRUNCATE'].includes(p));
    if (bad.length > 0) ctx.f.add('SC709', tablePath(t.schema, t.name), `append-only table ${t.name} grants ${bad.join(', ')} to ${g.role}`);
  }
}

function checkView(ctx: Context, v: View, tenantTables: ReadonlySet<string>): void {
  const path = viewPath(v.schema, v.name);
  for (const out of queryOutputs(v.query.sql)) {
    if (out.plain) continue;
    const c = v.classify?.[out.name];
    if (!c) ctx.f.add('SC701', path, `output column ${out.name} of view ${v.schema}.${v.name} is computed and not classified (classify: { ${out.name}: { personal: … } })`);
  }
  const reads = referencedRelations(v.query.sql).map((r) => `${r.schema ?? 'public'}\0${r.name}`);
  if (!v.materialized && !v.securityInvoker && reads.some((r) => tenantTables.has(r))) {
    ctx.f.add('SC708', path, `view ${v.schema}.${v.name} reads tenant tables but runs with its owner's rights: declare securityInvoker: true`);
  }
}

function checkRegistry(ctx: Context, now: Date): void {
  const { registry, f } = ctx;
  for (const a of registry.activities) {
    if (!(a.lawfulBasis in LAWFUL_BASES)) f.add('SC713', compliancePath('activity', a.id), `processing activity ${a.id}: "${String(a.lawfulBasis)}" is not an Art. 6(1) lawful basis (${Object.keys(LAWFUL_BASES).join(', ')})`);
    if (a.lawfulBasis === 'legitimate-interests' && !a.legitimateInterest) f.add('SC713', compliancePath('activity', a.id), `processing activity ${a.id} relies on legitimate interests: state the interest (legitimateInterest)`);
  }
  for (const r of registry.retentionRules) {
    if (durationDays(r.duration) === undefined) f.add('SC705', compliancePath('retention', r.id), `retention rule ${r.id}: "${r.duration}" is not an ISO-8601 duration such as P7Y`);
  }
  for (const w of registry.waivers) {
    const path = compliancePath('waiver', `${w.rule} ${w.target}`);
    if (!/^SC\d{3}$/.test(w.rule) || !w.reason || !w.approver || !DATE_ONLY.test(w.expires)) f.add('SC711', path, `waiver for ${w.rule} on ${w.target} needs a rule code, a reason, an approver and an expiry date (YYYY-MM-DD)`);
    else if (w.expires < now.toISOString().slice(0, 10)) f.add('SC711', path, `waiver for ${w.rule} on ${w.target} expired on ${w.expires}: it waives nothing`, 'warning');
  }
}

/** Compile-time compliance diagnostics of a declared schema (empty when the vocabulary is unused). */
export function checkCompliance(schema: Schema, locate: SourceLocator, now = new Date()): Diagnostic[] {
  if (!usesCompliance(schema)) return [];
  const ctx: Context = { schema, registry: schema.compliance ?? EMPTY_REGISTRY, f: new Findings(locate) };
  const tables = schema.tables.filter((t) => !t.partitionOf);
  const tenantTables = new Set(tables.filter((t) => t.compliance?.tenant && 'column' in t.compliance.tenant).map((t) => `${t.schema}\0${t.name}`));
  for (const t of tables) checkTable(ctx, t);
  if (tenantTables.size > 0) {
    for (const t of tables) if (!t.compliance?.tenant) ctx.f.add('SC712', tablePath(t.schema, t.name), `table ${t.schema}.${t.name} does not say whether it is tenant-scoped`);
  }
  for (const v of schema.views) checkView(ctx, v, tenantTables);
  checkRegistry(ctx, now);
  return ctx.f.list;
}
