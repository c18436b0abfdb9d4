/**
 * Introspection costs a fixed number of catalog round trips, whatever the schema size, and never
 * reports schemac's own bookkeeping schema or extension members.
 */
import { describe, expect, it } from 'vitest';
import type { Database } from '../../compiler/db/connection.js';
import { CATALOG_QUERY_COUNT, introspect } from '../../compiler/introspect/index.js';
import { freshDatabaseUrl, withDatabase } from '../helpers/backends.js';

/** A database that counts the statements sent through it. */
function counting(db: Database): Database & { count: number } {
  const wrapper = {
    ...db,
    count: 0,
    query: async <Row>(sql: string, params?: readonly unknown[]) => {
      wrapper.count++;
      return db.query<Row>(sql, params);
    },
    exec: async (sql: string) => {
      wrapper.count++;
      return db.exec(sql);
    },
    close: () => db.close(),
  };
  return wrapper;
}

async function roundTrips(tables: number): Promise<number> {
  const url = await freshDatabaseUrl('postgres');
  return withDatabase(url, async (db) => {
    const ddl = Array.from({ length: tables }, (_, i) =>
      `CREATE TABLE public.t${i} (id bigint PRIMARY KEY, org uuid NOT NULL, note text CHECK (note <> ''), created_at timestamptz DEFAULT now());
       CREATE INDEX t${i}_org_idx ON public.t${i} (org) WHERE note IS NOT NULL;
       CREATE VIEW public.v${i} AS SELECT id, org FROM public.t${i};`).join('\n');
    await db.exec(`CREATE EXTENSION citext; CREATE SCHEMA schemac; CREATE TABLE schemac.migrations (version text); ${ddl}`);
    const wrapped = counting(db);
    const schema = await introspect(wrapped);
    expect(schema.tables).toHaveLength(tables);
    expect(schema.namespaces.map((n) => n.name)).not.toContain('schemac');
    return wrapped.count;
  });
}

describe('introspection', () => {
  it('uses the same number of round trips for 2 tables and for 60', async () => {
    const [small, large] = [await roundTrips(2), await roundTrips(60)];
    expect(small).toBe(large);
    // The catalog queries plus BEGIN/settings and COMMIT.
    expect(small).toBe(CATALOG_QUERY_COUNT + 2);
    expect(CATALOG_QUERY_COUNT).toBeLessThanOrEqual(20);
  });
});
