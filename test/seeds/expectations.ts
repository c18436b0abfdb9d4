/**
 * What each seed system must contain once applied (issue 6): minimum counts read back by
 * introspection. Each system's file in this folder exports `expected` (see clearway.ts).
 */
export interface SeedExpectations {
  /** Tables, not counting partitions. */
  readonly tables: number;
  /** Indexes, including those backing primary keys and unique constraints, of tables and matviews (not partitions'). */
  readonly indexes: number;
  readonly foreignKeys: number;
  /** Partition tables. */
  readonly partitions: number;
  readonly materializedViews: number;
  /** PostgreSQL schemas (besides public) the system declares. */
  readonly schemas?: readonly string[];
  /** Extensions the system needs; on a server that lacks one, the part that needs it is skipped, with a message. */
  readonly extensions?: readonly string[];
}
