/**
 * V8 flags schemac sets while a command runs, and compiling with the flags the process started with.
 *
 * V8's flags belong to the whole process. The embedded dev database sets two when it starts
 * (db/dev-database.ts): `--liftoff-only` and `--optimize-for-size`. V8 also tags every code cache
 * with a hash of the flags, and rejects a cache made under other flags. A command saves its caches
 * as it ends (the launcher's, cli/launch.ts), and by then the flags are set. The next process starts
 * without them and rejects the cache: every command that built in the dev database used to throw its
 * code cache away, and the run after it compiled everything again. So code caches are read and made
 * (load/code-cache.ts) under the flags the process started with: withStartFlags.
 */
import v8 from 'node:v8';

/**
 * The flags schemac sets while running, each with what undoes it: the flag turned off, and the
 * flags V8 set along with it (its implications) back to their defaults — undoing the flag alone
 * leaves those, and the flags' hash, changed. A unit test proves a cache made after setting them
 * is taken by a process that never did (test/unit/v8-flags.test.ts).
 */
const RUN_FLAGS = {
  '--liftoff-only': ['--no-liftoff-only', '--wasm-tier-up', '--wasm-dynamic-tiering'],
  '--optimize-for-size': ['--no-optimize-for-size', '--max-semi-space-size=0'],
} as const;

export type RunFlag = keyof typeof RUN_FLAGS;

/**
 * The flags set so far, in order: one list per process, kept on globalThis, because the installed
 * command has two copies of this module (the launcher's, cli/launch.ts, which saves the command's
 * code cache, and the bundle's, which sets the flags).
 */
const set = ((globalThis as Record<symbol, unknown>)[Symbol.for('schemac.v8RunFlags')] ??= []) as RunFlag[];

/** Whether the process was started with `flag` (node's command line, NODE_OPTIONS): nothing to set or undo. */
function startedWith(flag: string): boolean {
  const name = (arg: string): string => arg.replace(/_/g, '-');
  return [...process.execArgv, ...(process.env['NODE_OPTIONS'] ?? '').split(/\s+/)].some((arg) => name(arg) === name(flag));
}

/** Set a V8 flag for the rest of the process (remembered: code caches are still made without it). Setting it again does nothing. */
export function setRunFlag(flag: RunFlag): void {
  if (set.includes(flag) || startedWith(flag)) return;
  v8.setFlagsFromString(flag);
  set.push(flag);
}

/** Whether this process set any flag (it started the dev database). */
export function runFlagsSet(): boolean {
  return set.length > 0;
}

/**
 * Run `work` under the flags the process started with (those setRunFlag set are undone, then set
 * again): what V8 compiles from a code cache, or saves into one, then matches the next process's
 * flags. The flags are the process's: another thread reads them in the meantime (the dev database's
 * worker, compiling a function). V8 only reads these to choose a compiler or a heap size, so such a
 * function is at worst compiled by the other compiler.
 */
export function withStartFlags<T>(work: () => T): T {
  if (set.length === 0) return work();
  v8.setFlagsFromString(set.flatMap((flag) => RUN_FLAGS[flag]).join(' '));
  try {
    return work();
  } finally {
    v8.setFlagsFromString(set.join(' '));
  }
}
