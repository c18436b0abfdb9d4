import { citext, enumColumn, index, sql, table, text, timestamptz, uuid, varchar } from 'schemac';
import { organizationType, userRole } from './enums.ts';

/** Tenants: fund managers, administrators and investor entities. */
export const organizations = table('organizations', {
  comment: 'Tenants: fund managers, fund administrators and investor entities',
  compliance: { tenant: { global: 'the tenants themselves: each row is one client firm' } },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    name: text({ notNull: true, comment: 'Legal name', personal: false, sensitivity: 'internal' }),
    slug: varchar({ length: 63, notNull: true, unique: true, check: sql`slug ~ '^[a-z0-9-]+$'`, personal: false }),
    type: enumColumn(organizationType, { notNull: true, personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
    updated_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
});

/** People who sign in; each belongs to one organization. */
export const users = table('users', {
  comment: 'People who sign in; each belongs to one organization',
  compliance: { tenant: { column: 'organization_id' }, activities: ['platform-accounts'], retention: 'account-data', subjectKey: 'id' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    email: citext({
      notNull: true, unique: true, comment: 'Sign-in address, unique regardless of case', sensitivity: 'confidential',
      personal: { categories: ['contact.email'], subjects: ['user'], identifiability: 'direct', erasure: 'anonymise' },
    }),
    full_name: text({
      notNull: true, sensitivity: 'confidential',
      personal: { categories: ['identity.name'], subjects: ['user'], identifiability: 'direct', erasure: 'anonymise' },
    }),
    role: enumColumn(userRole, { notNull: true, default: 'member', personal: false }),
    last_login_at: timestamptz({
      sensitivity: 'internal',
      personal: { categories: ['online.activity'], subjects: ['user'], identifiability: 'quasi', erasure: 'delete' },
    }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  indexes: [index(['organization_id', 'role'])],
});
