/**
 * Declaration helpers for tables, enums, extensions, schemas and table-level constraints. They
 * only fill defaults, freeze, and record where they were called.
 */
import type {
  CheckDeclaration,
  ColumnDeclaration,
  EnumDeclaration,
  ExtensionDeclaration,
  ForeignKeyDeclaration,
  IndexDeclaration,
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

export function enumType(name: string, values: readonly string[], options: { schema?: string; comment?: string } = {}): EnumDeclaration {
  const declaration: EnumDeclaration = {
    kind: 'enum',
    name,
    schema: options.schema ?? DEFAULT_SCHEMA,
    values: Object.freeze([...values]),
    ...(options.comment === undefined ? {} : { comment: options.comment }),
  };
  return recordSite(Object.freeze(declaration), enumType);
}

export function extension(name: string, options: { schema?: string } = {}): ExtensionDeclaration {
  return recordSite(Object.freeze({ kind: 'extension' as const, name, schema: options.schema ?? DEFAULT_SCHEMA }), extension);
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

export function unique(columns: readonly string[], options: { name?: string } = {}): UniqueDeclaration {
  return recordSite(Object.freeze({ kind: 'unique' as const, columns: Object.freeze([...columns]), ...options }), unique);
}

export function check(expression: SqlExpression, options: { name?: string } = {}): CheckDeclaration {
  return recordSite(Object.freeze({ kind: 'check' as const, expression, ...options }), check);
}

export function foreignKey(
  columns: readonly string[],
  references: ForeignKeyDeclaration['references'],
  options: Pick<ForeignKeyDeclaration, 'onDelete' | 'onUpdate' | 'name'> = {},
): ForeignKeyDeclaration {
  return recordSite(Object.freeze({ kind: 'foreignKey' as const, columns: Object.freeze([...columns]), references, ...options }), foreignKey);
}
