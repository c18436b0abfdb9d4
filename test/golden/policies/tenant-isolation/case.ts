// Row-level security enabled and forced, a restrictive tenant policy keyed on a session setting
// (USING and WITH CHECK), a permissive read policy and an insert-only policy.
import { policy, sql, table, text, uuid } from '../../../../compiler/index.js';

const columns = { id: uuid({ primaryKey: true }), org_id: uuid({ notNull: true }), body: text() };

export const before = [table('notes', { columns })];

export const after = [table('notes', {
  columns,
  rowLevelSecurity: 'forced',
  policies: [
    policy('notes_tenant', {
      restrictive: true,
      using: sql`org_id = current_setting('app.org_id')::uuid`,
      withCheck: sql`org_id = current_setting('app.org_id')::uuid`,
    }),
    policy('notes_read', { command: 'select', using: sql`true`, comment: 'everyone may read' }),
    policy('notes_write', { command: 'insert', withCheck: sql`body IS NOT NULL` }),
  ],
})];
