/**
 * Where declarations are written. Each DSL call records its call site cheaply (V8 captures the
 * frame; the text, with TypeScript source-map positions, is only formatted when a diagnostic or a
 * drift report asks for it). Sites live in a side table, never in the frozen declaration data.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceRef } from '../model/types.js';

interface SiteHolder {
  stack?: string;
}

/**
 * Shared by every copy of this module in the process (a schema may import schemac through another
 * path than the CLI does), so a site recorded by one copy is found by another.
 */
const REGISTRY = Symbol.for('schemac.declaration-sites');
const sites: WeakMap<object, SiteHolder> = ((globalThis as Record<symbol, unknown>)[REGISTRY] ??= new WeakMap()) as WeakMap<object, SiteHolder>;

/** Record the caller of `helper` as the declaration site of `declaration`. */
export function recordSite<T extends object>(declaration: T, helper: (...args: never[]) => unknown): T {
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

/** `    at fn (/abs/file.ts:12:5)` or `    at file:///abs/file.ts:12:5` → file and line. */
function parseFrame(frame: string): { file: string; line: number } | undefined {
  const inner = frame.includes('(') ? frame.slice(frame.lastIndexOf('(') + 1, frame.lastIndexOf(')')) : frame.trim().replace(/^at /, '');
  const match = /^(.*):(\d+):\d+$/.exec(inner);
  if (!match) return undefined;
  const location = match[1]!;
  const file = location.startsWith('file://') ? fileURLToPath(location) : location;
  return { file, line: Number(match[2]) };
}

/** The declaration site of `declaration`, relative to `root`. */
export function siteOf(declaration: object, root: string): SourceRef | undefined {
  const holder = sites.get(declaration);
  const frame = holder?.stack?.split('\n')[1];
  const parsed = frame ? parseFrame(frame) : undefined;
  if (!parsed) return undefined;
  const relative = path.relative(root, parsed.file).split(path.sep).join('/');
  return { file: relative, line: parsed.line };
}
