// Constraints with the same definition under new explicit names: renames, not drop and add.
import { check, foreignKey, integer, sql, table, text, unique, uuid } from '../../../../compiler/index.js';

const accounts = table('accounts', { columns: { id: uuid({ primaryKey: true }) } });

const invoices = (suffix: string) =>
  table('invoices', {
    columns: { id: uuid({ primaryKey: true }), account_id: uuid({ notNull: true }), number: text({ notNull: true }), amount_cents: integer({ notNull: true }) },
    uniques: [unique(['number'], { name: `invoices_number_${suffix}` })],
    checks: [check(sql`amount_cents >= 0`, { name: `invoices_amount_${suffix}` })],
    foreignKeys: [foreignKey(['account_id'], { table: accounts }, { name: `invoices_account_${suffix}` })],
  });

export const before = [accounts, invoices('old')];
export const after = [accounts, invoices('new')];
