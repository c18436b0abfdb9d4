// A view's query changes (dependants recreated too); another view only changes its comments.
import { integer, sql, table, text, view } from '../../../../compiler/index.js';

const people = table('people', { columns: { id: integer({ primaryKey: true }), name: text(), active: text() } });

export const before = [
  people,
  view('active_people', { query: sql`SELECT id, name FROM people WHERE active = 'yes'` }),
  view('active_names', { query: sql`SELECT name FROM active_people` }),
  view('all_people', { query: sql`SELECT * FROM people`, comment: 'everyone' }),
];

export const after = [
  people,
  view('active_people', { query: sql`SELECT id, name FROM people WHERE active IN ('yes', 'y')` }),
  view('active_names', { query: sql`SELECT name FROM active_people` }),
  view('all_people', { query: sql`SELECT * FROM people`, comment: 'every person', columnComments: { name: 'full name' } }),
];
