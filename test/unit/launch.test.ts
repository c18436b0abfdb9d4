/**
 * The installed command's launcher (cli/launch.ts): it runs a bundled script with CommonJS's
 * parameters and the launcher's import(), keeps one code cache per bundle content and command,
 * reuses it, and removes the caches of other builds. (The real bundle runs in test/package.)
 *
 * Whether V8 took a cache shows only in a new process (within one, V8 reuses what it compiled for
 * the same source and never reads the cache): those runs are child processes, one per command run.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheFileFor, commandKey, runBundle } from '../../cli/launch.js';
import { REPO_ROOT, repoModule, runModuleCode } from '../helpers/cli.js';

const LAUNCH = repoModule('cli/launch.ts');

/** runBundle in a new process, as the installed command runs it: did it write a cache? */
function runInNewProcess(bundle: string, command: string, cacheDir: string): boolean {
  const code = `import { runBundle } from ${LAUNCH};\nconsole.log(runBundle(${JSON.stringify(bundle)}, [${JSON.stringify(command)}], ${JSON.stringify(cacheDir)}).saveCache());`;
  return runModuleCode(code) === 'true';
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'schemac-launch-'));
  dirs.push(dir);
  return dir;
}

/** A bundle that sets V8's flags as the dev database does, through its own copy of load/v8-flags.ts (the real bundle has one). */
function writeFlagSettingBundle(dir: string): string {
  const file = path.join(dir, 'bundle.cjs');
  const flags = path.join(REPO_ROOT, 'compiler/load/v8-flags.ts');
  writeFileSync(file, `const { setRunFlag } = require(${JSON.stringify(flags)});\nsetRunFlag('--liftoff-only');\nsetRunFlag('--optimize-for-size');\n`);
  return file;
}

/** A bundle that reports what it saw through a global. */
function writeBundle(dir: string, marker: string): string {
  const file = path.join(dir, 'bundle.cjs');
  writeFileSync(file, [
    `const seen = { strict: (function () { return this === undefined; })(), exportsAsThis: this === module.exports, dirname: __dirname, filename: __filename, requireWorks: typeof require('node:path').join === 'function' };`,
    `module.exports.loaded = __schemacImport('node:os').then((os) => typeof os.cpus === 'function');`,
    `globalThis.${marker} = { seen, exports: module.exports, work: () => [1, 2, 3].map((n) => n * 2) };`,
  ].join('\n'));
  return file;
}

describe('the launcher', () => {
  it('keys a cache by the command the arguments name', () => {
    expect(commandKey(['diff', '--from', 'postgres://h/a', '--to', 'empty'])).toBe('diff');
    expect(commandKey(['generate'])).toBe('generate');
    expect(commandKey(['--version'])).toBe('none');
    expect(commandKey([])).toBe('none');
  });

  it('runs a bundle as a strict CommonJS script with the launcher\'s import()', async () => {
    const dir = tempDir();
    const bundle = writeBundle(dir, '__launchTestA');
    runBundle(bundle, ['diff'], path.join(dir, 'cache'));
    const ran = (globalThis as Record<string, any>)['__launchTestA'];
    expect(ran.seen).toEqual({ strict: true, exportsAsThis: true, dirname: dir, filename: bundle, requireWorks: true });
    expect(await ran.exports.loaded).toBe(true);
  });

  it('saves a code cache per command once, and the next run uses it', () => {
    const dir = tempDir();
    const cacheDir = path.join(dir, 'cache');
    const bundle = writeBundle(dir, '__launchTestB');
    expect(runInNewProcess(bundle, 'drift', cacheDir)).toBe(true);
    const files = readdirSync(cacheDir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^cli-[\w-]{16}-drift\.v8$/);
    // Taken by V8 in the next process: nothing to save again.
    expect(runInNewProcess(bundle, 'drift', cacheDir)).toBe(false);
    // Another command has a cache of its own.
    expect(runInNewProcess(bundle, 'generate', cacheDir)).toBe(true);
    expect(readdirSync(cacheDir)).toHaveLength(2);
  });

  it('names a cache after the bundle\'s content, and a new build removes the old build\'s caches', () => {
    const dir = tempDir();
    const cacheDir = path.join(dir, 'cache');
    const bundle = writeBundle(dir, '__launchTestC');
    runInNewProcess(bundle, 'diff', cacheDir);
    runInNewProcess(bundle, 'apply', cacheDir);
    const old = readdirSync(cacheDir);
    expect(old).toHaveLength(2);
    // The same length, other content: V8 itself would take the old build's cache for it.
    expect(cacheFileFor('x'.repeat(10), 'diff', cacheDir)).not.toBe(cacheFileFor('y'.repeat(10), 'diff', cacheDir));
    const changed = writeBundle(dir, '__launchTestD');
    expect(runInNewProcess(changed, 'diff', cacheDir)).toBe(true);
    const now = readdirSync(cacheDir);
    expect(now).toHaveLength(1);
    expect(old.some((name) => now.includes(name))).toBe(false);
  });

  it('saves a cache the next run takes when the command set V8 flags (the dev database does)', () => {
    const dir = tempDir();
    const cacheDir = path.join(dir, 'cache');
    const bundle = writeFlagSettingBundle(dir);
    expect(runInNewProcess(bundle, 'drift', cacheDir)).toBe(true);
    expect(runInNewProcess(bundle, 'drift', cacheDir), 'made under the flags the process started with: taken').toBe(false);
  });

  it('saves no cache after a command that built in the dev database (a long run: V8 dropped code it ran first)', () => {
    const code = [
      `import { savesCodeCache } from ${LAUNCH};`,
      `import { setRunFlag } from ${repoModule('compiler/load/v8-flags.ts')};`,
      `const before = [savesCodeCache(0), savesCodeCache(1)];`,
      `setRunFlag('--optimize-for-size');`,
      `console.log(JSON.stringify([...before, savesCodeCache(0)]));`,
    ].join('\n');
    expect(JSON.parse(runModuleCode(code))).toEqual([true, false, false]);
  });

  it('recompiles and saves again when V8 rejects a cache', () => {
    const dir = tempDir();
    const cacheDir = path.join(dir, 'cache');
    const bundle = writeBundle(dir, '__launchTestE');
    runInNewProcess(bundle, 'lint', cacheDir);
    const [name] = readdirSync(cacheDir);
    writeFileSync(path.join(cacheDir, name!), 'not a code cache');
    expect(runInNewProcess(bundle, 'lint', cacheDir)).toBe(true);
    expect(runInNewProcess(bundle, 'lint', cacheDir), 'what was written again is taken').toBe(false);
  });
});
