/**
 * The shapes of the PostgreSQL (16) raw parse-tree nodes the linter reads, as pg-query prints them
 * as JSON. Only the fields we use are declared. pg-query omits false booleans, zero numbers and
 * empty lists, so every flag and list is optional.
 */
import type { ParseNode } from '../expr/index.js';

/** One statement's tree: `{ AlterTableStmt: { … } }`. */
export type StatementNode = ParseNode;

/** Any node: `{ NodeType: { … } }`. */
export type AnyNode = { readonly [type: string]: unknown };

export interface StringNode {
  readonly String: { readonly sval?: string };
}

export interface RangeVar {
  readonly schemaname?: string;
  readonly relname: string;
  /** Absent for `ONLY name` (the relation without its inheritance children or partitions). */
  readonly inh?: boolean;
  /** 'p' permanent, 'u' unlogged, 't' temporary. */
  readonly relpersistence?: string;
}

export interface TypeName {
  readonly names?: readonly AnyNode[];
  readonly typmods?: readonly AnyNode[];
  readonly arrayBounds?: readonly unknown[];
}

export type ConstraintType =
  | 'CONSTR_NULL'
  | 'CONSTR_NOTNULL'
  | 'CONSTR_DEFAULT'
  | 'CONSTR_IDENTITY'
  | 'CONSTR_GENERATED'
  | 'CONSTR_CHECK'
  | 'CONSTR_PRIMARY'
  | 'CONSTR_UNIQUE'
  | 'CONSTR_EXCLUSION'
  | 'CONSTR_FOREIGN'
  | 'CONSTR_ATTR_DEFERRABLE'
  | 'CONSTR_ATTR_NOT_DEFERRABLE'
  | 'CONSTR_ATTR_DEFERRED'
  | 'CONSTR_ATTR_IMMEDIATE';

export interface Constraint {
  readonly contype: ConstraintType;
  readonly conname?: string;
  readonly raw_expr?: AnyNode;
  /** NOT VALID. */
  readonly skip_validation?: boolean;
  /** USING INDEX name (ADD PRIMARY KEY / UNIQUE). */
  readonly indexname?: string;
  readonly keys?: readonly AnyNode[];
  readonly pktable?: RangeVar;
  readonly nulls_not_distinct?: boolean;
}

export interface ColumnDef {
  readonly colname?: string;
  readonly typeName?: TypeName;
  readonly constraints?: readonly { readonly Constraint?: Constraint }[];
  /** ALTER COLUMN … TYPE … USING expression. */
  readonly raw_default?: AnyNode;
  /** ALTER COLUMN … TYPE … COLLATE name. */
  readonly collClause?: AnyNode;
}

export interface AlterTableCmd {
  readonly subtype: string;
  /** The column or constraint the command names. */
  readonly name?: string;
  readonly def?: AnyNode;
  readonly behavior?: string;
}

export interface AlterTableStmt {
  readonly relation: RangeVar;
  readonly cmds?: readonly { readonly AlterTableCmd: AlterTableCmd }[];
  /** OBJECT_TABLE, OBJECT_INDEX, OBJECT_MATVIEW, OBJECT_VIEW, OBJECT_SEQUENCE, … */
  readonly objtype?: string;
}

export interface PartitionCmd {
  readonly name: RangeVar;
  readonly concurrent?: boolean;
}

export interface CreateStmt {
  readonly relation: RangeVar;
  readonly tableElts?: readonly AnyNode[];
  readonly inhRelations?: readonly AnyNode[];
  readonly partbound?: unknown;
}

export interface CreateTableAsStmt {
  readonly into: { readonly rel: RangeVar };
  readonly objtype?: string;
}

export interface IndexStmt {
  readonly idxname?: string;
  readonly relation: RangeVar;
  readonly indexParams?: readonly AnyNode[];
  readonly unique?: boolean;
  readonly primary?: boolean;
  readonly concurrent?: boolean;
  readonly nulls_not_distinct?: boolean;
}

export interface DropStmt {
  readonly objects?: readonly AnyNode[];
  readonly removeType: string;
  readonly behavior?: string;
  readonly concurrent?: boolean;
}

export interface RenameStmt {
  readonly renameType: string;
  readonly relationType?: string;
  readonly relation?: RangeVar;
  readonly object?: AnyNode;
  readonly subname?: string;
  readonly newname: string;
}

