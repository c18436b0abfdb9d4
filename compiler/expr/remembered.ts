/**
 * What PostgreSQL's parser said about SQL text in earlier runs, kept in
 * `.schemac/cache/parsed-sql.json` (derived data: safe to delete): which expressions and view
 * queries are valid, the relations a view query reads, the columns of a partition key, the values
 * of a range bound. Validating a 2,000-table schema otherwise parses all of them again on every run
 * (~0.15 s of a one-column `generate`); with it, only new text is parsed.
 *
 * Only results of pure functions of the text are kept, by kind and a hash of the exact text, for
 * one format and parser version. Validity is remembered only as acceptance: text that fails is
 * parsed again, so its message is always fresh.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { writeCacheFile } from '../load/code-cache.js';

const FILE = 'parsed-sql.json';
/** Bump when a kind's result, or what makes text valid, changes. */
const FORMAT = 1;

/** The functions whose results are kept. */
export type RememberedKind = 'validExpression' | 'validQuery' | 'referencedRelations' | 'partitionKeyColumns' | 'rangeBound';

interface FactsFile {
  readonly version: string;
  /** `<kind>:<hash of the text>` → result. */
  readonly facts: Readonly<Record<string, unknown>>;
}

/** Results by `<kind>\0<text>` (this process), and by `<kind>:<hash>` (read from or for the file). */
const byText = new Map<string, unknown>();
const byHash = new Map<string, unknown>();
let learned = false;

let version: string | undefined;
const factsVersion = (): string =>
  (version ??= `${FORMAT}:${(createRequire(import.meta.url)('pg-query-emscripten/package.json') as { version: string }).version}`);

const hashKey = (kind: RememberedKind, text: string): string => `${kind}:${createHash('sha1').update(text).digest('base64url')}`;

/**
 * `compute(text)` as it was remembered, else computed and remembered. An undefined result (the
 * text failed) is never remembered; use null for "no value" results that are to be kept.
 */
export function remembered<T>(kind: RememberedKind, text: string, compute: () => T | undefined): T | undefined {
  const textKey = `${kind}\0${text}`;
  if (byText.has(textKey)) return byText.get(textKey) as T;
  const key = hashKey(kind, text);
  if (byHash.has(key)) {
    const known = byHash.get(key) as T;
    byText.set(textKey, known);
    return known;
  }
  const result = compute();
  if (result === undefined) return undefined;
  byText.set(textKey, result);
  byHash.set(key, result);
  learned = true;
  return result;
}

/** Add what `cacheDir` remembers (a missing, damaged or outdated file adds nothing). */
export function readParseFacts(cacheDir: string): void {
  let file: FactsFile;
  try {
    file = JSON.parse(readFileSync(path.join(cacheDir, FILE), 'utf8')) as FactsFile;
  } catch {
    return;
  }
  if (file?.version !== factsVersion() || !file.facts || typeof file.facts !== 'object') return;
  for (const [key, value] of Object.entries(file.facts)) if (!byHash.has(key)) byHash.set(key, value);
}

/** Write everything known to `cacheDir` when this process learned something new (best effort: writeCacheFile). */
export function writeParseFacts(cacheDir: string): void {
  if (!learned) return;
  const keys = [...byHash.keys()].sort();
  const file: FactsFile = { version: factsVersion(), facts: Object.fromEntries(keys.map((key) => [key, byHash.get(key)])) };
  if (writeCacheFile(path.join(cacheDir, FILE), JSON.stringify(file))) learned = false;
}
