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

/** A constraint. What does not apply to its kind, or holds its default, is null (see constraints.sql). */
export interface ConstraintRow {
  readonly table_oid: string;
  readonly name: string;
  /** p, u, c or f. */
  readonly type: string;
  readonly columns: string[];
  readonly ref_schema: string | null;
  readonly ref_table: string | null;
  readonly ref_columns: string[] | null;
  readonly on_update: string | null;
  readonly on_delete: string | null;
  readonly check_expression: string | null;
  readonly deferrable: 'immediate' | 'deferred' | null;
  readonly match_full: true | null;
  readonly include: string[] | null;
  readonly nulls_not_distinct: true | null;
  readonly exclusion_operators: string[] | null;
  readonly comment: string | null;
}

export interface IndexKeyRow {
  readonly column: string | null;
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
  /** A plain column key (ascending, default operator class and collation) is its name alone. */
  readonly keys: (IndexKeyRow | string)[];
  readonly include: string[] | null;
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
