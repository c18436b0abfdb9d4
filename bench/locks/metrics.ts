/**
 * From writer statements and a migration timeline to the numbers the benchmark reports: the
 * longest writer stall, p99 latency and throughput while the migration held the database, the
 * same before it started (baseline), and how long writers waited within each migration statement.
 */
import { maximum, percentile } from '../lib/stats.js';
import type { MigrationTimeline } from './timeline.js';
import type { WriterStatement } from './writers.js';

export interface WindowMetrics {
  readonly wallMs: number;
  /** Longest latency of any writer statement that overlapped the window. */
  readonly longestStallMs: number;
  readonly p99Ms: number;
  /** Writer statements completed per second inside the window. */
  readonly throughput: number;
  readonly failed: number;
}

/** One migration statement, or all the pauses between them, and how long writers waited in it. */
export interface StatementStall {
  /** The statement; absent for the pauses between statements (client work, round trips). */
  readonly sql?: string;
  readonly durationMs: number;
  /** The longest part of one writer statement that fell inside this statement (or one pause). */
  readonly longestStallMs: number;
}

const latency = (s: WriterStatement): number => s.end - s.start;

/** Metrics of the writer statements overlapping [start, end]. */
export function windowMetrics(statements: readonly WriterStatement[], start: number, end: number): WindowMetrics {
  const overlapping = statements.filter((s) => s.start < end && s.end > start);
  const completed = overlapping.filter((s) => s.end <= end && !s.failed).length;
  const latencies = overlapping.map(latency);
  const wallMs = end - start;
  return {
    wallMs,
    longestStallMs: maximum(latencies),
    p99Ms: percentile(latencies, 99),
    throughput: wallMs > 0 ? completed / (wallMs / 1000) : Number.NaN,
    failed: overlapping.filter((s) => s.failed).length,
  };
}

/** Metrics of the writer statements wholly inside the `ms` before the migration started. */
export function baselineMetrics(statements: readonly WriterStatement[], timeline: MigrationTimeline, ms: number): WindowMetrics {
  const before = statements.filter((s) => s.start >= timeline.start - ms && s.end <= timeline.start);
  return windowMetrics(before, timeline.start - ms, timeline.start);
}

/** The longest part of one writer statement inside [start, end]. */
function longestInside(statements: readonly WriterStatement[], start: number, end: number): number {
  let longest = 0;
  for (const s of statements) longest = Math.max(longest, Math.min(s.end, end) - Math.max(s.start, start));
  return longest;
}

/**
 * For each migration statement, the longest time one writer statement spent inside it (a writer
 * blocked across several statements counts in each), then one entry for the pauses between
 * statements: the client's own work and round trips, when a transaction's locks stay held.
 */
export function stallsByStatement(statements: readonly WriterStatement[], timeline: MigrationTimeline): StatementStall[] {
  const spans = timeline.statements;
  const perStatement = spans.map((span) => ({ sql: span.sql, durationMs: span.end - span.start, longestStallMs: longestInside(statements, span.start, span.end) }));
  const pauses = spans.slice(1).map((span, i) => ({ start: spans[i]!.end, end: span.start })).filter((pause) => pause.end > pause.start);
  const pause = {
    durationMs: pauses.reduce((sum, p) => sum + (p.end - p.start), 0),
    longestStallMs: Math.max(0, ...pauses.map((p) => longestInside(statements, p.start, p.end))),
  };
  return [...perStatement, pause];
}
