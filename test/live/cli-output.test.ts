/**
 * Output people read, through the real CLI on a real PostgreSQL server: colour where asked for
 * (FORCE_COLOR stands in for a terminal: the child's stdout is a pipe), none with NO_COLOR,
 * --no-color or a machine format; drift shows each drifting object as a unified diff; --quiet
 * leaves only errors and results on every command; JSON never carries escapes or progress text.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDatabaseUrl } from '../helpers/backends.js';
import { makeProject, REPO_ROOT, runCli, TSX, writeProjectFiles, type CliResult } from '../helpers/cli.js';

const V1 = `import { index, sql, table, text, uuid } from 'schemac';

export const users = table('users', {
  columns: {
    id: uuid({ primaryKey: true, default: sql\`gen_random_uuid()\` }),
    email: text({ notNull: true }),
    nickname: text(),
  },
  indexes: [index(['email'])],
});
`;

/** A column declared after V1 was applied: missing from the database. */
const V2 = V1.replace("    nickname: text(),\n", "    nickname: text(),\n    bio: text(),\n");

// eslint-disable-next-line no-control-regex
const ESCAPE = /\u001b\[/;
const SPINNER = /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]|\r/;
/** util-linux `script` runs a command on a pseudo-terminal: stdout and stderr are a TTY there. */
const HAS_SCRIPT = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;

/** The CLI on a pseudo-terminal (no CI, no NO_COLOR/FORCE_COLOR); everything it wrote, as the terminal got it. */
function onTerminal(cwd: string, args: readonly string[]): string {
  const command = [process.execPath, '--conditions=schemac-source', '--import', TSX, path.join(REPO_ROOT, 'cli/main.ts'), ...args]
    .map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const env: NodeJS.ProcessEnv = { ...process.env, SCHEMAC_PROGRESS_DELAY_MS: '0', COLUMNS: '200' };
  for (const name of ['CI', 'NO_COLOR', 'FORCE_COLOR', 'DATABASE_URL', 'PGHOST', 'PGDATABASE', 'PGUSER', 'PGPORT']) delete env[name];
  return spawnSync('script', ['-qec', command, '/dev/null'], { cwd, env, encoding: 'utf8' }).stdout;
}

/** Colour forced as on a terminal; runCli sets NO_COLOR=1 unless told otherwise ('' unsets it). */
const FORCED = { FORCE_COLOR: '1', NO_COLOR: '' };

