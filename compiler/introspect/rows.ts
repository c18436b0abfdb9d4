import type { Sequence } from '../model/types.js';

/** Typed rows of the catalog queries in queries/*.sql (one interface per file). */

export interface NamespaceRow {
  readonly name: string;
  readonly comment: string | null;
}

export interface ExtensionRow {
  readonly name: string;
  readonly schema: string;
  readonly version: string;
  readonly comment: string | null;
}

export interface EnumRow {
  readonly schema: string;
  readonly name: string;
  readonly values: string[];
  readonly comment: string | null;
}

export interface TableRow {
  readonly oid: string;
  readonly schema: string;
  readonly name: string;
  readonly comment: string | null;
  /** pg_get_partkeydef: `RANGE (created_at)`. */
  readonly partition_key: string | null;
  readonly partition_bound: string | null;
  readonly partition_parent: string | null;
  readonly row_level_security: 'enabled' | 'forced' | null;
  readonly unlogged: true | null;
  /** Storage parameters; null when there are none. */
  readonly storage: string[] | null;
}

/** A column. Values that hold their default are null (see columns.sql). */
export interface ColumnRow {
  readonly table_oid: string;
  /** pg_attribute.attnum: how keys and indexes name their columns (see constraints.sql, indexes.sql). */
  readonly attnum: number;
  readonly name: string;
  readonly is_array: true | null;
  /** Null for built-in (pg_catalog) types: builtin_type names them. */
  readonly type_schema: string | null;
  readonly type_name: string | null;
  readonly builtin_type: string;
  readonly not_null: boolean;
  readonly default_expression: string | null;
  readonly generated_expression: string | null;
  /** 'a' (always), 'd' (by default) or null (not an identity column). */
  readonly identity: 'a' | 'd' | null;
  readonly identity_start: string | null;
  readonly identity_increment: string | null;
  readonly identity_min: string | null;
  readonly identity_max: string | null;
  readonly identity_cache: string | null;
  readonly identity_cycle: boolean | null;
  readonly comment: string | null;
  readonly owned_sequence: string | null;
  readonly owned_sequence_type: string | null;
  /** The default is exactly nextval() of the owned sequence: a serial column. */
  readonly default_is_owned_sequence: true | null;
  readonly collation: string | null;
  readonly collation_schema: string | null;
}

/**
 * A constraint. What does not apply to its kind, or holds its default, is null (see constraints.sql).
 * Columns come as numbers (attnum), named from the column rows; the query names them itself
 * (`columns`, `ref_columns`, `include`) only for a table whose columns those rows leave out.
 */
export interface ConstraintRow {
  readonly table_oid: string;
  readonly name: string;
  /** p, u, c, f or x. */
  readonly type: string;
  /** Primary keys, uniques and foreign keys. */
  readonly column_numbers: number[] | null;
  readonly columns: string[] | null;
  readonly ref_schema: string | null;
  readonly ref_table: string | null;
  readonly ref_table_oid: string | null;
  readonly ref_column_numbers: number[] | null;
  readonly ref_columns: string[] | null;
  readonly on_update: string | null;
  readonly on_delete: string | null;
  readonly check_expression: string | null;
  readonly deferrable: 'immediate' | 'deferred' | null;
  readonly match_full: true | null;
  readonly include_numbers: number[] | null;
  readonly include: string[] | null;
  readonly nulls_not_distinct: true | null;
  readonly exclusion_operators: string[] | null;
  readonly comment: string | null;
}

/** A column as a key or index sends it: its number (attnum), or its name where the query names it (see indexes.sql). */
export type ColumnRef = number | string;

export interface IndexKeyRow {
  readonly column: ColumnRef | null;
  readonly expression: string | null;
  readonly option: number;
  readonly opclass: string | null;
  readonly opclass_schema: string | null;
  readonly collation: string | null;
  readonly collation_schema: string | null;
}

/** An index. What holds its default is null (see indexes.sql). */
export interface IndexRow {
  readonly table_oid: string;
  readonly name: string;
  readonly is_unique: boolean;
  readonly invalid: true | null;
  readonly method: string;
  /** A plain column key (ascending, default operator class and collation) is the column alone. */
  readonly keys: (IndexKeyRow | ColumnRef)[];
  readonly include: ColumnRef[] | null;
  readonly predicate: string | null;
  readonly nulls_not_distinct: true | null;
  readonly storage: string[] | null;
  /** Set when the index backs an exclusion constraint. */
  readonly exclusion_constraint: string | null;
  readonly comment: string | null;
}

export interface ViewRow {
  readonly oid: string;
  readonly schema: string;
  readonly name: string;
  readonly materialized: boolean;
  readonly query: string;
  /** reloptions: `security_invoker=true`, `check_option=local`, … */
  readonly options: string[];
  readonly comment: string | null;
  readonly column_comments: { column: string; comment: string }[] | null;
}

export interface RoutineRow {
  readonly schema: string;
  readonly name: string;
  readonly kind: 'function' | 'procedure';
  readonly signature: string;
  readonly definition: string;
  readonly comment: string | null;
}

export interface TriggerRow {
  readonly table_oid: string;
  readonly name: string;
  readonly definition: string;
  /** O, A, R or D. */
  readonly enabled: string;
  readonly comment: string | null;
}

