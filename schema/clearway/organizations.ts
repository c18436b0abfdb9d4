import { citext, enumColumn, index, sql, table, text, timestamptz, uuid, varchar } from 'schemac';
import { organizationType, userRole } from './enums.ts';

/** Tenants: fund managers, administrators and investor entities. */
export const organizations = table('organizations', {
  comment: 'Tenants: fund managers, fund administrators and investor entities',
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()` }),
    name: text({ notNull: true, comment: 'Legal name' }),
    slug: varchar({ length: 63, notNull: true, unique: true, check: sql`slug ~ '^[a-z0-9-]+$'` }),
    type: enumColumn(organizationType, { notNull: true }),
    created_at: timestamptz({ notNull: true, default: sql`now()` }),
    updated_at: timestamptz({ notNull: true, default: sql`now()` }),
  },
});

/** People who sign in; each belongs to one organization. */
export const users = table('users', {
  comment: 'People who sign in; each belongs to one organization',
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()` }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' } }),
    email: citext({ notNull: true, unique: true, comment: 'Sign-in address, unique regardless of case' }),
    full_name: text({ notNull: true }),
    role: enumColumn(userRole, { notNull: true, default: 'member' }),
    last_login_at: timestamptz(),
    created_at: timestamptz({ notNull: true, default: sql`now()` }),
  },
  indexes: [index(['organization_id', 'role'])],
});
