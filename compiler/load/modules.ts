/**
 * Loading TypeScript declaration modules and configs at run time, with load failures turned into
 * diagnostics that point at the user's file and line.
 *
 * Two ways, one meaning:
 * - TypeScript files run as CommonJS, transpiled by esbuild and cached by content
 *   (transpile.ts), in a module graph of their own: `import … from 'schemac'` is the running
 *   compiler's API; relative imports of TypeScript files load through the same graph; anything
 *   else (packages, JSON, JavaScript) is Node's `require`. No loader thread, no per-file round
 *   trips: at 2,000 tables this takes a third of the time of the ES module loader.
 * - Otherwise, and whenever that fails for any reason but a syntax error (SC103 at its line,
 *   from esbuild), the files are imported as ES modules through tsx's loader (registered once for
 *   the process), which also reports the errors. So a file that needs ES module semantics
 *   (top-level await, `import.meta`), or a mistake in the declarations, gets exactly the ES
 *   module behaviour and message.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { diagnostic, SchemacError } from '../diagnostics/diagnostic.js';
import { callMarked, registerSourcePositions } from '../dsl/source.js';
import type { SourceRef } from '../model/types.js';
import { runCachedScript } from './code-cache.js';
import { lineMapper, type LineMapper } from './source-map.js';
import { MARK_CALL, TranspileError, Transpiler, type Transpiled } from './transpile.js';

let registered = false;

async function ensureTypeScriptLoader(): Promise<void> {
  if (registered) return;
  const { register } = await import('tsx/esm/api');
  register();
  registered = true;
}

const MODULE_EXTENSIONS = ['.ts', '.mts', '.js', '.mjs'];
const isModuleFile = (file: string): boolean =>
  MODULE_EXTENSIONS.some((ext) => file.endsWith(ext)) && !file.endsWith('.d.ts') && !/\.(test|spec)\.[mc]?[jt]s$/.test(file);

/** Files of a schema path: the file itself, or every module file below a folder, sorted. */
export function moduleFiles(target: string, cwd: string): string[] {
  if (!existsSync(target)) {
    throw new SchemacError([diagnostic('SC101', { message: `schema path ${path.relative(cwd, target) || target} does not exist` })]);
  }
  if (statSync(target).isFile()) return [target];
  return readdirSync(target, { recursive: true, encoding: 'utf8' })
    .map((entry) => path.join(target, entry))
    .filter((file) => isModuleFile(file) && !file.split(path.sep).includes('node_modules') && statSync(file).isFile())
    .sort();
}

/** The first stack frame or esbuild message that points into the user's files. */
function userLocation(error: unknown, cwd: string): SourceRef | undefined {
  const text = `${(error as Error)?.message ?? ''}\n${(error as Error)?.stack ?? ''}`;
  for (const match of text.matchAll(/((?:file:\/\/)?\/[^\s():]+):(\d+)(?::\d+)?/g)) {
    const file = match[1]!.startsWith('file://') ? fileURLToPath(match[1]!) : match[1]!;
    if (file.includes(`${path.sep}node_modules${path.sep}`) || !file.startsWith(cwd)) continue;
    return { file: path.relative(cwd, file), line: Number(match[2]) };
  }
  return undefined;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split('\n').map((l) => l.trim()).filter(Boolean);
  const esbuildError = lines.find((l) => l.includes('ERROR:'));
  return (esbuildError ? esbuildError.slice(esbuildError.indexOf('ERROR:') + 6).trim() : lines[0]) ?? 'unknown error';
}

/** Import a module (TypeScript or JavaScript); a failure becomes SC103 at the user's file:line. */
export async function importModule(file: string, cwd: string): Promise<Record<string, unknown>> {
  await ensureTypeScriptLoader();
  try {
    return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    const at = userLocation(error, cwd) ?? { file: path.relative(cwd, file), line: 0 };
    throw new SchemacError([diagnostic('SC103', { message: `cannot load ${path.relative(cwd, file)}: ${firstLine(error)}`, at })], { cause: error });
  }
}

/** Files the CommonJS way runs itself (TypeScript); others go to Node's require. */
const TRANSPILED = /\.[mc]?ts$/;

/** A relative or absolute import of a TypeScript file: `./base.ts`, `./base.js` (TypeScript's way), `./base`, `./dir`. */
function resolveTypeScript(target: string): string | undefined {
  const candidates = TRANSPILED.test(target)
    ? [target]
    : /\.[mc]?js$/.test(target)
      ? [target.replace(/js$/, 'ts')]
      : path.extname(target) === '' ? [`${target}.ts`, `${target}.mts`, path.join(target, 'index.ts')] : [];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile());
}

