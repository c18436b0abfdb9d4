// Domains (NOT NULL, default, CHECK on VALUE), a composite type, standalone sequences, and columns
// of those types, including a default from a standalone sequence.
import { check, compositeType, domain, integer, numeric, ofType, sequence, sql, table, text, uuid } from '../../../../compiler/index.js';

const money = domain('money_amount', numeric({ precision: 12, scale: 2 }), { notNull: true, default: 0, checks: [check(sql`VALUE >= 0`, { name: 'money_amount_nonnegative' })], comment: 'Non-negative amount' });
const email = domain('email_address', text(), { checks: [check(sql`VALUE ~ '^[^@]+@[^@]+$'`)] });
const address = compositeType('postal_address', { attributes: { street: text(), city: text(), postcode: text() }, comment: 'A postal address' });
const numbers = sequence('invoice_numbers', { start: 1000, cache: 10 });
const countdown = sequence('countdown', { type: 'integer', increment: -1 });

export const before = [];
export const after = [
  money, email, address, numbers, countdown,
  table('invoices', {
    columns: {
      id: uuid({ primaryKey: true }),
      number: integer({ notNull: true, default: sql`nextval('invoice_numbers')` }),
      total: ofType(money),
      contact: ofType(email),
      ship_to: ofType(address),
      lines: ofType(address, { array: true }),
    },
  }),
];
