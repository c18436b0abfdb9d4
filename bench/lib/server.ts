/**
 * The throwaway PostgreSQL server benchmarks run against: the live tests' cluster
 * (test/helpers/pg-server.ts: initdb in a temporary folder, `postgres` as `nobody` when root,
 * fsync off), stopped when the benchmark ends, fails or is interrupted.
 */
import pg from 'pg';
import { createDatabase, startCluster, type Cluster } from '../../test/helpers/pg-server.js';
import { quoteIdent } from '../../compiler/render/quote.js';
import { onCleanup } from './cleanup.js';

export interface BenchServer {
  readonly cluster: Cluster;
  /** `PostgreSQL 15.x` as the server reports it. */
  readonly version: string;
  /** A new, empty database (the previous one of the same server is not touched). */
  freshDatabase(prefix: string): Promise<string>;
  /** Drop a database made by freshDatabase, disconnecting anyone still on it. */
  dropDatabase(url: string): Promise<void>;
  stop(): Promise<void>;
}

/** One statement on its own connection (to the admin database or any other). */
export async function adminQuery(adminUrl: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Start a server; it is stopped by `stop()` or by the cleanup on exit/Ctrl-C, whichever is first. */
export async function startBenchServer(): Promise<BenchServer> {
  const cluster = await startCluster();
  const stop = onCleanup('stop PostgreSQL', () => cluster.stop());
  const version = String((await adminQuery(cluster.adminUrl, 'SHOW server_version')).rows[0]?.server_version ?? cluster.version);
  return {
    cluster,
    version: `PostgreSQL ${version}`,
    freshDatabase: (prefix) => createDatabase(cluster.adminUrl, prefix),
    async dropDatabase(url) {
      const name = decodeURIComponent(new URL(url).pathname.slice(1));
      await adminQuery(cluster.adminUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    },
    stop,
  };
}
