/**
 * Declaration helpers for tables, enums, extensions, schemas and table-level constraints. They
 * only fill defaults, freeze, and record where they were called.
 */
import type {
  QueryAssertionDeclaration,
  ProcessingActivityDeclaration,
  RecordClassDeclaration,
  RetentionRuleDeclaration,
  WaiverDeclaration,
  AcknowledgementDeclaration,
  DataStepDeclaration,
  CheckDeclaration,
  ColumnDeclaration,
  EnumDeclaration,
  ExtensionDeclaration,
  ForeignKeyDeclaration,
  ExclusionDeclaration,
  ExclusionElementDeclaration,
  IndexDeclaration,
  GrantDeclaration,
  CompositeTypeDeclaration,
  DomainDeclaration,
  SequenceDeclaration,
  PolicyDeclaration,
  PartitionBoundDeclaration,
  PartitionDeclaration,
  MaterializedViewOptions,
  PlainViewOptions,
  ViewDeclaration,
  IndexKeyDeclaration,
  IndexOptions,
  NamespaceDeclaration,
  SqlExpression,
  TableDeclaration,
  TableOptions,
  UniqueDeclaration,
} from './declarations.js';
import { recordSite } from './source.js';

const DEFAULT_SCHEMA = 'public';

/** sql`now()`: a SQL expression, kept as written and validated with PostgreSQL's parser. */
export function sql(strings: TemplateStringsArray, ...values: readonly (string | number)[]): SqlExpression {
  const text = strings.reduce((out, part, i) => out + part + (i < values.length ? String(values[i]) : ''), '');
  return Object.freeze({ kind: 'sql' as const, text });
}

export function table<C extends Record<string, ColumnDeclaration>>(name: string, options: TableOptions<C>): TableDeclaration<C> {
  return recordSite(
    Object.freeze({ ...options, kind: 'table' as const, name, schema: options.schema ?? DEFAULT_SCHEMA }),
    table,
  );
}

/** A view: `view('active_users', { query: sql\`SELECT … FROM users WHERE …\`, securityInvoker: true })`. */
export function view(name: string, options: PlainViewOptions): ViewDeclaration {
  return recordSite(Object.freeze({ ...options, kind: 'view' as const, name, schema: options.schema ?? DEFAULT_SCHEMA, materialized: false }), view);
}

/** A materialized view, with its own indexes: `materializedView('monthly_totals', { query, indexes })`. */
export function materializedView(name: string, options: MaterializedViewOptions): ViewDeclaration {
  return recordSite(Object.freeze({ ...options, kind: 'view' as const, name, schema: options.schema ?? DEFAULT_SCHEMA, materialized: true }), materializedView);
}

/**
 * An enum: `enumType('status', ['draft', 'sent', { value: 'paid', renamedFrom: 'settled' }])`.
 * A value declared with `renamedFrom` is renamed in place (ALTER TYPE … RENAME VALUE).
 */
export function enumType(
  name: string,
  values: readonly (string | { readonly value: string; readonly renamedFrom: string })[],
  options: { schema?: string; comment?: string } = {},
): EnumDeclaration {
  const renamed = values.filter((v): v is { value: string; renamedFrom: string } => typeof v !== 'string');
  const declaration: EnumDeclaration = {
    kind: 'enum',
    name,
    schema: options.schema ?? DEFAULT_SCHEMA,
    values: Object.freeze(values.map((v) => (typeof v === 'string' ? v : v.value))),
    ...(renamed.length > 0 ? { renamedValues: Object.freeze(renamed.map((v) => ({ from: v.renamedFrom, to: v.value }))) } : {}),
    ...(options.comment === undefined ? {} : { comment: options.comment }),
  };
  return recordSite(Object.freeze(declaration), enumType);
}

/** `domain('money_amount', numeric({ precision: 12, scale: 2 }), { checks: [check(sql\`VALUE >= 0\`)] })` */
export function domain(name: string, type: ColumnDeclaration, options: Omit<DomainDeclaration, 'kind' | 'name' | 'type' | 'schema'> & { schema?: string } = {}): DomainDeclaration {
  return recordSite(Object.freeze({ ...options, kind: 'domain' as const, name, type, schema: options.schema ?? DEFAULT_SCHEMA }), domain);
}

/** `compositeType('address', { attributes: { street: text(), city: text() } })` */
export function compositeType(name: string, options: Omit<CompositeTypeDeclaration, 'kind' | 'name' | 'schema'> & { schema?: string }): CompositeTypeDeclaration {
  return recordSite(Object.freeze({ ...options, kind: 'composite' as const, name, schema: options.schema ?? DEFAULT_SCHEMA }), compositeType);
}

/** A standalone sequence: `sequence('invoice_numbers', { start: 1000 })`. */
export function sequence(name: string, options: Omit<SequenceDeclaration, 'kind' | 'name' | 'schema'> & { schema?: string } = {}): SequenceDeclaration {
  return recordSite(Object.freeze({ ...options, kind: 'sequence' as const, name, schema: options.schema ?? DEFAULT_SCHEMA }), sequence);
}

