// A check keeps its name but changes its expression: drop and add.
import { check, integer, sql, table, uuid } from '../../../../compiler/index.js';

const invoices = (expression: ReturnType<typeof sql>) =>
  table('invoices', {
    columns: { id: uuid({ primaryKey: true }), amount_cents: integer({ notNull: true }) },
    checks: [check(expression, { name: 'invoices_amount_valid' })],
  });

export const before = [invoices(sql`amount_cents >= 0`)];
export const after = [invoices(sql`amount_cents > 0 AND amount_cents < 100000000`)];
