/**
 * The platform as it was before the marketplace (migration 1, `core`): people, the startups they
 * invest in, direct investments, and deal leads that lead investors post for co-investors.
 */
import { check, citext, date, enumColumn, index, numeric, sql, table, text, timestamptz, uuid, varchar } from 'schemac';
import { companyStage, instrumentType, investmentStatus, leadStatus, userRole } from './enums.ts';

/** Everyone who signs in: investors, founders, syndicate leads, staff. */
export const users = table('users', {
  comment: 'Everyone who signs in: investors, founders, syndicate leads and staff',
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()` }),
    email: citext({ notNull: true, unique: true, comment: 'Sign-in address, unique regardless of case' }),
    full_name: text({ notNull: true }),
    role: enumColumn(userRole, { notNull: true, default: 'investor' }),
    country: varchar({ length: 2, comment: 'ISO 3166-1 alpha-2 country of residence', check: sql`country ~ '^[A-Z]{2}$'` }),
    last_login_at: timestamptz(),
    closed_at: timestamptz({ comment: 'When the account was closed; retention periods start here' }),
    created_at: timestamptz({ notNull: true, default: sql`now()` }),
    updated_at: timestamptz({ notNull: true, default: sql`now()` }),
  },
  indexes: [index(['role', 'created_at'])],
});

/** Startups raising money on the platform. */
export const companies = table('companies', {
  comment: 'Startups raising money on the platform',
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()` }),
    name: text({ notNull: true }),
    legal_name: text({ notNull: true, comment: 'Name on the certificate of incorporation' }),
    slug: varchar({ length: 63, notNull: true, unique: true, check: sql`slug ~ '^[a-z0-9-]+$'` }),
    stage: enumColumn(companyStage, { notNull: true, default: 'seed' }),
    sector: text(),
    incorporation_jurisdiction: varchar({ length: 6, comment: 'ISO 3166-2 code, e.g. US-DE' }),
    incorporated_on: date(),
    website: text(),
    founder_id: uuid({ references: { table: users, onDelete: 'set null' }, comment: 'The founder who listed the company' }),
    created_at: timestamptz({ notNull: true, default: sql`now()` }),
    updated_at: timestamptz({ notNull: true, default: sql`now()` }),
  },
  indexes: [index(['founder_id']), index(['stage', 'sector'])],
});

/** Direct investments of an investor in a company. */
export const investments = table('investments', {
  comment: 'Direct investments of an investor in a company',
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()` }),
    investor_id: uuid({ notNull: true, references: { table: users, onDelete: 'restrict' } }),
    company_id: uuid({ notNull: true, references: { table: companies, onDelete: 'restrict' } }),
    amount: numeric({ precision: 18, scale: 2, notNull: true, comment: 'Amount invested, in currency' }),
    currency: varchar({ length: 3, notNull: true, default: 'USD' }),
    instrument: enumColumn(instrumentType, { notNull: true }),
    status: enumColumn(investmentStatus, { notNull: true, default: 'pending' }),
    invested_at: timestamptz({ comment: 'When the funds were received' }),
    created_at: timestamptz({ notNull: true, default: sql`now()` }),
  },
  checks: [
    check(sql`amount > 0`, { name: 'investments_amount_positive' }),
    check(sql`currency ~ '^[A-Z]{3}$'`, { name: 'investments_currency_iso' }),
    check(sql`status <> 'funded' OR invested_at IS NOT NULL`, { name: 'investments_funded_has_date' }),
  ],
  indexes: [index(['investor_id', 'created_at']), index(['company_id', 'status'])],
});

/** A round a lead investor proposes to co-investors; the marketplace turns them into syndicates. */
export const leads = table('leads', {
  comment: 'A round a lead investor proposes to co-investors',
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()` }),
    company_id: uuid({ notNull: true, references: { table: companies, onDelete: 'restrict' } }),
    lead_investor_id: uuid({ notNull: true, references: { table: users, onDelete: 'restrict' } }),
    title: text({ notNull: true }),
    summary: text(),
    target_raise: numeric({ precision: 18, scale: 2, notNull: true, check: sql`target_raise > 0` }),
    minimum_check: numeric({ precision: 18, scale: 2, notNull: true, default: 1000, check: sql`minimum_check > 0` }),
    carry_percent: numeric({ precision: 5, scale: 2, notNull: true, default: 20, check: sql`carry_percent BETWEEN 0 AND 50` }),
    status: enumColumn(leadStatus, { notNull: true, default: 'open' }),
    created_at: timestamptz({ notNull: true, default: sql`now()` }),
    updated_at: timestamptz({ notNull: true, default: sql`now()` }),
  },
  indexes: [index(['lead_investor_id']), index(['company_id']), index(['status', 'created_at'])],
});
