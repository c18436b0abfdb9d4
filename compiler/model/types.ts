/**
 * The Schema model: the one data shape that both the DSL (declarations) and introspection (a live
 * database) produce, and that diff compares. Plain, immutable, JSON-serialisable data: a snapshot
 * file is exactly `JSON.stringify(schema)`.
 *
 * Every list is sorted by object path (see `paths.ts`), so two equal schemas serialise to the same
 * bytes whatever order they were declared or read in.
 */

import type { ObjectPath } from './paths.js';
import type { ColumnCompliance, ComplianceRegistry, TableCompliance } from './compliance.js';

export type * from './compliance.js';

/**
 * Where a declaration was written. Not part of the model (a moved line is not a schema change):
 * the DSL loader keeps a side table from object path to source, see `SourceLocator`.
 */
export interface SourceRef {
  /** Path relative to the project (config) folder, with forward slashes. */
  readonly file: string;
  /** 1-based line; 0 when unknown. */
  readonly line: number;
}

/**
 * A SQL expression (default, CHECK, generated column). `sql` is the text as written by the user (or
 * as read back from the server); comparisons go through `compiler/expr`, never through this text.
 */
export interface Expression {
  readonly sql: string;
}

/**
 * A column type. Built-in types use PostgreSQL's canonical spelling as printed by `format_type`
 * (`integer`, `character varying(255)`, `timestamp(3) with time zone`, `numeric(12,2)`), with
 * `schema` null. User types (enums, extension types such as citext) carry their schema.
 */
export interface ColumnType {
  readonly schema: string | null;
  readonly name: string;
  readonly isArray: boolean;
  /** Type modifiers of a non-built-in type, as PostgreSQL prints them: `(1536)` for vector(1536). */
  readonly modifiers?: string;
  /** COLLATE, when not the type's default collation. */
  readonly collation?: SchemaName;
}

export type IdentityKind = 'always' | 'by default';

/** Identity sequence options; each only when it differs from PostgreSQL's default for the column type. */
export interface IdentityOptions {
  readonly kind: IdentityKind;
  readonly start?: string;
  readonly increment?: string;
  readonly min?: string;
  readonly max?: string;
  readonly cache?: string;
  readonly cycle?: boolean;
}

/** A sequence owned by a column and feeding its default (`serial`): `nextval('<sequence>')`. */
export interface ColumnSequence {
  /** Sequence name, in the table's schema. */
  readonly name: string;
  readonly type: 'smallint' | 'integer' | 'bigint';
}

export interface Column {
  readonly name: string;
  readonly type: ColumnType;
  readonly notNull: boolean;
  /** Never set together with `sequence` (whose default is implied). */
  readonly default?: Expression;
  readonly sequence?: ColumnSequence;
  readonly identity?: IdentityOptions;
  /** `GENERATED ALWAYS AS (expr) STORED`. */
  readonly generated?: Expression;
  readonly comment?: string;
  /** Declared rename: the column's previous name. Never guessed. */
  readonly renamedFrom?: string;
  /** Declarations only: what the column holds in legal terms (compliance/). */
  readonly compliance?: ColumnCompliance;
}

export type ReferentialAction = 'no action' | 'restrict' | 'cascade' | 'set null' | 'set default';

/** DEFERRABLE INITIALLY IMMEDIATE / DEFERRED; absent: NOT DEFERRABLE. */
export type Deferrable = 'immediate' | 'deferred';

export interface PrimaryKey {
  readonly name: string;
  readonly columns: readonly string[];
  /** Covering columns of the key's index: INCLUDE (…). Absent when none. */
  readonly include?: readonly string[];
  readonly deferrable?: Deferrable;
  readonly comment?: string;
}

export interface UniqueConstraint {
  readonly name: string;
  readonly columns: readonly string[];
  readonly include?: readonly string[];
  /** UNIQUE NULLS NOT DISTINCT (PostgreSQL 15+). */
  readonly nullsNotDistinct?: boolean;
  readonly deferrable?: Deferrable;
  readonly comment?: string;
}

/** EXCLUDE USING <method> (key WITH operator, …) [INCLUDE (…)] [WHERE (…)]. */
export interface ExclusionConstraint {
  readonly name: string;
  readonly method: IndexMethod;
  readonly elements: readonly { readonly key: IndexKey; readonly operator: string }[];
  readonly include?: readonly string[];
  readonly where?: Expression;
  readonly deferrable?: Deferrable;
  readonly comment?: string;
}

export interface CheckConstraint {
  readonly name: string;
  readonly expression: Expression;
  readonly comment?: string;
}

