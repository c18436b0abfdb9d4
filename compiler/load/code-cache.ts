/**
 * What schemac's caches share — this user's temporary folder, and writing a cache file whole —
 * and running JavaScript with V8's code cache: what V8 compiled in one run is saved and read back by
 * the next, which then skips parsing and compiling it. Used for the two big pieces of code every
 * command runs: PostgreSQL's parser (2.5 MB of JavaScript: ~0.1 s → ~0.03 s to load, init and
 * first parse) and the user's transpiled declaration files (load/modules.ts).
 *
 * V8 rejects a cache made by another Node version or with other flags (the script then compiles
 * as usual and the cache is written again); it does not check the source's content, so every
 * cache file is named after what it was made from. Caches are read and made under the flags the
 * process started with, whatever schemac set since (load/v8-flags.ts).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { withStartFlags } from './v8-flags.js';

/** Whether this process set V8 flags of its own (load/v8-flags.ts); for the launcher, which imports only this module. */
export { runFlagsSet } from './v8-flags.js';

/** This user's folder for schemac's disposable files: `<tmp>/schemac-<uid>`. */
export function userTempDir(): string {
  const uid = typeof process.getuid === 'function' ? process.getuid() : os.userInfo().username;
  return path.join(os.tmpdir(), `schemac-${uid}`);
}

/**
 * Write a cache file whole (written aside, then renamed: a reader never sees half of it), making
 * its folder. Best effort: false when it could not be written (a read-only checkout, a full disk)
 * — a cache that is not written only costs the next run the work again.
 */
export function writeCacheFile(file: string, data: string | Uint8Array): boolean {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(`${file}.${process.pid}`, data);
    renameSync(`${file}.${process.pid}`, file);
    return true;
  } catch {
    return false;
  }
}

function readOrUndefined(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

export interface CachedScriptRun {
  /** What the script evaluated to. */
  readonly value: unknown;
  /**
   * Save the code cache when there was none or V8 rejected it (call after the code has run, so
   * lazily compiled functions are in it too). True when a cache file was written.
   */
  readonly saveCodeCache: () => boolean;
}

/** Run `code` (a script, not a module) as `filename`, with the code cache in `cacheFile` (none: no cache). */
export function runCachedScript(code: string, filename: string, cacheFile: string | undefined): CachedScriptRun {
  const cachedData = cacheFile ? readOrUndefined(cacheFile) : undefined;
  const script = withStartFlags(() => new vm.Script(code, { filename, ...(cachedData ? { cachedData } : {}) }));
  const value: unknown = script.runInThisContext();
  return {
    value,
    saveCodeCache: () => Boolean(cacheFile && (!cachedData || script.cachedDataRejected) && writeCacheFile(cacheFile, withStartFlags(() => script.createCachedData()))),
  };
}
