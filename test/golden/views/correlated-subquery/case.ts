// A view whose outer level reads one table and whose NOT EXISTS subquery reads another: PostgreSQL
// 15 stores the outer columns qualified (t.account_id), 16+ unqualified; neither is drift. The
// correlated reference (t.id inside the subquery) keeps its qualifier.
import { integer, materializedView, sql, table, text, uuid, view } from '../../../../compiler/index.js';

const entries = table('entries', { columns: { id: uuid({ primaryKey: true }), account_id: uuid({ notNull: true }), amount: integer({ notNull: true }) } });
const voids = table('voids', { columns: { id: uuid({ primaryKey: true }), entry_id: uuid({ notNull: true }), reason: text() } });

export const before = [entries, voids];
export const after = [
  entries,
  voids,
  view('live_entries', {
    query: sql`SELECT t.id, t.account_id, t.amount FROM public.entries t WHERE NOT EXISTS (SELECT 1 FROM public.voids v WHERE v.entry_id = t.id)`,
  }),
  materializedView('account_totals', {
    query: sql`SELECT t.account_id, sum(t.amount) AS total FROM public.entries t WHERE NOT EXISTS (SELECT 1 FROM public.voids v WHERE v.entry_id = t.id) GROUP BY t.account_id`,
  }),
];
