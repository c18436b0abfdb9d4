// `npm run test:matrix [-- [--quick] [--postgres-only] [14 15 …] [test files…]]`: the live suite
// once per PostgreSQL major (14–18 unless versions are named), one after the other, each on its own
// throwaway server (SCHEMAC_PG_VERSION=<major>: test/helpers/pg-server.ts), then a table of
// passed / failed / skipped / needs newer / duration per version. Exits 1 if any version failed.
//
//   --quick          only the round-trip, seed-system and compliance files (a few minutes a version)
//   --postgres-only  leave out the tests that name PGlite (they do not depend on the server version)
//
// The test files that use the pg_dump oracle (they import test/helpers/dump.ts) need a pg_dump of the
// server's major or newer; where none is installed they are left out, and the table says so.
// Tests whose declarations need a newer server (test/matrix/requirements.ts) must fail on older
// ones with exactly that server's error; they are counted as "needs newer", not as failures.
// Each version's full vitest output goes to <tmp>/schemac-matrix/pg<major>.log.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MATRIX_VERSIONS, serverBinaries, type ServerBinaries } from '../test/matrix/pg-binaries.js';
import type { MatrixReport } from '../test/matrix/reporter.js';
import { explainedFailure, unexpectedPasses } from '../test/matrix/requirements.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const LIVE = 'test/live';
const QUICK = ['test/live/golden-roundtrip.test.ts', 'test/live/seed-systems.test.ts', 'test/live/compliance.test.ts'];
const LOGS = path.join(os.tmpdir(), 'schemac-matrix');

interface Options {
  readonly versions: readonly number[];
  readonly files: readonly string[];
  readonly postgresOnly: boolean;
}

interface Row {
  readonly major: number;
  readonly server: string;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  /** Tests that fail as expected because their declarations need a newer server. */
  readonly needsNewer: readonly string[];
  /** Listed in requirements.ts as needing a newer server, yet passed. */
  readonly stale: readonly string[];
  readonly seconds: number;
  readonly excluded: readonly string[];
  readonly failures: readonly string[];
  readonly log: string;
}

function parseArguments(args: readonly string[]): Options {
  const versions: number[] = [];
  const files: string[] = [];
  let quick = false;
  let postgresOnly = false;
  for (const arg of args) {
    if (arg === '--quick') quick = true;
    else if (arg === '--postgres-only') postgresOnly = true;
    else if (/^\d+$/.test(arg)) versions.push(Number(arg));
    else if (!arg.startsWith('-')) files.push(arg);
    else usage(`unknown option ${arg}`);
  }
  if (quick && files.length > 0) usage('--quick and test files exclude each other');
  return { versions: versions.length > 0 ? versions : MATRIX_VERSIONS, files: quick ? QUICK : files.length > 0 ? files : [LIVE], postgresOnly };
}

function usage(problem: string): never {
  console.error(`${problem}\nusage: npm run test:matrix -- [--quick] [--postgres-only] [versions, e.g. 16 17] [test files]`);
  process.exit(2);
}

/** The test files under `files` (folders expanded) that import the pg_dump oracle. */
function pgDumpFiles(files: readonly string[]): string[] {
  const expand = (file: string): string[] =>
    existsSync(path.join(ROOT, file)) && !file.endsWith('.ts')
      ? readdirSync(path.join(ROOT, file)).filter((f) => f.endsWith('.test.ts')).map((f) => path.join(file, f))
      : [file];
  return files.flatMap(expand).filter((file) => /helpers\/dump\.js/.test(readFileSync(path.join(ROOT, file), 'utf8')));
}

/** Runs vitest once against PostgreSQL `binaries.major`; resolves to its table row. */
async function runVersion(binaries: ServerBinaries, options: Options): Promise<Row> {
  const { major } = binaries;
  const excluded = binaries.pgDump ? [] : pgDumpFiles(options.files);
  const log = path.join(LOGS, `pg${major}.log`);
  const report = path.join(LOGS, `pg${major}.json`);
  rmSync(report, { force: true });
  const args = [
    path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', ...options.files,
    ...excluded.map((file) => `--exclude=${file}`),
    ...(options.postgresOnly ? ['--testNamePattern=^(?!.*pglite)'] : []),
    '--reporter=default', '--reporter=./test/helpers/summary-reporter.ts', '--reporter=./test/matrix/reporter.ts',
  ];
  const env: NodeJS.ProcessEnv = { ...process.env, SCHEMAC_PG_VERSION: String(major), SCHEMAC_MATRIX_REPORT: report, NO_COLOR: '1' };
  delete env['FORCE_COLOR'];
  delete env['TEST_DATABASE_URL'];
  delete env['PG_BIN'];
  const started = Date.now();
  const output = createWriteStream(log);
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(output, { end: false });
  child.stderr.pipe(output, { end: false });
  const code = await new Promise<number>((resolve) => child.on('close', (status) => resolve(status ?? 1)));
  output.end();
  const seconds = (Date.now() - started) / 1000;
  const server = serverLine(readFileSync(log, 'utf8')) ?? `PostgreSQL ${major} (did not start)`;
  return { major, server, seconds, excluded, log, ...countResults(report, code, major) };
}

