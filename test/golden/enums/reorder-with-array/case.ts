// Reorder enum values (recreate) with a plain column and an array column using the type.
import { enumColumn, enumType, table, uuid } from '../../../../compiler/index.js';

const sizeBefore = enumType('shirt_size', ['small', 'large', 'medium']);
const sizeAfter = enumType('shirt_size', ['small', 'medium', 'large']);

const orders = (size: typeof sizeBefore) =>
  table('orders', {
    columns: {
      id: uuid({ primaryKey: true }),
      size: enumColumn(size, { default: 'medium' }),
      alternatives: enumColumn(size, { array: true, notNull: true, default: [] }),
    },
  });

export const before = [sizeBefore, orders(sizeBefore)];
export const after = [sizeAfter, orders(sizeAfter)];
