/**
 * What users write in schema/*.ts: typed, frozen, plain data built by the helpers in this folder.
 * `build.ts` turns a set of declarations into the Schema model.
 */
import type { CardDataForm, PersonalData, ProcessingActivity, Protection, RecordClass, RetentionRule, Sensitivity, TableCompliance, Waiver } from '../model/compliance.js';
import type { ColumnType, IdentityKind, ReferentialAction } from '../model/types.js';

/** A SQL expression written by the user: sql`now()`. */
export interface SqlExpression {
  readonly kind: 'sql';
  readonly text: string;
}

/** A JavaScript value that becomes a SQL literal (`'member'`, `0`, `true`, `'{}'`). */
export type LiteralValue = string | number | bigint | boolean | null | readonly LiteralValue[] | { readonly [key: string]: unknown };

export type DefaultValue = SqlExpression | LiteralValue;

/** Any table declaration, whatever its columns (for references between tables). */
export interface TableReference {
  readonly kind: 'table';
  readonly schema: string;
  readonly name: string;
}

export interface ReferenceOptions {
  /** The referenced table: its declaration, or `'name'` / `'schema.name'`. */
  readonly table: TableReference | string;
  /** Referenced column; defaults to the target's primary key. */
  readonly column?: string;
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
  readonly name?: string;
  readonly matchFull?: boolean;
  readonly deferrable?: DeferrableDeclaration;
}

export interface ColumnOptions {
  readonly notNull?: boolean;
  readonly default?: DefaultValue;
  readonly primaryKey?: boolean;
  /** `true` for a default-named UNIQUE constraint, or the constraint name. */
  readonly unique?: boolean | string;
  readonly check?: SqlExpression | { readonly name: string; readonly expression: SqlExpression };
  readonly references?: ReferenceOptions;
  readonly identity?:
    | IdentityKind
    | {
        readonly kind: IdentityKind;
        readonly start?: number | bigint;
        readonly increment?: number | bigint;
        readonly min?: number | bigint;
        readonly max?: number | bigint;
        readonly cache?: number;
        readonly cycle?: boolean;
      };
  /** `GENERATED ALWAYS AS (expr) STORED`. */
  readonly generated?: SqlExpression;
  readonly comment?: string;
  /** The column's previous name: a declared rename, never guessed. */
  readonly renamedFrom?: string;
  /** An array of the type (`text[]`). */
  readonly array?: boolean;
  /** COLLATE: `'C'`, `'und-x-icu'`, or `{ schema, name }`. */
  readonly collation?: SchemaNameInput;
  /** Personal data (GDPR): `false` to declare it is not, or what it is. See docs/compliance.md. */
  readonly personal?: false | PersonalData;
  readonly sensitivity?: Sensitivity;
  /** PCI DSS card data, in the only forms it may be stored: tokenised, encrypted or truncated. */
  readonly card?: CardDataForm;
  readonly protection?: Protection;
}

export interface ColumnDeclaration extends ColumnOptions {
  readonly kind: 'column';
  readonly type: ColumnType;
  /** Set for columns of a declared enum, domain or composite type, so validation can check it is declared. */
  readonly enumRef?: EnumDeclaration | DomainDeclaration | CompositeTypeDeclaration;
  /** Set for types provided by an extension (citext). */
  readonly extension?: string;
  /** serial/bigserial/smallserial: the default comes from a sequence the column owns. */
  readonly serial?: boolean;
}

/** An operator class or collation: `'gin_trgm_ops'` or `{ schema: 'public', name: 'gin_trgm_ops' }`. */
export type SchemaNameInput = string | { readonly schema: string; readonly name: string };

interface IndexKeyOptions {
  readonly order?: 'asc' | 'desc';
  readonly nulls?: 'first' | 'last';
  readonly opclass?: SchemaNameInput;
  readonly collation?: SchemaNameInput;
}

/** A key: a column name, a column with options, or an expression (sql`lower(email)`). */
export type IndexKeyDeclaration =
  | string
  | (IndexKeyOptions & { readonly column: string })
  | (IndexKeyOptions & { readonly expression: SqlExpression });

