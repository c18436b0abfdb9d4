/**
 * Change: one difference between two schemas, with everything needed to write both the forward
 * and the reverse SQL (the reverse is never reconstructed from a database later). A closed union:
 * renderers are a `Record<Change['kind'], …>`, so a new kind does not compile until it is handled.
 */
import type { ObjectPath } from '../model/paths.js';
import type {
  CheckConstraint,
  Column,
  ColumnSequence,
  ColumnType,
  EnumType,
  ExclusionConstraint,
  Expression,
  Extension,
  ForeignKey,
  IdentityOptions,
  Index,
  Namespace,
  PrimaryKey,
  Table,
  UniqueConstraint,
  View,
  Routine,
  Trigger,
  TriggerEnabled,
  Policy,
  Domain,
  CompositeType,
  Sequence,
  Grant,
  DataStep,
} from '../model/types.js';

/** A table constraint, tagged by kind. */
export type Constraint =
  | { readonly type: 'primaryKey'; readonly value: PrimaryKey }
  | { readonly type: 'unique'; readonly value: UniqueConstraint }
  | { readonly type: 'check'; readonly value: CheckConstraint }
  | { readonly type: 'foreignKey'; readonly value: ForeignKey }
  | { readonly type: 'exclusion'; readonly value: ExclusionConstraint };

/**
 * CHECKs and partial or expression indexes of a table that PostgreSQL cannot carry through a
 * change of a column's type (it re-parses their stored text with the new type: `operator does not
 * exist: e1 <> text`): dropped before the change and re-created, with their comments, after it.
 */
export interface TableDependents {
  readonly checks: readonly CheckConstraint[];
  readonly indexes: readonly Index[];
}

/**
 * A column that uses an enum type, with its default (which mentions the type and must be reset),
 * and the table's CHECKs and partial or expression indexes, which PostgreSQL cannot carry across
 * the type change (they compare with literals of the old type) and which are rebuilt around it.
 */
export interface EnumUsage extends TableDependents {
  readonly schema: string;
  readonly table: string;
  readonly column: string;
  readonly isArray: boolean;
  readonly default?: Expression;
  /**
   * The column's default changes in the same migration (a later step): the recreation drops the
   * old default and leaves the column without one for that step to set. On the way down that
   * step only drops its default, and the recreation sets the old one again.
   */
  readonly defaultChanges?: boolean;
}

interface On {
  readonly path: ObjectPath;
}
interface OnTable extends On {
  readonly schema: string;
  readonly table: string;
}

