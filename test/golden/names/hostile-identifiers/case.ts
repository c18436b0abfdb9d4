// Names with quotes, spaces, capitals, reserved words, unicode and backslashes; values with quotes.
import { check, enumColumn, enumType, index, namespace, sql, table, text, uuid } from '../../../../compiler/index.js';

const schemaName = 'Weird "Schema"';
const mood = enumType('Mood; DROP TABLE x', ["it's fine", 'back\\slash', 'ünïcödé'], { schema: schemaName });

export const before = [];

export const after = [
  namespace(schemaName, { comment: "owner's $$ schema" }),
  mood,
  table('select', {
    schema: schemaName,
    comment: 'a "table" named select; with \'quotes\' and $$dollars$$',
    columns: {
      'Primary Key': uuid({ primaryKey: true }),
      'order': text({ default: "O'Reilly \\ co", comment: 'reserved word' }),
      'ünïcödé colümn': text(),
      'a"b': enumColumn(mood, { default: "it's fine" }),
    },
    checks: [check(sql`"order" <> 'x'`, { name: 'check "order"' })],
    indexes: [index(['ünïcödé colümn', 'a"b'], { name: 'Index With Spaces' })],
  }),
];
