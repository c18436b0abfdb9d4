/**
 * Migrations changed after the fact: an applied migration edited (SC301 until the sum is
 * recomputed, then SC304), an applied migration deleted (SC301, then SC305), and two branches'
 * migrations merged out of order (SC306). Each is refused before anything runs, with a message that
 * names the migration and a hint that says what to do; and each documented way out works: restore
 * from version control, accept an intended edit with `generate --rehash`, regenerate an
 * out-of-order migration on top.
 *
 * (test/live/errors.test.ts covers SC301 on a pending migration and SC304 after a rehash of an
 * applied down.sql.)
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDatabaseUrl, withDatabase } from '../helpers/backends.js';
import { runCli, writeProjectFiles, type CliResult } from '../helpers/cli.js';
import { BACKFILL, INIT, THREE_MIGRATIONS, copyProject, expectNoStackTrace, historyOf, migrationIds, relationsOf, sharedGeneratedProject, versionOf, type GeneratedProject } from './support.js';

let project: GeneratedProject;

beforeAll(async () => {
  // init (accounts, ledger), backfill (audit, 50 000 rows, pg_sleep), indexes (online).
  project = await sharedGeneratedProject(THREE_MIGRATIONS);
});

const migrationFile = (dir: string, id: string, file: string): string => path.join(dir, 'generated/migrations', id, file);

/** Refused: exit 2, the code at the start of a line, no stack trace. */
function expectRefused(result: CliResult, code: string): void {
  expect(result.code, `${result.stdout}${result.stderr}`).toBe(2);
  expect(result.stderr).toMatch(new RegExp(`(^|\\s)${code} error: `));
  expectNoStackTrace(result);
}

/** Restore generated/ as version control would (`git checkout generated/`). */
function restoreGenerated(from: string, to: string): void {
  rmSync(path.join(to, 'generated'), { recursive: true });
  cpSync(path.join(from, 'generated'), path.join(to, 'generated'), { recursive: true });
}

describe('an applied migration edited afterwards', () => {
  it('is refused (SC301, then SC304 once re-summed) naming it; restoring it, or re-summing an intended edit of a pending one, works', async () => {
    const url = await freshDatabaseUrl('postgres');
    const dir = copyProject(project.dir);
    const [init, backfill, indexes] = project.ids as [string, string, string];
    expect((await runCli(['apply', '--url', url, '--to', versionOf(backfill)], { cwd: dir })).code).toBe(0);

    // Someone "fixes" the applied init migration in place.
    const upFile = migrationFile(dir, init, 'up.sql');
    writeFileSync(upFile, readFileSync(upFile, 'utf8').replace('"email" text', '"email" varchar(320)'));
    const tampered = await runCli(['apply', '--url', url], { cwd: dir });
    expectRefused(tampered, 'SC301');
    expect(tampered.stderr).toContain(`generated/migrations.sum SC301 error: generated/migrations.sum does not match the files in generated: migrations/${init}/up.sql modified`);
    expect(tampered.stderr).toContain('if the edit is intended run `schemac generate --rehash`');

    // Re-summing accepts the files, not what the database ran.
    expect((await runCli(['generate', '--rehash'], { cwd: dir })).code).toBe(0);
    const modified = await runCli(['apply', '--url', url], { cwd: dir });
    expectRefused(modified, 'SC304');
    expect(modified.stderr).toContain(`generated/migrations/${init} SC304 error: migration ${init} was modified after it was applied`);
    expect(modified.stderr).toContain('Restore it; write a new migration for new changes.');
    expect(await historyOf(url), 'the pending migration was not applied either').toEqual({ versions: [versionOf(init), versionOf(backfill)], progress: [] });

    // The way out: restore the files from version control.
    restoreGenerated(project.dir, dir);
    // An intended hand edit of the pending migration (a row written with it; until re-summed it is
    // SC301, as errors.test.ts shows), accepted by re-summing.
    const pendingUp = migrationFile(dir, indexes, 'up.sql');
    writeFileSync(pendingUp, `${readFileSync(pendingUp, 'utf8')}\nINSERT INTO public.audit (id, what) VALUES (1, 'indexes built');\n`);
    expect((await runCli(['generate', '--rehash'], { cwd: dir })).code).toBe(0);
    const applied = await runCli(['apply', '--url', url], { cwd: dir });
    expect(applied.stderr).toBe('');
    expect(applied.stdout).toContain(`applied ${indexes}`);
    await withDatabase(url, async (db) => {
      expect(await db.query('SELECT id::int, what FROM public.audit')).toEqual([{ id: 1, what: 'indexes built' }]);
    });
    expect(await historyOf(url)).toEqual({ versions: project.ids.map(versionOf), progress: [] });
  });
});

