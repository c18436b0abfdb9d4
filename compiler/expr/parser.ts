/**
 * The one place that talks to pg-query-emscripten: PostgreSQL's own parser (the PG 16 grammar)
 * compiled to WebAssembly. Everything else asks this module for parse trees.
 *
 * The package's own `parse()` helper copies the input onto the WebAssembly stack and never pops it,
 * so a process dies after a few thousand calls; we copy the input to the heap and free it instead.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PgQueryModule } from 'pg-query-emscripten';
import { runCachedScript, userTempDir } from '../load/code-cache.js';

/** A node of PostgreSQL's raw parse tree as JSON: `{ NodeType: { field: … } }`. */
export type ParseNode = { readonly [key: string]: unknown };

export interface ParseError {
  readonly message: string;
  /** 1-based character position in the input, 0 when unknown. */
  readonly position: number;
}

export type ParseResult =
  | { readonly ok: true; readonly statements: readonly ParseNode[] }
  | { readonly ok: false; readonly error: ParseError };

let module: PgQueryModule | undefined;
let loading: Promise<PgQueryModule> | undefined;

/**
 * Load the parser once per process. Every other function here needs it loaded. Its code (4.5 MB
 * of JavaScript) is imported here, not at start-up: commands that parse nothing skip it, and the
 * others load it while they wait for a database.
 */
export async function loadParser(): Promise<void> {
  if (module) return;
  loading ??= startParser();
  module = await loading;
}

type PgQueryFactory = () => Promise<PgQueryModule>;

/**
 * The package's single file (an ES module whose only export is `export default pgQuery`) run as a
 * script through V8's code cache (load/code-cache.ts), which makes loading it 3-4× cheaper; if the
 * file is not shaped like that, it is imported as usual.
 */