export interface ForeignKey {
  readonly name: string;
  readonly columns: readonly string[];
  readonly references: { readonly schema: string; readonly table: string; readonly columns: readonly string[] };
  readonly onDelete: ReferentialAction;
  readonly onUpdate: ReferentialAction;
  /** MATCH FULL; absent: MATCH SIMPLE (the default). */
  readonly matchFull?: boolean;
  readonly deferrable?: Deferrable;
  readonly comment?: string;
}

/** A name that may live in a schema (operator classes, collations); `schema` null for pg_catalog. */
export interface SchemaName {
  readonly schema: string | null;
  readonly name: string;
}

/** One key of an index: a column or an expression, with its ordering, operator class, collation. */
export interface IndexKey {
  readonly column?: string;
  readonly expression?: Expression;
  readonly descending: boolean;
  /** Only when it differs from the default for the direction (ASC: last, DESC: first). */
  readonly nulls?: 'first' | 'last';
  /** Only when not the default operator class of the key's type. */
  readonly opclass?: SchemaName;
  /** Only when not the key's default collation. */
  readonly collation?: SchemaName;
}

export type IndexMethod = 'btree' | 'hash' | 'gin' | 'gist' | 'spgist' | 'brin' | (string & {});

export interface Index {
  readonly name: string;
  readonly unique: boolean;
  readonly method: IndexMethod;
  readonly keys: readonly IndexKey[];
  /** Covering columns: INCLUDE (…). */
  readonly include: readonly string[];
  /** Partial index predicate: WHERE …. */
  readonly where?: Expression;
  /** UNIQUE … NULLS NOT DISTINCT (PostgreSQL 15+). */
  readonly nullsNotDistinct?: boolean;
  /** Storage parameters as PostgreSQL lists them: `fillfactor=70`, sorted. */
  readonly storage: readonly string[];
  readonly renamedFrom?: string;
  readonly comment?: string;
  /** Introspection only: INVALID (a concurrent build failed or was interrupted); it must be rebuilt. */
  readonly invalid?: boolean;
}

export type PartitionStrategy = 'range' | 'list' | 'hash';

/** PARTITION BY: the strategy and the key list as SQL (`created_at`, `date_trunc('month', at), region`). */
export interface PartitionBy {
  readonly strategy: PartitionStrategy;
  readonly key: string;
  /**
   * Partitions are created and dropped outside schemac (pg_partman, the application): they are
   * neither created nor reported as drift.
   */
  readonly externalPartitions?: boolean;
}

/** PARTITION OF: the parent (same schema) and the bound as PostgreSQL prints it. */
export interface PartitionOf {
  readonly table: string;
  /** `FOR VALUES FROM (…) TO (…)`, `FOR VALUES IN (…)`, `FOR VALUES WITH (modulus 4, remainder 0)`, `DEFAULT`. */
  readonly bound: string;
}

export interface Table {
  readonly schema: string;
  readonly name: string;
  readonly columns: readonly Column[];
  readonly primaryKey?: PrimaryKey;
  readonly uniques: readonly UniqueConstraint[];
  readonly checks: readonly CheckConstraint[];
  readonly foreignKeys: readonly ForeignKey[];
  /** Absent when none (older snapshots have no such list). */
  readonly exclusions?: readonly ExclusionConstraint[];
  /** Absent when none. */
  readonly triggers?: readonly Trigger[];
  /** Row-level security: ENABLE, or ENABLE and FORCE (applies to the owner too); absent: off. */
  readonly rowLevelSecurity?: 'enabled' | 'forced';
  /** Absent when none. */
  readonly policies?: readonly Policy[];
  readonly indexes: readonly Index[];
  /** CREATE UNLOGGED TABLE. */
  readonly unlogged?: boolean;
  /** Storage parameters (reloptions) as PostgreSQL lists them, sorted: `fillfactor=70`. */
  readonly storage?: readonly string[];
  readonly partitionBy?: PartitionBy;
  /** Set on partitions, whose columns come from the parent (their `columns` list only local ones). */
  readonly partitionOf?: PartitionOf;
  readonly comment?: string;
  /** Declared rename: the table's previous name (same schema). Never guessed. */
  readonly renamedFrom?: string;
  /** Declarations only: tenant scope, retention, holds, append-only (compliance/). */
  readonly compliance?: TableCompliance;
  /** Declarations only: optional extensions the table needs; where one is missing the table is skipped. */
  readonly requires?: readonly string[];
}

