/**
 * Introspection costs a fixed number of catalog round trips (one: BEGIN, the catalog queries and COMMIT are sent
 * together), whatever the schema size, and never reports schemac's own bookkeeping schema or
 * extension members. Each query's SELECT list is the row fields introspection reads.
 */
import { describe, expect, it } from 'vitest';
import { CATALOG_QUERY_COUNT, catalogQuerySql, introspect } from '../../compiler/introspect/index.js';
import { ROW_FIELDS } from '../../compiler/introspect/rows.js';
import type { QueryName } from '../../compiler/introspect/rows.js';
import { freshDatabaseUrl, withDatabase } from '../helpers/backends.js';
import { countingDatabase, withQuery } from '../helpers/counting.js';

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
    // BEGIN, every catalog query and COMMIT at once (pipelined on the connection).
    expect(small.roundTrips).toBe(1);
  });
});

describe('constraint columns', () => {
  it('are named for every kind of table: dropped columns before them, partitions, inheritance children, other schemas', async () => {
    await withDatabase(await freshDatabaseUrl('postgres'), async (db) => {
      await db.exec(`
        CREATE SCHEMA other;
        CREATE TABLE public.gaps (a int, dropped int, b int NOT NULL, c text, d int);
        ALTER TABLE public.gaps DROP COLUMN dropped;
        ALTER TABLE public.gaps ADD CONSTRAINT gaps_pkey PRIMARY KEY (d, b) INCLUDE (c, a);
        CREATE TABLE other.referenced (x int, y int, PRIMARY KEY (y, x));
        CREATE TABLE public.fk (id int PRIMARY KEY, y int, x int, CONSTRAINT fk_xy FOREIGN KEY (x, y) REFERENCES other.referenced (x, y));
        CREATE TABLE public.parted (id int, at date, v int, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
        CREATE TABLE public.parted_2024 PARTITION OF public.parted FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
        ALTER TABLE public.parted_2024 ADD CONSTRAINT parted_2024_v_key UNIQUE (v, id) INCLUDE (at);
        -- Attached with its columns in another order (and a dropped one): its numbers are not the parent's.
        CREATE TABLE public.loose (at date, v int, id int NOT NULL);
        ALTER TABLE public.loose DROP COLUMN at;
        ALTER TABLE public.loose ADD COLUMN at date NOT NULL;
        ALTER TABLE public.parted ATTACH PARTITION public.loose FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
        ALTER TABLE public.loose ADD CONSTRAINT loose_at_v_key UNIQUE (at, v);
        CREATE TABLE public.to_partition (id int PRIMARY KEY, pv int, pid int, CONSTRAINT to_partition_fk FOREIGN KEY (pv, pid) REFERENCES public.parted_2024 (v, id));
        CREATE TABLE public.base (id int PRIMARY KEY, n text);
        CREATE TABLE public.child (extra int, CONSTRAINT child_n_extra_key UNIQUE (n, extra)) INHERITS (public.base);
        CREATE TABLE public.to_child (id int, cn text, ce int, CONSTRAINT to_child_fk FOREIGN KEY (ce, cn) REFERENCES public.child (extra, n));
      `);
      const tables = new Map((await introspect(db)).tables.map((t) => [t.name, t]));
      expect(tables.get('gaps')!.primaryKey).toMatchObject({ columns: ['d', 'b'], include: ['c', 'a'] });
      expect(tables.get('fk')!.foreignKeys[0]).toMatchObject({ columns: ['x', 'y'], references: { schema: 'other', table: 'referenced', columns: ['x', 'y'] } });
      expect(tables.get('parted')!.primaryKey!.columns).toEqual(['id', 'at']);
      expect(tables.get('parted_2024')!.uniques[0]).toMatchObject({ columns: ['v', 'id'], include: ['at'] });
      expect(tables.get('loose')!.uniques[0]).toMatchObject({ name: 'loose_at_v_key', columns: ['at', 'v'] });
      expect(tables.get('to_partition')!.foreignKeys[0]).toMatchObject({ columns: ['pv', 'pid'], references: { table: 'parted_2024', columns: ['v', 'id'] } });
      expect(tables.get('child')!.uniques[0]).toMatchObject({ columns: ['n', 'extra'] });
      expect(tables.get('to_child')!.foreignKeys[0]).toMatchObject({ columns: ['ce', 'cn'], references: { table: 'child', columns: ['extra', 'n'] } });
    });
  });
});

