/**
 * Long locks from explicit locking, materialized view refreshes, partition maintenance and
 * reindexing, each of which has an online variant (or recipe).
 */
import { nodeOf, statementOf, type PartitionCmd, type StatementNode } from '../nodes.js';
import { NO_HITS, type RuleDefinition } from '../rule.js';
import { isConcurrentReindex, lockModeNumbered } from '../locks.js';
import { alterTableCommands, relationName, type QualifiedName } from '../tree.js';
import { hit, isExisting, listed, show, tableAt } from './support.js';

/** `LOCK TABLE public.accounts IN ACCESS EXCLUSIVE MODE` */
export const lockTable: RuleDefinition = {
  code: 'SC625',
  name: 'lock-table',
  severity: 'warning',
  category: 'lock',
  title: 'explicit LOCK TABLE',
  why: 'LOCK TABLE holds the lock until the transaction ends, so every statement after it in the migration runs with the table blocked; in a wrapped migration file that is the whole file.',
  fix: 'Let each statement take the lock it needs, briefly. If the lock is really needed, put the statements that need it in their own step (`-- schemac:transaction own`), keep them short, and set lock_timeout.',
  example: { bad: 'LOCK TABLE public.accounts IN ACCESS EXCLUSIVE MODE;', good: "SET lock_timeout = '2s';\nALTER TABLE public.accounts ADD COLUMN note text;" },
  check: ({ node }, context) => {
    const lock = statementOf(node, 'LockStmt');
    if (!lock) return NO_HITS;
    const tables = (lock.relations ?? []).flatMap((r) => (r.RangeVar ? [relationName(r.RangeVar)] : [])).filter((t) => isExisting(context, t));
    if (tables.length === 0) return NO_HITS;
    return [hit(`locks ${listed(tables.map(show))} in ${lockModeNumbered(lock.mode ?? 8)} mode until the transaction ends`, { path: tableAt(tables[0]!) })];
  },
};

/** `REFRESH MATERIALIZED VIEW public.daily_totals` */
export const refreshWithoutConcurrently: RuleDefinition = {
  code: 'SC626',
  name: 'refresh-without-concurrently',
  severity: 'warning',
  category: 'lock',
  title: 'materialized view refreshed without CONCURRENTLY',
  why: 'REFRESH MATERIALIZED VIEW without CONCURRENTLY holds an ACCESS EXCLUSIVE lock on the view while its query runs: every reader waits.',
  fix: 'Use REFRESH MATERIALIZED VIEW CONCURRENTLY (readers keep the old contents meanwhile). It needs a unique index on the view and a view that was populated before.',
  example: { bad: 'REFRESH MATERIALIZED VIEW public.daily_totals;', good: 'REFRESH MATERIALIZED VIEW CONCURRENTLY public.daily_totals;' },
  check: ({ node }, context) => {
    const refresh = statementOf(node, 'RefreshMatViewStmt');
    if (!refresh || refresh.concurrent) return NO_HITS;
    const view = relationName(refresh.relation);
    return isExisting(context, view) ? [hit(`refreshes ${show(view)} without CONCURRENTLY: readers wait (ACCESS EXCLUSIVE) while its query runs`, { path: `view:${show(view)}` })] : NO_HITS;
  },
};

/** The partitions an ALTER TABLE attaches or detaches, with the command's flags. */
function partitionCommands(
  node: StatementNode,
  subtype: 'AT_AttachPartition' | 'AT_DetachPartition',
): { parent: QualifiedName; partition: QualifiedName; concurrent: boolean }[] {
  const alter = alterTableCommands(node);
  if (!alter) return [];
  return alter.commands.flatMap((c) => {
    const partition = c.subtype === subtype ? nodeOf<PartitionCmd>(c.def, 'PartitionCmd') : undefined;
    return partition ? [{ parent: alter.table, partition: relationName(partition.name), concurrent: partition.concurrent === true }] : [];
  });
}