/** The server version global-setup printed, e.g. `14.23` (Debian's builds add their package version). */
function serverLine(log: string): string | undefined {
  return /live tests: postgres \(PostgreSQL\) (\S+)/.exec(log)?.[1];
}

type Counts = Pick<Row, 'passed' | 'failed' | 'skipped' | 'needsNewer' | 'stale' | 'failures'>;

function countResults(report: string, code: number, major: number): Counts {
  const none = { passed: 0, skipped: 0, needsNewer: [], stale: [] };
  if (!existsSync(report)) return { ...none, failed: 1, failures: [`vitest exited with ${code} and wrote no report`] };
  const { tests, moduleErrors } = JSON.parse(readFileSync(report, 'utf8')) as MatrixReport;
  const failedTests = tests.filter((t) => t.state === 'failed');
  const explained = failedTests.flatMap((t) => {
    const requirement = explainedFailure(t.name, t.errors, major);
    return requirement ? [{ test: t, requirement }] : [];
  });
  const failures = [
    ...failedTests.filter((t) => !explained.some((e) => e.test === t)).map((t) => `${t.name}: ${t.errors[0]?.split('\n')[0] ?? ''}`),
    ...moduleErrors.flatMap((m) => m.errors.map((error) => `${m.module}: ${error.split('\n')[0]}`)),
  ];
  const passedNames = tests.filter((t) => t.state === 'passed').map((t) => t.name);
  const counts = {
    passed: passedNames.length,
    skipped: tests.filter((t) => t.state === 'skipped' || t.state === 'pending').length,
    needsNewer: explained.map((e) => `${e.test.name} (${e.requirement.feature}, PostgreSQL ${e.requirement.minimum}+)`),
    stale: unexpectedPasses(passedNames, major).map((r) => r.test),
  };
  if (counts.passed + failedTests.length === 0) return { ...counts, failed: 1, failures: ['no test was executed'] };
  // vitest failing although every failure is explained would be a bug of this script: say so.
  const unexplainedExit = code !== 0 && failures.length === 0 && explained.length === 0;
  return { ...counts, failed: failures.length + (unexplainedExit ? 1 : 0), failures: unexplainedExit ? [`vitest exited with ${code}`] : failures };
}

/** 659.6 → `11m00s` */
function minutes(seconds: number): string {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, '0')}s`;
}

function formatTable(rows: readonly Row[], sources: ReadonlyMap<number, string>): string {
  const header = ['version', 'server', 'binaries', 'passed', 'failed', 'skipped', 'needs newer', 'duration', 'left out'];
  const lines = rows.map((r) => [
    String(r.major), r.server, sources.get(r.major) ?? '', String(r.passed), String(r.failed), String(r.skipped), String(r.needsNewer.length),
    minutes(r.seconds),
    r.excluded.length > 0 ? `${r.excluded.map((f) => path.basename(f, '.test.ts')).join(', ')} (no pg_dump ≥ ${r.major})` : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: readonly string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [row(header), row(widths.map((w) => '-'.repeat(w))), ...lines.map(row)].join('\n');
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  mkdirSync(LOGS, { recursive: true });
  const rows: Row[] = [];
  const sources = new Map<number, string>();
  for (const major of options.versions) {
    let binaries: ServerBinaries;
    try {
      binaries = serverBinaries(major);
    } catch (error) {
      console.error(`PostgreSQL ${major}: ${(error as Error).message}`);
      rows.push({ major, server: 'not installed', passed: 0, failed: 1, skipped: 0, needsNewer: [], stale: [], seconds: 0, excluded: [], failures: ['not installed'], log: '' });
      continue;
    }
    sources.set(major, binaries.source);
    console.log(`PostgreSQL ${major}: ${options.files.join(' ')} with ${binaries.binDir} …`);
    const row = await runVersion(binaries, options);
    rows.push(row);
    console.log(`PostgreSQL ${row.server}: ${row.passed} passed, ${row.failed} failed, ${row.skipped} skipped, ${row.needsNewer.length} need a newer server, in ${row.seconds.toFixed(0)} s (log: ${row.log})`);
    for (const failure of row.failures) console.log(`  ✗ ${failure}`);
    for (const test of row.needsNewer) console.log(`  – needs a newer server: ${test}`);
    for (const test of row.stale) console.log(`  ! listed in test/matrix/requirements.ts as needing a newer server, yet passed: ${test}`);
  }
  console.log(`\n${formatTable(rows, sources)}\n`);
  const failedVersions = rows.filter((r) => r.failed > 0).map((r) => r.major);
  console.log(failedVersions.length === 0 ? `all ${rows.length} versions passed` : `failed on PostgreSQL ${failedVersions.join(', ')}`);
  process.exitCode = failedVersions.length === 0 ? 0 : 1;
}

await main();
