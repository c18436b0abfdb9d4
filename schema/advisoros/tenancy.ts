import { boolean, citext, enumColumn, index, jsonb, sql, table, text, timestamptz, uuid, varchar } from 'schemac';
import { membershipRole, membershipStatus } from './enums.ts';
import { userReference } from './personal.ts';

/** Tenants: the accounting and advisory firms using the platform. */
export const organizations = table('organizations', {
  comment: 'Tenants: the accounting and advisory firms using the platform',
  compliance: { tenant: { global: 'the tenants themselves: each row is one firm' } },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    name: text({ notNull: true, comment: 'Legal name of the firm', personal: false, sensitivity: 'internal' }),
    slug: citext({ notNull: true, unique: true, check: sql`slug ~ '^[a-z0-9-]+$'`, personal: false }),
    ein: varchar({ length: 10, comment: 'Employer identification number of the firm', personal: false, sensitivity: 'confidential' }),
    settings: jsonb({ notNull: true, default: {}, personal: false }),
    feature_flags: text({ array: true, notNull: true, default: [], personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
    deleted_at: timestamptz({ personal: false }),
  },
  indexes: [
    index(['created_at'], { where: sql`deleted_at IS NULL`, name: 'organizations_active_created_at_idx' }),
    index(['feature_flags'], { using: 'gin' }),
    index([{ column: 'settings', opclass: 'jsonb_path_ops' }], { using: 'gin' }),
  ],
});

/** People who sign in: the staff of a firm (one account per firm). */
export const users = table('users', {
  comment: 'Staff of a firm who sign in; one account per firm',
  compliance: { tenant: { column: 'organization_id' }, activities: ['platform-accounts'], retention: 'account-data', subjectKey: 'id' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    email: citext({
      notNull: true, comment: 'Sign-in address, unique per firm regardless of case', sensitivity: 'confidential',
      personal: { categories: ['contact.email'], subjects: ['user'], identifiability: 'direct', erasure: 'anonymise' },
    }),
    full_name: text({
      notNull: true, sensitivity: 'confidential',
      personal: { categories: ['identity.name'], subjects: ['user'], identifiability: 'direct', erasure: 'anonymise' },
    }),
    title: text({
      sensitivity: 'internal',
      personal: { categories: ['employment.job_title'], subjects: ['user'], identifiability: 'quasi', erasure: 'delete' },
    }),
    phone: text({
      sensitivity: 'confidential',
      personal: { categories: ['contact.phone'], subjects: ['user'], identifiability: 'direct', erasure: 'delete' },
    }),
    password_hash: text({ comment: 'Argon2id hash; NULL for single sign-on accounts', personal: false, sensitivity: 'restricted' }),
    mfa_enabled: boolean({ notNull: true, default: false, personal: false }),
    last_login_at: timestamptz({
      sensitivity: 'internal',
      personal: { categories: ['online.activity'], subjects: ['user'], identifiability: 'quasi', erasure: 'delete' },
    }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
    deactivated_at: timestamptz({ personal: false }),
  },
  uniques: [{ kind: 'unique', columns: ['organization_id', 'email'] }],
  indexes: [
    index(['organization_id', 'last_login_at'], { where: sql`deactivated_at IS NULL`, name: 'users_active_last_login_idx' }),
    index(['organization_id', { expression: sql`lower(full_name)` }], { name: 'users_organization_name_idx' }),
    index([{ expression: sql`to_tsvector('simple', coalesce(full_name, '') || ' ' || coalesce(email::text, ''))` }], { using: 'gin', name: 'users_search_idx' }),
  ],
});

/** A user's role, seat and invitation state in their firm. */
export const memberships = table('memberships', {
  comment: "A user's role, seat and invitation state in their firm",
  compliance: { tenant: { column: 'organization_id' }, activities: ['platform-accounts'], retention: 'account-data', subjectKey: 'user_id' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    user_id: uuid({ notNull: true, references: { table: users, onDelete: 'cascade' }, personal: { ...userReference, erasure: 'delete' } }),
    role: enumColumn(membershipRole, { notNull: true, default: 'staff', personal: false }),
    status: enumColumn(membershipStatus, { notNull: true, default: 'invited', personal: false }),
    permissions: text({ array: true, notNull: true, default: [], personal: false }),
    invited_by: uuid({ references: { table: users, onDelete: 'set null' }, personal: { ...userReference, erasure: 'anonymise' } }),
    invited_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
    accepted_at: timestamptz({ personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  uniques: [{ kind: 'unique', columns: ['organization_id', 'user_id'] }],
  indexes: [
    index(['organization_id', 'role'], { where: sql`status = 'active'`, name: 'memberships_active_role_idx' }),
    index(['user_id']),
    index(['invited_by'], { where: sql`invited_by IS NOT NULL` }),
    index(['permissions'], { using: 'gin' }),
    index(['organization_id'], { unique: true, where: sql`role = 'owner' AND status = 'active'`, name: 'memberships_one_owner_idx' }),
  ],
});

/** Teams of staff (a tax team, an audit team) that engagements are assigned to. */
export const teams = table('teams', {
  comment: 'Teams of staff that engagements are assigned to',
  compliance: { tenant: { column: 'organization_id' }, activities: ['platform-accounts'], retention: 'account-data' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    name: text({ notNull: true, personal: false }),
    lead_user_id: uuid({ references: { table: users, onDelete: 'set null' }, personal: { ...userReference, erasure: 'anonymise' } }),
    archived_at: timestamptz({ personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  indexes: [
    index(['organization_id', { expression: sql`lower(name)` }], { unique: true, where: sql`archived_at IS NULL`, name: 'teams_active_name_key' }),
    index(['lead_user_id']),
  ],
});

/** Which users are on which team. */
export const teamMembers = table('team_members', {
  comment: 'Which users are on which team',
  compliance: { tenant: { column: 'organization_id' }, activities: ['platform-accounts'], retention: 'account-data', subjectKey: 'user_id' },
  columns: {
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    team_id: uuid({ notNull: true, references: { table: teams, onDelete: 'cascade' }, personal: false }),
    user_id: uuid({ notNull: true, references: { table: users, onDelete: 'cascade' }, personal: { ...userReference, erasure: 'delete' } }),
    is_lead: boolean({ notNull: true, default: false, personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  primaryKey: ['team_id', 'user_id'],
  indexes: [
    index(['organization_id', 'user_id'], { include: ['team_id'] }),
    index(['team_id'], { unique: true, where: sql`is_lead`, name: 'team_members_one_lead_idx' }),
  ],
});

/** API keys for integrations and scripts; only a hash of the key is stored. */
export const apiKeys = table('api_keys', {
  comment: 'API keys for integrations and scripts; only a hash of the key is stored',
  compliance: { tenant: { column: 'organization_id' }, activities: ['platform-accounts'], retention: 'account-data' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    created_by: uuid({ references: { table: users, onDelete: 'set null' }, personal: { ...userReference, erasure: 'anonymise' } }),
    name: text({ notNull: true, personal: false }),
    prefix: varchar({ length: 12, notNull: true, comment: 'First characters of the key, shown to identify it', personal: false }),
    key_hash: text({ notNull: true, comment: 'SHA-256 of the key', personal: false, sensitivity: 'restricted' }),
    scopes: text({ array: true, notNull: true, default: [], personal: false }),
    expires_at: timestamptz({ personal: false }),
    last_used_at: timestamptz({ personal: false }),
    revoked_at: timestamptz({ personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  indexes: [
    index(['key_hash'], { using: 'hash' }),
    index(['prefix'], { unique: true, where: sql`revoked_at IS NULL`, name: 'api_keys_active_prefix_key' }),
    index(['organization_id', 'created_at'], { include: ['name', 'prefix'] }),
    index(['scopes'], { using: 'gin' }),
    index(['created_by']),
  ],
});
