/**
 * The V8 flags a command sets while it runs (load/v8-flags.ts: the dev database sets
 * `--liftoff-only` and `--optimize-for-size`) stay out of its code caches: a cache saved after
 * they were set is taken by the next process, which starts without them, and a process that set
 * them still takes a cache made without them.
 *
 * Whether V8 took a cache shows only in a new process: each run here is a child process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoModule, runModuleCode } from '../helpers/cli.js';

/**
 * In a new process: run a script through its code cache (runCachedScript), with the flags set
 * before (`setRunFlag`, or `raw`: v8.setFlagsFromString, which the cache does not know of). True
 * when V8 had no cache or rejected it (a cache was written).
 */
function runScript(cacheFile: string, flags: { setRunFlag?: boolean; raw?: boolean } = {}): boolean {
  const code = [
    `import v8 from 'node:v8';`,
    `import { runCachedScript } from ${repoModule('compiler/load/code-cache.ts')};`,
    `import { setRunFlag } from ${repoModule('compiler/load/v8-flags.ts')};`,
    flags.setRunFlag ? `setRunFlag('--liftoff-only'); setRunFlag('--optimize-for-size');` : '',
    flags.raw ? `v8.setFlagsFromString('--liftoff-only'); v8.setFlagsFromString('--optimize-for-size');` : '',
    `const run = runCachedScript('(function () { return [1, 2, 3].map((n) => n * 2); })', 'script.js', ${JSON.stringify(cacheFile)});`,
    `(run.value)();`,
    `console.log(run.saveCodeCache());`,
  ].join('\n');
  return runModuleCode(code) === 'true';
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function cacheFile(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'schemac-v8-flags-'));
  dirs.push(dir);
  return path.join(dir, 'script.v8');
}

describe('V8 flags set while running', () => {
  it('stay out of a code cache: the next process, started without them, takes it', () => {
    const file = cacheFile();
    expect(runScript(file, { setRunFlag: true }), 'no cache yet: written').toBe(true);
    expect(runScript(file), 'taken').toBe(false);
  });

  it('do not keep a process that set them from taking a cache made without them', () => {
    const file = cacheFile();
    expect(runScript(file)).toBe(true);
    expect(runScript(file, { setRunFlag: true }), 'taken').toBe(false);
  });

  it('would change the cache if set behind its back (what the test above relies on)', () => {
    const file = cacheFile();
    expect(runScript(file, { raw: true })).toBe(true);
    expect(runScript(file), 'V8 rejects a cache made under other flags').toBe(true);
  });
});
