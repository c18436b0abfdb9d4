/**
 * The generated/ folder: migrations/<version>_<slug>/{up.sql,down.sql,plan.json}, snapshot.json
 * (the declared model at the newest migration) and migrations.sum (a hash chain over every file, so
 * an edited, added or deleted migration is detected). No timestamps or absolute paths in any file.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { diagnostic, SchemacError } from '../diagnostics/diagnostic.js';
import { freezeSchema } from '../model/freeze.js';
import { compareText } from '../model/paths.js';
import { EMPTY_SCHEMA, type Schema } from '../model/types.js';
import { stableJson } from './json.js';

export interface Migration {
  /** `YYYYMMDDHHMMSS`. */
  readonly version: string;
  readonly slug: string;
  /** `<version>_<slug>`: the folder name. */
  readonly id: string;
  readonly up: string;
  readonly down: string;
  /** sha256 over up.sql and down.sql: what the history table records. */
  readonly checksum: string;
  readonly dir: string;
}

export interface MigrationFolder {
  readonly dir: string;
  readonly migrations: readonly Migration[];
  readonly snapshot: Schema;
}

const MIGRATION_DIR = /^(\d{14})_([a-z0-9_]+)$/;
const SUM_FILE = 'migrations.sum';
const SNAPSHOT_FILE = 'snapshot.json';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export const migrationChecksum = (up: string, down: string): string => `sha256:${sha256(`${up}\0${down}`)}`;

/** The files the sum covers, relative to the folder, in a fixed order. */
function summedFiles(dir: string): string[] {
  const files: string[] = [];
  if (existsSync(path.join(dir, SNAPSHOT_FILE))) files.push(SNAPSHOT_FILE);
  const migrationsDir = path.join(dir, 'migrations');
  if (existsSync(migrationsDir)) {
    for (const entry of readdirSync(migrationsDir).sort(compareText)) {
      const entryDir = path.join(migrationsDir, entry);
      for (const file of readdirSync(entryDir).sort(compareText)) files.push(`migrations/${entry}/${file}`);
    }
  }
  return files;
}

/**
 * File hashes this process has computed, by path, while the file keeps its size and modification
 * time: generate reads the folder (verifying the sum) and then writes the sum again, and the second
 * sum only hashes the files it wrote (whose text it has). Every command verifies from the files.
 */
const knownHashes = new Map<string, { readonly size: number; readonly mtimeMs: number; readonly hash: string }>();

/** The hash of `file`, whose text is `text` (just read or written). */
function rememberHash(file: string, text: string): string {
  const hash = sha256(text);
  const { size, mtimeMs } = statSync(file);
  knownHashes.set(file, { size, mtimeMs, hash });
  return hash;
}

function fileHash(file: string): string {
  const known = knownHashes.get(file);
  if (known) {
    const { size, mtimeMs } = statSync(file);
    if (size === known.size && mtimeMs === known.mtimeMs) return known.hash;
  }
  return rememberHash(file, readFileSync(file, 'utf8'));
}

/** migrations.sum text: a line per file with its hash, and a total that chains them in order. */
export function computeSum(dir: string): string {
  let chain = sha256('schemac-sum v1');
  const lines = summedFiles(dir).map((file) => {
    const hash = fileHash(path.join(dir, file));
    chain = sha256(`${chain}\n${file}\n${hash}`);
    return `${file} sha256:${hash}`;
  });
  return ['schemac-sum v1', `total sha256:${chain}`, ...lines, ''].join('\n');
}

function malformed(message: string, file: string): never {
  throw new SchemacError([diagnostic('SC302', { message, at: { file, line: 0 } })]);
}

/** snapshot.json's text (its hash remembered for the sum), or undefined when there is none. */
function readSnapshotText(dir: string): string | undefined {
  const file = path.join(dir, SNAPSHOT_FILE);
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  rememberHash(file, text);
  return text;
}

function parseSnapshot(dir: string, text: string | undefined, display: (p: string) => string): Schema {
  const file = path.join(dir, SNAPSHOT_FILE);
  if (text === undefined) return EMPTY_SCHEMA;
  try {
    const parsed = JSON.parse(text) as { version?: number; schema?: Schema };
    if (parsed.version !== 1 || !parsed.schema || !Array.isArray(parsed.schema.tables)) throw new Error('unexpected shape');
    return freezeSchema(parsed.schema);
  } catch (error) {
    throw new SchemacError([diagnostic('SC303', { message: `cannot read ${display(file)}: ${(error as Error).message}`, at: { file: display(file), line: 0 } })]);
  }
}

/**
 * Read and verify the folder. A folder that does not exist is empty. Any file changed since
 * generate wrote migrations.sum is an SC301 error: nothing may be applied from a tampered folder.
 */
