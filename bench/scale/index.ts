/**
 * The scale benchmark (`npm run bench -- scale`): does schema size matter? Synthetic multi-tenant
 * schemas (dataset.ts) at several sizes are loaded into a throwaway PostgreSQL server from SQL and
 * declared as TypeScript; then schemac's inspect, database-to-database diff, drift (without and
 * with its normalisation cache) and generate (one changed column) are timed as the commands users
 * run, next to the same work by drizzle-kit (`pull`) and migra (`@pgkit/migra`) where installed.
 * Medians of BENCH_RUNS runs; peak memory is the largest resident set of the command's process.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connect } from '../../compiler/db/connection.js';
import { CATALOG_QUERY_COUNT, introspect } from '../../compiler/introspect/index.js';
import { makeProject, REPO_ROOT, writeProjectFiles } from '../../test/helpers/cli.js';
import { countingDatabase } from '../../test/helpers/counting.js';
import { onCleanup } from '../lib/cleanup.js';
import { writeResults } from '../lib/docs.js';
import { flagFromEnv, positiveIntFromEnv } from '../lib/env.js';
import { formatCount, formatSeconds, markdownTable } from '../lib/format.js';
import { describeMachine, machineLine } from '../lib/machine.js';
import { adminQuery, startBenchServer, type BenchServer } from '../lib/server.js';
import { quoteIdent } from '../../compiler/render/quote.js';
import { median } from '../lib/stats.js';
import { changeSql, dataset, datasetDeclarations, datasetSql, type Dataset } from './dataset.js';
import { measure, type Measurement } from './measure.js';

const SCHEMAC = path.join(REPO_ROOT, 'bin/schemac.js');

/** A tool's command line, when the tool is installed. */
function peerBin(pkg: string, bin: string): string | undefined {
  const file = path.join(REPO_ROOT, 'node_modules', pkg, bin);
  return existsSync(file) ? file : undefined;
}

interface Row {
  readonly task: string;
  readonly tool: string;
  /** Median wall time per size (ms); NaN: not run; Infinity: timed out. */
  readonly ms: Map<number, number>;
  readonly peakMiB: Map<number, number>;
  readonly note?: string;
}

interface Settings {
  readonly sizes: readonly number[];
  readonly runs: number;
  readonly timeoutMs: number;
  readonly peers: boolean;
  readonly verbose: boolean;
}

function settings(): Settings {
  const sizes = (process.env['BENCH_SCALE_TABLES'] ?? '200,2000,10000').split(',').map((s) => Number(s.trim().replaceAll('_', '')));
  if (sizes.some((n) => !Number.isInteger(n) || n < 21)) throw new Error('BENCH_SCALE_TABLES must list whole numbers ≥ 21, e.g. 200,2000');
  return {
    sizes,
    runs: positiveIntFromEnv('BENCH_RUNS', 3),
    timeoutMs: positiveIntFromEnv('BENCH_PEER_TIMEOUT', 300) * 1000,
    peers: process.env['BENCH_PEERS'] !== 'none',
    verbose: flagFromEnv('BENCH_VERBOSE'),
  };
}

class Results {
  readonly rows: Row[] = [];
  record(task: string, tool: string, size: number, ms: number, peakMiB: number, note?: string): void {
    let row = this.rows.find((r) => r.task === task && r.tool === tool);
    if (!row) {
      row = { task, tool, ms: new Map(), peakMiB: new Map(), ...(note ? { note } : {}) };
      this.rows.push(row);
    }
    row.ms.set(size, ms);
    row.peakMiB.set(size, peakMiB);
  }
  get(task: string, tool: string, size: number): number {
    return this.rows.find((r) => r.task === task && r.tool === tool)?.ms.get(size) ?? Number.NaN;
  }
}

/** Run a command `runs` times (each after `before`), checking it succeeded; medians of time and memory. */
async function timed(
  label: string,
  command: readonly string[],
  options: { cwd: string; runs: number; timeoutMs: number; verbose: boolean; before?: () => void; check?: (m: Measurement) => string | undefined },
): Promise<{ ms: number; peakMiB: number; last: Measurement }> {
  const times: number[] = [];
  const peaks: number[] = [];
  let last: Measurement | undefined;
  for (let run = 0; run < options.runs; run++) {
    options.before?.();
    last = await measure(command[0]!, command.slice(1), { cwd: options.cwd, timeoutMs: options.timeoutMs, env: { NO_COLOR: '1', CI: 'true' } });
    if (last.timedOut) return { ms: Number.POSITIVE_INFINITY, peakMiB: Number.NaN, last };
    const problem = options.check?.(last) ?? (last.code !== 0 ? `exit ${last.code}` : undefined);
    if (problem) throw new Error(`${label} failed (${problem}):\n${(last.stderr || last.stdout).slice(0, 2000)}`);
    times.push(last.ms);
    peaks.push(last.peakMiB);
    if (options.verbose) process.stderr.write(`  ${label}: ${formatSeconds(last.ms)}, ${Math.round(last.peakMiB)} MiB\n`);
  }
  return { ms: median(times), peakMiB: Math.max(...peaks), last: last! };
}

