// A deferrable UNIQUE with INCLUDE, a NULLS NOT DISTINCT unique, and SET NOT NULL on a table that
// has rows: unique indexes built concurrently, then ADD CONSTRAINT … USING INDEX; NOT NULL proved
// by a validated CHECK (col IS NOT NULL) first, so SET NOT NULL does not scan.
import { table, text, unique, uuid } from '../../../../compiler/index.js';

export const before = [table('users', { columns: { id: uuid({ primaryKey: true }), email: text(), handle: text(), team: text() } })];
export const after = [
  table('users', {
    columns: { id: uuid({ primaryKey: true }), email: text({ notNull: true }), handle: text(), team: text() },
    uniques: [
      unique(['email'], { name: 'users_email_key', include: ['handle'], deferrable: 'deferred' }),
      unique(['team', 'handle'], { name: 'users_team_handle_key', nullsNotDistinct: true }),
    ],
  }),
];