export function readMigrationFolder(dir: string, display: (p: string) => string = (p) => p): MigrationFolder {
  if (!existsSync(dir)) return { dir, migrations: [], snapshot: EMPTY_SCHEMA };
  const migrationsDir = path.join(dir, 'migrations');
  const entries = existsSync(migrationsDir) ? readdirSync(migrationsDir).sort(compareText) : [];
  const migrations = entries.map((entry): Migration => {
    const entryDir = path.join(migrationsDir, entry);
    const match = MIGRATION_DIR.exec(entry);
    if (!match) malformed(`unexpected entry "${entry}" in ${display(migrationsDir)}: migration folders are named <YYYYMMDDHHMMSS>_<slug>`, display(entryDir));
    const read = (file: string): string => {
      const full = path.join(entryDir, file);
      if (!existsSync(full)) malformed(`migration ${entry} has no ${file}`, display(entryDir));
      const text = readFileSync(full, 'utf8');
      rememberHash(full, text);
      return text;
    };
    const up = read('up.sql');
    const down = read('down.sql');
    return { version: match[1]!, slug: match[2]!, id: entry, up, down, checksum: migrationChecksum(up, down), dir: entryDir };
  });
  const sumFile = path.join(dir, SUM_FILE);
  const snapshotText = readSnapshotText(dir);
  const hasContent = migrations.length > 0 || snapshotText !== undefined;
  if (hasContent) {
    const expected = existsSync(sumFile) ? readFileSync(sumFile, 'utf8') : undefined;
    const actual = computeSum(dir);
    if (expected !== actual) {
      const changed = describeSumDifference(expected ?? '', actual);
      throw new SchemacError([diagnostic('SC301', {
        message: `${display(sumFile)} does not match the files in ${display(dir)}: ${changed}`,
        at: { file: display(sumFile), line: 0 },
      })]);
    }
  }
  return { dir, migrations, snapshot: parseSnapshot(dir, snapshotText, display) };
}

function describeSumDifference(expected: string, actual: string): string {
  const parse = (text: string) => new Map(text.split('\n').filter((l) => l.includes(' sha256:') && !l.startsWith('total')).map((l) => [l.slice(0, l.lastIndexOf(' ')), l]));
  const [before, after] = [parse(expected), parse(actual)];
  const changes = [
    ...[...after.keys()].filter((f) => !before.has(f)).map((f) => `${f} added`),
    ...[...before.keys()].filter((f) => !after.has(f)).map((f) => `${f} removed`),
    ...[...after.keys()].filter((f) => before.has(f) && before.get(f) !== after.get(f)).map((f) => `${f} modified`),
  ];
  return changes.length > 0 ? changes.join(', ') : expected === '' ? 'migrations.sum is missing' : 'migrations.sum was edited';
}

/** The next version: the current UTC second, or one past the newest existing version. */
export function nextVersion(existing: readonly Migration[], now: Date): string {
  const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const newest = existing.at(-1)?.version;
  if (!newest || stamp > newest) return stamp;
  const next = new Date(Date.UTC(+newest.slice(0, 4), +newest.slice(4, 6) - 1, +newest.slice(6, 8), +newest.slice(8, 10), +newest.slice(10, 12), +newest.slice(12, 14) + 1));
  return next.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

export function slugify(text: string): string {
  const slug = text.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 48).replace(/_+$/, '');
  return slug || 'migration';
}

/** Write a file atomically (write aside, then rename), so a crash never leaves half a file. */
function writeAtomic(file: string, content: string): void {
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
  rememberHash(file, content);
}

export interface NewMigration {
  readonly id: string;
  readonly up: string;
  readonly down: string;
  readonly plan: string;
  readonly snapshot: Schema;
}

/** Write a new migration folder, the snapshot and the sum. */
export function writeMigration(dir: string, migration: NewMigration): string {
  const migrationDir = path.join(dir, 'migrations', migration.id);
  mkdirSync(migrationDir, { recursive: true });
  writeAtomic(path.join(migrationDir, 'up.sql'), migration.up);
  writeAtomic(path.join(migrationDir, 'down.sql'), migration.down);
  writeAtomic(path.join(migrationDir, 'plan.json'), migration.plan);
  writeAtomic(path.join(dir, SNAPSHOT_FILE), `${stableJson({ version: 1, migration: migration.id, schema: migration.snapshot })}\n`);
  writeAtomic(path.join(dir, SUM_FILE), computeSum(dir));
  return migrationDir;
}

/** Recompute migrations.sum after an intended manual edit (`generate --rehash`). */
export function rehash(dir: string): void {
  writeAtomic(path.join(dir, SUM_FILE), computeSum(dir));
}
