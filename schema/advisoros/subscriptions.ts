import { bigint, boolean, check, citext, date, enumColumn, index, integer, jsonb, numeric, sql, table, text, timestamptz, uuid, varchar } from 'schemac';
import { subscriptionStatus } from './enums.ts';
import { organizations, users } from './tenancy.ts';
import { userReference } from './personal.ts';

/** The plans the platform sells; the same catalogue for every firm. */
export const subscriptionPlans = table('subscription_plans', {
  comment: 'The plans the platform sells',
  compliance: { tenant: { global: 'the product catalogue: every firm is offered the same plans' } },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    code: citext({ notNull: true, unique: true, personal: false }),
    name: text({ notNull: true, personal: false }),
    monthly_price: numeric({ precision: 10, scale: 2, notNull: true, check: sql`monthly_price >= 0`, personal: false }),
    included_seats: integer({ notNull: true, default: 1, check: sql`included_seats > 0`, personal: false }),
    features: jsonb({ notNull: true, default: {}, personal: false }),
    is_public: boolean({ notNull: true, default: true, personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  indexes: [
    index(['monthly_price'], { where: sql`is_public`, include: ['code', 'name'], name: 'subscription_plans_public_price_idx' }),
    index(['features'], { using: 'gin' }),
  ],
});

/** A firm's subscription to a plan. */
export const subscriptions = table('subscriptions', {
  comment: "A firm's subscription to a plan",
  compliance: { tenant: { column: 'organization_id' }, activities: ['platform-accounts'], recordClass: 'accounting-record' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    plan_id: uuid({ notNull: true, references: { table: subscriptionPlans }, personal: false }),
    status: enumColumn(subscriptionStatus, { notNull: true, default: 'trialing', personal: false }),
    seats: integer({ notNull: true, default: 1, check: sql`seats > 0`, personal: false }),
    billing_email: citext({
      sensitivity: 'confidential',
      personal: { categories: ['contact.email'], subjects: ['user'], identifiability: 'direct', erasure: 'anonymise' },
    }),
    processor_customer_id: text({ comment: "The payment processor's customer id", personal: false, sensitivity: 'confidential' }),
    current_period_start: date({ notNull: true, personal: false }),
    current_period_end: date({ notNull: true, personal: false }),
    cancel_at: timestamptz({ personal: false }),
    created_by: uuid({ references: { table: users, onDelete: 'set null' }, personal: userReference }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  checks: [check(sql`current_period_end > current_period_start`, { name: 'subscriptions_period_order' })],
  indexes: [
    index(['organization_id'], { unique: true, where: sql`status <> 'cancelled'`, name: 'subscriptions_one_live_per_organization_idx' }),
    index(['organization_id', 'created_at']),
    index(['plan_id', 'status']),
    index(['current_period_end'], { where: sql`status IN ('active', 'past_due')`, name: 'subscriptions_renewal_idx' }),
    index(['processor_customer_id'], { unique: true, where: sql`processor_customer_id IS NOT NULL`, name: 'subscriptions_processor_customer_key' }),
    index(['created_by']),
  ],
});

/** Metered usage (e-filings, bank feeds, storage) billed on top of a plan. */
export const usageRecords = table('usage_records', {
  comment: 'Metered usage billed on top of a plan',
  compliance: { tenant: { column: 'organization_id' }, activities: ['platform-accounts'], recordClass: 'accounting-record' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    subscription_id: uuid({ notNull: true, references: { table: subscriptions, onDelete: 'cascade' }, personal: false }),
    metric: varchar({ length: 64, notNull: true, personal: false }),
    quantity: bigint({ notNull: true, check: sql`quantity >= 0`, personal: false }),
    period: date({ notNull: true, comment: 'First day of the billed month', personal: false }),
    recorded_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  uniques: [{ kind: 'unique', columns: ['subscription_id', 'metric', 'period'] }],
  indexes: [
    index(['organization_id', 'period', 'metric'], { include: ['quantity'] }),
    index(['recorded_at'], { using: 'brin' }),
  ],
});
