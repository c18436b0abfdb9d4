// Privileges for PUBLIC on a schema, a table, a view, a sequence and a function; then some are
// widened and some revoked.
import { fn, grant, integer, namespace, sequence, sql, table, text, view } from '../../../../compiler/index.js';

const app = namespace('app');
const items = table('items', { schema: 'app', columns: { id: integer({ primaryKey: true }), name: text() } });
const itemNames = view('item_names', { schema: 'app', query: sql`SELECT name FROM app.items` });
const ids = sequence('ids', { schema: 'app' });
const double = fn('double', { schema: 'app', args: [{ name: 'n', type: 'integer' }], returns: 'integer', language: 'sql', volatility: 'immutable', body: 'SELECT n * 2' });

const objects = [app, items, itemNames, ids, double];

export const before = [
  ...objects,
  grant(['USAGE'], app, 'public'),
  grant(['SELECT'], items, 'public'),
  grant(['SELECT'], itemNames, 'public'),
  grant(['USAGE'], ids, 'public'),
];

export const after = [
  ...objects,
  grant(['USAGE'], app, 'public'),
  grant(['SELECT', 'INSERT', 'UPDATE'], items, 'public'),
  grant(['USAGE', 'SELECT'], ids, 'public'),
  grant(['EXECUTE'], double, 'public'),
];
