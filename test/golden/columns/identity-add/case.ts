// Turn an existing NOT NULL integer column into an identity column (GENERATED ALWAYS).
import { bigint, table, text } from '../../../../compiler/index.js';

export const before = [
  table('tickets', { columns: { id: bigint({ primaryKey: true }), subject: text({ notNull: true }) } }),
];

export const after = [
  table('tickets', { columns: { id: bigint({ primaryKey: true, identity: 'always' }), subject: text({ notNull: true }) } }),
];