/**
 * A function or procedure. `definition` is a complete `CREATE OR REPLACE FUNCTION|PROCEDURE`
 * statement (rendered from declarations, or pg_get_functiondef); `signature` its identity
 * arguments (`a integer, b text`), which with the name identifies it. Compared as parse trees.
 */
export interface Routine {
  readonly schema: string;
  readonly name: string;
  readonly kind: 'function' | 'procedure';
  readonly signature: string;
  readonly definition: string;
  readonly comment?: string;
}

export type TriggerEnabled = 'origin' | 'always' | 'replica' | 'disabled';

/** A trigger: its `CREATE TRIGGER` statement (declared, or pg_get_triggerdef) and enabled state. */
export interface Trigger {
  readonly name: string;
  readonly definition: string;
  readonly enabled: TriggerEnabled;
  readonly comment?: string;
}

export type PolicyCommand = 'all' | 'select' | 'insert' | 'update' | 'delete';

/** A row-level security policy of a table. */
export interface Policy {
  readonly name: string;
  /** PERMISSIVE (true, the default) or RESTRICTIVE. */
  readonly permissive: boolean;
  readonly command: PolicyCommand;
  /** Role names, sorted; `public` for everyone. */
  readonly roles: readonly string[];
  readonly using?: Expression;
  readonly withCheck?: Expression;
  readonly comment?: string;
}

export type CheckOption = 'local' | 'cascaded';

export interface ColumnComment {
  readonly column: string;
  readonly comment: string;
}

/**
 * A view or materialized view. `query` is the SELECT as written (declared) or as pg_get_viewdef
 * prints it (introspected); comparisons use canonical parse trees.
 */
export interface View {
  readonly schema: string;
  readonly name: string;
  readonly materialized: boolean;
  readonly query: Expression;
  readonly securityInvoker?: boolean;
  readonly securityBarrier?: boolean;
  readonly checkOption?: CheckOption;
  /** Materialized views: create WITH NO DATA. A creation option only: never compared. */
  readonly withNoData?: boolean;
  /** Materialized views only. */
  readonly indexes: readonly Index[];
  readonly comment?: string;
  readonly columnComments: readonly ColumnComment[];
  /** Declared rename: the view's previous name (same schema). Never guessed. */
  readonly renamedFrom?: string;
  /** Declarations only: classification of output columns that are not plain column references. */
  readonly classify?: Readonly<Record<string, ColumnCompliance>>;
}

export interface EnumType {
  readonly schema: string;
  readonly name: string;
  readonly values: readonly string[];
  /** Declared value renames (`{ from: 'old', to: 'new' }`): ALTER TYPE … RENAME VALUE, never guessed. */
  readonly renamedValues?: readonly { readonly from: string; readonly to: string }[];
  readonly comment?: string;
}

/** CREATE DOMAIN: a base type with NOT NULL, a default, CHECKs on VALUE. */
export interface Domain {
  readonly schema: string;
  readonly name: string;
  readonly type: ColumnType;
  readonly notNull: boolean;
  readonly default?: Expression;
  readonly checks: readonly CheckConstraint[];
  readonly comment?: string;
}

/** CREATE TYPE … AS (…): a composite type's attributes in order. */
export interface CompositeType {
  readonly schema: string;
  readonly name: string;
  readonly attributes: readonly { readonly name: string; readonly type: ColumnType }[];
  readonly comment?: string;
}

/** A standalone sequence (sequences owned by serial or identity columns belong to the column). */
export interface Sequence {
  readonly schema: string;
  readonly name: string;
  readonly type: 'smallint' | 'integer' | 'bigint';
  readonly start: string;
  readonly increment: string;
  readonly min: string;
  readonly max: string;
  readonly cache: string;
  readonly cycle: boolean;
  readonly comment?: string;
}

export type GrantObjectKind = 'table' | 'sequence' | 'schema' | 'function' | 'procedure';

/**
 * Privileges one role holds on one object, beyond the owner's own. Views and materialized views
 * are `table` objects, as in GRANT … ON TABLE. Roles are referenced, never created.
 */
export interface Grant {
  readonly kind: GrantObjectKind;
  /** Empty for schemas. */
  readonly schema: string;
  readonly name: string;
  /** Identity arguments, for functions and procedures. */
  readonly signature?: string;
  /** Role name, or `public`. */
  readonly role: string;
  /** Upper case, sorted: `INSERT`, `SELECT`, … */
  readonly privileges: readonly string[];
  readonly withGrantOption?: boolean;
}

/** An object of a kind schemac does not manage: listed by inspect and drift, never compared. */
export interface UnmanagedObject {
  readonly kind: string;
  readonly schema: string;
  readonly name: string;
}