async function startParser(): Promise<PgQueryModule> {
  const require = createRequire(import.meta.url);
  const file = require.resolve('pg-query-emscripten');
  const source = readFileSync(file, 'utf8');
  const EXPORT = /\bexport default pgQuery;\s*$/;
  if (!EXPORT.test(source) || /\bimport\b\s*[({.]|\bimport\s+[\w{*]/.test(source.slice(0, 2000))) {
    return ((await import('pg-query-emscripten')) as { default: PgQueryFactory }).default();
  }
  const { version } = require('pg-query-emscripten/package.json') as { version: string };
  const cacheFile = path.join(userTempDir(), 'code-cache', `pg_query-${version}-${source.length}.v8`);
  const script = runCachedScript(`(function () {\n"use strict";\n${source.replace(EXPORT, '')}\nreturn pgQuery;\n})`, file, cacheFile);
  // Saved after the first parse, so the functions every parse runs are in the cache too.
  afterFirstParse = script.saveCodeCache;
  return ((script.value as () => PgQueryFactory)())();
}

let afterFirstParse: (() => void) | undefined;

function parser(): PgQueryModule {
  if (!module) throw new Error('pg-query parser used before loadParser() resolved');
  return module;
}

const encoder = new TextEncoder();

/**
 * Parses by content: a schema repeats the same defaults, checks and predicates across its tables
 * (`now()`, `gen_random_uuid()`, `amount >= 0`), and validation, canonical comparison and lint
 * all parse them. Trees are shared and must be treated as immutable (everything here builds new
 * nodes instead of changing them). Bounded: cleared when full.
 */
const parsed = new Map<string, ParseResult>();
const PARSE_CACHE_ENTRIES = 50_000;

/** Parse SQL text (any number of statements) with PostgreSQL's grammar. */
export function parseSql(sql: string): ParseResult {
  let result = parsed.get(sql);
  if (result === undefined) {
    if (parsed.size >= PARSE_CACHE_ENTRIES) parsed.clear();
    result = parseUncached(sql);
    parsed.set(sql, result);
  }
  return result;
}

function parseUncached(sql: string): ParseResult {
  const pg = parser();
  const pointer = pg.allocate(encoder.encode(`${sql}\0`), /* heap, not stack */ 0);
  try {
    const raw = pg.raw_parse(pointer);
    if (raw.error.message !== '') {
      return { ok: false, error: { message: raw.error.message, position: raw.error.cursorpos } };
    }
    const tree = JSON.parse(raw.parse_tree) as { stmts?: { stmt: ParseNode }[] };
    return { ok: true, statements: (tree.stmts ?? []).map((s) => recoverIntegers(s.stmt, sql) as ParseNode) };
  } finally {
    pg._free(pointer);
    if (afterFirstParse) {
      afterFirstParse();
      afterFirstParse = undefined;
    }
  }
}

/**
 * pg-query-emscripten's JSON output drops the value of integer constants that are zero or negative
 * (`-5` arrives as `{"ival":{}}`). Read those back from the source text at their position.
 */
function recoverIntegers(node: unknown, source: string): unknown {
  if (Array.isArray(node)) return node.map((item) => recoverIntegers(item, source));
  if (!node || typeof node !== 'object') return node;
  const constant = (node as { A_Const?: { ival?: { ival?: number }; location?: number } }).A_Const;
  if (constant?.ival && constant.ival.ival === undefined && constant.location !== undefined) {
    return { A_Const: { ...constant, ival: { ival: readIntegerLiteral(textAtByteOffset(source, constant.location)) } } };
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = recoverIntegers(value, source);
  return out;
}

/** Reads `0`, `-5`, `- (5)`, `-0x1F`, `1_000` from the start of `text`. */
export function readIntegerLiteral(text: string): number {
  let sign = 1;
  let i = 0;
  while (i < text.length && ' \t\r\n(-+'.includes(text[i]!)) {
    if (text[i] === '-') sign = -sign;
    i++;
  }
  let digits = '';
  while (i < text.length && /[0-9a-zA-Z_]/.test(text[i]!)) digits += text[i++];
  const value = Number(digits.replaceAll('_', ''));
  return Number.isFinite(value) ? sign * value || 0 : 0;
}

/** One statement of a script: its text and the 1-based line it starts on. */
export interface ScriptStatement {
  readonly sql: string;
  readonly line: number;
}

/**
 * Split a script into its statements with PostgreSQL's own grammar (so semicolons inside strings,
 * dollar quotes and comments are handled), keeping each statement's starting line.
 */
export function splitStatements(script: string): { ok: true; statements: ScriptStatement[] } | { ok: false; error: ParseError } {
  const pg = parser();
  const bytes = encoder.encode(script);
  const pointer = pg.allocate(encoder.encode(`${script}\0`), 0);
  try {
    const raw = pg.raw_parse(pointer);
    if (raw.error.message !== '') return { ok: false, error: { message: raw.error.message, position: raw.error.cursorpos } };
    const tree = JSON.parse(raw.parse_tree) as { stmts?: { stmt_location?: number; stmt_len?: number }[] };
    const decoder = new TextDecoder();
    // Lines are counted once over the script (statements come in order; a line feed is one byte in UTF-8).
    let counted = 0;
    let line = 1;
    const lineAt = (offset: number): number => {
      for (; counted < offset; counted++) if (bytes[counted] === 0x0a) line++;
      return line;
    };
    const statements = (tree.stmts ?? []).map((s) => {
      const start = s.stmt_location ?? 0;
      const end = s.stmt_len ? start + s.stmt_len : bytes.length;
      const text = decoder.decode(bytes.subarray(start, end));
      const leading = leadingTrivia(text);
      return { sql: text.slice(leading).trim(), line: lineAt(start) + text.slice(0, leading).split('\n').length - 1 };
    });
    return { ok: true, statements: statements.filter((s) => s.sql !== '') };
  } finally {
    pg._free(pointer);
  }
}

/** Length of the white space and comments before a statement's first token. */
function leadingTrivia(text: string): number {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text.startsWith('--', i)) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end + 1;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else return i;
  }
}

/** The SQL text a statement/expression node starts at, given its byte `location`. */
export function textAtByteOffset(sql: string, byteOffset: number): string {
  const bytes = encoder.encode(sql);
  return new TextDecoder().decode(bytes.subarray(byteOffset));
}
