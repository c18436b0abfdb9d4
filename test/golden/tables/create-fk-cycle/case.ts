// Create two tables that reference each other (a foreign key cycle): tables first, then both keys.
import { table, text, uuid } from '../../../../compiler/index.js';

export const before = [];

export const after = [
  table('customers', {
    columns: {
      id: uuid({ primaryKey: true }),
      name: text({ notNull: true }),
      primary_contact_id: uuid({ references: { table: 'contacts', onDelete: 'set null' } }),
    },
  }),
  table('contacts', {
    columns: {
      id: uuid({ primaryKey: true }),
      customer_id: uuid({ notNull: true, references: { table: 'customers', onDelete: 'cascade' } }),
      email: text({ notNull: true }),
    },
  }),
];
