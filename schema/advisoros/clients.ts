import { boolean, check, citext, date, enumColumn, index, jsonb, smallint, sql, table, text, timestamptz, uuid, varchar } from 'schemac';
import { clientKind, clientStatus } from './enums.ts';
import { organizations, users } from './tenancy.ts';
import { clientReference, userReference } from './personal.ts';

/** The clients of a firm: people, businesses, trusts and nonprofits. */
export const clients = table('clients', {
  comment: 'The clients of a firm: people, businesses, trusts and nonprofits',
  compliance: {
    tenant: { column: 'organization_id' }, activities: ['client-services'], recordClass: 'client-file', retention: 'client-relationship',
    subjectKey: 'id', holdable: true,
  },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    kind: enumColumn(clientKind, { notNull: true, personal: false }),
    status: enumColumn(clientStatus, { notNull: true, default: 'prospect', personal: false }),
    client_number: varchar({ length: 32, notNull: true, comment: "The firm's own reference for the client", personal: false }),
    display_name: text({
      notNull: true, sensitivity: 'confidential', comment: "A person's name, or a business's trading name",
      personal: { categories: ['identity.name'], subjects: ['client'], identifiability: 'direct', erasure: 'anonymise' },
    }),
    legal_name: text({
      sensitivity: 'confidential',
      personal: { categories: ['identity.name'], subjects: ['client'], identifiability: 'direct', erasure: 'anonymise' },
    }),
    email: citext({
      sensitivity: 'confidential',
      personal: { categories: ['contact.email'], subjects: ['client'], identifiability: 'direct', erasure: 'anonymise' },
    }),
    phone: text({
      sensitivity: 'confidential',
      personal: { categories: ['contact.phone'], subjects: ['client'], identifiability: 'direct', erasure: 'anonymise' },
    }),
    date_of_birth: date({
      sensitivity: 'restricted', comment: 'Individuals only',
      personal: { categories: ['identity.date_of_birth'], subjects: ['client'], identifiability: 'quasi', erasure: 'retain-legal-obligation', activities: ['tax-compliance'] },
    }),
    fiscal_year_end_month: smallint({ notNull: true, default: 12, check: sql`fiscal_year_end_month BETWEEN 1 AND 12`, personal: false }),
    industry_code: varchar({ length: 6, comment: 'NAICS code', personal: false }),
    tags: text({ array: true, notNull: true, default: [], personal: false }),
    custom_fields: jsonb({
      notNull: true, default: {}, sensitivity: 'confidential', comment: 'Firm-defined fields',
      personal: { categories: ['other.free_form'], subjects: ['client'], identifiability: 'quasi', erasure: 'anonymise' },
    }),
    primary_partner_id: uuid({ references: { table: users, onDelete: 'set null' }, personal: userReference }),
    onboarded_at: timestamptz({ personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
    archived_at: timestamptz({ personal: false }),
  },
  uniques: [{ kind: 'unique', columns: ['organization_id', 'client_number'] }],
  checks: [check(sql`date_of_birth IS NULL OR kind IN ('individual', 'sole_proprietor')`, { name: 'clients_birth_date_of_people_only' })],
  indexes: [
    index(['organization_id', 'status', { expression: sql`lower(display_name)` }], { name: 'clients_organization_status_name_idx' }),
    index(['organization_id', 'kind'], { where: sql`archived_at IS NULL`, name: 'clients_active_kind_idx' }),
    index(['organization_id', 'email'], { unique: true, where: sql`email IS NOT NULL AND archived_at IS NULL`, name: 'clients_active_email_key' }),
    index(['tags'], { using: 'gin' }),
    index([{ column: 'custom_fields', opclass: 'jsonb_path_ops' }], { using: 'gin' }),
    index([{ expression: sql`to_tsvector('simple', coalesce(display_name, '') || ' ' || coalesce(legal_name, '') || ' ' || client_number)` }], { using: 'gin', name: 'clients_search_idx' }),
    index(['primary_partner_id'], { include: ['status'] }),
  ],
});

/** People at a client the firm deals with (the client themselves, a CFO, a spouse). */
export const clientContacts = table('client_contacts', {
  comment: 'People at a client the firm deals with',
  compliance: {
    tenant: { column: 'organization_id' }, activities: ['client-services'], recordClass: 'client-file', retention: 'client-relationship',
    subjectKey: 'client_id', holdable: true,
  },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    client_id: uuid({ notNull: true, references: { table: clients, onDelete: 'cascade' }, personal: clientReference }),
    full_name: text({
      notNull: true, sensitivity: 'confidential',
      personal: { categories: ['identity.name'], subjects: ['client-contact'], identifiability: 'direct', erasure: 'anonymise' },
    }),
    email: citext({
      sensitivity: 'confidential',
      personal: { categories: ['contact.email'], subjects: ['client-contact'], identifiability: 'direct', erasure: 'anonymise' },
    }),
    phone: text({
      sensitivity: 'confidential',
      personal: { categories: ['contact.phone'], subjects: ['client-contact'], identifiability: 'direct', erasure: 'anonymise' },
    }),
    role: text({
      sensitivity: 'internal', comment: 'CFO, spouse, trustee, …',
      personal: { categories: ['employment.job_title'], subjects: ['client-contact'], identifiability: 'quasi', erasure: 'anonymise' },
    }),
    is_primary: boolean({ notNull: true, default: false, personal: false }),
    portal_access: boolean({ notNull: true, default: false, personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  indexes: [
    index(['organization_id', 'client_id']),
    index(['client_id'], { unique: true, where: sql`is_primary`, name: 'client_contacts_one_primary_idx' }),
    index(['organization_id', 'email'], { where: sql`email IS NOT NULL`, name: 'client_contacts_email_idx' }),
    index([{ expression: sql`to_tsvector('simple', coalesce(full_name, '') || ' ' || coalesce(email::text, ''))` }], { using: 'gin', name: 'client_contacts_search_idx' }),
  ],
});

/** Postal addresses of a client (mailing, business, prior addresses for tax purposes). */
export const clientAddresses = table('client_addresses', {
  comment: 'Postal addresses of a client',
  compliance: { tenant: { column: 'organization_id' }, activities: ['client-services'], recordClass: 'client-file', retention: 'client-relationship', subjectKey: 'client_id' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    client_id: uuid({ notNull: true, references: { table: clients, onDelete: 'cascade' }, personal: clientReference }),
    purpose: varchar({ length: 16, notNull: true, default: 'mailing', check: sql`purpose IN ('mailing', 'business', 'prior')`, personal: false }),
    line1: text({
      notNull: true, sensitivity: 'confidential',
      personal: { categories: ['contact.postal_address'], subjects: ['client'], identifiability: 'direct', erasure: 'anonymise' },
    }),
    line2: text({
      sensitivity: 'confidential',
      personal: { categories: ['contact.postal_address'], subjects: ['client'], identifiability: 'direct', erasure: 'anonymise' },
    }),
    city: text({ notNull: true, personal: { categories: ['contact.postal_address'], subjects: ['client'], identifiability: 'quasi', erasure: 'anonymise' } }),
    region: varchar({ length: 3, comment: 'State or province code', personal: { categories: ['contact.postal_address'], subjects: ['client'], identifiability: 'quasi', erasure: 'anonymise' } }),
    postal_code: varchar({ length: 10, personal: { categories: ['contact.postal_address'], subjects: ['client'], identifiability: 'quasi', erasure: 'anonymise' } }),
    country: varchar({ length: 2, notNull: true, default: 'US', personal: false }),
    valid_from: date({ personal: false }),
    valid_to: date({ personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  checks: [check(sql`valid_to IS NULL OR valid_from IS NULL OR valid_to > valid_from`, { name: 'client_addresses_validity_order' })],
  indexes: [
    index(['organization_id', 'client_id', 'purpose']),
    index(['client_id', 'purpose'], { unique: true, where: sql`valid_to IS NULL`, name: 'client_addresses_current_key' }),
    index(['organization_id', 'region', 'postal_code']),
  ],
});

/** Tax identity of a client: identifiers (tokenised), filing status and jurisdictions. */
export const clientTaxProfiles = table('client_tax_profiles', {
  comment: 'Tax identity of a client: identifiers (tokenised), filing status, jurisdictions',
  compliance: { tenant: { column: 'organization_id' }, activities: ['tax-compliance'], recordClass: 'tax-record', retention: 'client-relationship', subjectKey: 'client_id' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    client_id: uuid({ notNull: true, unique: true, references: { table: clients, onDelete: 'cascade' }, personal: clientReference }),
    tax_id_token: text({
      notNull: true, sensitivity: 'restricted', comment: 'Vault token of the SSN, ITIN or EIN; the number itself is never stored here',
      personal: { categories: ['identity.government_id'], subjects: ['client'], identifiability: 'direct', erasure: 'retain-legal-obligation' },
      protection: { encryption: 'application' },
    }),
    tax_id_last4: varchar({
      length: 4, notNull: true, sensitivity: 'confidential',
      personal: { categories: ['identity.government_id'], subjects: ['client'], identifiability: 'quasi', erasure: 'retain-legal-obligation' },
    }),
    tax_id_kind: varchar({ length: 4, notNull: true, check: sql`tax_id_kind IN ('ssn', 'itin', 'ein')`, personal: false }),
    filing_status: varchar({
      length: 32, sensitivity: 'confidential', comment: 'single, married_joint, … (individuals)',
      personal: { categories: ['family.marital_status'], subjects: ['client'], identifiability: 'quasi', erasure: 'retain-legal-obligation' },
    }),
    dependents_count: smallint({
      check: sql`dependents_count >= 0`, sensitivity: 'confidential',
      personal: { categories: ['family.dependents'], subjects: ['client'], identifiability: 'quasi', erasure: 'retain-legal-obligation' },
    }),
    jurisdictions: text({ array: true, notNull: true, default: [], comment: 'State and local jurisdictions the client files in', personal: false }),
    ip_pin_on_file: boolean({ notNull: true, default: false, comment: 'Whether the IRS issued an identity protection PIN (kept in the vault)', personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
    updated_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  indexes: [
    index(['organization_id', 'tax_id_last4'], { include: ['client_id'] }),
    index(['jurisdictions'], { using: 'gin' }),
    index(['tax_id_token'], { unique: true }),
  ],
});
