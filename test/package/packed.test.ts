/**
 * The published package, not the source tree: `npm pack` builds and packs schemac; the tarball is
 * installed into an empty project (dependencies from the npm cache), and the README's first steps
 * run there with npx on the embedded database: init → generate → apply → drift. Type declarations
 * ship, so an editor (and tsc) type-checks the DSL. The command that runs is the bundled one
 * (dist/schemac.cjs, through cli/launch.ts), while the project's files import the package's modules.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheFileFor } from '../../cli/launch.js';
import { freshDatabaseUrl } from '../helpers/backends.js';
import { REPO_ROOT } from '../helpers/cli.js';

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): { code: number; out: string } {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', DATABASE_URL: '', npm_config_audit: 'false', npm_config_fund: 'false', ...env }, timeout: 300_000 });
  return { code: result.status ?? -1, out: `${result.stdout}\n${result.stderr}` };
}

describe('the packed package', () => {
  it('installs into an empty project and runs init → generate → apply → drift with npx', async () => {
    const packDir = mkdtempSync(path.join(os.tmpdir(), 'schemac-pack-'));
    const packed = run('npm', ['pack', '--silent', '--pack-destination', packDir], REPO_ROOT);
    expect(packed.code, packed.out).toBe(0);
    const tarball = readdirSync(packDir).find((f) => f.endsWith('.tgz'));
    expect(tarball).toBeDefined();

    const project = mkdtempSync(path.join(os.tmpdir(), 'schemac-user-'));
    writeFileSync(path.join(project, 'package.json'), '{ "name": "user-project", "private": true, "type": "module" }\n');
    const installed = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', path.join(packDir, tarball!)], project);
    expect(installed.code, installed.out).toBe(0);
    expect(existsSync(path.join(project, 'node_modules/schemac/dist/compiler/index.d.ts')), 'type declarations ship').toBe(true);
    expect(existsSync(path.join(project, 'node_modules/schemac/dist/compiler/introspect/queries/tables.sql')), 'catalog queries ship').toBe(true);
    const bundle = path.join(project, 'node_modules/schemac/dist/schemac.cjs');
    expect(existsSync(bundle), 'the bundled command line ships').toBe(true);
    const initCache = cacheFileFor(readFileSync(bundle, 'utf8'), 'init');
    rmSync(initCache, { force: true });

    for (const step of [['init'], ['generate'], ['apply'], ['drift']]) {
      const result = run('npx', ['--no-install', 'schemac', ...step], project);
      expect(result.code, `schemac ${step.join(' ')}:\n${result.out}`).toBe(0);
    }
    expect(existsSync(initCache), 'npx schemac ran the bundle, and saved its code cache').toBe(true);
    expect(readdirSync(path.join(project, 'generated/migrations'))).toHaveLength(1);
    const drift = run('npx', ['--no-install', 'schemac', 'drift'], project);
    expect(drift.out).toContain('No drift');
    // A server, through the pg bundled into the command; loading pg must not load Node's fetch
    // (undici: see loadPg in compiler/db/connection.ts).
    const probe = path.join(project, 'undici-probe.cjs');
    writeFileSync(probe, "process.on('exit', () => process.stderr.write('undici loaded: ' + process.moduleLoadList.some((m) => m.includes('undici')) + '\\n'));\n");
    const url = await freshDatabaseUrl('postgres');
    const inspected = run('npx', ['--no-install', 'schemac', 'inspect', '--url', url, '--format', 'json'], project, { NODE_OPTIONS: `--require ${probe}` });
    expect(inspected.code, inspected.out).toBe(0);
    expect(inspected.out).toContain('"tables": []');
    expect(inspected.out).toContain('undici loaded: false');
    // The declarations type-check against the shipped .d.ts files (what an editor sees).
    writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, allowImportingTsExtensions: true }, include: ['schema', 'schemac.config.ts'] }));
    const typed = run(process.execPath, [path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-p', project], project);
    expect(typed.code, typed.out).toBe(0);
    writeFileSync(path.join(project, 'schema/wrong.ts'), "import { table, text } from 'schemac';\nexport const t = table('t', { columns: { a: text({ notNul: true }) } });\n");
    const wrong = run(process.execPath, [path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-p', project], project);
    expect(wrong.out, 'a misspelt option is a type error').toContain("'notNul' does not exist");
  });
});
