/**
 * The lock benchmark's tables: one row per variant with medians over the runs, and a breakdown
 * of the median run of each variant by migration statement.
 */
import { formatRate, formatSeconds, markdownTable, type Column } from '../lib/format.js';
import { median } from '../lib/stats.js';
import type { StatementStall, WindowMetrics } from './metrics.js';
import type { VariantName } from './variants.js';

/** The longest writer stall schemac's plan may cause. */
export const STALL_TARGET_MS = 200;

/** What one run of one variant measured. */
export interface RunResult {
  readonly migration: WindowMetrics;
  readonly baseline: WindowMetrics;
  readonly statements: readonly StatementStall[];
  readonly commandMs?: number;
  readonly errors: readonly string[];
}

/** Every run of one variant: the ones that completed, and why the others failed. */
export interface VariantResults {
  readonly runs: readonly RunResult[];
  readonly failures: readonly string[];
}

export type Results = ReadonlyMap<VariantName, VariantResults>;

const SUMMARY_COLUMNS: readonly Column[] = [
  { header: 'variant' },
  { header: 'migration wall time', align: 'right' },
  { header: 'longest writer stall', align: 'right' },
  { header: 'p99 writer latency', align: 'right' },
  { header: 'writer throughput', align: 'right' },
  { header: `stall ≤ ${STALL_TARGET_MS / 1000} s` },
];

const medianOf = (runs: readonly RunResult[], pick: (m: WindowMetrics) => number): number => median(runs.map((r) => pick(r.migration)));

/** The target applies to schemac's plan; the naive rows show what it is measured against. */
const verdict = (variant: VariantName, stallMs: number): string => (variant === 'schemac' ? (stallMs <= STALL_TARGET_MS ? 'PASS' : 'FAIL') : '—');

export function summaryTable(results: Results): string {
  const rows = [...results].map(([variant, { runs, failures }]) => {
    if (runs.length === 0) return [variant, `failed (${failures.length} of ${failures.length} runs)`, '', '', '', variant === 'schemac' ? 'FAIL' : '—'];
    const stall = medianOf(runs, (m) => m.longestStallMs);
    return [
      variant,
      formatSeconds(medianOf(runs, (m) => m.wallMs)),
      formatSeconds(stall),
      formatSeconds(medianOf(runs, (m) => m.p99Ms)),
      formatRate(medianOf(runs, (m) => m.throughput)),
      verdict(variant, stall),
    ];
  });
  return markdownTable(SUMMARY_COLUMNS, rows);
}

/** The run whose longest stall is the median one (the lower middle for an even count). */
export function medianRun(runs: readonly RunResult[]): RunResult | undefined {
  const sorted = [...runs].sort((a, b) => a.migration.longestStallMs - b.migration.longestStallMs);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** One line of SQL, shortened for a table cell. */
function oneLine(sql: string, max = 90): string {
  const flat = sql.replace(/--[^\n]*/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Writer waits shorter than this are scheduling noise on a busy machine, not locks. */
const NOISE_MS = 20;

/** The migration's own statements (they name the table, not schemac's history) and anything writers waited on. */
const isMigrationStatement = (sql: string): boolean => sql.includes('accounts') && !sql.includes('schemac.');
const isShown = (s: StatementStall): boolean => s.sql === undefined || isMigrationStatement(s.sql) || s.longestStallMs >= NOISE_MS;

const statementCell = (s: StatementStall): string => (s.sql === undefined ? '(pauses between statements)' : `\`${oneLine(s.sql).replaceAll('|', '\\|')}\``);

export function breakdownTable(results: Results): { table: string; omitted: number } {
  const rows: string[][] = [];
  let omitted = 0;
  for (const [variant, { runs }] of results) {
    for (const statement of medianRun(runs)?.statements ?? []) {
      if (!isShown(statement)) {
        omitted++;
        continue;
      }
      rows.push([variant, statementCell(statement), formatSeconds(statement.durationMs), formatSeconds(statement.longestStallMs)]);
    }
  }
  const columns: Column[] = [{ header: 'variant' }, { header: 'statement' }, { header: 'duration', align: 'right' }, { header: 'longest writer wait in it', align: 'right' }];
  return { table: markdownTable(columns, rows), omitted };
}

/** The footnote for what breakdownTable left out. */
export const omittedNote = (omitted: number): string =>
  `${omitted} other statements (BEGIN/COMMIT, schemac's history and lock bookkeeping) with writer waits under ${NOISE_MS} ms are not shown.`;

/** Lines under the tables: baseline latency, schemac's command time, writer errors, per-run stalls. */
export function notes(results: Results): string[] {
  const lines: string[] = [];
  const all = [...results.values()].flatMap((v) => v.runs);
  const baselineP99 = median(all.map((r) => r.baseline.p99Ms));
  const baselineRate = median(all.map((r) => r.baseline.throughput));
  lines.push(`Baseline before each migration: p99 writer latency ${formatSeconds(baselineP99)}, ${formatRate(baselineRate)} (medians over all runs).`);
  const schemac = results.get('schemac');
  const commandMs = median((schemac?.runs ?? []).flatMap((r) => (r.commandMs === undefined ? [] : [r.commandMs])));
  if (Number.isFinite(commandMs)) lines.push(`The whole \`schemac apply\` command, Node start-up included, took ${formatSeconds(commandMs)} (median); the table counts from its first SQL statement to its last.`);
  for (const [variant, { runs, failures }] of results) {
    for (const failure of new Set(failures)) lines.push(`${variant} failed: ${failure.replace(/\s+/g, ' ').trim()}`);
    if (runs.length === 0) continue;
    lines.push(`${variant}: longest stall per run ${runs.map((r) => formatSeconds(r.migration.longestStallMs)).join(', ')}.`);
    const errors = [...new Set(runs.flatMap((r) => r.errors))];
    const failed = runs.reduce((sum, r) => sum + r.migration.failed, 0);
    if (failed > 0 || errors.length > 0) lines.push(`${variant}: ${failed} writer statement(s) failed during the migration: ${errors.join('; ')}`);
  }
  return lines;
}
