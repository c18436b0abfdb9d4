/**
 * Introspection costs a fixed number of catalog round trips (three: the catalog queries are sent
 * together), whatever the schema size, and never reports schemac's own bookkeeping schema or
 * extension members.
 */
import { describe, expect, it } from 'vitest';
import { CATALOG_QUERY_COUNT, introspect } from '../../compiler/introspect/index.js';
import { freshDatabaseUrl, withDatabase } from '../helpers/backends.js';
import { countingDatabase } from '../helpers/counting.js';

async function introspectionCost(tables: number): Promise<{ statements: number; roundTrips: number }> {
  const url = await freshDatabaseUrl('postgres');
  return withDatabase(url, async (db) => {
    const ddl = Array.from({ length: tables }, (_, i) =>
      `CREATE TABLE public.t${i} (id bigint PRIMARY KEY, org uuid NOT NULL, note text CHECK (note <> ''), created_at timestamptz DEFAULT now());
       CREATE INDEX t${i}_org_idx ON public.t${i} (org) WHERE note IS NOT NULL;
       CREATE VIEW public.v${i} AS SELECT id, org FROM public.t${i};`).join('\n');
    await db.exec(`CREATE EXTENSION citext; CREATE SCHEMA schemac; CREATE TABLE schemac.migrations (version text); ${ddl}`);
    const wrapped = countingDatabase(db);
    const schema = await introspect(wrapped);
    expect(schema.tables).toHaveLength(tables);
    expect(schema.namespaces.map((n) => n.name)).not.toContain('schemac');
    return { statements: wrapped.statements, roundTrips: wrapped.roundTrips };
  });
}

describe('introspection', () => {
  it('uses the same number of statements and round trips for 2 tables and for 60', async () => {
    const [small, large] = [await introspectionCost(2), await introspectionCost(60)];
    expect(small).toEqual(large);
    // The catalog queries plus BEGIN/settings and COMMIT.
    expect(small.statements).toBe(CATALOG_QUERY_COUNT + 2);
    expect(CATALOG_QUERY_COUNT).toBeLessThanOrEqual(20);
    // BEGIN, then every catalog query at once (pipelined on the connection), then COMMIT.
    expect(small.roundTrips).toBe(3);
  });
});
