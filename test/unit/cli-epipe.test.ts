/**
 * A reader that stops early (`schemac diff … | head`) closes the pipe: the CLI must not print a
 * stack trace (EPIPE) nor fail; the output is just cut.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT, TSX } from '../helpers/cli.js';

it('a closed stdout pipe is not an error', () => {
  const cli = path.join(REPO_ROOT, 'cli/main.ts');
  // The SQL of a whole seed system is far more than a pipe holds: head closes it while schemac writes.
  const command = `"${process.execPath}" --conditions=schemac-source --import ${TSX} "${cli}" diff --from empty --to schema/advisoros | head -c 100 > /dev/null; echo "status \${PIPESTATUS[0]}" >&2`;
  const result = spawnSync('bash', ['-c', command], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  expect(result.stderr).not.toMatch(/EPIPE|Error|at /);
  expect(result.stderr).toMatch(/status 0/);
}, 120_000);
