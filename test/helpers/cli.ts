/**
 * Run the real CLI in a child process, in a temporary project folder whose `schemac` dependency is
 * this working tree (node_modules/schemac → repository root), exactly as a user's project would.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(REPO_ROOT, 'cli/main.ts');
/** tsx's loader by absolute URL (for `node --import`): the project folder has no tsx of its own. */
export const TSX = pathToFileURL(path.join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

/** A repository file as a quoted `file:` URL, to import it from code given to runModuleCode. */
export const repoModule = (file: string): string => JSON.stringify(pathToFileURL(path.join(REPO_ROOT, file)).href);

/**
 * Run ES module source in a new Node process with tsx (so it can import the repository's
 * TypeScript): its stdout, trimmed. Throws with its stderr when it does not exit 0. For what shows
 * only in a new process (whether V8 took a code cache, flags set at start).
 */
export function runModuleCode(code: string): string {
  const result = spawnSync(process.execPath, ['--import', TSX, '--input-type=module', '-e', code], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`the child process exited with ${result.status}:\n${result.stderr}`);
  return result.stdout.trim();
}

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', DATABASE_URL: '', PGHOST: '', PGDATABASE: '', PGUSER: '', PGPORT: '', ...options.env };
    for (const [key, value] of Object.entries(env)) if (value === '') delete env[key];
    const child = spawn(process.execPath, ['--conditions=schemac-source', '--import', TSX, CLI, ...args], { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** A temporary project: config + the given schema files; `schemac` resolves to this repository. */
export function makeProject(files: Readonly<Record<string, string>>, config = "import { defineConfig } from 'schemac';\nexport default defineConfig({ schema: './schema', out: './generated' });\n"): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'schemac-project-'));
  mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
  symlinkSync(REPO_ROOT, path.join(dir, 'node_modules', 'schemac'), 'dir');
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(path.join(dir, 'schemac.config.ts'), config);
  writeProjectFiles(dir, files);
  return dir;
}

export function writeProjectFiles(dir: string, files: Readonly<Record<string, string>>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
}
