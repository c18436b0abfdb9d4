/**
 * A database that is still starting: apply waits (bounded) and then succeeds; a database that
 * never comes gives SC403 after the wait, never a hang.
 */
import { describe, expect, it } from 'vitest';
import { makeProject, runCli } from '../helpers/cli.js';
import { freePort, PASSWORD, startCluster } from '../helpers/pg-server.js';

const SCHEMA = `import { table, text, uuid } from 'schemac';
export const notes = table('notes', { columns: { id: uuid({ primaryKey: true }), body: text() } });
`;

describe('waiting for a database', () => {
  it('applies once a server that was still starting accepts connections', async () => {
    const port = await freePort();
    const dir = makeProject({ 'schema/index.ts': SCHEMA });
    expect((await runCli(['generate'], { cwd: dir })).code).toBe(0);
    const url = `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`;
    const applying = runCli(['apply', '--url', url, '--wait', '60'], { cwd: dir });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const cluster = await startCluster({ port });
    try {
      const result = await applying;
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('1 migration(s) applied');
    } finally {
      await cluster.stop();
    }
  });

  it('gives up after --wait seconds with SC403', async () => {
    const port = await freePort();
    const dir = makeProject({ 'schema/index.ts': SCHEMA });
    const started = Date.now();
    const result = await runCli(['drift', '--url', `postgres://postgres:x@127.0.0.1:${port}/postgres`, '--wait', '2'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('SC403');
    expect(result.stderr).toContain('gave up after');
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
