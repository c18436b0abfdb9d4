/**
 * The schemac side of the lock benchmark: a temporary project whose `schemac` dependency is this
 * working tree (test/helpers/cli.ts), with two generated migrations — v1 creates the tables, v2
 * is the migration under test. Generated once; each run applies v1, loads rows, then times v2.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { makeProject, runCli, writeProjectFiles, type CliResult } from '../../test/helpers/cli.js';
import { onCleanup } from '../lib/cleanup.js';
import { DECLARATIONS_V1, DECLARATIONS_V2 } from './declarations.js';

export interface SchemacProject {
  readonly dir: string;
  /** Version (folder prefix) of the migration that creates the tables. */
  readonly createVersion: string;
  /** up.sql of the migration under test, as schemac generated it. */
  readonly migrationSql: string;
  /** Argument list for `schemac apply` against `url`, up to `to` when given. */
  applyArgs(url: string, to?: string): string[];
  remove(): Promise<void>;
}

function expectSuccess(what: string, result: CliResult): CliResult {
  if (result.code !== 0) throw new Error(`schemac ${what} failed (exit ${result.code}):\n${result.stderr || result.stdout}`);
  return result;
}

/** Migration folders under generated/migrations, oldest first. */
function migrationFolders(dir: string): string[] {
  const root = path.join(dir, 'generated', 'migrations');
  return readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path.join(root, e.name)).sort();
}

/** Make the project and generate both migrations (`schemac generate` twice, v1 then v2). */
export async function prepareProject(): Promise<SchemacProject> {
  const dir = makeProject({ 'schema/index.ts': DECLARATIONS_V1 });
  const remove = onCleanup('remove schemac project', () => rmSync(dir, { recursive: true, force: true }));
  expectSuccess('generate (v1)', await runCli(['generate', '--name', 'create_tables'], { cwd: dir }));
  writeProjectFiles(dir, { 'schema/index.ts': DECLARATIONS_V2 });
  expectSuccess('generate (v2)', await runCli(['generate', '--name', 'constrain_accounts'], { cwd: dir }));
  const folders = migrationFolders(dir);
  if (folders.length !== 2) throw new Error(`expected 2 generated migrations in ${dir}, found ${folders.length}`);
  const [create, constrain] = folders as [string, string];
  return {
    dir,
    createVersion: path.basename(create).slice(0, path.basename(create).indexOf('_')),
    migrationSql: readFileSync(path.join(constrain, 'up.sql'), 'utf8'),
    applyArgs: (url, to) => ['apply', '--url', url, ...(to ? ['--to', to] : [])],
    remove,
  };
}

/** Run `schemac apply` in the project (up to `to`, in an extended environment); throws with schemac's message when it fails. */
export async function applyMigrations(project: SchemacProject, url: string, options: { to?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  const result = await runCli(project.applyArgs(url, options.to), { cwd: project.dir, ...(options.env ? { env: options.env } : {}) });
  return expectSuccess(`apply${options.to ? ` --to ${options.to}` : ''}`, result);
}
