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
  readonly unlogged: boolean;
  readonly storage: string[];
}

export interface ColumnRow {
  readonly table_oid: string;
  readonly name: string;
  readonly position: number;
  readonly is_array: boolean;
  readonly type_schema: string;
  readonly type_name: string;
  readonly builtin_type: string;
  readonly not_null: boolean;
  readonly default_expression: string | null;
  readonly generated_expression: string | null;
  /** '' (none), 'a' (always) or 'd' (by default). */
  readonly identity: string;
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
  readonly default_is_owned_sequence: boolean;
  readonly collation: string | null;
  readonly collation_schema: string | null;
}

export interface ConstraintRow {
  readonly table_oid: string;
  readonly name: string;
  /** p, u, c or f. */
  readonly type: string;
  readonly columns: string[];
  readonly ref_schema: string | null;
  readonly ref_table: string | null;
  readonly ref_columns: string[];
  readonly on_update: string;
  readonly on_delete: string;
  readonly check_expression: string | null;
  readonly deferrable: 'immediate' | 'deferred' | null;
  readonly match_full: boolean;
  readonly include: string[];
  readonly nulls_not_distinct: boolean;
  readonly exclusion_operators: string[];
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

export interface IndexRow {
  readonly table_oid: string;
  readonly name: string;
  readonly is_unique: boolean;
  readonly valid: boolean;
  readonly method: string;
  readonly keys: IndexKeyRow[];
  readonly include: string[];
  readonly predicate: string | null;
  readonly nulls_not_distinct: boolean;
  readonly storage: string[];
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