export interface IndexOptions {
  readonly name?: string;
  readonly unique?: boolean;
  /** Access method; default btree. */
  readonly using?: 'btree' | 'hash' | 'gin' | 'gist' | 'spgist' | 'brin' | (string & {});
  /** Covering columns: INCLUDE (…). */
  readonly include?: readonly string[];
  /** Partial index: WHERE …. */
  readonly where?: SqlExpression;
  /** UNIQUE … NULLS NOT DISTINCT (PostgreSQL 15+). */
  readonly nullsNotDistinct?: boolean;
  /** Storage parameters: `{ fillfactor: 70 }`. */
  readonly with?: Readonly<Record<string, string | number | boolean>>;
  readonly renamedFrom?: string;
  readonly comment?: string;
}

export interface IndexDeclaration extends IndexOptions {
  readonly kind: 'index';
  readonly columns: readonly IndexKeyDeclaration[];
}

/** DEFERRABLE INITIALLY IMMEDIATE / DEFERRED. */
export type DeferrableDeclaration = 'immediate' | 'deferred';

export interface UniqueDeclaration {
  readonly kind: 'unique';
  readonly columns: readonly string[];
  readonly name?: string;
  /** UNIQUE NULLS NOT DISTINCT (PostgreSQL 15+). */
  readonly nullsNotDistinct?: boolean;
  readonly include?: readonly string[];
  readonly deferrable?: DeferrableDeclaration;
  readonly comment?: string;
}

/** One element of an exclusion constraint: a key and the operator rows must not all satisfy. */
export type ExclusionElementDeclaration = Exclude<IndexKeyDeclaration, string> & { readonly operator: string };

export interface ExclusionDeclaration {
  readonly kind: 'exclusion';
  readonly elements: readonly ExclusionElementDeclaration[];
  readonly name?: string;
  /** Access method; default gist. */
  readonly using?: string;
  readonly include?: readonly string[];
  readonly where?: SqlExpression;
  readonly deferrable?: DeferrableDeclaration;
  readonly comment?: string;
}

export interface CheckDeclaration {
  readonly kind: 'check';
  readonly expression: SqlExpression;
  readonly name?: string;
  readonly comment?: string;
}

export interface ForeignKeyDeclaration {
  readonly kind: 'foreignKey';
  readonly columns: readonly string[];
  readonly references: { readonly table: TableReference | string; readonly columns?: readonly string[] };
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
  readonly name?: string;
  readonly matchFull?: boolean;
  readonly deferrable?: DeferrableDeclaration;
  readonly comment?: string;
}

/** A partition key: a column name or an expression. */
export type PartitionKeyDeclaration = string | SqlExpression;

export interface PartitionByDeclaration {
  readonly strategy: 'range' | 'list' | 'hash';
  readonly keys: readonly PartitionKeyDeclaration[];
  /** Partitions are managed outside schemac (pg_partman, the app): never created nor reported as drift. */
  readonly externalPartitions?: boolean;
}

/** A bound value: a string, number, boolean, null, or 'MINVALUE'/'MAXVALUE' for ranges. */
export type BoundValue = string | number | bigint | boolean | null;

export type PartitionBoundDeclaration =
  | { readonly from: BoundValue | readonly BoundValue[]; readonly to: BoundValue | readonly BoundValue[] }
  | { readonly in: readonly BoundValue[] }
  | { readonly modulus: number; readonly remainder: number }
  | { readonly default: true }
  /** The bound as PostgreSQL prints it: `FOR VALUES FROM ('2026-01-01') TO ('2026-02-01')`. */
  | { readonly raw: string };

export interface PartitionDeclaration {
  readonly kind: 'partition';
  readonly name: string;
  readonly bound: PartitionBoundDeclaration;
  /** Sub-partitioning: this partition is itself partitioned. */
  readonly partitionBy?: PartitionByDeclaration;
  readonly partitions?: readonly PartitionDeclaration[];
  readonly comment?: string;
}

