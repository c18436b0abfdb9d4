// Policy expressions change (ALTER POLICY), a policy changes command (drop + create), FORCE is lifted.
import { policy, sql, table, text, integer } from '../../../../compiler/index.js';

const columns = { id: integer({ primaryKey: true }), owner: text({ notNull: true }), shared: text() };

export const before = [table('docs', {
  columns,
  rowLevelSecurity: 'forced',
  policies: [
    policy('docs_owner', { using: sql`owner = current_user` }),
    policy('docs_shared', { command: 'select', using: sql`shared = 'yes'` }),
  ],
})];

export const after = [table('docs', {
  columns,
  rowLevelSecurity: 'enabled',
  policies: [
    policy('docs_owner', { using: sql`owner = current_user OR owner = session_user`, withCheck: sql`owner = current_user` }),
    policy('docs_shared', { command: 'all', using: sql`shared IN ('yes', 'public')` }),
  ],
})];