async function loadDatabase(server: BenchServer, d: Dataset): Promise<{ url: string; changedUrl: string; loadMs: number }> {
  const url = await server.freshDatabase(`scale${d.tables}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  try {
    for (const batch of datasetSql(d)) await client.query(batch);
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
  const loadMs = performance.now() - started;
  // The same database with the one change of the generate benchmark (a copy: CREATE DATABASE … TEMPLATE).
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const changedName = `${name}_changed`;
  await adminQuery(server.cluster.adminUrl, `CREATE DATABASE ${quoteIdent(changedName)} TEMPLATE ${quoteIdent(name)}`);
  const changed = new URL(url);
  changed.pathname = `/${encodeURIComponent(changedName)}`;
  await adminQuery(changed.href, changeSql(d));
  return { url, changedUrl: changed.href, loadMs };
}

/** What one introspection sends: statements, and round trips (see countingDatabase). */
async function catalogRoundTrips(url: string): Promise<{ statements: number; roundTrips: number }> {
  const db = await connect({ kind: 'postgres', url });
  try {
    const counting = countingDatabase(db);
    await introspect(counting);
    return { statements: counting.statements, roundTrips: counting.roundTrips };
  } finally {
    await db.close();
  }
}

async function benchSize(server: BenchServer, size: number, s: Settings, results: Results, notes: string[], peerLimits: Map<string, number>): Promise<void> {
  const d = dataset(size);
  const t = d.tables;
  process.stderr.write(`scale: ${formatCount(t)} tables — loading…\n`);
  const { url, changedUrl, loadMs } = await loadDatabase(server, d);
  results.record('load the SQL into PostgreSQL (psql-style, for scale)', '—', t, loadMs, Number.NaN);
  const dir = makeProject(datasetDeclarations(d));
  const removeProject = onCleanup('remove scale project', () => rmSync(dir, { recursive: true, force: true }));
  const schemac = (...args: string[]): string[] => [process.execPath, SCHEMAC, ...args];
  const common = { cwd: dir, runs: s.runs, timeoutMs: 30 * 60_000, verbose: s.verbose };
  const cache = path.join(dir, '.schemac', 'cache');
  try {
    process.stderr.write('  schemac inspect, diff\n');
    const inspect = await timed('schemac inspect', schemac('inspect', '--url', url, '--format', 'json'), common);
    results.record('inspect (introspect the whole database)', 'schemac', t, inspect.ms, inspect.peakMiB);
    const sent = await catalogRoundTrips(url);
    notes.push(`${formatCount(t)} tables: one introspection sent ${sent.statements} statements (${CATALOG_QUERY_COUNT} catalog queries and the snapshot's BEGIN/COMMIT) in ${sent.roundTrips} round trip${sent.roundTrips === 1 ? '' : 's'}.`);

    const diff = await timed('schemac diff', schemac('diff', '--from', url, '--to', changedUrl), {
      ...common,
      check: (m) => (m.code === 0 && m.stdout.includes('ADD COLUMN "note"') ? undefined : 'the diff does not add the changed column'),
    });
    results.record('database-to-database diff (one column apart)', 'schemac', t, diff.ms, diff.peakMiB);

    process.stderr.write('  schemac drift (cold, warm)\n');
    const noDrift = (m: Measurement): string | undefined => (m.code === 0 ? undefined : m.code === 1 ? `FALSE DRIFT: the declarations and the SQL are the same schema\n${m.stdout.slice(0, 3000)}` : `exit ${m.code}`);
    const cold = await timed('schemac drift (no cache)', schemac('drift', '--url', url), { ...common, check: noDrift, before: () => rmSync(cache, { recursive: true, force: true }) });
    results.record('drift, declarations vs database (first run: nothing cached)', 'schemac', t, cold.ms, cold.peakMiB);
    const warm = await timed('schemac drift', schemac('drift', '--url', url), { ...common, check: noDrift });
    results.record('drift, declarations vs database (cache of an earlier run)', 'schemac', t, warm.ms, warm.peakMiB);

    process.stderr.write('  schemac generate\n');
    // As in a fresh checkout: nothing cached, every table is built in the embedded dev database.
    const first = await timed('schemac generate (everything)', schemac('generate', '--name', 'init'), { ...common, runs: 1, before: () => rmSync(cache, { recursive: true, force: true }) });
    results.record('generate the first migration (every table, nothing cached)', 'schemac', t, first.ms, first.peakMiB);
    // One changed column: each run starts from the same folder and cache (as after the first generate).
    const saved = path.join(os.tmpdir(), `schemac-bench-saved-${process.pid}-${t}`);
    mkdirSync(saved, { recursive: true });
    const removeSaved = onCleanup('remove saved state', () => rmSync(saved, { recursive: true, force: true }));
    cpSync(path.join(dir, 'generated'), path.join(saved, 'generated'), { recursive: true });
    cpSync(cache, path.join(saved, 'cache'), { recursive: true });
    const changed = datasetDeclarations(d, { changed: true });
    const change = await timed('schemac generate (one column)', schemac('generate', '--name', 'add_note'), {
      ...common,
      before: () => {
        for (const [from, to] of [['generated', path.join(dir, 'generated')], ['cache', cache]] as const) {
          rmSync(to, { recursive: true, force: true });
          cpSync(path.join(saved, from), to, { recursive: true });
        }
        // As a user does: the declarations are edited after the last run (newer than its cache).
        writeProjectFiles(dir, changed);
      },
      check: (m) => (m.code === 0 && /\(1 change/.test(m.stdout) ? undefined : `expected one change:\n${m.stdout.slice(0, 500)}`),
    });
    results.record('generate with one changed column', 'schemac', t, change.ms, change.peakMiB);
    const migrations = readdirSync(path.join(dir, 'generated', 'migrations'));
    if (migrations.length !== 2) throw new Error(`expected 2 migrations after generate, found ${migrations.join(', ')}`);
    await removeSaved();

    if (s.peers) await benchPeers(d, url, changedUrl, dir, s, results, notes, peerLimits);
  } finally {
    await removeProject();
    await server.dropDatabase(changedUrl);
    await server.dropDatabase(url);
  }
}

async function benchPeers(d: Dataset, url: string, changedUrl: string, dir: string, s: Settings, results: Results, notes: string[], peerLimits: Map<string, number>): Promise<void> {
  const t = d.tables;
  const peer = async (tool: string, task: string, command: string[] | undefined, check?: (m: Measurement) => string | undefined): Promise<void> => {
    if (!command) {
      notes.push(`${tool} is not installed: its rows are empty.`);
      return;
    }
    const limit = peerLimits.get(tool);
    if (limit !== undefined && t > limit) {
      results.record(task, tool, t, Number.POSITIVE_INFINITY, Number.NaN);
      return;
    }
    process.stderr.write(`  ${tool}\n`);
    const result = await timed(tool, command, { cwd: dir, runs: s.runs, timeoutMs: s.timeoutMs, verbose: s.verbose, ...(check ? { check } : {}) });
    results.record(task, tool, t, result.ms, result.peakMiB);
    if (!Number.isFinite(result.ms)) {
      peerLimits.set(tool, t);
      notes.push(`${tool} did not finish within ${s.timeoutMs / 1000} s at ${formatCount(t)} tables; it is not run on larger schemas.`);
    }
  };
  const migra = peerBin('@pgkit/migra', 'dist/command.js');
  await peer('migra', 'database-to-database diff (one column apart)', migra ? [process.execPath, migra, 'run', url, changedUrl, '--unsafe'] : undefined,
    (m) => (m.stdout.includes('note') ? undefined : `migra's diff does not mention the changed column (exit ${m.code})`));
  // drizzle-kit needs drizzle-orm installed, and a config file to pull more than one schema.
  const drizzle = peerBin('drizzle-kit', 'bin.cjs') && peerBin('drizzle-orm', 'package.json') ? peerBin('drizzle-kit', 'bin.cjs') : undefined;
  const out = path.join(dir, 'drizzle-out');
  writeFileSync(path.join(dir, 'drizzle.config.mjs'), `export default ${JSON.stringify({ dialect: 'postgresql', dbCredentials: { url }, out, schemaFilter: ['public', ...d.schemas] })};\n`);
  await peer('drizzle-kit pull', 'inspect (introspect the whole database)', drizzle ? [process.execPath, drizzle, 'pull', '--config', 'drizzle.config.mjs'] : undefined,
    (m) => (m.code === 0 && existsSync(path.join(out, 'schema.ts')) && new RegExp(`${d.modules[d.modules.length - 1]!.prefix}_t13`).test(readFileSync(path.join(out, 'schema.ts'), 'utf8'))
      ? undefined : `drizzle-kit did not write the last table into schema.ts (exit ${m.code})`));
}

function cell(ms: number | undefined, peak: number | undefined): string {
  if (ms === undefined || Number.isNaN(ms)) return '—';
  if (!Number.isFinite(ms)) return 'timed out';
  return peak !== undefined && Number.isFinite(peak) ? `${formatSeconds(ms)} (${Math.round(peak)} MiB)` : formatSeconds(ms);
}

function report(s: Settings, results: Results, notes: readonly string[], server: BenchServer, tablesBySize: readonly number[]): string {
  const columns = [{ header: 'task' }, { header: 'tool' }, ...tablesBySize.map((t) => ({ header: `${formatCount(t)} tables`, align: 'right' as const }))];
  const rows = results.rows.map((r) => [r.task, r.tool, ...tablesBySize.map((t) => cell(r.ms.get(t), r.peakMiB.get(t)))]);
  const ratioRows: string[][] = [];
  const diffRatio = tablesBySize.map((t) => results.get('database-to-database diff (one column apart)', 'migra', t) / results.get('database-to-database diff (one column apart)', 'schemac', t));
  if (diffRatio.some((r) => !Number.isNaN(r))) ratioRows.push(['diff: migra time ÷ schemac time', '', ...diffRatio.map((r) => (Number.isNaN(r) ? '—' : Number.isFinite(r) ? `${r.toFixed(1)}×` : 'migra timed out'))]);
  const pullRatio = tablesBySize.map((t) => results.get('inspect (introspect the whole database)', 'drizzle-kit pull', t) / results.get('inspect (introspect the whole database)', 'schemac', t));
  if (pullRatio.some((r) => !Number.isNaN(r))) ratioRows.push(['inspect: drizzle-kit pull time ÷ schemac inspect time', '', ...pullRatio.map((r) => (Number.isNaN(r) ? '—' : Number.isFinite(r) ? `${r.toFixed(1)}×` : 'drizzle-kit timed out'))]);
  const small = tablesBySize.find((t) => t < 1000);
  const large = tablesBySize.find((t) => t >= 1000 && t < 5000);
  if (small !== undefined && large !== undefined) {
    for (const task of ['inspect (introspect the whole database)', 'drift, declarations vs database (cache of an earlier run)', 'generate with one changed column']) {
      const growth = results.get(task, 'schemac', large) / results.get(task, 'schemac', small);
      ratioRows.push([`growth ${formatCount(large)} ÷ ${formatCount(small)} tables: ${task}`, 'schemac', ...tablesBySize.map((t) => (t === large ? `${growth.toFixed(1)}× for ${(large / small).toFixed(0)}× the tables` : ''))]);
    }
  }
  const machine = describeMachine();
  return [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machineLine(machine)}; ${server.version} (the test cluster: fsync off). Medians of ${s.runs} run(s) of each command as a user runs it (a new process each time: Node start-up included); peak memory of that process in parentheses.`,
    '',
    markdownTable(columns, [...rows, ...ratioRows]),
    '',
    ...notes.map((n) => `- ${n}`),
  ].join('\n');
}

export async function runScaleBenchmark(): Promise<boolean> {
  const s = settings();
  if (!existsSync(path.join(REPO_ROOT, 'dist/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` first (the benchmark runs the built CLI, as users do)');
  const server = await startBenchServer();
  const results = new Results();
  const notes: string[] = [];
  const peerLimits = new Map<string, number>();
  const tables: number[] = [];
  try {
    for (const size of s.sizes) {
      tables.push(dataset(size).tables);
      await benchSize(server, size, s, results, notes, peerLimits);
    }
  } finally {
    await server.stop();
  }
  const body = report(s, results, notes, server, tables);
  process.stdout.write(`\n## Scale benchmark\n\n${body}\n`);
  if (flagFromEnv('BENCH_WRITE_DOCS')) writeResults({ id: 'scale', heading: 'Scale benchmark', body });
  return true;
}
