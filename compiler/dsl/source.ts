/**
 * Where declarations are written. Each DSL call records its call site cheaply, and the text is
 * only formatted when a diagnostic or a drift report asks for it. Sites live in a side table, never
 * in the frozen declaration data. Two ways:
 * - A declaration file the loader transpiled marks its calls of schemac's helpers with their
 *   position (load/transpile.ts), and the helper records that: no stack is captured.
 * - Any other call: V8 captures the caller's frame (with TypeScript source-map positions).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceRef } from '../model/types.js';

/** A call's position in a transpiled file: its line in the running JavaScript (see positions below). */
interface MarkedCall {
  readonly helper: unknown;
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

interface SiteHolder {
  stack?: string;
  marked?: MarkedCall;
}

/** The marked call of a schemac helper that is running, shared like the registry below. */
const MARKED = Symbol.for('schemac.marked-call');
const running: { call: MarkedCall | undefined } = ((globalThis as Record<symbol, unknown>)[MARKED] ??= { call: undefined }) as { call: MarkedCall | undefined };

/** Call `helper` (a schemac helper) as written at `line`:`column` of `file` (load/modules.ts). */
export function callMarked(file: string, line: number, column: number, helper: (...args: unknown[]) => unknown, args: unknown[]): unknown {
  const outer = running.call;
  running.call = { helper, file, line, column };
  try {
    return helper(...args);
  } finally {
    running.call = outer;
  }
}

/**
 * Shared by every copy of this module in the process (a schema may import schemac through another
 * path than the CLI does), so a site recorded by one copy is found by another.
 */
const REGISTRY = Symbol.for('schemac.declaration-sites');
const sites: WeakMap<object, SiteHolder> = ((globalThis as Record<symbol, unknown>)[REGISTRY] ??= new WeakMap()) as WeakMap<object, SiteHolder>;

/**
 * Declaration files that ran as transpiled JavaScript (load/modules.ts): file → a function from
 * the JavaScript's line and column to the line in the user's file. Without one, lines are the file's.
 */
const POSITIONS = Symbol.for('schemac.declaration-positions');
const positions: Map<string, (line: number, column: number) => number | undefined> =
  ((globalThis as Record<symbol, unknown>)[POSITIONS] ??= new Map()) as Map<string, (line: number, column: number) => number | undefined>;

/** Lines of `file`'s frames are read through `toSource` (the file ran as transpiled code); undefined: as they are. */
export function registerSourcePositions(file: string, toSource: ((line: number, column: number) => number | undefined) | undefined): void {
  if (toSource) positions.set(file, toSource);
  else positions.delete(file);
}

/** Record the caller of `helper` as the declaration site of `declaration`. */
export function recordSite<T extends object>(declaration: T, helper: (...args: never[]) => unknown): T {
  // Marked by the loader: the user called this helper there. (A helper a helper calls is not marked.)
  if (running.call?.helper === helper) {
    sites.set(declaration, { marked: running.call });
    return declaration;
  }
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 1;
  const holder: SiteHolder = {};
  Error.captureStackTrace(holder, helper);
  Error.stackTraceLimit = limit;
  sites.set(declaration, holder);
  return declaration;
}

/** Whether a DSL helper made this value (and recorded where). */
export const hasSite = (value: object): boolean => sites.has(value);

/** A position in the running code → file and line in the user's file. */
function sourcePosition(file: string, line: number, column: number): { file: string; line: number } {
  const toSource = positions.get(file);
  return { file, line: toSource ? toSource(line, column) ?? line : line };
}

/** `    at fn (/abs/file.ts:12:5)` or `    at file:///abs/file.ts:12:5` → file and line (in the user's file). */
function parseFrame(frame: string): { file: string; line: number } | undefined {
  const inner = frame.includes('(') ? frame.slice(frame.lastIndexOf('(') + 1, frame.lastIndexOf(')')) : frame.trim().replace(/^at /, '');
  const match = /^(.*):(\d+):(\d+)$/.exec(inner);
  if (!match) return undefined;
  const location = match[1]!;
  return sourcePosition(location.startsWith('file://') ? fileURLToPath(location) : location, Number(match[2]), Number(match[3]));
}

/** The declaration site of `declaration`, relative to `root`. */
export function siteOf(declaration: object, root: string): SourceRef | undefined {
  const holder = sites.get(declaration);
  const marked = holder?.marked;
  const frame = holder?.stack?.split('\n')[1];
  const parsed = marked ? sourcePosition(marked.file, marked.line, marked.column) : frame ? parseFrame(frame) : undefined;
  if (!parsed) return undefined;
  const relative = path.relative(root, parsed.file).split(path.sep).join('/');
  return { file: relative, line: parsed.line };
}
