// `npm run try -- <system>`: one seed system on its own embedded database (.schemac/<system>/):
// generate --check, apply, drift and verify, exactly as a user would run them.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const SYSTEMS = ['clearway', 'angel', 'advisoros', 'pfa', 'aiservice'];
const system = process.argv[2];
if (!system || !SYSTEMS.includes(system)) {
  console.error(`usage: npm run try -- <system>   (one of: ${SYSTEMS.join(', ')})`);
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, '..');
const url = `pglite:${path.join('.schemac', system)}`;
const steps: string[][] = [['generate', '--check'], ['apply', '--url', url], ['drift', '--url', url], ['verify', '--url', url]];
for (const args of steps) {
  console.log(`\n$ schemac --project ${system} ${args.join(' ')}`);
  const run = spawnSync(process.execPath, ['--conditions=schemac-source', '--import', 'tsx', 'cli/main.ts', '--project', system, ...args], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 2);
}
