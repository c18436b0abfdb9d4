/**
 * driftDefinitions: the SQL behind drift items, declared against found, for the CLI's unified
 * diff — a column shows in its table's CREATE TABLE, an index on its own, equal SQL not at all.
 */
import { describe, expect, it } from 'vitest';
import { driftDefinitions } from '../../compiler/drift/definitions.js';
import { detectDrift } from '../../compiler/drift/index.js';
import { index, integer, table, text } from '../../compiler/index.js';
import { NO_SOURCES } from '../../compiler/model/types.js';
import { declare } from '../helpers/schema.js';

describe('drift definitions', () => {
  it('shows a column within its table and a missing index on its own', async () => {
    const declared = await declare(table('orders', {
      columns: { id: integer({ primaryKey: true }), note: text({ notNull: true }), total: integer() },
      indexes: [index(['total'])],
    }));
    const actual = await declare(table('orders', { columns: { id: integer({ primaryKey: true }), note: text() } }));
    const report = detectDrift(actual, declared, NO_SOURCES);
    const definitions = driftDefinitions(actual, declared, report.items);
    expect(definitions.map((d) => d.path)).toEqual(['table:public.orders', 'index:public.orders_total_idx']);
    const [orders, totalIndex] = definitions;
    expect(orders!.items).toEqual(['column:public.orders.note', 'column:public.orders.total']);
    expect(orders!.declared).toContain('"note" text NOT NULL,');
    expect(orders!.declared).toContain('"total" integer');
    expect(orders!.actual).toContain('"note" text,');
    expect(orders!.actual).not.toContain('"total"');
    expect(totalIndex).toMatchObject({ declared: 'CREATE INDEX "orders_total_idx" ON "public"."orders" USING btree ("total");' });
    expect(totalIndex!.actual).toBeUndefined();
  });

  it('is empty without drift', async () => {
    const schema = await declare(table('t', { columns: { id: integer({ primaryKey: true }) } }));
    expect(driftDefinitions(schema, schema, [])).toEqual([]);
  });
});