describe('index columns', () => {
  it('are named for every kind of table, and a column\'s own collation is its default', async () => {
    await withDatabase(await freshDatabaseUrl('postgres'), async (db) => {
      await db.exec(`
        CREATE TABLE public.t (a int, dropped int, b text COLLATE "C", c text);
        ALTER TABLE public.t DROP COLUMN dropped;
        CREATE INDEX t_b_own ON public.t (b COLLATE "C");
        CREATE INDEX t_b_other ON public.t (b COLLATE "POSIX" DESC);
        CREATE INDEX t_expr ON public.t (lower(c) COLLATE "C", a) INCLUDE (b);
        CREATE MATERIALIZED VIEW public.mv AS SELECT c, a, b FROM public.t;
        CREATE UNIQUE INDEX mv_key ON public.mv (a, c) INCLUDE (b);
        CREATE TABLE public.parted (id int, at date, v text) PARTITION BY RANGE (at);
        CREATE TABLE public.loose (x int, v text, at date, id int);
        ALTER TABLE public.loose DROP COLUMN x;
        ALTER TABLE public.parted ATTACH PARTITION public.loose FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
        CREATE INDEX loose_own ON public.loose (at, v) INCLUDE (id);
        CREATE TABLE public.base (id int, n text);
        CREATE TABLE public.child (extra int) INHERITS (public.base);
        CREATE INDEX child_idx ON public.child (extra, n);
      `);
      const schema = await introspect(db);
      const indexes = new Map([...schema.tables, ...schema.views].flatMap((t) => (t.indexes ?? []).map((i) => [i.name, i] as const)));
      expect(indexes.get('t_b_own')!.keys).toEqual([{ column: 'b', descending: false }]);
      expect(indexes.get('t_b_other')!.keys).toEqual([{ column: 'b', descending: true, collation: { schema: null, name: 'POSIX' } }]);
      expect(indexes.get('t_expr')).toMatchObject({
        keys: [{ expression: { sql: 'lower(c)' }, descending: false, collation: { schema: null, name: 'C' } }, { column: 'a', descending: false }],
        include: ['b'],
      });
      expect(indexes.get('mv_key')).toMatchObject({ keys: [{ column: 'a' }, { column: 'c' }], include: ['b'] });
      expect(indexes.get('loose_own')).toMatchObject({ keys: [{ column: 'at' }, { column: 'v' }], include: ['id'] });
      expect(indexes.get('child_idx')!.keys.map((k) => k.column)).toEqual(['extra', 'n']);
    });
  });
});

describe('the catalog queries', () => {
  it('run without JIT compilation, whatever the server\'s thresholds, and leave the session as it was', async () => {
    await withDatabase(await freshDatabaseUrl('postgres'), async (db) => {
      await db.exec('SET jit = on; SET jit_above_cost = 0');
      let asked: Promise<{ jit: string }[]> | undefined;
      const watching = withQuery(db, (sql, params) => {
        // Sent with the first catalog query, in their pipeline: inside their transaction.
        asked ??= db.query<{ jit: string }>("SELECT current_setting('jit') AS jit");
        return db.query(sql, params);
      });
      await introspect(watching);
      expect(await asked).toEqual([{ jit: 'off' }]);
      expect(await db.query('SHOW jit')).toEqual([{ jit: 'on' }]);
    });
  });
});

describe('the server version', () => {
  it('is the one the server reports at the start of the session', async () => {
    await withDatabase(await freshDatabaseUrl('postgres'), async (db) => {
      const [row] = await db.query<{ version: number }>("SELECT current_setting('server_version_num')::int AS version");
      expect(db.serverVersion).toBe(row!.version);
    });
  });
});

describe('a catalog query that fails', () => {
  it('is the error reported, and the transaction is over: the connection is usable, nothing left unhandled', async () => {
    await withDatabase(await freshDatabaseUrl('postgres'), async (db) => {
      const unhandled: unknown[] = [];
      const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
      process.on('unhandledRejection', onUnhandled);
      try {
        // The real server fails the column query (division by zero); the queries after it in the
        // pipeline fail because the transaction is aborted.
        const failing = withQuery(db, (sql, params) => db.query(sql.includes('pg_catalog.pg_attrdef ad') ? 'SELECT 1 / 0 AS rows' : sql, params));
        await expect(introspect(failing)).rejects.toThrow(/division by zero/);
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(unhandled).toEqual([]);
        expect(await db.query('SHOW transaction_isolation')).toEqual([{ transaction_isolation: 'read committed' }]);
        expect((await introspect(db)).tables).toEqual([]);
      } finally {
        process.off('unhandledRejection', onUnhandled);
      }
    });
  });
});

describe('catalog rows', () => {
  it('each query returns exactly the fields its row lists, in that order', async () => {
    await withDatabase(await freshDatabaseUrl('postgres'), async (db) => {
      await db.exec('BEGIN');
      try {
        for (const name of Object.keys(ROW_FIELDS) as QueryName[]) {
          await db.exec(`CREATE TEMPORARY VIEW catalog_${name} AS ${catalogQuerySql(name, db.serverVersion)}`);
          const columns = await db.query<{ name: string }>(
            `SELECT attname AS name FROM pg_catalog.pg_attribute WHERE attrelid = 'catalog_${name}'::regclass AND attnum > 0 ORDER BY attnum`);
          expect({ name, fields: columns.map((c) => c.name) }).toEqual({ name, fields: ROW_FIELDS[name] });
        }
      } finally {
        await db.exec('ROLLBACK');
      }
    });
  });
});
