/**
 * TypeScript declaration files → CommonJS JavaScript (esbuild), cached on disk by content.
 *
 * `.schemac/cache/modules/<sha1>.js` holds the code, `<sha1>.map` its source map (read only when
 * a diagnostic needs a position, see source-map.ts), and `<sha1>.v8` V8's code cache for it (V8
 * rejects one made by another Node version; the loader then writes a new one). A file that only
 * ES modules can run (top-level `await`, `import.meta`) is not transpiled: `NativeModuleRequired`
 * tells the loader to run the declarations as ES modules instead (modules.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { writeCacheFile } from './code-cache.js';

type Esbuild = typeof import('esbuild');

const require = createRequire(import.meta.url);
let esbuild: Esbuild | undefined;
const loadEsbuild = (): Esbuild => (esbuild ??= require('esbuild') as Esbuild);

/** What a transpiled module is: its code, and where its source map is (for lineMapper). */
export interface Transpiled {
  readonly code: string;
  /** The source map's JSON text, read (or kept) on demand. */
  readonly sourceMap: () => string;
  /** Where V8's code cache for `code` (as the loader wraps it) is kept, when there is a cache folder. */
  readonly codeCacheFile: string | undefined;
}

/** esbuild cannot read the file: a syntax error, at its line. */
export class TranspileError extends Error {
  constructor(readonly file: string, readonly line: number, readonly text: string) {
    super(`${file}:${line}: ${text}`);
  }
}

/** The file needs the ES module loader: CommonJS output would change what it means. */
export class NativeModuleRequired extends Error {
  constructor(readonly file: string, reason: string) {
    super(`${file}: ${reason}`);
  }
}

/** Bump when what is cached for a file changes (the code's marks, say). */
const FORMAT = 3;

/** Written into the cache for a file that must run as an ES module, so the next run knows without esbuild. */
const NATIVE_MARK = '/* schemac: runs as an ES module */';

/**
 * esbuild's options. Dynamic `import()` becomes `require`, so the loader's own resolution (and
 * cache) serves it too; the version is part of every cache key.
 */
const optionsFor = (file: string) => ({
  loader: 'ts' as const,
  format: 'cjs' as const,
  target: 'node20',
  sourcemap: 'external' as const,
  sourcefile: file,
  supported: { 'dynamic-import': false },
  tsconfigRaw: { compilerOptions: {} },
});

/** The parameter of the loader's module wrapper that marks calls of schemac's helpers (modules.ts). */
export const MARK_CALL = '__schemac_call_at__';

/**
 * Calls of schemac's own helpers, as esbuild writes them (`(0, import_schemac.table)(…)`), with
 * their position: `__schemac_call_at__(12, 5, import_schemac.table)(…)`, on the same line. The
 * helper then records that position instead of capturing a stack (dsl/source.ts) — most of what
 * loading 2,000 tables cost. Only names bound to `require("schemac")` are marked; other calls
 * (a namespace import, a helper of the user's own) record their site the usual way. Lines are
 * counted as the loader runs the code, after its one-line wrapper.
 */
