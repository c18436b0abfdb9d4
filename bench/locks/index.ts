/**
 * The lock benchmark: how long do concurrent writers stall while a migration adds an index, a
 * foreign key, a NOT NULL and a CHECK to a big, busy table? Compares schemac's plan with the
 * plain statements. Settings: BENCH_LOCK_ROWS (2,000,000), BENCH_LOCK_WRITERS (4), BENCH_RUNS (3),
 * BENCH_LOCK_VARIANTS (all: naive,naive-autocommit,schemac), BENCH_VERBOSE=1, BENCH_WRITE_DOCS=1.
 */
import { flagFromEnv, positiveIntFromEnv } from '../lib/env.js';
import { formatCount } from '../lib/format.js';
import { describeMachine, machineLine } from '../lib/machine.js';
import { writeResults } from '../lib/docs.js';
import { startBenchServer, type BenchServer } from '../lib/server.js';
import { loadRows } from './dataset.js';
import { baselineMetrics, stallsByStatement, windowMetrics } from './metrics.js';
import { applyMigrations, prepareProject, type SchemacProject } from './project.js';
import { breakdownTable, notes, omittedNote, summaryTable, STALL_TARGET_MS, type Results, type RunResult } from './report.js';
import { assertMigrated } from './verify.js';
import { VARIANT_NAMES, variants, type Variant, type VariantName } from './variants.js';
import { startWriters, type WriterSamples, type Writers } from './writers.js';

/** Writers run this long before the migration (the baseline) and after it (to see stalls end). */
const WARMUP_MS = 1000;
const TAIL_MS = 500;

interface LockOptions {
  readonly rows: number;
  readonly writers: number;
  readonly runs: number;
  readonly variants: readonly VariantName[];
  readonly verbose: boolean;
  readonly writeDocs: boolean;
}

const DEFAULTS = { rows: 2_000_000, writers: 4, runs: 3 } as const;

