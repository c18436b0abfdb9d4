/**
 * The one place that talks to pg-query-emscripten: PostgreSQL's own parser (the PG 16 grammar)
 * compiled to WebAssembly. Everything else asks this module for parse trees.
 *
 * The package's own `parse()` helper copies the input onto the WebAssembly stack and never pops it,
 * so a process dies after a few thousand calls; we copy the input to the heap and free it instead.
 */
import loadPgQuery, { type PgQueryModule } from 'pg-query-emscripten';

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

/** Load the parser once per process (about 20 ms). Every other function here needs it loaded. */
export async function loadParser(): Promise<void> {
  if (module) return;
  loading ??= loadPgQuery();
  module = await loading;
}

function parser(): PgQueryModule {
  if (!module) throw new Error('pg-query parser used before loadParser() resolved');
  return module;
}

const encoder = new TextEncoder();

/** Parse SQL text (any number of statements) with PostgreSQL's grammar. */
export function parseSql(sql: string): ParseResult {
  const pg = parser();
  const pointer = pg.allocate(encoder.encode(`${sql}\0`), /* heap, not stack */ 0);
  try {
    const raw = pg.raw_parse(pointer);
    if (raw.error.message !== '') {
      return { ok: false, error: { message: raw.error.message, position: raw.error.cursorpos } };
    }
    const tree = JSON.parse(raw.parse_tree) as { stmts?: { stmt: ParseNode }[] };
    return { ok: true, statements: (tree.stmts ?? []).map((s) => s.stmt) };
  } finally {
    pg._free(pointer);
  }
}

/** The SQL text a statement/expression node starts at, given its byte `location`. */
export function textAtByteOffset(sql: string, byteOffset: number): string {
  const bytes = encoder.encode(sql);
  return new TextDecoder().decode(bytes.subarray(byteOffset));
}
