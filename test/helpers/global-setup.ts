/**
 * Vitest global setup: one throwaway PostgreSQL server for the whole run (or TEST_DATABASE_URL),
 * shared with the test files through `inject('postgresAdminUrl')`.
 */
import type { TestProject } from 'vitest/node';
import { startCluster, type Cluster } from './pg-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    postgresVersion: string;
  }
}

let cluster: Cluster | undefined;

export async function setup(project: TestProject): Promise<void> {
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
}
