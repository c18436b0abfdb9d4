/**
 * The plan's vocabulary: a Step is one change (or one part of a change planned online) with the
 * lock it takes, what it does to the table's rows, how it runs with respect to transactions, its
 * hazards in both directions and, when its reverse cannot give back what it removes, why.
 */
import type { Change } from '../diff/index.js';

export type HazardKind =
  | 'data-loss'
  | 'data-dependent'
  | 'table-rewrite'
  | 'long-lock'
  | 'backward-incompatible';

export interface Hazard {
  readonly kind: HazardKind;
  readonly message: string;
}

/** The strongest table lock a step takes, as PostgreSQL names lock modes; `none` for no table lock. */
export type LockLevel =
  | 'none'
  | 'ACCESS EXCLUSIVE'
  | 'EXCLUSIVE'
  | 'SHARE ROW EXCLUSIVE'
  | 'SHARE'
  | 'SHARE UPDATE EXCLUSIVE';

/** What a step does to the rows of its table: nothing, read them all, or write a new copy. */
export type TableEffect = 'none' | 'scan' | 'rewrite';

/**
 * How a step runs: `shared` in one transaction with the shared steps around it; `own` in a
 * transaction of its own (committed before and after: a VALIDATE must not hold the lock its ADD
 * took); `none` outside any transaction (CREATE INDEX CONCURRENTLY).
 */
export type TransactionMode = 'shared' | 'own' | 'none';

/**
 * The SQL form a step takes. `plain` is the change's own statements; the others are the parts of a
 * change planned online on a table that already has rows:
 *
 * - `index.concurrently`: `CREATE INDEX CONCURRENTLY name ON table …` (or `DROP INDEX CONCURRENTLY`)
 *   on `table` (the change's table, or one of its partitions);
 * - `index.onOnly`: `CREATE INDEX name ON ONLY table …`, the invalid parent of partition indexes;
 * - `index.attach`: `ALTER INDEX parent ATTACH PARTITION child`;
 * - `constraint.notValid` / `constraint.validate`: `ADD … NOT VALID`, then `VALIDATE CONSTRAINT`;
 * - `constraint.buildIndex` / `constraint.usingIndex`: `CREATE UNIQUE INDEX CONCURRENTLY`, then
 *   `ADD CONSTRAINT … USING INDEX`;
 * - `notNull.check` / `notNull.validate` / `notNull.set`: `ADD CONSTRAINT c CHECK (col IS NOT NULL)
 *   NOT VALID`, `VALIDATE CONSTRAINT c`, then `SET NOT NULL` (which uses the valid check instead of
 *   scanning) and `DROP CONSTRAINT c`.
 */
export type StepForm =
  | { readonly kind: 'plain' }
  | { readonly kind: 'index.concurrently'; readonly table: string; readonly name: string }
  | { readonly kind: 'index.onOnly'; readonly table: string; readonly name: string }
  | { readonly kind: 'index.attach'; readonly parent: string; readonly child: string }
  | { readonly kind: 'constraint.notValid' }
  | { readonly kind: 'constraint.validate' }
  | { readonly kind: 'constraint.buildIndex' }
  | { readonly kind: 'constraint.usingIndex' }
  | { readonly kind: 'notNull.check'; readonly constraint: string }
  | { readonly kind: 'notNull.validate'; readonly constraint: string }
  | { readonly kind: 'notNull.set'; readonly constraint: string };

export type StepFormKind = StepForm['kind'];

export interface Step {
  readonly change: Change;
  readonly form: StepForm;
  /** Hazards of running the step forward (up). */
  readonly hazards: readonly Hazard[];
  /** Hazards of running its reverse (down). */
  readonly downHazards: readonly Hazard[];
  readonly lock: LockLevel;
  readonly effect: TableEffect;
  readonly transaction: TransactionMode;
  /** Why the reverse cannot give back what this step removes (the rows of a dropped table…). */
  readonly irreversible?: string;
  /** Optional extensions the step needs: where the server lacks one, apply skips the step. */
  readonly requires?: readonly string[];
}

export interface Plan {
  readonly steps: readonly Step[];
}

export interface PlanOptions {
  /**
   * Online-safe forms for tables that already exist (default true): concurrent index builds,
   * NOT VALID + VALIDATE, SET NOT NULL through a validated CHECK. Off: the plain statements.
   */
  readonly online?: boolean;
  /** The schemas diffed: the planner reads partitions and table kinds from them. */
  readonly from?: import('../model/types.js').Schema;
  readonly to?: import('../model/types.js').Schema;
}