describe('an applied migration deleted from the folder', () => {
  it('is refused (SC301, then SC305 once re-summed) naming it; restoring it works', async () => {
    const url = await freshDatabaseUrl('postgres');
    const dir = copyProject(project.dir);
    const backfill = project.ids[1]!;
    expect((await runCli(['apply', '--url', url], { cwd: dir })).code).toBe(0);

    rmSync(path.join(dir, 'generated/migrations', backfill), { recursive: true });
    const deleted = await runCli(['apply', '--url', url], { cwd: dir });
    expectRefused(deleted, 'SC301');
    expect(deleted.stderr).toContain(`migrations/${backfill}/down.sql removed, migrations/${backfill}/plan.json removed, migrations/${backfill}/up.sql removed`);

    expect((await runCli(['generate', '--rehash'], { cwd: dir })).code).toBe(0);
    const missing = await runCli(['apply', '--url', url], { cwd: dir });
    expectRefused(missing, 'SC305');
    expect(missing.stderr).toContain(`SC305 error: migration ${backfill} is recorded as applied but is not in generated`);
    expect(missing.stderr).toContain('Restore it from version control.');

    restoreGenerated(project.dir, dir);
    const restored = await runCli(['apply', '--url', url], { cwd: dir });
    expect(`${restored.code} ${restored.stderr}`).toBe('0 ');
    expect(restored.stdout).toContain('is up to date.');
    expect(await historyOf(url)).toEqual({ versions: project.ids.map(versionOf), progress: [] });
  });
});

const BETA = "export const beta = table('beta', { columns: { id: bigint({ primaryKey: true }) } });\n";

/**
 * Two branches start from `init`. A feature branch generated `backfill` (the shared project's
 * second migration) long ago; main generates `beta` now and is deployed. Then the feature branch is
 * merged into main: both declarations, its migration folder; the conflicting sum and snapshot are
 * resolved in favour of main, and the sum re-computed to accept the branch's files.
 */
async function mergedOutOfOrder(): Promise<{ main: string; url: string; backfill: string; beta: string }> {
  const backfill = project.ids[1]!;
  const main = copyProject(project.stages[0]!);
  writeProjectFiles(main, { 'schema/index.ts': `${INIT}${BETA}` });
  expect((await runCli(['generate', '--name', 'beta'], { cwd: main })).code).toBe(0);
  const beta = migrationIds(main)[1]!;
  expect(backfill < beta, 'the branch generated first: its version is older').toBe(true);
  const url = await freshDatabaseUrl('postgres');
  expect((await runCli(['apply', '--url', url], { cwd: main })).code).toBe(0);
  writeProjectFiles(main, { 'schema/index.ts': `${BACKFILL}${BETA}` });
  cpSync(path.join(project.dir, 'generated/migrations', backfill), path.join(main, 'generated/migrations', backfill), { recursive: true });
  expect((await runCli(['generate', '--rehash'], { cwd: main })).code).toBe(0);
  return { main, url, backfill, beta };
}

describe('two branches merged out of order', () => {
  it('the older branch migration is refused (SC306) until regenerated on top; then it applies', async () => {
    const { main, url, backfill, beta } = await mergedOutOfOrder();
    const outOfOrder = await runCli(['apply', '--url', url], { cwd: main });
    expectRefused(outOfOrder, 'SC306');
    expect(outOfOrder.stderr).toContain(`generated/migrations/${backfill} SC306 error: migration ${backfill} is pending but older than the newest applied migration ${versionOf(beta)}`);
    expect(outOfOrder.stderr).toContain('Regenerate it on top: delete its folder, run `schemac generate --rehash` (the sum still lists it), then `schemac generate`.');
    await withDatabase(url, async (db) => expect(await relationsOf(db)).not.toContain('audit r'));

    // The documented fix: delete it and generate again (accepting the deletion first: see below).
    rmSync(path.join(main, 'generated/migrations', backfill), { recursive: true });
    expect((await runCli(['generate', '--rehash'], { cwd: main })).code).toBe(0);
    expect((await runCli(['generate', '--name', 'backfill'], { cwd: main })).code).toBe(0);
    const regenerated = migrationIds(main)[2]!;
    expect(regenerated > beta).toBe(true);
    const applied = await runCli(['apply', '--url', url], { cwd: main });
    expect(`${applied.code} ${applied.stderr}`).toBe('0 ');
    expect(applied.stdout).toContain(`applied ${regenerated}`);
    await withDatabase(url, async (db) => {
      expect(await relationsOf(db)).toContain('audit r');
      expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM public.accounts'))[0]!.n, 'its data steps came along').toBe(50_000);
    });
    expect(await historyOf(url)).toEqual({ versions: migrationIds(main).map(versionOf), progress: [] });
  });

  // The SC306 hint names both steps: deleting the folder leaves migrations.sum stale until --rehash.
  it('the SC306 hint works as written: delete the migration, rehash, generate', async () => {
    const { main, backfill } = await mergedOutOfOrder();
    rmSync(path.join(main, 'generated/migrations', backfill), { recursive: true });
    expect((await runCli(['generate', '--rehash'], { cwd: main })).code).toBe(0);
    const regenerated = await runCli(['generate', '--name', 'backfill'], { cwd: main });
    expect(regenerated.stderr).toBe('');
    expect(regenerated.code).toBe(0);
  });
});
