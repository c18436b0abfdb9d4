// Remove identity from a column (DROP IDENTITY); the column stays NOT NULL.
import { bigint, table, text } from '../../../../compiler/index.js';

export const before = [
  table('tickets', { columns: { id: bigint({ primaryKey: true, identity: 'by default' }), subject: text({ notNull: true }) } }),
];

export const after = [
  table('tickets', { columns: { id: bigint({ primaryKey: true }), subject: text({ notNull: true }) } }),
];
