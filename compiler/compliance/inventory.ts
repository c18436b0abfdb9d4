/**
 * The data inventory: one row per column of every table (partitions are left out: their columns
 * are the parent's) and per classified view output, with what the column holds in legal terms and
 * what governs it (activities, retention, erasure, tenant scope, append-only, legal holds).
 *
 * Pure: a Schema in, rows out, sorted by schema, table and column position. The same function
 * reports on declarations and, through `annotationsFromComments`, on a live database.
 */
import type {
  Article9Condition, CardDataForm, ColumnCompliance, ColumnType, ComplianceRegistry, ErasureBehaviour, Identifiability,
  RetentionRule, Schema, Sensitivity, Table, TableCompliance, View,
} from '../model/types.js';
import { compareText } from '../model/paths.js';
import { COMPLIANCE_SCHEMA, LEGAL_HOLDS_TABLE } from './enforce.js';

/** Where a column's retention rule comes from: its own annotation, its table's, or its table's record class. */
export type RetentionSource = 'column' | 'table' | 'record class';

export interface InventoryRetention {
  readonly id: string;
  readonly source: RetentionSource;
  /** ISO-8601 duration; null when the rule id is not declared. */
  readonly duration: string | null;
  readonly bound: RetentionRule['bound'] | null;
  readonly action: RetentionRule['action'] | null;
}

/** One column of the inventory. Absent facts are `null`, so every row has the same keys. */
export interface InventoryRow {
  readonly schema: string;
  /** The table or view. */
  readonly table: string;
  readonly kind: 'table' | 'view' | 'materialized view';
  readonly column: string;
  /** 1-based position in the table; for views, the position among the classified outputs. */
  readonly position: number;
  /** The type as PostgreSQL prints it; null for view outputs (the model does not know them). */
  readonly type: string | null;
  readonly personal: 'yes' | 'no' | 'unclassified';
  readonly categories: readonly string[];
  readonly subjects: readonly string[];
  readonly identifiability: Identifiability | null;
  readonly sensitivity: Sensitivity | null;
  /** GDPR Art. 9 special category and the Art. 9(2) condition that allows it. */
  readonly specialCategory: { readonly category: string; readonly condition: Article9Condition } | null;
  /** GDPR Art. 10 criminal-offence data. */
  readonly article10: { readonly purpose: string; readonly authority: string } | null;
  readonly card: CardDataForm | null;
  readonly protection: { readonly encryption: string | null; readonly masking: string | null } | null;
  /** Processing activity ids: the column's, else its table's. */
  readonly activities: readonly string[];
  /** Every retention rule governing the column: its own, its table's, its record class's. */
  readonly retention: readonly InventoryRetention[];
  readonly erasure: ErasureBehaviour | null;
  /** `organization_id (app.organization_id)`, or `global: <reason>`. */
  readonly tenant: string | null;
  readonly appendOnly: boolean;
  /** `table (<matter>)` when the table is under hold, `rows by <subject key>` when rows can be held. */
  readonly legalHold: string | null;
}

const NO_REGISTRY: ComplianceRegistry = { activities: [], retentionRules: [], recordClasses: [], waivers: [] };

/** `character varying(255)`, `public.plan_tier`, `text[]`. */
export function displayType(type: ColumnType): string {
  const name = type.schema === null ? type.name : `${type.schema}.${type.name}`;
  return `${name}${type.modifiers ?? ''}${type.isArray ? '[]' : ''}`;
}

function retentionOf(id: string, source: RetentionSource, registry: ComplianceRegistry): InventoryRetention {
  const rule = registry.retentionRules.find((r) => r.id === id);
  return { id, source, duration: rule?.duration ?? null, bound: rule?.bound ?? null, action: rule?.action ?? null };
}

/**
 * The retention rules governing a column, as the checks see them (checks.ts `retentionOf`): the
 * column's, its table's and its table's record class's, each once, in that order. A minimum and a
 * maximum can both apply (SEC 17a-4 and GDPR 5(1)(e)); the checks refuse ones that conflict.
 */
export function resolveRetention(column: ColumnCompliance | undefined, table: TableCompliance | undefined, registry: ComplianceRegistry): InventoryRetention[] {
  const personal = column?.personal || undefined;
  const recordClass = table?.recordClass === undefined ? undefined : registry.recordClasses.find((r) => r.id === table.recordClass);
  const sources: readonly (readonly [string | undefined, RetentionSource])[] = [[personal?.retention, 'column'], [table?.retention, 'table'], [recordClass?.retention, 'record class']];
  const seen = new Set<string>();
  return sources.flatMap(([id, source]) => (id === undefined || seen.has(id) ? [] : (seen.add(id), [retentionOf(id, source, registry)])));
}

