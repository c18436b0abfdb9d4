// A foreign key and a CHECK added to a table that has rows: ADD … NOT VALID (a brief lock), then
// VALIDATE CONSTRAINT in a transaction of its own (SHARE UPDATE EXCLUSIVE: writes go on).
import { check, foreignKey, integer, sql, table, uuid } from '../../../../compiler/index.js';

const accounts = table('accounts', { columns: { id: uuid({ primaryKey: true }) } });

export const before = [accounts, table('invoices', { columns: { id: uuid({ primaryKey: true }), account_id: uuid(), total: integer() } })];
export const after = [
  accounts,
  table('invoices', {
    columns: { id: uuid({ primaryKey: true }), account_id: uuid(), total: integer() },
    checks: [check(sql`total >= 0`, { name: 'invoices_total_check' })],
    foreignKeys: [foreignKey(['account_id'], { table: 'accounts' }, { onDelete: 'cascade' })],
  }),
];
