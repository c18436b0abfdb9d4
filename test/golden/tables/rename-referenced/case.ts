// Declared rename of a table that another table references; the referencing foreign key keeps working.
import { integer, table, uuid } from '../../../../compiler/index.js';

const invoices = (target: string) =>
  table('invoices', {
    columns: {
      id: uuid({ primaryKey: true }),
      customer_id: uuid({ notNull: true, references: { table: target, name: 'invoices_customer_fk' } }),
      amount_cents: integer({ notNull: true }),
    },
  });

export const before = [
  table('clients', { columns: { id: uuid({ primaryKey: true }) } }),
  invoices('clients'),
];

export const after = [
  table('customers', { renamedFrom: 'clients', columns: { id: uuid({ primaryKey: true }) } }),
  invoices('customers'),
];