/**
 * GRANT privileges ON an object TO roles: `grant(['SELECT', 'INSERT'], orders, 'app_user')`.
 * Roles are referenced, not created.
 */
export function grant(privileges: readonly string[], on: GrantDeclaration['on'], to: string | readonly string[], options: { withGrantOption?: boolean } = {}): GrantDeclaration {
  return recordSite(Object.freeze({
    kind: 'grant' as const,
    name: 'grant',
    privileges: Object.freeze(privileges.map((p) => p.toUpperCase())),
    on,
    to: Object.freeze(typeof to === 'string' ? [to] : [...to]),
    ...options,
  }), grant);
}

export function extension(name: string, options: { schema?: string; version?: string; comment?: string; optional?: string } = {}): ExtensionDeclaration {
  return recordSite(Object.freeze({
    kind: 'extension' as const,
    name,
    schema: options.schema ?? DEFAULT_SCHEMA,
    ...(options.version ? { version: options.version } : {}),
    ...(options.comment === undefined ? {} : { comment: options.comment }),
    ...(options.optional ? { optional: options.optional } : {}),
  }), extension);
}

/** A PostgreSQL schema (namespace). Schemas used by tables are created even when not declared. */
export function namespace(name: string, options: { comment?: string } = {}): NamespaceDeclaration {
  return recordSite(Object.freeze({ kind: 'namespace' as const, name, ...options }), namespace);
}

/**
 * An index: `index(['organization_id', 'created_at'])`, `index([{ expression: sql\`lower(email)\` }],
 * { unique: true })`, `index(['body'], { using: 'gin' })`, `index(['status'], { where: sql\`…\` })`.
 */
export function index(columns: IndexKeyDeclaration | readonly IndexKeyDeclaration[], options: IndexOptions = {}): IndexDeclaration {
  const list = Array.isArray(columns) ? columns : [columns as IndexKeyDeclaration];
  return recordSite(Object.freeze({ kind: 'index' as const, columns: Object.freeze([...list]), ...options }), index);
}

export function unique(columns: readonly string[], options: Omit<UniqueDeclaration, 'kind' | 'columns'> = {}): UniqueDeclaration {
  return recordSite(Object.freeze({ kind: 'unique' as const, columns: Object.freeze([...columns]), ...options }), unique);
}

export function check(expression: SqlExpression, options: { name?: string; comment?: string } = {}): CheckDeclaration {
  return recordSite(Object.freeze({ kind: 'check' as const, expression, ...options }), check);
}

export function foreignKey(
  columns: readonly string[],
  references: ForeignKeyDeclaration['references'],
  options: Pick<ForeignKeyDeclaration, 'onDelete' | 'onUpdate' | 'name' | 'matchFull' | 'deferrable' | 'comment'> = {},
): ForeignKeyDeclaration {
  return recordSite(Object.freeze({ kind: 'foreignKey' as const, columns: Object.freeze([...columns]), references, ...options }), foreignKey);
}

/** A row-level security policy: `policy('tenant_isolation', { using: sql\`org_id = …\`, withCheck: … })`. */
export function policy(name: string, options: Omit<PolicyDeclaration, 'kind' | 'name'> = {}): PolicyDeclaration {
  return recordSite(Object.freeze({ ...options, kind: 'policy' as const, name }), policy);
}

/**
 * An exclusion constraint (default access method gist):
 * `exclude([{ column: 'room_id', operator: '=' }, { column: 'during', operator: '&&' }])`.
 */
export function exclude(elements: readonly ExclusionElementDeclaration[], options: Omit<ExclusionDeclaration, 'kind' | 'elements'> = {}): ExclusionDeclaration {
  return recordSite(Object.freeze({ ...options, kind: 'exclusion' as const, elements: Object.freeze([...elements]) }), exclude);
}