export interface Extension {
  readonly name: string;
  /** Schema the extension's objects live in. */
  readonly schema: string;
  /** Pinned version (ALTER EXTENSION … UPDATE TO); absent: whatever is installed, not compared. */
  readonly version?: string;
  /** Compared only where declared: extensions come with a comment of their own. */
  readonly comment?: string;
  /**
   * Declarations only: the extension is optional; on a server that lacks it, the tables that
   * require it (`requires`) are skipped — this says what is lost (`document embeddings`).
   */
  readonly optional?: string;
}

/** A PostgreSQL schema (namespace). `public` is built in and never created or dropped. */
export interface Namespace {
  readonly name: string;
  readonly comment?: string;
}

export interface Schema {
  readonly namespaces: readonly Namespace[];
  readonly extensions: readonly Extension[];
  readonly enums: readonly EnumType[];
  readonly tables: readonly Table[];
  readonly views: readonly View[];
  /** Absent in snapshots written before routines were managed. */
  readonly routines?: readonly Routine[];
  /** Absent when none (and in older snapshots). */
  readonly domains?: readonly Domain[];
  readonly composites?: readonly CompositeType[];
  readonly sequences?: readonly Sequence[];
  /** Absent when none (and in older snapshots). */
  readonly grants?: readonly Grant[];
  /** Introspection only: objects of kinds schemac does not manage. Never diffed. */
  readonly unmanaged?: readonly UnmanagedObject[];
  /** Declared data steps (backfills, pre-checks). Declarations and snapshots only; never diffed. */
  readonly dataSteps?: readonly DataStep[];
  /** Declared acknowledgements of hazards and lint findings. Declarations only; never diffed. */
  readonly acknowledgements?: readonly Acknowledgement[];
  /** Processing activities, retention rules, record classes, waivers. Declarations only; never diffed. */
  readonly compliance?: ComplianceRegistry;
  /** Query assertions checked by `schemac verify`. Declarations only; never diffed. */
  readonly assertions?: readonly QueryAssertion[];
}

/**
 * A query assertion (`schemac verify`): the query's plan uses an index (checked with EXPLAIN on the
 * live database), and/or its result is empty or not.
 */
export interface QueryAssertion {
  readonly name: string;
  readonly sql: string;
  /** Index names the plan must use (all of them). */
  readonly usesIndex?: readonly string[];
  /** `no rows`: a validation query listing what is wrong; `rows`: something must be there. */
  readonly expect?: 'no rows' | 'rows';
  readonly comment?: string;
}

/**
 * A hand-written data step: SQL that runs once, in the migration generated after it is declared,
 * right before or after the step of the object it names (`before`/`after` an object path such as
 * `table:public.orders`); naming nothing in that migration, it runs at its end. Its SQL is part of
 * up.sql (so checksummed); `down` is its reverse, if it has one (a pre-check needs none).
 */
export interface DataStep {
  readonly name: string;
  readonly up: string;
  readonly down?: string;
  readonly before?: ObjectPath;
  readonly after?: ObjectPath;
  /** `shared` (default): in the migration's transaction; `own`: committed on its own; `none`: outside one. */
  readonly transaction?: 'shared' | 'own' | 'none';
  /** Why rollback cannot undo it (rollback then needs --force). Without `down`, rollback skips it. */
  readonly irreversible?: string;
  readonly comment?: string;
}

/**
 * A deliberate exception: the hazard or lint finding `code` on `object` (an object path, `*` for
 * any) is accepted for `reason`. Lets `generate` write a migration that drops data, or a drop that
 * looks like a rename.
 */
export interface Acknowledgement {
  readonly code: string;
  readonly object: ObjectPath | '*';
  readonly reason: string;
}

/** The schema of a database with nothing in it. */
export const EMPTY_SCHEMA: Schema = Object.freeze({
  namespaces: Object.freeze([]),
  extensions: Object.freeze([]),
  enums: Object.freeze([]),
  tables: Object.freeze([]),
  views: Object.freeze([]),
});

/** Namespaces that exist in every database and are never created, dropped or diffed. */
export const BUILT_IN_NAMESPACES: ReadonlySet<string> = new Set(['public']);

/** schemac's own bookkeeping schema: never declared, never introspected, never drift. */
export const SCHEMAC_NAMESPACE = 'schemac';

/** Finds where an object was declared; returns undefined for objects with no declaration. */
export type SourceLocator = (path: string) => SourceRef | undefined;

export const NO_SOURCES: SourceLocator = () => undefined;
