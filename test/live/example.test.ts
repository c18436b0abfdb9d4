/**
 * The committed example systems, exactly as the README runs them: their generated/ folders are
 * current for the declarations (generate --check), verify against migrations.sum, apply to an
 * empty database, and show no drift. Old snapshots written by earlier versions must keep working.
 */
import { describe, expect, it } from 'vitest';
import { freshDatabaseUrl } from '../helpers/backends.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';

describe('the committed example systems', () => {
  it('clearway: generate --check is clean, apply → drift is clean, rollback to empty', async () => {
    const check = await runCli(['--project', 'clearway', 'generate', '--check'], { cwd: REPO_ROOT });
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    const url = await freshDatabaseUrl('postgres');
    const applied = await runCli(['--project', 'clearway', 'apply', '--url', url], { cwd: REPO_ROOT });
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    const drift = await runCli(['--project', 'clearway', 'drift', '--url', url], { cwd: REPO_ROOT });
    expect(drift.stdout).toContain('No drift');
    expect(drift.code).toBe(0);
    expect((await runCli(['--project', 'clearway', 'rollback', '--url', url, '--to', '0'], { cwd: REPO_ROOT })).code).toBe(0);
  });
});