function readOptions(): LockOptions {
  const listed = (process.env['BENCH_LOCK_VARIANTS'] ?? '').split(',').map((v) => v.trim()).filter(Boolean);
  const unknown = listed.filter((v) => !(VARIANT_NAMES as readonly string[]).includes(v));
  if (unknown.length > 0) throw new Error(`BENCH_LOCK_VARIANTS: unknown variant(s) ${unknown.join(', ')}; known: ${VARIANT_NAMES.join(', ')}`);
  return {
    rows: positiveIntFromEnv('BENCH_LOCK_ROWS', DEFAULTS.rows),
    writers: positiveIntFromEnv('BENCH_LOCK_WRITERS', DEFAULTS.writers),
    runs: positiveIntFromEnv('BENCH_RUNS', DEFAULTS.runs),
    variants: listed.length > 0 ? VARIANT_NAMES.filter((v) => listed.includes(v)) : VARIANT_NAMES,
    verbose: flagFromEnv('BENCH_VERBOSE'),
    writeDocs: flagFromEnv('BENCH_WRITE_DOCS'),
  };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const progress = (message: string): void => void process.stderr.write(`${message}\n`);

/** Run `work` while the writers run, then stop them (also when `work` fails). */
async function underWriters<T>(writers: Writers, work: () => Promise<T>): Promise<{ value: T; samples: WriterSamples }> {
  let value: T;
  try {
    value = await work();
  } catch (error) {
    await writers.stop();
    throw error;
  }
  return { value, samples: await writers.stop() };
}

/** One run of one variant on a database of its own: create (schemac v1), load, migrate under writers, check. */
async function measure(server: BenchServer, project: SchemacProject, variant: Variant, options: LockOptions): Promise<RunResult> {
  const url = await server.freshDatabase('bench_locks');
  try {
    await applyMigrations(project, url, { to: project.createVersion });
    await loadRows(url, options.rows);
    const writers = await startWriters(url, { count: options.writers, rows: options.rows });
    const { value: timeline, samples } = await underWriters(writers, async () => {
      await sleep(WARMUP_MS);
      const migrated = await variant.migrate(url);
      await sleep(TAIL_MS);
      return migrated;
    });
    await assertMigrated(url, variant.name);
    return {
      migration: windowMetrics(samples.statements, timeline.start, timeline.end),
      baseline: baselineMetrics(samples.statements, timeline, WARMUP_MS),
      statements: stallsByStatement(samples.statements, timeline),
      ...(timeline.commandMs !== undefined ? { commandMs: timeline.commandMs } : {}),
      errors: samples.errors,
    };
  } finally {
    await server.dropDatabase(url);
  }
}

/** The command that reproduces these results, settings that differ from the defaults included. */
function commandLine(options: LockOptions): string {
  const settings = [
    options.rows !== DEFAULTS.rows ? `BENCH_LOCK_ROWS=${options.rows}` : '',
    options.writers !== DEFAULTS.writers ? `BENCH_LOCK_WRITERS=${options.writers}` : '',
    options.runs !== DEFAULTS.runs ? `BENCH_RUNS=${options.runs}` : '',
    options.variants.length !== VARIANT_NAMES.length ? `BENCH_LOCK_VARIANTS=${options.variants.join(',')}` : '',
  ].filter(Boolean);
  return [...settings, 'npm run bench -- locks'].join(' ');
}

type Collected = Map<VariantName, { runs: RunResult[]; failures: string[] }>;

/** Every run of every variant, interleaved (run 1 of each, then run 2 …) so drift in the machine spreads evenly. */
async function collect(server: BenchServer, project: SchemacProject, options: LockOptions): Promise<Collected> {
  const all = variants(project);
  const results: Collected = new Map(options.variants.map((name) => [name, { runs: [], failures: [] }]));
  for (let run = 1; run <= options.runs; run++) {
    for (const name of options.variants) {
      progress(`run ${run}/${options.runs}, ${name}: loading ${formatCount(options.rows)} rows, then migrating under ${options.writers} writers…`);
      try {
        const result = await measure(server, project, all[name], options);
        results.get(name)!.runs.push(result);
        if (options.verbose) progress(`  ${(result.migration.wallMs / 1000).toFixed(2)} s, longest stall ${(result.migration.longestStallMs / 1000).toFixed(3)} s`);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        results.get(name)!.failures.push(message);
        progress(`  failed: ${message}`);
      }
    }
  }
  return results;
}

/** The results as markdown: machine and setting, the summary, the breakdown, notes. */
function renderResults(results: Results, options: LockOptions, serverVersion: string): string {
  const breakdown = breakdownTable(results);
  return [
    [
      `- Machine: ${machineLine(describeMachine())}, ${serverVersion}.`,
      `- Setting: ${formatCount(options.rows)} rows, ${options.writers} writers, medians of ${options.runs} run(s); target: longest writer stall ≤ ${STALL_TARGET_MS / 1000} s with schemac's plan.`,
    ].join('\n'),
    summaryTable(results),
    'The median run of each variant, statement by statement:',
    breakdown.table,
    ...(breakdown.omitted > 0 ? [omittedNote(breakdown.omitted)] : []),
    notes(results).map((line) => `- ${line}`).join('\n'),
  ].join('\n\n');
}

/** Run the benchmark and print its tables; false when a variant failed. */
export async function runLockBenchmark(): Promise<boolean> {
  const options = readOptions();
  const server = await startBenchServer();
  try {
    progress(`Lock benchmark: ${formatCount(options.rows)} rows, ${options.writers} writers, ${options.runs} run(s), ${server.version}`);
    const project = await prepareProject();
    if (options.verbose) process.stdout.write(`\nschemac's migration (up.sql):\n\n${project.migrationSql.trimEnd()}\n\n`);
    const results = await collect(server, project, options).finally(() => project.remove());
    const body = renderResults(results, options, server.version);
    process.stdout.write(`\n## Lock benchmark\n\n${body}\n`);
    if (options.writeDocs) {
      writeResults({ id: 'locks', heading: 'Lock benchmark', body: `Measured on ${new Date().toISOString().slice(0, 10)} with \`${commandLine(options)}\`:\n\n${body}` });
      progress('Wrote the results to docs/benchmarks.md.');
    }
    return [...results.values()].every((v) => v.failures.length === 0);
  } finally {
    await server.stop();
  }
}
