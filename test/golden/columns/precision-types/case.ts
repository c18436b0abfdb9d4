// Type changes between sized types: varchar, char(n), numeric(p,s), timestamp(p), time(p).
import { char, numeric, table, time, timestamp, uuid, varchar } from '../../../../compiler/index.js';

export const before = [
  table('products', {
    columns: {
      id: uuid({ primaryKey: true }),
      sku: varchar(),
      country: char({ length: 2 }),
      price: numeric({ precision: 10, scale: 2 }),
      listed_at: timestamp(),
      opens_at: time({ precision: 0 }),
    },
  }),
];

export const after = [
  table('products', {
    columns: {
      id: uuid({ primaryKey: true }),
      sku: varchar({ length: 64 }),
      country: char({ length: 3 }),
      price: numeric({ precision: 12, scale: 4 }),
      listed_at: timestamp({ precision: 3 }),
      opens_at: time(),
    },
  }),
];
