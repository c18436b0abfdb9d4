/**
 * Vitest global setup: one throwaway PostgreSQL server for the whole run (or TEST_DATABASE_URL),
 * shared with the test files through `inject('postgresAdminUrl')`; and one temporary folder for
 * the run (TMPDIR, inherited by the test workers and every CLI process they start), removed at the
 * end with all the projects, PGlite folders and caches the tests made in it
 * (SCHEMAC_KEEP_TEST_TMP=1 keeps it).
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startCluster, type Cluster } from './pg-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    postgresVersion: string;
  }
}

let cluster: Cluster | undefined;
let runTmp: string | undefined;

/** One folder for every temporary file of the run, writable by all (the server runs as another user). */
function useRunTmp(): void {
  runTmp = mkdtempSync(path.join(os.tmpdir(), 'schemac-test-run-'));
  chmodSync(runTmp, 0o1777);
  process.env['TMPDIR'] = runTmp;
}

export async function setup(project: TestProject): Promise<void> {
  useRunTmp();
  const external = process.env['TEST_DATABASE_URL'];
  if (external) {
    project.provide('postgresAdminUrl', external);
    project.provide('postgresVersion', 'external (TEST_DATABASE_URL)');
    return;
  }
  cluster = await startCluster();
  project.provide('postgresAdminUrl', cluster.adminUrl);
  project.provide('postgresVersion', cluster.version);
  process.stderr.write(`live tests: ${cluster.version} (throwaway cluster, ${cluster.binDir}) and PGlite\n`);
}

export async function teardown(): Promise<void> {
  await cluster?.stop();
  if (runTmp && process.env['SCHEMAC_KEEP_TEST_TMP'] !== '1') rmSync(runTmp, { recursive: true, force: true });
}
