// Text defaults containing single quotes, double quotes, backslashes and $$; changed and added.
import { table, text, uuid } from '../../../../compiler/index.js';

export const before = [
  table('notes', { columns: { id: uuid({ primaryKey: true }), title: text({ default: "it's new" }) } }),
];

export const after = [
  table('notes', {
    columns: {
      id: uuid({ primaryKey: true }),
      title: text({ default: 'say "hi" to O\'Brien' }),
      path: text({ default: 'C:\\temp\\$$x$$' }),
    },
  }),
];