/** `ALTER TABLE public.events ATTACH PARTITION public.events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')` */
export const attachPartition: RuleDefinition = {
  code: 'SC627',
  name: 'attach-partition-scan',
  severity: 'warning',
  category: 'lock',
  title: 'ATTACH PARTITION scans the partition',
  why: 'ATTACH PARTITION (SHARE UPDATE EXCLUSIVE on the parent since PostgreSQL 12, ACCESS EXCLUSIVE on the partition) scans every row of the attached table to check that it fits the partition bound, and the default partition, if any, to check that none of its rows belongs to the new one. There is no CONCURRENTLY form.',
  fix: 'Before attaching, add a CHECK constraint that matches the partition bound NOT VALID and VALIDATE it (no blocking lock); ATTACH then skips the scan. Drop the check afterwards. Avoid a default partition on large partitioned tables.',
  example: {
    bad: "ALTER TABLE public.events ATTACH PARTITION public.events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');",
    good: "ALTER TABLE public.events_2024 ADD CONSTRAINT events_2024_bound CHECK (created_at >= '2024-01-01' AND created_at < '2025-01-01') NOT VALID;\n-- schemac:transaction own\nALTER TABLE public.events_2024 VALIDATE CONSTRAINT events_2024_bound;\nALTER TABLE public.events ATTACH PARTITION public.events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');",
  },
  check: ({ node }, context) =>
    partitionCommands(node, 'AT_AttachPartition')
      .filter(({ partition }) => isExisting(context, partition) && !context.file.hasValidatedCheck(partition))
      .map(({ parent, partition }) => hit(`attaches ${show(partition)} to ${show(parent)}: every row of ${show(partition)} is scanned under an ACCESS EXCLUSIVE lock unless a validated CHECK constraint proves the bound`, { path: tableAt(partition) })),
};

/** `ALTER TABLE public.events DETACH PARTITION public.events_2019` */
export const detachWithoutConcurrently: RuleDefinition = {
  code: 'SC628',
  name: 'detach-without-concurrently',
  severity: 'warning',
  category: 'lock',
  title: 'partition detached without CONCURRENTLY',
  why: 'DETACH PARTITION takes an ACCESS EXCLUSIVE lock on the parent table: queries on every partition wait for it (and it waits for them).',
  fix: 'Use DETACH PARTITION … CONCURRENTLY (PostgreSQL 14 and later), in a step outside a transaction (`-- schemac:transaction none`). It is not possible while the parent has a default partition.',
  example: { bad: 'ALTER TABLE public.events DETACH PARTITION public.events_2019;', good: '-- schemac:transaction none\nALTER TABLE public.events DETACH PARTITION public.events_2019 CONCURRENTLY;' },
  versions: { min: 14 },
  check: ({ node }, context) =>
    partitionCommands(node, 'AT_DetachPartition')
      .filter(({ parent, concurrent }) => !concurrent && isExisting(context, parent))
      .map(({ parent, partition }) => hit(`detaches ${show(partition)} from ${show(parent)} without CONCURRENTLY: ${show(parent)} is locked (ACCESS EXCLUSIVE)`, { path: tableAt(parent) })),
};

const REINDEX_TARGETS: Readonly<Record<string, string>> = {
  REINDEX_OBJECT_INDEX: 'index',
  REINDEX_OBJECT_TABLE: 'table',
  REINDEX_OBJECT_SCHEMA: 'schema',
  REINDEX_OBJECT_DATABASE: 'database',
};

/** `REINDEX INDEX public.users_email_idx` */
export const reindexWithoutConcurrently: RuleDefinition = {
  code: 'SC629',
  name: 'reindex-without-concurrently',
  severity: 'warning',
  category: 'lock',
  title: 'REINDEX without CONCURRENTLY',
  why: 'REINDEX without CONCURRENTLY blocks writes to the table (and reads that would use the index) while the index is rebuilt.',
  fix: 'Use REINDEX … CONCURRENTLY (PostgreSQL 12 and later), in a step outside a transaction (`-- schemac:transaction none`).',
  example: { bad: 'REINDEX INDEX public.users_email_idx;', good: '-- schemac:transaction none\nREINDEX INDEX CONCURRENTLY public.users_email_idx;' },
  versions: { min: 12 },
  check: ({ node }, context) => {
    const reindex = statementOf(node, 'ReindexStmt');
    const target = reindex && REINDEX_TARGETS[reindex.kind];
    if (!reindex || !target || isConcurrentReindex(reindex)) return NO_HITS;
    const name: QualifiedName | undefined = reindex.relation ? relationName(reindex.relation) : undefined;
    if (name && (target === 'index' ? context.file.isNewIndex(name) : !isExisting(context, name))) return NO_HITS;
    const what = name ? `${target} ${show(name)}` : `${target} ${reindex.name ?? ''}`.trim();
    return [hit(`reindexes ${what} without CONCURRENTLY: writes wait until every index is rebuilt`)];
  },
};

export const MAINTENANCE_RULES: readonly RuleDefinition[] = [
  lockTable,
  refreshWithoutConcurrently,
  attachPartition,
  detachWithoutConcurrently,
  reindexWithoutConcurrently,
];
