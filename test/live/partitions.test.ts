/**
 * Partitioning beyond the golden round trips: externally managed partitions are never drift;
 * invalid partitioning is rejected before any database is touched.
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_SCHEMA } from '../../compiler/model/types.js';
import { integer, partition, table, timestamptz, uuid } from '../../compiler/index.js';
import { BACKENDS, freshDatabaseUrl, withDatabase } from '../helpers/backends.js';
import { declare, describeChanges, migrationSql, remainingChanges, runScript } from '../helpers/schema.js';

describe.each(BACKENDS)('partitions on %s', (backend) => {
  it('ignores partitions managed outside schemac, but not the parent', async () => {
    const events = table('events', {
      columns: { id: integer({ notNull: true }), at: timestamptz({ notNull: true }) },
      partitionBy: { strategy: 'range', keys: ['at'], externalPartitions: true },
    });
    const schema = await declare(events);
    await withDatabase(await freshDatabaseUrl(backend), async (db) => {
      await runScript(db, (await migrationSql(EMPTY_SCHEMA, schema)).up);
      await db.exec("CREATE TABLE public.events_p2026 PARTITION OF public.events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')");
      await db.exec("CREATE TABLE public.events_p2026_sub PARTITION OF public.events FOR VALUES FROM ('2027-01-01') TO ('2028-01-01')");
      expect(describeChanges(await remainingChanges(db, schema))).toEqual([]);
      await db.exec('ALTER TABLE public.events ADD COLUMN extra integer');
      expect(describeChanges(await remainingChanges(db, schema))).toEqual(['column.drop column:public.events.extra']);
    });
  });
});

describe('invalid partitioning', () => {
  it('a primary key without the partition key is SC217', async () => {
    const t = table('logs', {
      columns: { id: uuid({ primaryKey: true }), at: timestamptz({ notNull: true }) },
      partitionBy: { strategy: 'range', keys: ['at'] },
    });
    await expect(declare(t)).rejects.toThrow(/SC217 logs_pkey on partitioned table logs must include the partition key \(at\)/);
  });

  it('overlapping ranges and two DEFAULT partitions are SC218', async () => {
    const t = table('logs', {
      columns: { id: integer(), n: integer({ notNull: true }) },
      partitionBy: { strategy: 'range', keys: ['n'] },
      partitions: [
        partition('logs_a', { from: 0, to: 100 }),
        partition('logs_b', { from: 50, to: 150 }),
        partition('logs_c', { from: 150, to: 'MAXVALUE' }),
        partition('logs_d1', { default: true }),
        partition('logs_d2', { default: true }),
      ],
    });
    const error = await declare(t).catch((e: Error) => e.message);
    expect(error).toContain('SC218 partition logs_b overlaps logs_a');
    expect(error).toContain('SC218 logs has more than one DEFAULT partition');
    expect(error).not.toContain('logs_c overlaps');
  });
});