/** The processing activities of a column: its own, else its table's. */
export function resolveActivities(column: ColumnCompliance | undefined, table: TableCompliance | undefined): readonly string[] {
  const personal = column?.personal || undefined;
  return [...(personal?.activities ?? table?.activities ?? [])].sort(compareText);
}

function tenantText(table: TableCompliance | undefined): string | null {
  const tenant = table?.tenant;
  if (!tenant) return null;
  return 'column' in tenant ? `${tenant.column} (${tenant.setting})` : `global: ${tenant.global}`;
}

function legalHoldText(table: TableCompliance | undefined): string | null {
  const parts = [
    ...(table?.legalHold ? [`table (${table.legalHold.matter})`] : []),
    ...(table?.holdable ? [`rows by ${table.subjectKey ?? '?'}`] : []),
  ];
  return parts.length > 0 ? parts.join('; ') : null;
}

interface RowContext {
  readonly schema: string;
  readonly table: string;
  readonly kind: InventoryRow['kind'];
  readonly tableCompliance: TableCompliance | undefined;
  readonly registry: ComplianceRegistry;
}

function classification(c: ColumnCompliance | undefined): Pick<InventoryRow, 'personal' | 'categories' | 'subjects' | 'identifiability' | 'specialCategory' | 'article10' | 'erasure'> {
  const personal = c?.personal;
  if (!personal) {
    return { personal: personal === false ? 'no' : 'unclassified', categories: [], subjects: [], identifiability: null, specialCategory: null, article10: null, erasure: null };
  }
  return {
    personal: 'yes',
    categories: [...personal.categories].sort(compareText),
    subjects: [...personal.subjects].sort(compareText),
    identifiability: personal.identifiability,
    specialCategory: personal.special ? { category: personal.special.category, condition: personal.special.condition } : null,
    article10: personal.criminal ? { purpose: personal.criminal.purpose, authority: personal.criminal.authority } : null,
    erasure: personal.erasure,
  };
}

function inventoryRow(ctx: RowContext, column: { name: string; position: number; type: string | null; compliance: ColumnCompliance | undefined }): InventoryRow {
  const c = column.compliance;
  const t = ctx.tableCompliance;
  const { personal, categories, subjects, identifiability, specialCategory, article10, erasure } = classification(c);
  return {
    schema: ctx.schema,
    table: ctx.table,
    kind: ctx.kind,
    column: column.name,
    position: column.position,
    type: column.type,
    personal,
    categories,
    subjects,
    identifiability,
    sensitivity: c?.sensitivity ?? null,
    specialCategory,
    article10,
    card: c?.card ?? null,
    protection: c?.protection ? { encryption: c.protection.encryption ?? null, masking: c.protection.masking ?? null } : null,
    activities: resolveActivities(c, t),
    retention: resolveRetention(c, t, ctx.registry),
    erasure,
    tenant: tenantText(t),
    appendOnly: t?.appendOnly !== undefined,
    legalHold: legalHoldText(t),
  };
}

function tableRows(table: Table, registry: ComplianceRegistry): InventoryRow[] {
  const ctx: RowContext = { schema: table.schema, table: table.name, kind: 'table', tableCompliance: table.compliance, registry };
  return table.columns.map((column, i) => inventoryRow(ctx, { name: column.name, position: i + 1, type: displayType(column.type), compliance: column.compliance }));
}

function viewRows(view: View, registry: ComplianceRegistry): InventoryRow[] {
  const ctx: RowContext = { schema: view.schema, table: view.name, kind: view.materialized ? 'materialized view' : 'view', tableCompliance: undefined, registry };
  const outputs = Object.keys(view.classify ?? {}).sort(compareText);
  return outputs.map((name, i) => inventoryRow(ctx, { name, position: i + 1, type: null, compliance: view.classify![name] }));
}

const compareRows = (a: InventoryRow, b: InventoryRow): number =>
  compareText(a.schema, b.schema) || compareText(a.table, b.table) || a.position - b.position;

/** schemac's own table of row-level holds (added by enforcement): bookkeeping, described with the security measures. */
const isLegalHoldsTable = (t: Table): boolean => t.schema === COMPLIANCE_SCHEMA && t.name === LEGAL_HOLDS_TABLE;

/**
 * Every column of every table and every classified view output, sorted. Partitions are left out
 * (their columns are the parent's), and so is schemac's own compliance.legal_holds.
 */
export function dataInventory(schema: Schema): InventoryRow[] {
  const registry = schema.compliance ?? NO_REGISTRY;
  const rows = [
    ...schema.tables.filter((t) => t.partitionOf === undefined && !isLegalHoldsTable(t)).flatMap((t) => tableRows(t, registry)),
    ...schema.views.flatMap((v) => viewRows(v, registry)),
  ];
  return rows.sort(compareRows);
}