export interface PolicyRow {
  readonly table_oid: string;
  readonly name: string;
  readonly permissive: boolean;
  readonly command: 'all' | 'select' | 'insert' | 'update' | 'delete';
  readonly roles: string[];
  readonly using_expression: string | null;
  readonly check_expression: string | null;
  readonly comment: string | null;
}

export interface DomainRow {
  readonly schema: string;
  readonly name: string;
  readonly base_schema: string;
  readonly base_name: string;
  readonly base_builtin: string;
  readonly not_null: boolean;
  readonly default_expression: string | null;
  readonly checks: { name: string; expression: string }[] | null;
  readonly comment: string | null;
}

export interface CompositeRow {
  readonly schema: string;
  readonly name: string;
  readonly attributes: { name: string; type_schema: string; type_name: string; builtin: string; is_array: boolean }[] | null;
  readonly comment: string | null;
}

/** sequences.sql: the model's Sequence, with the comment as the catalog returns it. */
export type SequenceRow = Omit<Sequence, 'comment'> & { readonly comment: string | null };

export interface GrantRow {
  readonly kind: 'table' | 'sequence' | 'schema' | 'function' | 'procedure';
  readonly schema: string;
  readonly name: string;
  readonly signature: string | null;
  readonly role: string;
  readonly privileges: string[];
  readonly with_grant_option: boolean;
}

export interface UnmanagedRow {
  readonly kind: string;
  readonly schema: string;
  readonly name: string;
}

/** The row type of each catalog query (queries/<name>.sql), in the order introspection runs them. */
export interface CatalogRows {
  readonly namespaces: NamespaceRow;
  readonly extensions: ExtensionRow;
  readonly enums: EnumRow;
  readonly tables: TableRow;
  readonly columns: ColumnRow;
  readonly constraints: ConstraintRow;
  readonly indexes: IndexRow;
  readonly views: ViewRow;
  readonly routines: RoutineRow;
  readonly triggers: TriggerRow;
  readonly policies: PolicyRow;
  readonly domains: DomainRow;
  readonly composites: CompositeRow;
  readonly sequences: SequenceRow;
  readonly grants: GrantRow;
  readonly unmanaged: UnmanagedRow;
}

export type QueryName = keyof CatalogRows;

/**
 * The fields of each query's rows: the names of the columns its SELECT list returns. The server
 * sends each row as a JSON array of these values (`json_build_array`), and introspection reads it
 * back into the row object (see catalogQuery in index.ts). A field missing from the query fails
 * the query; one missing from a list fails to compile (RowFieldsComplete below).
 */
export const ROW_FIELDS = {
  namespaces: ['name', 'comment'],
  extensions: ['name', 'schema', 'version', 'comment'],
  enums: ['schema', 'name', 'values', 'comment'],
  tables: ['oid', 'schema', 'name', 'comment', 'partition_key', 'partition_bound', 'partition_parent', 'row_level_security', 'unlogged', 'storage'],
  columns: [
    'table_oid', 'attnum', 'name', 'is_array', 'type_schema', 'type_name', 'builtin_type', 'not_null', 'default_expression', 'generated_expression',
    'identity', 'identity_start', 'identity_increment', 'identity_min', 'identity_max', 'identity_cache', 'identity_cycle', 'comment',
    'collation', 'collation_schema', 'owned_sequence', 'owned_sequence_type', 'default_is_owned_sequence',
  ],
  constraints: [
    'table_oid', 'name', 'type', 'column_numbers', 'columns', 'ref_schema', 'ref_table', 'ref_table_oid', 'ref_column_numbers', 'ref_columns',
    'on_update', 'on_delete', 'check_expression', 'deferrable', 'match_full', 'include_numbers', 'include', 'nulls_not_distinct',
    'exclusion_operators', 'comment',
  ],
  indexes: ['table_oid', 'name', 'is_unique', 'invalid', 'method', 'keys', 'include', 'predicate', 'nulls_not_distinct', 'storage', 'exclusion_constraint', 'comment'],
  views: ['oid', 'schema', 'name', 'materialized', 'query', 'options', 'comment', 'column_comments'],
  routines: ['schema', 'name', 'kind', 'signature', 'definition', 'comment'],
  triggers: ['table_oid', 'name', 'definition', 'enabled', 'comment'],
  policies: ['table_oid', 'name', 'permissive', 'command', 'roles', 'using_expression', 'check_expression', 'comment'],
  domains: ['schema', 'name', 'base_schema', 'base_name', 'base_builtin', 'not_null', 'default_expression', 'checks', 'comment'],
  composites: ['schema', 'name', 'attributes', 'comment'],
  sequences: ['schema', 'name', 'type', 'start', 'increment', 'min', 'max', 'cache', 'cycle', 'comment'],
  grants: ['kind', 'schema', 'name', 'signature', 'role', 'privileges', 'with_grant_option'],
  unmanaged: ['kind', 'schema', 'name'],
} as const satisfies { readonly [Q in QueryName]: readonly (keyof CatalogRows[Q] & string)[] };

/** The fields of a row type that its ROW_FIELDS list leaves out: never, when every list is complete. */
type MissingFields = { [Q in QueryName]: Exclude<keyof CatalogRows[Q], (typeof ROW_FIELDS)[Q][number]> }[QueryName];
/** Compiles only while no field is missing from ROW_FIELDS. */
export type RowFieldsComplete = [MissingFields] extends [never] ? true : { missing: MissingFields };
export const ROW_FIELDS_COMPLETE: RowFieldsComplete = true;
