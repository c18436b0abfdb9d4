/**
 * How the installed command starts (bin/schemac.js): the command line bundled into one script
 * (dist/schemac.cjs, see scripts/bundle-cli.mjs), run through V8's code cache. The first run of a
 * command saves what V8 compiled for it; the next runs skip resolving, reading, parsing and
 * compiling ~150 module files (a diff of two 500-table databases: ~60 ms of Node's CPU).
 *
 * One cache file per bundle and command (`<tmp>/schemac-<uid>/code-cache/cli-<hash>-<command>.v8`):
 * a command's cache holds the functions that command ran. The bundle's hash is of its content
 * (V8 itself only checks the source's length); files of other builds are removed when a new one is
 * written. Without the bundle (a build that stopped after tsc) the modules in dist/ run as they are.
 *
 * The one file of cli/ that imports a compiler module other than compiler/index.ts: the index
 * would load the whole library, which the bundle holds.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCachedScript, runFlagsSet, userTempDir } from '../compiler/load/code-cache.js';

/** The parameters the bundle's code sees: CommonJS's five, and `import()` (see scripts/bundle-cli.mjs). */
const WRAPPER = ['exports', 'require', 'module', '__filename', '__dirname', '__schemacImport'];

/** The command a cache is kept for: the first argument that looks like one (`schemac <command> …`). */
export function commandKey(args: readonly string[]): string {
  return args.find((arg) => /^[a-z][a-z-]{0,30}$/.test(arg)) ?? 'none';
}

/** Characters of the bundle's hash in a cache file's name (base64url: it may contain `-`). */
const HASH_LENGTH = 16;

/** The code cache file for a bundle's content and a command: `cli-<hash>-<command>.v8`. */
export function cacheFileFor(source: string, command: string, dir = path.join(userTempDir(), 'code-cache')): string {
  const hash = createHash('sha1').update(source).digest('base64url').slice(0, HASH_LENGTH);
  return path.join(dir, `cli-${hash}-${command}.v8`);
}

/** Remove the caches of other builds of the bundle (best effort). */
function removeOtherBuilds(cacheFile: string): void {
  const dir = path.dirname(cacheFile);
  const build = path.basename(cacheFile).slice(0, 'cli-'.length + HASH_LENGTH + 1); // `cli-<hash>-`
  try {
    for (const name of readdirSync(dir)) if (name.startsWith('cli-') && !name.startsWith(build)) rmSync(path.join(dir, name), { force: true });
  } catch {
    // nothing to clean
  }
}

/**
 * Run `bundle` (a CommonJS script) with its code cache for the command in `args`. Returns what
 * saves the cache (call once the command has run, so the functions it compiled are in it): it
 * writes one when there was none or V8 rejected it, and then removes other builds' caches.
 */
export function runBundle(bundle: string, args: readonly string[], cacheDir?: string): { saveCache: () => boolean } {
  const source = readFileSync(bundle, 'utf8');
  const cacheFile = cacheFileFor(source, commandKey(args), cacheDir);
  const run = runCachedScript(`(function (${WRAPPER.join(', ')}) {"use strict";${source}\n})`, bundle, cacheFile);
  const module = { exports: {} };
  const importer = (specifier: string): Promise<unknown> => import(specifier);
  (run.value as (...parameters: unknown[]) => void).call(module.exports, module.exports, createRequire(bundle), module, bundle, path.dirname(bundle), importer);
  return {
    saveCache: () => {
      if (!run.saveCodeCache()) return false;
      removeOtherBuilds(cacheFile);
      return true;
    },
  };
}

const BUNDLE = fileURLToPath(new URL('../schemac.cjs', import.meta.url));

/**
 * Start the command line: the bundle when the build made it, else the modules. The bundle's cache
 * is saved after a successful command, except one that built in the embedded dev database: such a
 * run is long (a first generate at 2,001 tables: ~20 s), and V8 drops the compiled code of
 * functions that have not run for a while, those the command ran first included. Its cache held a
 * quarter less (596 KB against 831), and a `generate` of one changed column that read it took
 * ~70 ms longer (medians of 5: 1.15 s against 1.07). It leaves the cache as it is (or none), for
 * a shorter run to save.
 */
export async function launch(): Promise<void> {
  if (!existsSync(BUNDLE)) {
    await import('./main.js');
    return;
  }
  const { saveCache } = runBundle(BUNDLE, process.argv.slice(2));
  process.once('exit', (code) => {
    if (savesCodeCache(code)) saveCache();
  });
}

/** Whether a command that ended with `code` saves the bundle's code cache (see launch). */
export const savesCodeCache = (code: number): boolean => code === 0 && !runFlagsSet();
