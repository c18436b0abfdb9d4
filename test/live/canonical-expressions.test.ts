/**
 * No false drift: defaults, CHECKs and generated columns written the way people write them must
 * compare equal to what PostgreSQL reads back (casts, parentheses, IN → ANY, …), on a real server
 * and on PGlite. And a real change of an expression must still be seen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../compiler/db/connection.js';
import { EMPTY_SCHEMA } from '../../compiler/model/types.js';
import {
  bigint, boolean, check, date, enumColumn, enumType, integer, interval, jsonb, numeric, sql, table, text, timestamptz, uuid, varchar,
} from '../../compiler/index.js';
import { BACKENDS, freshDatabaseUrl, open } from '../helpers/backends.js';
import { declare, describeChanges, migrationSql, remainingChanges, runScript } from '../helpers/schema.js';

const status = enumType('order_status', ['new', 'paid', 'shipped', "it's complicated"]);

const orders = table('orders', {
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()` }),
    created_at: timestamptz({ notNull: true, default: sql`now()` }),
    updated_at: timestamptz({ notNull: true, default: sql`CURRENT_TIMESTAMP` }),
    due_on: date({ default: sql`CURRENT_DATE + 30` }),
    expires_at: timestamptz({ default: sql`now() + interval '1 day'` }),
    grace: interval({ default: sql`'2 hours'` }),
    label: text({ default: 'a' }),
    quoted: text({ default: "it's \"quoted\" \\ back" }),
    code: varchar({ length: 12, notNull: true, default: 'NEW' }),
    status: enumColumn(status, { notNull: true, default: 'new' }),
    price: numeric({ precision: 12, scale: 2, notNull: true, default: 0 }),
    discount: numeric({ default: -1.5 }),
    quantity: integer({ notNull: true, default: -1 }),
    big: bigint({ default: 3000000000 }),
    active: boolean({ notNull: true, default: true }),
    tags: text({ array: true, notNull: true, default: [] }),
    labels: text({ array: true, default: ['x', 'y z'] }),
    meta: jsonb({ notNull: true, default: {} }),
    meta2: jsonb({ default: sql`'{"a": 1}'::jsonb` }),
    total: numeric({ generated: sql`price * quantity` }),
  },
  checks: [
    check(sql`price > 0`, { name: 'orders_price_positive' }),
    check(sql`price >= 0 AND price < 1000000`, { name: 'orders_price_range' }),
    check(sql`status IN ('new', 'paid')`, { name: 'orders_status_in' }),
    check(sql`code IN ('NEW', 'OLD')`, { name: 'orders_code_in' }),
    check(sql`code NOT IN ('BAD')`, { name: 'orders_code_not_in' }),
    check(sql`quantity BETWEEN -1 AND 100`, { name: 'orders_quantity_between' }),
    check(sql`code LIKE 'N%'`, { name: 'orders_code_like' }),
    check(sql`label ILIKE 'a%' OR label IS NULL`, { name: 'orders_label_ilike' }),
    check(sql`length(code) > 0`, { name: 'orders_code_length' }),
    check(sql`coalesce(discount, 0) <= price`, { name: 'orders_discount' }),
    check(sql`NOT (active = false AND status = 'shipped')`, { name: 'orders_not' }),
    check(sql`due_on > '2020-01-01'`, { name: 'orders_due_after' }),
    check(sql`code ~ '^[A-Z]+$'`, { name: 'orders_code_regex' }),
    check(sql`expires_at IS NULL OR expires_at > created_at`, { name: 'orders_expiry' }),
    check(sql`(price > 0) AND ((quantity > -5))`, { name: 'orders_parens' }),
    check(sql`quantity <> 0`, { name: 'orders_nonzero' }),
    check(sql`status = ANY (ARRAY['new'::order_status, 'paid'])`, { name: 'orders_any' }),
  ],
});

describe.each(BACKENDS)('canonical expressions on %s', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await open(await freshDatabaseUrl(backend));
  });
  afterAll(async () => db?.close());

  it('reads back every declared expression without drift', async () => {
    const schema = await declare(status, orders);
    const { up } = await migrationSql(EMPTY_SCHEMA, schema);
    await runScript(db, up);
    expect(describeChanges(await remainingChanges(db, schema))).toEqual([]);
  });

  it('also without the embedded dev database (parse trees and server-rendered constants only)', async () => {
    const schema = await declare(status, orders);
    expect(describeChanges(await remainingChanges(db, schema, { devDatabase: false }))).toEqual([]);
  });

  it('constants inside CHECKs that PostgreSQL re-renders compare equal through the dev database, and without it', async () => {
    const windows = table('windows', {
      columns: { id: integer({ primaryKey: true }), span: interval({ notNull: true }), doc: jsonb() },
      checks: [
        check(sql`span < '3 hours'`, { name: 'windows_span_short' }),
        check(sql`doc IS NULL OR doc <> '{"a":   1}'`, { name: 'windows_doc' }),
      ],
    });
    const schema = await declare(status, orders, windows);
    const { up, down } = await migrationSql(await declare(status, orders), schema);
    await runScript(db, up);
    expect(describeChanges(await remainingChanges(db, schema))).toEqual([]);
    // Without it, each differing constant and its stored form are printed by the server as the
    // stored constant's type ('3 hours' and '03:00:00' as interval).
    expect(describeChanges(await remainingChanges(db, schema, { devDatabase: false }))).toEqual([]);
    const changed = table('windows', { ...windows, checks: [check(sql`span < '4 hours'`, { name: 'windows_span_short' }), check(sql`doc IS NULL OR doc <> '{"a": 2}'`, { name: 'windows_doc' })] });
    const expected = [
      'constraint.add constraint:public.windows.windows_doc', 'constraint.add constraint:public.windows.windows_span_short',
      'constraint.drop constraint:public.windows.windows_doc', 'constraint.drop constraint:public.windows.windows_span_short',
    ];
    expect(describeChanges(await remainingChanges(db, await declare(status, orders, changed), { devDatabase: false })).sort(), 'a constant really changed is still drift').toEqual(expected);
    await runScript(db, down);
  });

  it('still sees a real change of a default and of a check', async () => {
    const changed = table('orders', {
      ...orders,
      columns: { ...orders.columns, label: text({ default: 'b' }) },
      checks: [...(orders.checks ?? []).filter((c) => c.name !== 'orders_price_positive'), check(sql`price > 1`, { name: 'orders_price_positive' })],
    });
    const schema = await declare(status, changed);
    const expected = [
      'column.default column:public.orders.label',
      'constraint.add constraint:public.orders.orders_price_positive',
      'constraint.drop constraint:public.orders.orders_price_positive',
    ];
    expect(describeChanges(await remainingChanges(db, schema)).sort()).toEqual(expected);
    expect(describeChanges(await remainingChanges(db, schema, { devDatabase: false })).sort()).toEqual(expected);
  });
});