function markHelperCalls(code: string): string {
  const bindings = new Set([...code.matchAll(/\bvar (import_schemac\d*) = (?:__toESM\()?require\("schemac"\)/g)].map((m) => m[1]!));
  if (bindings.size === 0) return code;
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  return code.replace(/\(0, (import_schemac\d*)\.([A-Za-z_$][\w$]*)\)\(/g, (call: string, binding: string, name: string, offset: number) => {
    if (!bindings.has(binding)) return call;
    for (; scanned < offset; scanned++) {
      if (code.charCodeAt(scanned) === 10) {
        line++;
        lineStart = scanned + 1;
      }
    }
    // The column of `import_schemac`, where esbuild's source map places the call.
    return `${MARK_CALL}(${line + 1}, ${offset + '(0, '.length - lineStart + 1}, ${binding}.${name})(`;
  });
}

/** Why a file cannot be CommonJS, from esbuild's warnings and errors (undefined: it can). */
function nativeReason(messages: readonly { id?: string; text: string }[]): string | undefined {
  const found = messages.find((m) => m.id === 'empty-import-meta' || /top-level await/i.test(m.text));
  return found?.text;
}

interface EsbuildFailure {
  readonly errors?: readonly { id?: string; text: string; location?: { line: number } | null }[];
}

export class Transpiler {
  private keyPrefix: string | undefined;

  /** `cacheDir` undefined: nothing is written, every file is transpiled in memory. */
  constructor(private readonly cacheDir: string | undefined) {}

  /** Keys this run used (pruning keeps them). */
  private readonly used = new Set<string>();

  private key(source: string): string {
    this.keyPrefix ??= `${FORMAT}\0${(require('esbuild/package.json') as { version: string }).version}\0${JSON.stringify(optionsFor(''))}\0`;
    const key = createHash('sha1').update(this.keyPrefix).update(source).digest('hex');
    this.used.add(key);
    return key;
  }

  /**
   * Every edit leaves the old version's files behind. Once the folder holds far more than this
   * run used, entries it did not use and older than a day go (another run — the config's, say —
   * that still needs one transpiles it again).
   */
  prune(now = Date.now()): void {
    if (!this.cacheDir) return;
    try {
      const entries = readdirSync(this.cacheDir);
      if (entries.length <= 6 * this.used.size + 60) return;
      for (const entry of entries) {
        const full = path.join(this.cacheDir, entry);
        if (this.used.has(entry.slice(0, entry.indexOf('.'))) || now - statSync(full).mtimeMs < 86_400_000) continue;
        rmSync(full, { force: true });
      }
    } catch {
      // Pruning is housekeeping: a failure leaves files, nothing else.
    }
  }

  private cached(key: string, file: string): Transpiled | undefined {
    if (!this.cacheDir) return undefined;
    const codeFile = path.join(this.cacheDir, `${key}.js`);
    if (!existsSync(codeFile)) return undefined;
    const code = readFileSync(codeFile, 'utf8');
    if (code === NATIVE_MARK) throw new NativeModuleRequired(file, 'it uses top-level await or import.meta');
    return { code, sourceMap: this.cachedMap(key), codeCacheFile: this.codeCacheFile(key) };
  }

  /** Reads `key`'s source map from the cache folder when asked (a diagnostic): a schema's maps are megabytes to keep for nothing. */
  private cachedMap(key: string): () => string {
    const file = path.join(this.cacheDir!, `${key}.map`);
    return () => readFileSync(file, 'utf8');
  }

  private codeCacheFile(key: string): string | undefined {
    return this.cacheDir ? path.join(this.cacheDir, `${key}.v8`) : undefined;
  }

  private store(key: string, file: string, result: { code: string; map: string; warnings: readonly { id?: string; text: string }[] }): Transpiled {
    const native = nativeReason(result.warnings);
    const code = native ? NATIVE_MARK : markHelperCalls(result.code);
    const written = this.write(key, [['map', result.map], ['js', code]]);
    if (native) throw new NativeModuleRequired(file, native);
    const map = result.map;
    return { code, sourceMap: written ? this.cachedMap(key) : () => map, codeCacheFile: this.codeCacheFile(key) };
  }

  /**
   * Cache files land whole, the code last, so a cached .js always has its .map (writeCacheFile:
   * best effort). True when all were written.
   */
  private write(key: string, files: readonly (readonly ['js' | 'map', string])[]): boolean {
    if (!this.cacheDir) return false;
    for (const [ext, text] of files) if (!writeCacheFile(path.join(this.cacheDir, `${key}.${ext}`), text)) return false;
    return true;
  }

  private failed(key: string, file: string, error: unknown): never {
    const errors = (error as EsbuildFailure).errors ?? [];
    const native = nativeReason(errors);
    if (native) {
      this.write(key, [['map', ''], ['js', NATIVE_MARK]]);
      throw new NativeModuleRequired(file, native);
    }
    const first = errors[0];
    if (first?.location) throw new TranspileError(file, first.location.line, first.text);
    throw error;
  }

  /** One file, synchronously (a module found while others run). */
  transpile(file: string, source: string): Transpiled {
    const key = this.key(source);
    const cached = this.cached(key, file);
    if (cached) return cached;
    try {
      return this.store(key, file, loadEsbuild().transformSync(source, optionsFor(file)));
    } catch (error) {
      if (error instanceof NativeModuleRequired) throw error;
      return this.failed(key, file, error);
    }
  }

  /** Many files at once (those not cached are transpiled in parallel), by file. */
  async transpileAll(sources: ReadonlyMap<string, string>): Promise<Map<string, Transpiled>> {
    const done = new Map<string, Transpiled>();
    const missing: [string, string, string][] = [];
    for (const [file, source] of sources) {
      const key = this.key(source);
      const cached = this.cached(key, file);
      if (cached) done.set(file, cached);
      else missing.push([file, source, key]);
    }
    await Promise.all(missing.map(async ([file, source, key]) => {
      const result = await loadEsbuild().transform(source, optionsFor(file)).catch((error: unknown) => this.failed(key, file, error));
      done.set(file, this.store(key, file, result));
    }));
    return done;
  }
}
