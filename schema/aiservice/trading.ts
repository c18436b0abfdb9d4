import { check, enumColumn, index, interval, numeric, real, sql, table, text, timestamptz, uuid } from 'schemac';
import { orderSide, orderStatus } from './namespaces.ts';
import { byNewestFirst, newestFirst } from './pagination.ts';
import { documents, users } from './public.ts';
import { models } from './tagging.ts';

const userReference = { categories: ['identity.user_reference'], subjects: ['user'], identifiability: 'pseudonymous', erasure: 'retain-legal-obligation' } as const;
/** What a user holds or trades is their financial data. */
const holding = { categories: ['financial.investments'], subjects: ['user'], identifiability: 'quasi', erasure: 'retain-legal-obligation' } as const;
const quantity = (options: { notNull?: true; check?: ReturnType<typeof sql>; comment?: string } = {}) =>
  numeric({ precision: 20, scale: 8, sensitivity: 'confidential', personal: holding, ...options });

/** Signals a model derived (from a document or market data): buy or sell a symbol, with a confidence. */
export const signals = table('signals', {
  schema: 'trading',
  comment: 'Trading signals produced by models',
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    model_id: uuid({ notNull: true, references: { table: models }, personal: false }),
    document_id: uuid({ references: { table: documents, onDelete: 'set null' }, comment: 'The document the signal was read from, if any', personal: false }),
    symbol: text({ notNull: true, check: sql`symbol ~ '^[A-Z0-9.:-]{1,24}$'`, personal: false }),
    side: enumColumn(orderSide, { notNull: true, personal: false }),
    confidence: real({ notNull: true, check: sql`confidence BETWEEN 0 AND 1`, personal: false }),
    horizon: interval({ notNull: true, comment: 'How long the signal is meant to hold', personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  indexes: [newestFirst(), byNewestFirst('symbol'), index(['model_id']), index(['document_id'])],
});

/** Orders users place (usually from a signal), routed to the broker. */
export const orders = table('orders', {
  schema: 'trading',
  comment: 'Orders placed by users and routed to the broker',
  compliance: { activities: ['trading'], recordClass: 'trading-record' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    user_id: uuid({ notNull: true, references: { table: users }, personal: userReference }),
    signal_id: uuid({ references: { table: signals, onDelete: 'set null' }, personal: false }),
    symbol: text({ notNull: true, personal: false }),
    side: enumColumn(orderSide, { notNull: true, personal: false }),
    quantity: quantity({ notNull: true, check: sql`quantity > 0` }),
    limit_price: quantity({ check: sql`limit_price > 0`, comment: 'NULL: market order' }),
    filled_quantity: quantity({ notNull: true, check: sql`filled_quantity >= 0` }),
    status: enumColumn(orderStatus, { notNull: true, default: 'new', personal: false }),
    broker_order_id: text({ unique: true, personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
    submitted_at: timestamptz({ personal: false }),
    filled_at: timestamptz({ personal: false }),
  },
  checks: [
    check(sql`filled_quantity <= quantity`, { name: 'orders_not_overfilled' }),
    check(sql`status = 'new' OR submitted_at IS NOT NULL`, { name: 'orders_submitted_at_when_sent' }),
  ],
  indexes: [
    newestFirst(),
    index(['status', { column: 'created_at', order: 'desc' }]),
    byNewestFirst('user_id'),
    index(['signal_id']),
  ],
});

/** Open and closed positions of users, one open position per user and symbol. */
export const positions = table('positions', {
  schema: 'trading',
  comment: 'Positions of users; at most one open position per symbol',
  compliance: { activities: ['trading'], recordClass: 'trading-record' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    user_id: uuid({ notNull: true, references: { table: users }, personal: userReference }),
    symbol: text({ notNull: true, personal: false }),
    quantity: quantity({ notNull: true, comment: 'Signed: negative is short' }),
    average_price: quantity({ notNull: true, check: sql`average_price >= 0` }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, comment: 'When the position was opened', personal: false }),
    updated_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
    closed_at: timestamptz({ personal: false }),
  },
  checks: [check(sql`closed_at IS NULL OR closed_at >= created_at`, { name: 'positions_closed_after_opened' })],
  indexes: [
    newestFirst(),
    byNewestFirst('user_id'),
    index(['user_id', 'symbol'], { unique: true, name: 'positions_one_open_per_symbol', where: sql`closed_at IS NULL` }),
  ],
});