/** A module graph of transpiled TypeScript files (CommonJS semantics). */
class TranspiledModules {
  private readonly modules = new Map<string, { exports: unknown }>();

  constructor(
    private readonly transpiler: Transpiler,
    /** Files transpiled ahead, each let go once loaded (the code stays with V8's script). */
    private readonly ready: Map<string, Transpiled>,
    private readonly api: Record<string, unknown>,
  ) {}

  /** Every file that ran (their frames' lines are mapped back to the TypeScript). */
  get files(): string[] {
    return [...this.modules.keys()];
  }

  load(file: string): unknown {
    const known = this.modules.get(file);
    if (known) return known.exports;
    const transpiled = this.ready.get(file) ?? this.transpiler.transpile(file, readFileSync(file, 'utf8'));
    this.ready.delete(file);
    const module = { exports: {} as unknown };
    this.modules.set(file, module);
    let mapper: LineMapper | undefined;
    // Only the source map's reader is kept: the code stays with V8's script, not twice.
    const { sourceMap } = transpiled;
    registerSourcePositions(file, (line, column) => (mapper ??= lineMapper(sourceMap()))(line - 1, column));
    // CommonJS's wrapper on a line of its own (so the code's lines are the source map's, plus one).
    const script = runCachedScript(`(function (exports, require, module, __filename, __dirname, ${MARK_CALL}) {\n${transpiled.code}\n})`, file, transpiled.codeCacheFile);
    const markCall = (line: number, column: number, helper: (...args: unknown[]) => unknown) =>
      (...args: unknown[]): unknown => callMarked(file, line, column, helper, args);
    (script.value as (...args: unknown[]) => void).call(module.exports, module.exports, this.requireFrom(file), module, file, path.dirname(file), markCall);
    script.saveCodeCache();
    return module.exports;
  }

  private requireFrom(parent: string): (specifier: string) => unknown {
    let nodeRequire: NodeJS.Require | undefined;
    return (specifier) => {
      if (specifier === 'schemac') return this.api;
      const local = specifier.startsWith('.') || path.isAbsolute(specifier) ? resolveTypeScript(path.resolve(path.dirname(parent), specifier)) : undefined;
      return local ? this.load(local) : (nodeRequire ??= createRequire(parent))(specifier);
    };
  }
}

/** The CommonJS way (see the top of this file); throws on anything it cannot do. */
async function loadTranspiled(files: readonly string[], cacheDir: string | undefined, onLoaded: (index: number) => void): Promise<Record<string, unknown>[]> {
  const transpiler = new Transpiler(cacheDir);
  const ready = await transpiler.transpileAll(new Map(files.map((file) => [file, readFileSync(file, 'utf8')])));
  const api = (await import('../index.js')) as Record<string, unknown>;
  const graph = new TranspiledModules(transpiler, ready, api);
  try {
    const loaded = files.map((file, index) => {
      const exports = graph.load(file) as Record<string, unknown>;
      onLoaded(index);
      return exports;
    });
    transpiler.prune();
    return loaded;
  } catch (error) {
    for (const file of graph.files) registerSourcePositions(file, undefined);
    throw error;
  }
}

export interface LoadModulesOptions {
  readonly cwd: string;
  /** Where transpiled files are cached (`.schemac/cache/modules`); none: transpile in memory. */
  readonly cacheDir?: string;
  /** Called as each file has loaded (its index in `files`). */
  readonly onLoaded?: (index: number) => void;
}

/** Load modules (TypeScript or JavaScript), exports in the order of `files`; a failure is SC103 at the user's file:line. */
export async function loadModules(files: readonly string[], options: LoadModulesOptions): Promise<Record<string, unknown>[]> {
  const onLoaded = options.onLoaded ?? (() => undefined);
  if (files.length > 0 && files.every((file) => TRANSPILED.test(file))) {
    try {
      return await loadTranspiled(files, options.cacheDir, onLoaded);
    } catch (error) {
      if (error instanceof TranspileError) {
        const file = path.relative(options.cwd, error.file);
        throw new SchemacError([diagnostic('SC103', { message: `cannot load ${file}: ${error.text}`, at: { file, line: error.line } })], { cause: error });
      }
      // Any other reason: the ES module loader runs the files again, and reports an error if there is one.
    }
  }
  const loaded: Record<string, unknown>[] = [];
  for (const [index, file] of files.entries()) {
    loaded.push(await importModule(file, options.cwd));
    onLoaded(index);
  }
  return loaded;
}
