// A domain's check, default and NOT NULL change; a composite type gains, loses and retypes
// attributes; a sequence's options change.
import { check, compositeType, domain, integer, numeric, sequence, sql, text, varchar } from '../../../../compiler/index.js';

export const before = [
  domain('score', integer(), { default: 0, checks: [check(sql`VALUE BETWEEN 0 AND 10`, { name: 'score_range' })] }),
  compositeType('money_pair', { attributes: { amount: numeric(), currency: varchar({ length: 3 }), note: text() } }),
  sequence('tickets', { start: 1 }),
];
export const after = [
  domain('score', integer(), { notNull: true, checks: [check(sql`VALUE BETWEEN 0 AND 100`, { name: 'score_range' })] }),
  compositeType('money_pair', { attributes: { amount: numeric({ precision: 14, scale: 2 }), currency: varchar({ length: 3 }), rate: numeric() } }),
  sequence('tickets', { start: 1, increment: 5, cache: 20, cycle: true, max: 1000000 }),
];