describe('CLI output', () => {
  let dir: string;
  let url: string;
  const cli = (args: string[], env: Record<string, string> = {}): Promise<CliResult> => runCli([...args, '--url', url], { cwd: dir, env });

  beforeAll(async () => {
    url = await freshDatabaseUrl('postgres');
    dir = makeProject({ 'schema/index.ts': V1 });
    expect((await runCli(['generate', '--name', 'init'], { cwd: dir })).code).toBe(0);
    expect((await cli(['apply'])).code).toBe(0);
    // A declaration change not applied: the database drifts from the declarations.
    writeProjectFiles(dir, { 'schema/index.ts': V2 });
  });

  it('drift with colour: each drifting object as a unified diff, removals red, additions green, headers bold', async () => {
    const drift = await cli(['drift'], FORCED);
    expect(drift.code).toBe(1);
    expect(drift.stdout).toMatch(ESCAPE);
    expect(drift.stdout).toContain('\u001b[1m--- declared: table public.users (schema/index.ts:8)\u001b[22m'); // where bio is declared
    expect(drift.stdout).toContain('\u001b[1m+++ database: table public.users\u001b[22m');
    expect(drift.stdout).toMatch(/\u001b\[36m@@ -\d+,\d+ \+\d+,\d+ @@\u001b\[39m/);
    expect(drift.stdout).toContain('\u001b[31m-  "bio" text,\u001b[39m');
    expect(drift.stderr).not.toMatch(SPINNER);
  });

  it('drift without colour: the same diff as plain text, with NO_COLOR, --no-color or no terminal', async () => {
    for (const [args, env] of [[[], { FORCE_COLOR: '1', NO_COLOR: '1' }], [['--no-color'], FORCED], [[], { NO_COLOR: '', FORCE_COLOR: '' }]] as const) {
      const drift = await cli(['drift', ...args], env);
      expect(drift.code).toBe(1);
      expect(drift.stdout + drift.stderr, JSON.stringify({ args, env })).not.toMatch(ESCAPE);
      expect(drift.stdout).toContain('--- declared: table public.users (schema/index.ts:8)\n+++ database: table public.users\n@@');
      expect(drift.stdout).toMatch(/^- {2}"bio" text,$/m);
    }
  });

  it('plan with colour: additions green; markdown, github and json stay plain even when colour is forced', async () => {
    const plan = await cli(['plan'], FORCED);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('\u001b[32mALTER TABLE "public"."users" ADD COLUMN "bio" text;\u001b[39m');
    expect(plan.stdout).toMatch(/\u001b\[1m-- Step 1\/1: add column public\.users\.bio/);
    for (const format of ['markdown', 'github', 'json']) {
      const result = await cli(['plan', '--format', format], FORCED);
      expect(result.code, format).toBe(0);
      expect(result.stdout + result.stderr, format).not.toMatch(ESCAPE);
    }
  });

  it('json output never holds escape codes or progress text', async () => {
    for (const args of [['drift', '--format', 'json'], ['plan', '--format', 'json'], ['status', '--format', 'json'], ['inspect', '--format', 'json']]) {
      const result = await cli(args, { ...FORCED, CI: '' });
      expect(result.stdout + result.stderr, args.join(' ')).not.toMatch(ESCAPE);
      expect(result.stdout + result.stderr, args.join(' ')).not.toMatch(SPINNER);
      expect(result.stderr, args.join(' ')).not.toMatch(/introspecting|checking the declarations|loading declarations/);
      expect(() => JSON.parse(result.stdout), args.join(' ')).not.toThrow();
    }
  });

  it.skipIf(!HAS_SCRIPT)('on a terminal: colour and a progress line in text mode; neither in json', () => {
    const cache = path.join(dir, '.schemac', 'cache'); // cleared: the embedded check runs again
    rmSync(cache, { recursive: true, force: true });
    const text = onTerminal(dir, ['drift', '--url', url]);
    expect(text).toMatch(/\r⠋ (loading declarations|checking the declarations|introspecting)[^\r\n]*\u001b\[K/);
    expect(text).toContain('\u001b[1m--- declared: table public.users');
    rmSync(cache, { recursive: true, force: true });
    const json = onTerminal(dir, ['drift', '--format', 'json', '--url', url]);
    expect(json).not.toMatch(ESCAPE);
    expect(json).not.toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]|loading declarations|checking the declarations|introspecting/);
    expect(JSON.parse(json.replaceAll('\r\n', '\n'))).toMatchObject({ drift: true });
  });

  it('--quiet: only errors and results, on every command; drift still exits 1', async () => {
    const drift = await cli(['drift', '--quiet'], FORCED);
    expect(drift.code).toBe(1);
    expect(drift.stdout).toContain('difference(s)');
    expect(drift.stdout).not.toContain('--- declared');
    expect(drift.stderr).toBe('');
    // Commands whose only output is notes: silent.
    for (const args of [['validate'], ['docs', '--out', 'docs-out'], ['lint']]) {
      const result = await runCli([...args, '--quiet'], { cwd: dir });
      expect(result, args.join(' ')).toMatchObject({ code: 0, stdout: '', stderr: '' });
    }
    for (const args of [['apply'], ['apply', '--dry-run'], ['rollback', '--dry-run']]) {
      expect(await cli([...args, '--quiet']), args.join(' ')).toMatchObject({ code: 0, stdout: '', stderr: '' });
    }
    // generate --check: the finding (exit 1) is the result, the list of changes is a note.
    const check = await runCli(['generate', '--check', '--quiet'], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stdout.trim().split('\n')).toHaveLength(1);
    // Results stay: status lines, the plan's SQL, diff's SQL.
    expect((await cli(['status', '--quiet'])).stdout).toMatch(/^applied +\d{14}_init$/m);
    expect((await cli(['plan', '--quiet'])).stdout).toContain('ADD COLUMN "bio" text');
    expect((await runCli(['diff', '--from', 'empty', '--to', 'empty', '--quiet'], { cwd: dir })).stdout).toBe('');
    // Errors still show.
    const bad = await runCli(['plan', '--quiet', '--url', 'postgres://nobody@127.0.0.1:1/none', '--wait', '0'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/SC401/);
  });
});
