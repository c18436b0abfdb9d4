// A materialized view created with a commented index: the COMMENT ON INDEX is written with it.
import { index, integer, materializedView, sql, table, uuid } from '../../../../compiler/index.js';

const entries = table('entries', { columns: { id: uuid({ primaryKey: true }), account_id: uuid({ notNull: true }), amount: integer({ notNull: true }) } });

export const before = [entries];
export const after = [
  entries,
  materializedView('account_totals', {
    query: sql`SELECT account_id, sum(amount) AS total FROM public.entries GROUP BY account_id`,
    indexes: [index(['account_id'], { unique: true, name: 'account_totals_account_id_key', comment: 'Lets REFRESH … CONCURRENTLY run' })],
  }),
];