export interface TableOptions<C extends Record<string, ColumnDeclaration>> {
  /** CREATE UNLOGGED TABLE (not crash-safe, not replicated; faster writes). */
  readonly unlogged?: boolean;
  /** Storage parameters: `{ fillfactor: 70, autovacuum_vacuum_scale_factor: 0.05 }`. */
  readonly with?: Readonly<Record<string, string | number | boolean>>;
  /** PARTITION BY: `{ strategy: 'range', keys: ['created_at'] }`. */
  readonly partitionBy?: PartitionByDeclaration;
  /** The partitions (see partition(), monthlyPartitions(), yearlyPartitions()). */
  readonly partitions?: readonly PartitionDeclaration[];
  readonly schema?: string;
  readonly columns: C;
  readonly primaryKey?:
    | readonly (keyof C & string)[]
    | {
        readonly name?: string;
        readonly columns: readonly (keyof C & string)[];
        readonly include?: readonly string[];
        readonly deferrable?: DeferrableDeclaration;
        readonly comment?: string;
      };
  readonly uniques?: readonly UniqueDeclaration[];
  readonly checks?: readonly CheckDeclaration[];
  readonly foreignKeys?: readonly ForeignKeyDeclaration[];
  readonly triggers?: readonly TriggerDeclaration[];
  /** ENABLE ROW LEVEL SECURITY ('enabled'), plus FORCE for the owner too ('forced'). */
  readonly rowLevelSecurity?: 'enabled' | 'forced';
  readonly policies?: readonly PolicyDeclaration[];
  /** EXCLUDE constraints: exclude([{ column: 'room', operator: '=' }, { column: 'during', operator: '&&' }]). */
  readonly exclusions?: readonly ExclusionDeclaration[];
  readonly indexes?: readonly IndexDeclaration[];
  readonly comment?: string;
  /** The table's previous name (same schema): a declared rename, never guessed. */
  readonly renamedFrom?: string;
  /** Tenant scope, processing activities, retention, append-only, legal holds. See docs/compliance.md. */
  readonly compliance?: TableComplianceDeclaration;
  /** Optional extensions (extension(name, { optional })) the table needs: skipped where the server lacks one. */
  readonly requires?: readonly string[];
}

/** A table's compliance annotations (as the model's TableCompliance; `tenant.setting` defaults to `app.<column>`). */
export interface TableComplianceDeclaration extends Omit<TableCompliance, 'tenant'> {
  readonly tenant?: { readonly column: string; readonly setting?: string } | { readonly global: string };
}

/** Registries: declared once, referenced by id from annotations. */
export interface ProcessingActivityDeclaration extends Omit<ProcessingActivity, 'recipients' | 'transfers'> {
  readonly kind: 'processingActivity';
  /** Also the `name` used by isDeclaration. */
  readonly recipients?: readonly string[];
  readonly transfers?: readonly { readonly country: string; readonly mechanism: string }[];
}
export interface RetentionRuleDeclaration extends Omit<RetentionRule, 'citations'> {
  readonly kind: 'retentionRule';
  readonly name: string;
  readonly citations?: readonly string[];
}
export interface RecordClassDeclaration extends RecordClass {
  readonly kind: 'recordClass';
  readonly name: string;
}
export interface WaiverDeclaration extends Omit<Waiver, 'target'> {
  readonly kind: 'waiver';
  readonly name: string;
  readonly target: string;
}

export interface TableDeclaration<C extends Record<string, ColumnDeclaration> = Record<string, ColumnDeclaration>>
  extends TableOptions<C> {
  readonly kind: 'table';
  readonly name: string;
  readonly schema: string;
}

/** A parameter: `{ name: 'org_id', type: 'uuid' }`, with an optional default and mode. */
export interface RoutineArgument {
  readonly name?: string;
  readonly type: string;
  readonly mode?: 'in' | 'out' | 'inout' | 'variadic';
  readonly default?: SqlExpression | string | number | boolean;
}

export interface RoutineOptions {
  readonly schema?: string;
  readonly args?: readonly RoutineArgument[];
  readonly language: 'plpgsql' | 'sql' | (string & {});
  /** The body, as written between the dollar quotes. */
  readonly body: string;
  readonly security?: 'invoker' | 'definer';
  /** SET configuration for calls: `{ search_path: 'public' }`. */
  readonly set?: Readonly<Record<string, string>>;
  readonly comment?: string;
}

export interface FunctionOptions extends RoutineOptions {
  /** `integer`, `trigger`, `SETOF public.users`, `TABLE (id uuid, n integer)`. */
  readonly returns: string;
  readonly volatility?: 'volatile' | 'stable' | 'immutable';
  readonly strict?: boolean;
  readonly parallel?: 'unsafe' | 'restricted' | 'safe';
}