/** A partition: `partition('events_2026', { from: '2026-01-01', to: '2027-01-01' })`, `{ in: [...] }`, `{ modulus, remainder }`, `{ default: true }`. */
export function partition(
  name: string,
  bound: PartitionBoundDeclaration,
  options: Pick<PartitionDeclaration, 'partitionBy' | 'partitions' | 'comment'> = {},
): PartitionDeclaration {
  return recordSite(Object.freeze({ ...options, kind: 'partition' as const, name, bound }), partition);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * Monthly range partitions `<table>_YYYY_MM` from the first month to the last, inclusive:
 * `monthlyPartitions('audit_logs', { from: '2026-01', to: '2026-12' })`. Bounds are the first days
 * of months (midnight UTC for timestamptz keys).
 */
export function monthlyPartitions(table: string, range: { from: string; to: string }): PartitionDeclaration[] {
  const [fromYear, fromMonth] = range.from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = range.to.split('-').map(Number) as [number, number];
  const partitions: PartitionDeclaration[] = [];
  for (let y = fromYear, m = fromMonth; y < toYear || (y === toYear && m <= toMonth); m === 12 ? (y++, (m = 1)) : m++) {
    const [nextYear, nextMonth] = m === 12 ? [y + 1, 1] : [y, m + 1];
    partitions.push(recordSite(Object.freeze({
      kind: 'partition' as const,
      name: `${table}_${y}_${pad(m)}`,
      bound: { from: `${y}-${pad(m)}-01`, to: `${nextYear}-${pad(nextMonth)}-01` },
    }), monthlyPartitions));
  }
  return partitions;
}

/** Yearly range partitions `<table>_YYYY`, inclusive: `yearlyPartitions('documents', { from: 2020, to: 2027 })`. */
export function yearlyPartitions(table: string, range: { from: number; to: number }): PartitionDeclaration[] {
  const partitions: PartitionDeclaration[] = [];
  for (let y = range.from; y <= range.to; y++) {
    partitions.push(recordSite(Object.freeze({ kind: 'partition' as const, name: `${table}_${y}`, bound: { from: `${y}-01-01`, to: `${y + 1}-01-01` } }), yearlyPartitions));
  }
  return partitions;
}

/**
 * A data step: `dataStep('backfill_reg_d', { after: 'table:public.reg_d_records', up: sql\`INSERT
 * INTO reg_d_records (investment_id) SELECT id FROM investments\`, down: sql\`DELETE FROM
 * reg_d_records\` })`. It runs once, in the next migration generated after it is declared; its SQL is
 * written into that migration (and checksummed with it). Keep it declared: regenerating the
 * migration writes it again, and the snapshot remembers it ran.
 */
export function dataStep(name: string, options: Omit<DataStepDeclaration, 'kind' | 'name'>): DataStepDeclaration {
  return recordSite(Object.freeze({ ...options, kind: 'dataStep' as const, name }), dataStep);
}

/**
 * Accept a hazard or lint finding on purpose: `acknowledge('SC601', 'table:public.legacy_imports',
 * 'archived to S3, see OPS-112')`. `object` is the object path the finding is about (`*`: any).
 * generate refuses error-level findings in what it writes unless they are acknowledged; the
 * reason is written next to the statement as `-- schemac:allow <code> <reason>`.
 */
export function acknowledge(code: string, object: string, reason: string): AcknowledgementDeclaration {
  return recordSite(Object.freeze({ kind: 'acknowledge' as const, name: `${code} ${object}`, code, object, reason }), acknowledge);
}

/**
 * A processing activity (GDPR Art. 30), referenced by id from tables and columns:
 * `processingActivity('investor-onboarding', { name: 'Investor onboarding', purpose: 'KYC before
 * accepting subscriptions', lawfulBasis: 'legal-obligation', subjects: ['investor'] })`.
 */
export function processingActivity(id: string, options: Omit<ProcessingActivityDeclaration, 'kind' | 'id'>): ProcessingActivityDeclaration {
  return recordSite(Object.freeze({ ...options, kind: 'processingActivity' as const, id }), processingActivity);
}

/**
 * A retention rule: `retentionRule('sec-17a-4', { duration: 'P6Y', start: { column: 'created_at' },
 * bound: 'minimum', action: 'archive', citations: ['SEC Rule 17a-4(b)'] })`.
 */
export function retentionRule(id: string, options: Omit<RetentionRuleDeclaration, 'kind' | 'id' | 'name'>): RetentionRuleDeclaration {
  return recordSite(Object.freeze({ ...options, kind: 'retentionRule' as const, id, name: id }), retentionRule);
}

/** A record class: `recordClass('capital-call', { description: 'Capital call notices', retention: 'sec-17a-4' })`. */
export function recordClass(id: string, options: Omit<RecordClassDeclaration, 'kind' | 'id' | 'name'>): RecordClassDeclaration {
  return recordSite(Object.freeze({ ...options, kind: 'recordClass' as const, id, name: id }), recordClass);
}

/**
 * A deliberate, approved, expiring exception to a compliance rule: `waiver({ rule: 'SC722', target:
 * 'column:public.users.email', reason: '…', approver: 'dpo@example.com', expires: '2027-03-31' })`.
 */
export function waiver(options: Omit<WaiverDeclaration, 'kind' | 'name'>): WaiverDeclaration {
  return recordSite(Object.freeze({ ...options, kind: 'waiver' as const, name: `${options.rule} ${options.target}` }), waiver);
}

/**
 * A query assertion checked by `schemac verify` on a live database: `queryAssertion('invoices_page',
 * { sql: sql\`SELECT id FROM invoices WHERE status = 'sent' ORDER BY issue_date DESC LIMIT 50\`,
 * usesIndex: 'idx_invoices_status_issue_date' })`, or a validation query that must return no rows
 * (`expect: 'no rows'`).
 */
export function queryAssertion(name: string, options: Omit<QueryAssertionDeclaration, 'kind' | 'name'>): QueryAssertionDeclaration {
  return recordSite(Object.freeze({ ...options, kind: 'queryAssertion' as const, name }), queryAssertion);
}
