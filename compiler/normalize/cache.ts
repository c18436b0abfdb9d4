/**
 * The normaliser's cache on disk, in `.schemac/cache` (derived data: safe to delete).
 *
 * - `normalized-units.json`: normalised units by key (`{ version, entries }`).
 * - `normalized-units.journal`: entries added since the JSON file was last written, one JSON line
 *   each. A run that normalises a few units appends them (a few KB) instead of rewriting the whole
 *   file (megabytes at thousands of tables); the journal is folded into the file once it holds
 *   more than a quarter as many entries. A damaged line (a run killed mid-write) is skipped.
 */
import { appendFileSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const UNIT_FILE = 'normalized-units.json';
const JOURNAL_FILE = 'normalized-units.journal';

/** Journal entries up to which appending beats rewriting the file (at least this many, else a quarter of the file's). */
const MIN_JOURNAL_ENTRIES = 64;

interface UnitFile {
  readonly version: number;
  readonly entries: Record<string, unknown>;
}

export interface StoredUnits {
  readonly entries: ReadonlyMap<string, unknown>;
  /** How many entries came from the JSON file and from the journal. */
  readonly inFile: number;
  readonly inJournal: number;
}

const NOTHING: StoredUnits = { entries: new Map(), inFile: 0, inJournal: 0 };

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Everything stored for this normaliser version (a missing or damaged file reads as empty). */
export function readUnitCache(cacheDir: string | undefined, version: number): StoredUnits {
  if (!cacheDir) return NOTHING;
  const entries = new Map<string, unknown>();
  let inFile = 0;
  let inJournal = 0;
  try {
    const parsed = JSON.parse(readText(path.join(cacheDir, UNIT_FILE)) ?? 'null') as UnitFile | null;
    if (parsed?.version === version) {
      for (const [key, value] of Object.entries(parsed.entries)) entries.set(key, value);
      inFile = entries.size;
    }
  } catch {
    // Damaged: everything is normalised again.
  }
  for (const line of (readText(path.join(cacheDir, JOURNAL_FILE)) ?? '').split('\n')) {
    if (line === '') continue;
    try {
      const entry = JSON.parse(line) as { version: number; key: string; value: unknown };
      if (entry.version !== version) continue;
      entries.set(entry.key, entry.value);
      inJournal++;
    } catch {
      // A line cut short by a run that was killed.
    }
  }
  return { entries, inFile, inJournal };
}

/**
 * Store what this run used (`used`, every key of the current schema) given what was read
 * (`stored`): new entries are appended to the journal while it is small; otherwise the file is
 * rewritten with the used entries first, then older ones while it stays within three times the
 * schema's size, and the journal is emptied.
 */
export function writeUnitCache(cacheDir: string, version: number, used: ReadonlyMap<string, unknown>, stored: StoredUnits): void {
  mkdirSync(cacheDir, { recursive: true });
  const added = [...used].filter(([key]) => !stored.entries.has(key));
  if (added.length === 0) return;
  const journal = path.join(cacheDir, JOURNAL_FILE);
  if (stored.inFile > 0 && stored.inJournal + added.length <= Math.max(MIN_JOURNAL_ENTRIES, stored.inFile / 4)) {
    appendFileSync(journal, added.map(([key, value]) => `${JSON.stringify({ version, key, value })}\n`).join(''));
    return;
  }
  const entries: Record<string, unknown> = Object.fromEntries(used);
  let room = used.size * 2;
  for (const [key, value] of stored.entries) {
    if (room-- <= 0) break;
    if (!(key in entries)) entries[key] = value;
  }
  const file = path.join(cacheDir, UNIT_FILE);
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, JSON.stringify({ version, entries } satisfies UnitFile));
  renameSync(temporary, file);
  rmSync(journal, { force: true });
}