export type Change =
  | (On & { readonly kind: 'namespace.create'; readonly namespace: Namespace; readonly grants?: readonly Grant[] })
  | (On & { readonly kind: 'namespace.drop'; readonly namespace: Namespace; readonly grants?: readonly Grant[] })
  | (On & { readonly kind: 'namespace.comment'; readonly name: string; readonly from?: string; readonly to?: string })
  | (On & { readonly kind: 'extension.create'; readonly extension: Extension })
  | (On & { readonly kind: 'extension.drop'; readonly extension: Extension })
  | (On & { readonly kind: 'enum.create'; readonly enum: EnumType })
  | (On & { readonly kind: 'enum.drop'; readonly enum: EnumType })
  | (On & {
      readonly kind: 'enum.addValue';
      readonly enum: EnumType;
      readonly value: string;
      /** The value the new one goes before, or undefined to append. */
      readonly before?: string;
      /** The type as it was, and the columns using it then: the reverse recreates it. */
      readonly from: EnumType;
      readonly usagesBefore: readonly EnumUsage[];
    })
  | (On & {
      readonly kind: 'enum.recreate';
      readonly from: EnumType;
      readonly to: EnumType;
      readonly usagesBefore: readonly EnumUsage[];
      readonly usagesAfter: readonly EnumUsage[];
    })
  | (On & { readonly kind: 'enum.renameValue'; readonly enum: EnumType; readonly from: string; readonly to: string })
  | (On & { readonly kind: 'enum.comment'; readonly enum: EnumType; readonly from?: string; readonly to?: string })
  | (On & { readonly kind: 'view.create'; readonly view: View; /** Dependency depth: creates run shallow first. */ readonly depth: number; readonly grants?: readonly Grant[] })
  | (On & { readonly kind: 'view.drop'; readonly view: View; /** Dependency depth: drops run deep first. */ readonly depth: number; readonly grants?: readonly Grant[] })
  | (On & { readonly kind: 'view.comment'; readonly from: View; readonly to: View })
  | (On & { readonly kind: 'view.rename'; readonly view: View; readonly from: string })
  | (On & { readonly kind: 'data.run'; readonly step: DataStep })
  | (On & { readonly kind: 'domain.create'; readonly domain: Domain })
  | (On & { readonly kind: 'domain.drop'; readonly domain: Domain })
  | (On & { readonly kind: 'domain.alter'; readonly from: Domain; readonly to: Domain })
  | (On & { readonly kind: 'composite.create'; readonly composite: CompositeType })
  | (On & { readonly kind: 'composite.drop'; readonly composite: CompositeType })
  | (On & { readonly kind: 'composite.alter'; readonly from: CompositeType; readonly to: CompositeType })
  | (On & { readonly kind: 'sequence.create'; readonly sequence: Sequence; readonly grants?: readonly Grant[] })
  | (On & { readonly kind: 'sequence.drop'; readonly sequence: Sequence; readonly grants?: readonly Grant[] })
  | (On & { readonly kind: 'sequence.alter'; readonly from: Sequence; readonly to: Sequence })
  | (On & { readonly kind: 'grant.add'; readonly grant: Grant })
  | (On & { readonly kind: 'grant.revoke'; readonly grant: Grant })
  | (On & { readonly kind: 'routine.create'; readonly routine: Routine; readonly grants?: readonly Grant[] })
  | (On & { readonly kind: 'routine.drop'; readonly routine: Routine; readonly grants?: readonly Grant[] })
  | (On & {
      readonly kind: 'routine.replace';
      readonly from: Routine;
      readonly to: Routine;
      /** The return type or parameters changed: OR REPLACE is refused, so drop and create. */
      readonly recreate: boolean;
      /** With recreate: the grants the routine had and has (a dropped routine loses them). */
      readonly grantsBefore?: readonly Grant[];
      readonly grantsAfter?: readonly Grant[];
    })
  | (On & { readonly kind: 'routine.comment'; readonly routine: Routine; readonly from?: string; readonly to?: string })
  | (OnTable & { readonly kind: 'trigger.create'; readonly trigger: Trigger })
  | (OnTable & { readonly kind: 'trigger.drop'; readonly trigger: Trigger })
  | (OnTable & { readonly kind: 'trigger.enabled'; readonly name: string; readonly from: TriggerEnabled; readonly to: TriggerEnabled })
  | (OnTable & { readonly kind: 'trigger.comment'; readonly name: string; readonly from?: string; readonly to?: string })
  | (OnTable & { readonly kind: 'table.rowLevelSecurity'; readonly from?: 'enabled' | 'forced'; readonly to?: 'enabled' | 'forced' })
  | (OnTable & { readonly kind: 'policy.create'; readonly policy: Policy })
  | (OnTable & { readonly kind: 'policy.drop'; readonly policy: Policy })
  | (OnTable & { readonly kind: 'policy.alter'; readonly from: Policy; readonly to: Policy })
  | (On & { readonly kind: 'table.create'; readonly table: Table; /** Partition depth: parents are created first. */ readonly level: number; readonly grants?: readonly Grant[] })
  | (On & { readonly kind: 'table.drop'; readonly table: Table; /** Partition depth: partitions are dropped first. */ readonly level: number; readonly grants?: readonly Grant[] })
  | (OnTable & { readonly kind: 'table.partitionBound'; readonly parent: string; readonly from: string; readonly to: string })
  | (OnTable & { readonly kind: 'table.rename'; readonly from: string })
  | (OnTable & { readonly kind: 'table.persistence'; readonly unlogged: boolean })
  | (OnTable & { readonly kind: 'table.storage'; readonly from: readonly string[]; readonly to: readonly string[] })
  | (OnTable & { readonly kind: 'table.comment'; readonly from?: string; readonly to?: string })
  | (OnTable & { readonly kind: 'column.add'; readonly column: Column; /** Position in the table: adds keep declared order. */ readonly position: number })
  | (OnTable & { readonly kind: 'column.drop'; readonly column: Column })
  | (OnTable & { readonly kind: 'column.rename'; readonly from: string; readonly to: string })
  | (OnTable & {
      readonly kind: 'column.type';
      readonly column: string;
      readonly from: ColumnType;
      readonly to: ColumnType;
      readonly fromDefault?: Expression;
      readonly toDefault?: Expression;
      /** Both types are enums: there is no cast between them, values convert through text. */
      readonly throughText?: boolean;
      /** What the change rebuilds around it, as the table has it before and after (see TableDependents). */
      readonly dependents?: { readonly before: TableDependents; readonly after: TableDependents };
    })
  | (OnTable & { readonly kind: 'column.nullability'; readonly column: string; readonly notNull: boolean })
  | (OnTable & { readonly kind: 'column.default'; readonly column: string; readonly from?: Expression; readonly to?: Expression })
  | (OnTable & { readonly kind: 'column.sequence'; readonly column: string; readonly from?: ColumnSequence; readonly to?: ColumnSequence })
  | (OnTable & { readonly kind: 'column.identity'; readonly column: string; readonly from?: IdentityOptions; readonly to?: IdentityOptions })
  | (OnTable & { readonly kind: 'column.comment'; readonly column: string; readonly from?: string; readonly to?: string })
  | (OnTable & { readonly kind: 'constraint.add'; readonly constraint: Constraint })
  | (OnTable & { readonly kind: 'constraint.drop'; readonly constraint: Constraint })
  | (OnTable & { readonly kind: 'constraint.rename'; readonly from: string; readonly to: string })
  | (OnTable & { readonly kind: 'constraint.comment'; readonly name: string; readonly from?: string; readonly to?: string })
  | (OnTable & { readonly kind: 'index.comment'; readonly name: string; readonly from?: string; readonly to?: string })
  | (On & { readonly kind: 'extension.comment'; readonly extension: Extension; readonly from?: string; readonly to?: string })
  | (OnTable & { readonly kind: 'policy.comment'; readonly name: string; readonly from?: string; readonly to?: string })
  | (On & { readonly kind: 'extension.update'; readonly extension: Extension; readonly from: string; readonly to: string })
  | (OnTable & { readonly kind: 'index.create'; readonly index: Index })
  | (OnTable & { readonly kind: 'index.drop'; readonly index: Index })
  | (OnTable & { readonly kind: 'index.rename'; readonly from: string; readonly to: string });

export type ChangeKind = Change['kind'];

/** The change of a given kind (for renderer tables). */
export type ChangeOf<K extends ChangeKind> = Extract<Change, { kind: K }>;

export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
