// Column collations: set on a new column, changed on an existing one.
import { integer, table, text, varchar } from '../../../../compiler/index.js';

export const before = [table('words', { columns: { id: integer({ primaryKey: true }), word: text({ collation: 'C' }) } })];
export const after = [table('words', { columns: { id: integer({ primaryKey: true }), word: text({ collation: 'POSIX' }), code: varchar({ length: 10, collation: 'C' }) } })];
