// The CLI reference as the CLI itself describes it (SCHEMAC_CLI_REFERENCE=1 prints it instead of running).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export function cliReference(): string {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const run = spawnSync(process.execPath, ['--conditions=schemac-source', '--import', 'tsx', 'cli/main.ts'], {
    cwd: root, encoding: 'utf8', env: { ...process.env, SCHEMAC_CLI_REFERENCE: '1', NO_COLOR: '1' },
  });
  if (run.status !== 0) throw new Error(`the CLI failed to describe itself: ${run.stderr}`);
  return `${run.stdout.trimEnd()}\n`;
}
