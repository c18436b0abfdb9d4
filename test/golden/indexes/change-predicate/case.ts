// A partial index whose predicate changes, and an expression index whose expression changes.
import { index, sql, table, text, uuid } from '../../../../compiler/index.js';

const columns = { id: uuid({ primaryKey: true }), email: text({ notNull: true }), status: text({ notNull: true }) };

export const before = [table('users', {
  columns,
  indexes: [index(['email'], { name: 'users_active_idx', where: sql`status = 'active'` }), index([{ expression: sql`lower(email)` }], { name: 'users_email_ci_idx' })],
})];

export const after = [table('users', {
  columns,
  indexes: [index(['email'], { name: 'users_active_idx', where: sql`status IN ('active', 'trial')` }), index([{ expression: sql`upper(email)` }], { name: 'users_email_ci_idx' })],
})];