export interface RoutineDeclaration extends Partial<RoutineOptions> {
  readonly kind: 'routine';
  /** A routine given as its complete CREATE FUNCTION/PROCEDURE statement. */
  readonly definition?: string;
  readonly routine: 'function' | 'procedure';
  readonly name: string;
  readonly schema: string;
  readonly returns?: string;
  readonly volatility?: FunctionOptions['volatility'];
  readonly strict?: boolean;
  readonly parallel?: FunctionOptions['parallel'];
}

export type TriggerEvent = 'insert' | 'update' | 'delete' | 'truncate';

export interface TriggerDeclaration {
  readonly kind: 'trigger';
  readonly name: string;
  /** A trigger given as its complete CREATE TRIGGER statement (then timing, events, … are unused). */
  readonly definition?: SqlExpression;
  /** Required unless `definition` is given. */
  readonly timing?: 'before' | 'after' | 'instead of';
  readonly events?: readonly TriggerEvent[];
  /** UPDATE OF these columns only. */
  readonly updateOf?: readonly string[];
  readonly forEach?: 'row' | 'statement';
  readonly when?: SqlExpression;
  /** The trigger function: its declaration, or `'schema.name'`. Required unless `definition` is given. */
  readonly function?: RoutineDeclaration | string;
  readonly arguments?: readonly string[];
  /** ALTER TABLE … ENABLE [ALWAYS | REPLICA] / DISABLE TRIGGER; default enabled ('origin'). */
  readonly enabled?: 'origin' | 'always' | 'replica' | 'disabled';
  readonly comment?: string;
}

export interface PolicyDeclaration {
  readonly kind: 'policy';
  readonly name: string;
  /** FOR ALL (default), SELECT, INSERT, UPDATE or DELETE. */
  readonly command?: 'all' | 'select' | 'insert' | 'update' | 'delete';
  /** TO these roles; default `public` (everyone). Roles are referenced, not created. */
  readonly roles?: readonly string[];
  /** AS RESTRICTIVE instead of PERMISSIVE. */
  readonly restrictive?: boolean;
  readonly using?: SqlExpression;
  readonly withCheck?: SqlExpression;
  readonly comment?: string;
}

export interface ViewOptions {
  readonly schema?: string;
  /** Classification of output columns that are not plain column references (`count(*) AS n`). */
  readonly classify?: Readonly<Record<string, { readonly personal: false | PersonalData; readonly sensitivity?: Sensitivity; readonly card?: CardDataForm; readonly protection?: Protection }>>;
  /** The view's previous name (same schema): renamed in place (ALTER VIEW … RENAME TO), never recreated. */
  readonly renamedFrom?: string;
  /** The SELECT: sql`SELECT … FROM …`. Unqualified table names mean the `public` schema. */
  readonly query: SqlExpression;
  readonly comment?: string;
  readonly columnComments?: Readonly<Record<string, string>>;
}

export interface PlainViewOptions extends ViewOptions {
  readonly securityInvoker?: boolean;
  readonly securityBarrier?: boolean;
  readonly checkOption?: 'local' | 'cascaded';
}

export interface MaterializedViewOptions extends ViewOptions {
  /** Create WITH NO DATA (populate later with REFRESH MATERIALIZED VIEW). */
  readonly withNoData?: boolean;
  readonly indexes?: readonly IndexDeclaration[];
}

export interface ViewDeclaration extends PlainViewOptions, MaterializedViewOptions {
  readonly kind: 'view';
  readonly name: string;
  readonly schema: string;
  readonly materialized: boolean;
}

export interface EnumDeclaration {
  readonly kind: 'enum';
  readonly schema: string;
  readonly name: string;
  readonly values: readonly string[];
  readonly renamedValues?: readonly { readonly from: string; readonly to: string }[];
  readonly comment?: string;
}

export interface ExtensionDeclaration {
  readonly kind: 'extension';
  readonly name: string;
  readonly schema: string;
  /** Pin a version; absent: whatever is installed. */
  readonly version?: string;
  /** Replaces the extension's own comment (compared only when declared). */
  readonly comment?: string;
  /** Optional: what is skipped on a server without it (tables that `requires` it). */
  readonly optional?: string;
}

