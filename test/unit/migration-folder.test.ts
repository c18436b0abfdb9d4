/**
 * The generated/ folder read and written in one process (compiler/render/folder.ts): hashes the
 * process computed are reused while a file keeps its size and time, so an edit between two reads
 * is still caught.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SchemacError } from '../../compiler/diagnostics/diagnostic.js';
import { EMPTY_SCHEMA } from '../../compiler/model/types.js';
import { readMigrationFolder, writeMigration } from '../../compiler/render/folder.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'schemac-folder-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
    return undefined;
  } catch (error) {
    return (error as SchemacError).diagnostics?.[0]?.code;
  }
};

describe('migration folder in one process', () => {
  it('writes, reads back, and still refuses a file edited after it was read', () => {
    writeMigration(dir, { id: '20260101000000_first', up: 'SELECT 1;\n', down: 'SELECT 2;\n', plan: '{}\n', snapshot: EMPTY_SCHEMA });
    writeMigration(dir, { id: '20260101000001_second', up: 'SELECT 3;\n', down: 'SELECT 4;\n', plan: '{}\n', snapshot: EMPTY_SCHEMA });
    expect(readMigrationFolder(dir).migrations.map((m) => m.id)).toEqual(['20260101000000_first', '20260101000001_second']);

    // Same size, another time: read again from the file.
    const up = path.join(dir, 'migrations', '20260101000000_first', 'up.sql');
    const before = statSync(up);
    writeFileSync(up, readFileSync(up, 'utf8').replace('1', '9'));
    utimesSync(up, before.atime, new Date(before.mtimeMs + 5_000));
    expect(codeOf(() => readMigrationFolder(dir))).toBe('SC301');

    writeFileSync(up, 'SELECT 1;\n');
    expect(codeOf(() => readMigrationFolder(dir))).toBeUndefined();
  });
});
