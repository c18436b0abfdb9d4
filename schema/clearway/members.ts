import { boolean, check, citext, enumColumn, index, sql, table, text, timestamptz, uuid, varchar } from 'schemac';
import { integrationStatus, memberStatus, ssoProtocol } from './enums.ts';
import { organizations, users } from './organizations.ts';
import { settingsUserReference, userReference } from './personal.ts';

/** Roles an organization grants its members: the built-in ones and its own. */
export const organizationRoles = table('organization_roles', {
  comment: 'Roles of an organization and the permissions they grant',
  compliance: { tenant: { column: 'organization_id' } },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    key: varchar({ length: 63, notNull: true, check: sql`key ~ '^[a-z0-9_]+$'`, personal: false }),
    name: text({ notNull: true, personal: false }),
    description: text({ personal: false }),
    permissions: text({ array: true, notNull: true, default: [], comment: 'capital_calls.issue, payments.reconcile, …', personal: false }),
    built_in: boolean({ notNull: true, default: false, comment: 'Created by clearway; cannot be edited or deleted', personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
    updated_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  uniques: [{ kind: 'unique', columns: ['organization_id', 'key'] }],
  indexes: [index(['permissions'], { using: 'gin', name: 'organization_roles_permissions_gin_idx' })],
});

/** Which users belong to which organization, with which role (a user may work for several). */
export const organizationMembers = table('organization_members', {
  comment: 'Memberships of users in organizations, with their role',
  compliance: { tenant: { column: 'organization_id' }, activities: ['platform-accounts'], retention: 'account-data', subjectKey: 'user_id' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    user_id: uuid({ notNull: true, references: { table: users, onDelete: 'cascade' }, personal: { ...userReference, erasure: 'delete' } }),
    role_id: uuid({ notNull: true, references: { table: organizationRoles }, personal: false }),
    status: enumColumn(memberStatus, { notNull: true, default: 'active', personal: false }),
    invited_by: uuid({ references: { table: users, onDelete: 'set null' }, personal: settingsUserReference }),
    joined_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
    removed_at: timestamptz({ personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
    updated_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  uniques: [{ kind: 'unique', columns: ['organization_id', 'user_id'] }],
  checks: [check(sql`(status = 'removed') = (removed_at IS NOT NULL)`, { name: 'organization_members_removed_when_removed' })],
  indexes: [
    index(['user_id'], { name: 'organization_members_user_idx', include: ['organization_id', 'role_id'], where: sql`status = 'active'`, comment: 'The organizations a user can switch to' }),
    index(['organization_id', 'status']),
    index(['role_id']),
    index(['invited_by'], { where: sql`invited_by IS NOT NULL` }),
  ],
});

/** Invitations to join an organization, by e-mail, with a one-time token. */
export const organizationInvites = table('organization_invites', {
  comment: 'Invitations to join an organization',
  compliance: { tenant: { column: 'organization_id' }, activities: ['platform-accounts'], retention: 'invitation-data' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    email: citext({
      notNull: true,
      sensitivity: 'confidential',
      personal: { categories: ['contact.email'], subjects: ['user'], identifiability: 'direct', erasure: 'delete' },
    }),
    role_id: uuid({ notNull: true, references: { table: organizationRoles, onDelete: 'cascade' }, personal: false }),
    token_hash: text({ notNull: true, unique: true, comment: 'SHA-256 of the invitation token; the token itself is only in the e-mail', personal: false, sensitivity: 'restricted' }),
    invited_by: uuid({ references: { table: users, onDelete: 'set null' }, personal: { ...userReference, erasure: 'delete' } }),
    expires_at: timestamptz({ notNull: true, default: sql`now() + '14 days'::interval`, personal: false }),
    accepted_at: timestamptz({ personal: false }),
    accepted_user_id: uuid({ references: { table: users, onDelete: 'set null' }, personal: { ...userReference, erasure: 'delete' } }),
    revoked_at: timestamptz({ personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  checks: [
    check(sql`expires_at > created_at`, { name: 'organization_invites_expire_after_creation' }),
    check(sql`accepted_at IS NULL OR revoked_at IS NULL`, { name: 'organization_invites_accepted_or_revoked' }),
    check(sql`(accepted_at IS NULL) = (accepted_user_id IS NULL)`, { name: 'organization_invites_accepted_by_user' }),
  ],
  indexes: [
    index(['organization_id', 'email'], {
      unique: true,
      name: 'organization_invites_open_email_key',
      where: sql`accepted_at IS NULL AND revoked_at IS NULL`,
      comment: 'One open invitation per address and organization',
    }),
    index(['role_id']),
    index(['expires_at'], { name: 'organization_invites_open_expiry_idx', where: sql`accepted_at IS NULL AND revoked_at IS NULL` }),
    index(['invited_by'], { where: sql`invited_by IS NOT NULL` }),
    index(['accepted_user_id'], { where: sql`accepted_user_id IS NOT NULL` }),
  ],
});

/** SAML or OIDC identity providers an organization signs its users in with. */
export const ssoConnections = table('sso_connections', {
  comment: 'Single sign-on identity providers of an organization',
  compliance: { tenant: { column: 'organization_id' }, activities: ['platform-accounts'], retention: 'account-data' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    protocol: enumColumn(ssoProtocol, { notNull: true, personal: false }),
    status: enumColumn(integrationStatus, { notNull: true, default: 'pending', personal: false }),
    display_name: text({ notNull: true, personal: false }),
    idp_entity_id: text({ comment: 'SAML entity id or OIDC issuer', personal: false }),
    sso_url: text({ check: sql`sso_url ~ '^https://'`, personal: false }),
    metadata_url: text({ check: sql`metadata_url ~ '^https://'`, personal: false }),
    x509_certificate: text({ comment: 'IdP signing certificate (PEM); public', personal: false }),
    oidc_client_id: text({ personal: false }),
    oidc_client_secret_ciphertext: text({ personal: false, sensitivity: 'restricted', protection: { encryption: 'application' } }),
    email_domains: text({ array: true, notNull: true, default: [], comment: 'Sign-ins from these domains go to this provider', personal: false }),
    enforced: boolean({ notNull: true, default: false, comment: 'Password sign-in is refused for the domains', personal: false }),
    default_role_id: uuid({ references: { table: organizationRoles, onDelete: 'set null' }, comment: 'Role of users provisioned just in time', personal: false }),
    created_by: uuid({ references: { table: users, onDelete: 'set null' }, personal: settingsUserReference }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
    updated_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  uniques: [{ kind: 'unique', columns: ['organization_id', 'idp_entity_id'] }],
  checks: [
    check(sql`protocol <> 'saml' OR (idp_entity_id IS NOT NULL AND sso_url IS NOT NULL AND x509_certificate IS NOT NULL)`, { name: 'sso_connections_saml_complete' }),
    check(sql`protocol <> 'oidc' OR (idp_entity_id IS NOT NULL AND oidc_client_id IS NOT NULL AND oidc_client_secret_ciphertext IS NOT NULL)`, { name: 'sso_connections_oidc_complete' }),
  ],
  indexes: [
    index(['email_domains'], { using: 'gin', name: 'sso_connections_email_domains_gin_idx', where: sql`status = 'active'` }),
    index(['default_role_id'], { where: sql`default_role_id IS NOT NULL` }),
    index(['created_by'], { where: sql`created_by IS NOT NULL` }),
  ],
});
