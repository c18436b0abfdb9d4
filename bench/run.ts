/**
 * `npm run bench [-- <name>…]`: run the named benchmarks, or all of them. Each prints a markdown
 * table; settings come from environment variables (see docs/benchmarks.md). Benchmarks are
 * loaded only when they run, and every server or folder they leave behind is cleaned up on exit,
 * failure or Ctrl-C.
 */
import { cleanupAll } from './lib/cleanup.js';

interface Benchmark {
  readonly description: string;
  /** Print the results; false when part of the benchmark failed (exit code 1). */
  run(): Promise<boolean>;
}

const BENCHMARKS: Readonly<Record<string, Benchmark>> = {
  locks: {
    description: 'writer stalls while a migration constrains a big, busy table (schemac vs plain statements)',
    run: async () => (await import('./locks/index.js')).runLockBenchmark(),
  },
  scale: {
    description: 'inspect, diff, drift and generate at 200 / 2,000 / 10,000 tables (schemac vs drizzle-kit and migra)',
    run: async () => (await import('./scale/index.js')).runScaleBenchmark(),
  },
};

function usage(): string {
  const names = Object.entries(BENCHMARKS).map(([name, b]) => `  ${name.padEnd(12)} ${b.description}`);
  return `usage: npm run bench [-- <benchmark>…]   (no name: run all)\n\nbenchmarks:\n${names.join('\n')}\n`;
}

async function main(args: readonly string[]): Promise<number> {
  if (args.some((a) => a === '-h' || a === '--help')) {
    process.stdout.write(usage());
    return 0;
  }
  const unknown = args.filter((name) => !Object.hasOwn(BENCHMARKS, name));
  if (unknown.length > 0) {
    process.stderr.write(`unknown benchmark: ${unknown.join(', ')}\n\n${usage()}`);
    return 2;
  }
  const names = args.length > 0 ? [...new Set(args)] : Object.keys(BENCHMARKS);
  let ok = true;
  for (const name of names) ok = (await BENCHMARKS[name]!.run()) && ok;
  return ok ? 0 : 1;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await cleanupAll();
}
