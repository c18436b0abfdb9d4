/**
 * `schemac verify`: is the live database what the declarations say, and does it work as
 * intended? Three checks, all read-only:
 *
 * 1. every declared object exists and matches (drift's missing and different items), no index is
 *    INVALID, every materialized view is populated;
 * 2. the largest tables, by estimated rows (pg_class.reltuples) and size, for the operator;
 * 3. the declared query assertions: `usesIndex` — EXPLAIN (FORMAT JSON) of the query, with
 *    sequential scans and sorts discouraged (empty databases have no statistics), must name the index; `expect: 'no rows' | 'rows'` — the query's
 *    result, run in a READ ONLY transaction.
 */
import type { Database } from '../db/connection.js';
import { databaseErrorInfo } from '../db/connection.js';
import type { DriftItem } from '../drift/index.js';
import type { QueryAssertion, SourceLocator, SourceRef } from '../model/types.js';
import { assertionPath } from '../model/paths.js';

export interface TableSize {
  readonly schema: string;
  readonly table: string;
  /** Estimated rows (pg_class.reltuples); null when the table was never analysed. */
  readonly rows: number | null;
  readonly bytes: number;
}

export interface AssertionResult {
  readonly name: string;
  readonly ok: boolean;
  readonly message: string;
  readonly at?: SourceRef;
}

export interface VerifyReport {
  readonly database: string;
  /** Declared objects missing or different in the database. */
  readonly objects: readonly DriftItem[];
  /** Materialized views created WITH NO DATA or never refreshed: reading them fails. */
  readonly unpopulated: readonly string[];
  readonly largest: readonly TableSize[];
  readonly assertions: readonly AssertionResult[];
  readonly ok: boolean;
}

const SYSTEM_SCHEMAS = "('pg_catalog', 'information_schema', 'pg_toast', 'schemac')";

export async function unpopulatedViews(db: Database): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    `SELECT n.nspname || '.' || c.relname AS name FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind = 'm' AND NOT c.relispopulated AND n.nspname NOT IN ${SYSTEM_SCHEMAS} ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

export async function largestTables(db: Database, limit = 10): Promise<TableSize[]> {
  const rows = await db.query<{ schema: string; table: string; rows: string; bytes: string }>(
    `SELECT n.nspname AS schema, c.relname AS table, c.reltuples::bigint::text AS rows, pg_catalog.pg_total_relation_size(c.oid)::text AS bytes
     FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'm') AND n.nspname NOT IN ${SYSTEM_SCHEMAS} AND n.nspname !~ '^pg_'
     ORDER BY c.reltuples DESC, pg_catalog.pg_total_relation_size(c.oid) DESC, 1, 2 LIMIT ${limit}`,
  );
  return rows.map((r) => ({ schema: r.schema, table: r.table, rows: Number(r.rows) < 0 ? null : Number(r.rows), bytes: Number(r.bytes) }));
}

/** Index names anywhere in an EXPLAIN (FORMAT JSON) plan. */
function planIndexes(plan: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(plan)) plan.forEach((p) => planIndexes(p, found));
  else if (plan && typeof plan === 'object') {
    for (const [key, value] of Object.entries(plan)) {
      if (key === 'Index Name' && typeof value === 'string') found.add(value);
      else planIndexes(value, found);
    }
  }
  return found;
}

async function checkAssertion(db: Database, a: QueryAssertion): Promise<{ ok: boolean; message: string }> {
  const problems: string[] = [];
  const passed: string[] = [];
  if (a.usesIndex && a.usesIndex.length > 0) {
    // Tiny tables (no statistics) make sequential scans and sorts cheapest; the question is whether
    // the index can serve the query, order included (a pagination query reads its index in order).
    await db.exec('SET LOCAL enable_seqscan = off; SET LOCAL enable_sort = off');
    const rows = await db.query<Record<string, unknown>>(`EXPLAIN (FORMAT JSON) ${a.sql}`);
    const raw = Object.values(rows[0] ?? {})[0];
    const used = planIndexes(typeof raw === 'string' ? JSON.parse(raw) : raw);
    const missing = a.usesIndex.filter((i) => !used.has(i));
    if (missing.length > 0) problems.push(`the plan does not use ${missing.join(', ')} (it uses ${[...used].sort().join(', ') || 'no index'})`);
    else passed.push(`uses ${a.usesIndex.join(', ')}`);
    await db.exec('RESET enable_seqscan; RESET enable_sort');
  }
  if (a.expect) {
    const rows = await db.query<Record<string, unknown>>(`SELECT * FROM (${a.sql}) AS assertion LIMIT 5`);
    if (a.expect === 'no rows' && rows.length > 0) problems.push(`expected no rows, got ${rows.length === 5 ? 'at least 5' : rows.length}: ${JSON.stringify(rows[0])}`);
    else if (a.expect === 'rows' && rows.length === 0) problems.push('expected rows, got none');
    else passed.push(a.expect === 'no rows' ? 'returns no rows' : 'returns rows');
  }
  return problems.length > 0 ? { ok: false, message: problems.join('; ') } : { ok: true, message: passed.join('; ') };
}

/** Run every assertion read-only, each in its own transaction so one failure does not hide the next. */
export async function runAssertions(db: Database, assertions: readonly QueryAssertion[], locate: SourceLocator): Promise<AssertionResult[]> {
  const results: AssertionResult[] = [];
  for (const a of assertions) {
    const at = locate(assertionPath(a.name));
    await db.exec('BEGIN READ ONLY');
    try {
      results.push({ name: a.name, ...(await checkAssertion(db, a)), ...(at ? { at } : {}) });
    } catch (error) {
      results.push({ name: a.name, ok: false, message: `the query failed: ${databaseErrorInfo(error).message}`, ...(at ? { at } : {}) });
    } finally {
      await db.exec('ROLLBACK').catch(() => undefined);
    }
  }
  return results;
}
