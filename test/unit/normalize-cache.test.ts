/**
 * The normaliser's disk cache (compiler/normalize/cache.ts): a few new units are appended to the
 * journal instead of rewriting the whole file, the journal is folded in once it grows, a damaged
 * journal line or file only loses entries, and another normaliser version's entries are ignored.
 */
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readUnitCache, writeUnitCache } from '../../compiler/normalize/cache.js';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'schemac-unit-cache-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const units = (from: number, to: number): Map<string, unknown> => new Map(Array.from({ length: to - from }, (_, i) => [`key${from + i}`, { table: `t${from + i}` }]));
const file = (dir: string): string => path.join(dir, 'normalized-units.json');
const journal = (dir: string): string => path.join(dir, 'normalized-units.journal');

describe('unit cache on disk', () => {
  it('writes the file first, then appends a few new units to the journal, and reads both back', () => {
    const dir = tempDir();
    writeUnitCache(dir, 2, units(0, 400), readUnitCache(dir, 2));
    expect(existsSync(journal(dir))).toBe(false);
    const fileBytes = statSync(file(dir)).size;

    const stored = readUnitCache(dir, 2);
    expect(stored).toMatchObject({ inFile: 400, inJournal: 0 });
    // One table changed: its new unit replaces the old one among the units in use.
    const used = new Map([...units(1, 400), ['key-new', { table: 'changed' }]]);
    writeUnitCache(dir, 2, used, stored);
    expect(statSync(file(dir)).size).toBe(fileBytes);
    expect(readFileSync(journal(dir), 'utf8').trim().split('\n')).toHaveLength(1);

    const again = readUnitCache(dir, 2);
    expect(again).toMatchObject({ inFile: 400, inJournal: 1 });
    expect(again.entries.get('key-new')).toEqual({ table: 'changed' });
    expect(again.entries.get('key0')).toEqual({ table: 't0' });
  });

  it('folds the journal into the file once it holds more than a quarter as many entries', () => {
    const dir = tempDir();
    writeUnitCache(dir, 2, units(0, 400), readUnitCache(dir, 2));
    writeUnitCache(dir, 2, units(0, 480), readUnitCache(dir, 2));
    expect(readUnitCache(dir, 2)).toMatchObject({ inFile: 400, inJournal: 80 });
    writeUnitCache(dir, 2, units(0, 530), readUnitCache(dir, 2));
    expect(existsSync(journal(dir))).toBe(false);
    expect(readUnitCache(dir, 2)).toMatchObject({ inFile: 530, inJournal: 0 });
  });

  it('skips a journal line cut short and ignores entries of another normaliser version', () => {
    const dir = tempDir();
    writeUnitCache(dir, 2, units(0, 10), readUnitCache(dir, 2));
    writeUnitCache(dir, 2, units(0, 11), readUnitCache(dir, 2));
    appendFileSync(journal(dir), `${JSON.stringify({ version: 1, key: 'old', value: {} })}\n{"version":2,"key":"cut`);
    const stored = readUnitCache(dir, 2);
    expect(stored.inJournal).toBe(1);
    expect(stored.entries.has('key10')).toBe(true);
    expect(stored.entries.has('old')).toBe(false);
    expect(readUnitCache(dir, 3).entries.size).toBe(0);
  });

  it('reads a damaged file as empty, and writes it whole again', () => {
    const dir = tempDir();
    writeFileSync(file(dir), '{"version":2,"entries":{"key0":');
    const stored = readUnitCache(dir, 2);
    expect(stored.entries.size).toBe(0);
    writeUnitCache(dir, 2, units(0, 5), stored);
    expect(readUnitCache(dir, 2)).toMatchObject({ inFile: 5, inJournal: 0 });
  });

  it('reads nothing without a cache folder', () => {
    expect(readUnitCache(undefined, 2).entries.size).toBe(0);
    expect(readUnitCache(tempDir(), 2).entries.size).toBe(0);
  });
});