export interface AlterObjectSchemaStmt {
  readonly objectType: string;
  readonly relation?: RangeVar;
  readonly object?: AnyNode;
  readonly newschema: string;
}

export interface ReindexStmt {
  readonly kind: string;
  readonly relation?: RangeVar;
  readonly name?: string;
  readonly params?: readonly AnyNode[];
}

export interface VacuumStmt {
  readonly options?: readonly AnyNode[];
  readonly rels?: readonly { readonly VacuumRelation?: { readonly relation?: RangeVar } }[];
  readonly is_vacuumcmd?: boolean;
}

export interface TransactionStmt {
  readonly kind: string;
  readonly chain?: boolean;
}

export interface VariableSetStmt {
  readonly kind: string;
  readonly name?: string;
  readonly args?: readonly AnyNode[];
}

export interface AlterEnumStmt {
  readonly typeName: readonly AnyNode[];
  readonly newVal?: string;
  readonly oldVal?: string;
}

export interface AlterDomainStmt {
  readonly subtype: string;
  readonly typeName: readonly AnyNode[];
  readonly def?: AnyNode;
}

/** The statement node types the rules read, by pg-query's name. */
export interface StatementNodes {
  readonly AlterTableStmt: AlterTableStmt;
  readonly CreateStmt: CreateStmt;
  readonly CreateTableAsStmt: CreateTableAsStmt;
  readonly IndexStmt: IndexStmt;
  readonly DropStmt: DropStmt;
  readonly RenameStmt: RenameStmt;
  readonly AlterObjectSchemaStmt: AlterObjectSchemaStmt;
  readonly TruncateStmt: { readonly relations?: readonly { readonly RangeVar?: RangeVar }[]; readonly behavior?: string };
  readonly DeleteStmt: { readonly relation: RangeVar; readonly whereClause?: AnyNode };
  readonly UpdateStmt: { readonly relation: RangeVar; readonly whereClause?: AnyNode };
  readonly LockStmt: { readonly relations?: readonly { readonly RangeVar?: RangeVar }[]; readonly mode?: number };
  readonly ClusterStmt: { readonly relation?: RangeVar };
  readonly VacuumStmt: VacuumStmt;
  readonly RefreshMatViewStmt: { readonly relation: RangeVar; readonly concurrent?: boolean };
  readonly ReindexStmt: ReindexStmt;
  readonly TransactionStmt: TransactionStmt;
  readonly VariableSetStmt: VariableSetStmt;
  readonly SelectStmt: { readonly intoClause?: { readonly rel: RangeVar } };
  readonly AlterEnumStmt: AlterEnumStmt;
  readonly AlterDomainStmt: AlterDomainStmt;
  readonly CreateEnumStmt: { readonly typeName: readonly AnyNode[] };
  readonly CompositeTypeStmt: { readonly typevar: RangeVar };
  readonly CreateDomainStmt: { readonly domainname: readonly AnyNode[] };
  readonly CreateSchemaStmt: { readonly schemaname?: string };
  readonly CreateSeqStmt: { readonly sequence: RangeVar };
  readonly ViewStmt: { readonly view: RangeVar; readonly replace?: boolean };
  readonly CreateFunctionStmt: { readonly funcname: readonly AnyNode[]; readonly replace?: boolean };
  readonly CreateTrigStmt: { readonly relation: RangeVar };
  readonly MergeStmt: { readonly relation: RangeVar };
  readonly CreatedbStmt: { readonly dbname: string };
  readonly DropdbStmt: { readonly dbname: string };
  readonly CreateTableSpaceStmt: { readonly tablespacename: string };
  readonly DropTableSpaceStmt: { readonly tablespacename: string };
  readonly AlterSystemStmt: unknown;
}

export type StatementKind = keyof StatementNodes;

/**
 * The statement's body when it is of `kind`, else undefined. The one place a parse tree is
 * trusted to have the declared shape: it comes from PostgreSQL's own parser.
 */
export function statementOf<K extends StatementKind>(node: StatementNode, kind: K): StatementNodes[K] | undefined {
  return node[kind] as StatementNodes[K] | undefined;
}

/** The body of a node of `type` (`{ Constraint: {…} }` → the Constraint), else undefined. */
export function nodeOf<T>(node: unknown, type: string): T | undefined {
  if (!node || typeof node !== 'object') return undefined;
  return (node as AnyNode)[type] as T | undefined;
}
