/**
 * The platform as it was before the marketplace (migration 1, `core`): people, the startups they
 * invest in, direct investments, and deal leads that lead investors post for co-investors.
 */
import { check, citext, date, enumColumn, index, numeric, sql, table, text, timestamptz, uuid, varchar } from 'schemac';
import { confidential, investorFinancial, notPersonal, personReference } from './classify.ts';
import { companyStage, instrumentType, investmentStatus, leadStatus, userRole } from './enums.ts';

/** Everyone who signs in: investors, founders, syndicate leads, staff. */
export const users = table('users', {
  comment: 'Everyone who signs in: investors, founders, syndicate leads and staff',
  compliance: { activities: ['platform-accounts'], retention: 'account-data', subjectKey: 'id', holdable: true },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, ...notPersonal }),
    email: citext({
      notNull: true, unique: true, comment: 'Sign-in address, unique regardless of case', sensitivity: 'confidential',
      personal: { categories: ['contact.email'], subjects: ['investor', 'founder', 'syndicate_lead'], identifiability: 'direct', erasure: 'anonymise' },
    }),
    full_name: text({
      notNull: true, sensitivity: 'confidential',
      personal: { categories: ['identity.name'], subjects: ['investor', 'founder', 'syndicate_lead'], identifiability: 'direct', erasure: 'anonymise' },
    }),
    role: enumColumn(userRole, { notNull: true, default: 'investor', ...notPersonal }),
    country: varchar({
      length: 2, comment: 'ISO 3166-1 alpha-2 country of residence', check: sql`country ~ '^[A-Z]{2}$'`, sensitivity: 'internal',
      personal: { categories: ['location.country_of_residence'], subjects: ['investor', 'founder', 'syndicate_lead'], identifiability: 'quasi', erasure: 'anonymise' },
    }),
    last_login_at: timestamptz({
      sensitivity: 'internal',
      personal: { categories: ['online.activity'], subjects: ['investor', 'founder', 'syndicate_lead'], identifiability: 'quasi', erasure: 'delete' },
    }),
    closed_at: timestamptz({ comment: 'When the account was closed; retention periods start here', ...notPersonal }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, ...notPersonal }),
    updated_at: timestamptz({ notNull: true, default: sql`now()`, ...notPersonal }),
  },
  indexes: [index(['role', 'created_at'])],
});

/** Startups raising money on the platform. */
export const companies = table('companies', {
  comment: 'Startups raising money on the platform',
  compliance: { activities: ['investment-administration'], recordClass: 'securities-record' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, ...notPersonal }),
    name: text({ notNull: true, ...notPersonal }),
    legal_name: text({ notNull: true, comment: 'Name on the certificate of incorporation', ...notPersonal }),
    slug: varchar({ length: 63, notNull: true, unique: true, check: sql`slug ~ '^[a-z0-9-]+$'`, ...notPersonal }),
    stage: enumColumn(companyStage, { notNull: true, default: 'seed', ...notPersonal }),
    sector: text({ ...notPersonal }),
    incorporation_jurisdiction: varchar({ length: 6, comment: 'ISO 3166-2 code, e.g. US-DE', ...notPersonal }),
    incorporated_on: date({ ...notPersonal }),
    website: text({ ...notPersonal }),
    founder_id: uuid({ references: { table: users, onDelete: 'set null' }, comment: 'The founder who listed the company', ...personReference(['founder'], 'anonymise') }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, ...notPersonal }),
    updated_at: timestamptz({ notNull: true, default: sql`now()`, ...notPersonal }),
  },
  indexes: [index(['founder_id']), index(['stage', 'sector'])],
});

/** Direct investments of an investor in a company. */
export const investments = table('investments', {
  comment: 'Direct investments of an investor in a company',
  compliance: { activities: ['investment-administration'], recordClass: 'securities-record', subjectKey: 'investor_id', holdable: true },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, ...notPersonal }),
    investor_id: uuid({ notNull: true, references: { table: users, onDelete: 'restrict' }, ...personReference(['investor']) }),
    company_id: uuid({ notNull: true, references: { table: companies, onDelete: 'restrict' }, ...notPersonal }),
    amount: numeric({ precision: 18, scale: 2, notNull: true, comment: 'Amount invested, in currency', ...investorFinancial('investment_amount') }),
    currency: varchar({ length: 3, notNull: true, default: 'USD', ...notPersonal }),
    instrument: enumColumn(instrumentType, { notNull: true, ...notPersonal }),
    status: enumColumn(investmentStatus, { notNull: true, default: 'pending', ...notPersonal }),
    invested_at: timestamptz({ comment: 'When the funds were received', ...notPersonal }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, ...notPersonal }),
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
  compliance: { activities: ['investment-administration'], recordClass: 'securities-record' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, ...notPersonal }),
    company_id: uuid({ notNull: true, references: { table: companies, onDelete: 'restrict' }, ...notPersonal }),
    lead_investor_id: uuid({ notNull: true, references: { table: users, onDelete: 'restrict' }, ...personReference(['syndicate_lead']) }),
    title: text({ notNull: true, ...notPersonal }),
    summary: text({ ...confidential }),
    target_raise: numeric({ precision: 18, scale: 2, notNull: true, check: sql`target_raise > 0`, ...confidential }),
    minimum_check: numeric({ precision: 18, scale: 2, notNull: true, default: 1000, check: sql`minimum_check > 0`, ...notPersonal }),
    carry_percent: numeric({ precision: 5, scale: 2, notNull: true, default: 20, check: sql`carry_percent BETWEEN 0 AND 50`, ...notPersonal }),
    status: enumColumn(leadStatus, { notNull: true, default: 'open', ...notPersonal }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, ...notPersonal }),
    updated_at: timestamptz({ notNull: true, default: sql`now()`, ...notPersonal }),
  },
  indexes: [index(['lead_investor_id']), index(['company_id']), index(['status', 'created_at'])],
});