export interface DomainDeclaration {
  readonly kind: 'domain';
  readonly schema: string;
  readonly name: string;
  /** The base type, as a column helper: numeric({ precision: 12, scale: 2 }). */
  readonly type: ColumnDeclaration;
  readonly notNull?: boolean;
  readonly default?: DefaultValue;
  /** CHECKs on VALUE: check(sql`VALUE >= 0`). */
  readonly checks?: readonly CheckDeclaration[];
  readonly comment?: string;
}

export interface CompositeTypeDeclaration {
  readonly kind: 'composite';
  readonly schema: string;
  readonly name: string;
  /** Attributes in order, as column helpers (only their types are used). */
  readonly attributes: Readonly<Record<string, ColumnDeclaration>>;
  readonly comment?: string;
}

export interface SequenceDeclaration {
  readonly kind: 'sequence';
  readonly schema: string;
  readonly name: string;
  readonly type?: 'smallint' | 'integer' | 'bigint';
  readonly start?: number | bigint;
  readonly increment?: number | bigint;
  readonly min?: number | bigint;
  readonly max?: number | bigint;
  readonly cache?: number;
  readonly cycle?: boolean;
  readonly comment?: string;
}

/** GRANT privileges ON an object TO roles. */
export interface GrantDeclaration {
  readonly kind: 'grant';
  readonly name: string;
  readonly privileges: readonly string[];
  /** A table, view, sequence, schema (namespace) or routine declaration, or `{ schema: 'name' }`. */
  readonly on: AnyTableDeclaration | ViewDeclaration | SequenceDeclaration | NamespaceDeclaration | RoutineDeclaration | { readonly schema: string };
  readonly to: readonly string[];
  readonly withGrantOption?: boolean;
}

export interface NamespaceDeclaration {
  readonly kind: 'namespace';
  readonly name: string;
  readonly comment?: string;
}

/**
 * A hand-written data step (`dataStep()`): SQL that runs once, in the next migration generated,
 * before or after the step of the object it names.
 */
export interface DataStepDeclaration {
  readonly kind: 'dataStep';
  readonly name: string;
  /** The SQL: one or more statements (`INSERT … SELECT …`, a `DO` block that checks something). */
  readonly up: SqlExpression;
  /** Its reverse, run by rollback. Without one, rollback has nothing to run for it. */
  readonly down?: SqlExpression;
  /** Why rollback cannot undo what it does (a backfill that overwrote values): rollback then needs --force. */
  readonly irreversible?: string;
  /** Object path of the change it runs before (`table:public.orders`)… */
  readonly before?: string;
  /** …or after (`column:public.users.email`). Naming neither, or nothing in the migration: at its end. */
  readonly after?: string;
  /** `shared` (default) in the migration's transaction; `own`: committed on its own; `none`: outside one. */
  readonly transaction?: 'shared' | 'own' | 'none';
  readonly comment?: string;
}

/** `queryAssertion()`: a check `schemac verify` runs on the live database. */
export interface QueryAssertionDeclaration {
  readonly kind: 'queryAssertion';
  readonly name: string;
  readonly sql: SqlExpression;
  /** The plan must use this index (or all of these). */
  readonly usesIndex?: string | readonly string[];
  /** `no rows`: a validation query that lists what is wrong; `rows`: something must be there. */
  readonly expect?: 'no rows' | 'rows';
  readonly comment?: string;
}

/** `acknowledge()`: a hazard or lint finding accepted on purpose, with the reason. */
export interface AcknowledgementDeclaration {
  readonly kind: 'acknowledge';
  /** `SC601 table:public.legacy` (for isDeclaration and duplicates). */
  readonly name: string;
  readonly code: string;
  readonly object: string;
  readonly reason: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any column set: tables are covariant in practice
export type AnyTableDeclaration = TableDeclaration<any>;

export type Declaration = AnyTableDeclaration | ViewDeclaration | DataStepDeclaration | QueryAssertionDeclaration | AcknowledgementDeclaration | ProcessingActivityDeclaration | RetentionRuleDeclaration | RecordClassDeclaration | WaiverDeclaration | RoutineDeclaration | DomainDeclaration | CompositeTypeDeclaration | SequenceDeclaration | GrantDeclaration | EnumDeclaration | ExtensionDeclaration | NamespaceDeclaration;
