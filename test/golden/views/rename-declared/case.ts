// A view and a materialized view renamed with renamedFrom: ALTER VIEW / ALTER MATERIALIZED VIEW …
// RENAME TO, never drop and create (a materialized view keeps its rows and indexes).
import { index, materializedView, sql, table, text, uuid, view } from '../../../../compiler/index.js';

const users = table('users', { columns: { id: uuid({ primaryKey: true }), email: text(), status: text() } });
const query = sql`SELECT id, email FROM public.users WHERE status = 'active'`;
const totals = sql`SELECT status, count(*) AS n FROM public.users GROUP BY status`;

export const before = [
  users,
  view('active_users', { query }),
  materializedView('user_totals', { query: totals, indexes: [index(['status'], { unique: true, name: 'user_totals_status_key' })] }),
];
export const after = [
  users,
  view('current_users', { query, renamedFrom: 'active_users' }),
  materializedView('user_counts', { query: totals, renamedFrom: 'user_totals', indexes: [index(['status'], { unique: true, name: 'user_totals_status_key' })] }),
];
