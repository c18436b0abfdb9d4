// Views on views, a security_invoker view, a materialized view with indexes, comments.
import { index, integer, materializedView, numeric, sql, table, text, timestamptz, uuid, view } from '../../../../compiler/index.js';

const orders = table('orders', {
  columns: { id: uuid({ primaryKey: true }), customer: text({ notNull: true }), total: numeric({ precision: 12, scale: 2, notNull: true }), status: text({ notNull: true }), placed_at: timestamptz({ notNull: true }) },
});

export const before = [orders];

export const after = [
  orders,
  view('open_orders', { query: sql`SELECT id, customer, total FROM orders WHERE status = 'open'`, securityInvoker: true, comment: 'Orders not yet shipped', columnComments: { total: 'In the order currency' } }),
  view('big_open_orders', { query: sql`SELECT id, customer FROM open_orders WHERE total > 1000` }),
  materializedView('monthly_totals', {
    query: sql`SELECT date_trunc('month', placed_at) AS month, count(*) AS orders, sum(total) AS total FROM orders GROUP BY 1`,
    comment: 'Refreshed nightly',
    indexes: [index(['month'], { unique: true, name: 'monthly_totals_month_key' })],
  }),
  table('order_notes', { columns: { id: integer({ primaryKey: true }), body: text() } }),
];
