import { bigint, bytea, check, column, enumColumn, index, integer, jsonb, smallint, sql, table, text, timestamptz, uuid } from 'schemac';
import { jobKind, jobStatus, userStatus } from './namespaces.ts';
import { byNewestFirst, newestFirst } from './pagination.ts';

/** A reference to a user: pseudonymous personal data, kept with the record it is part of. */
const userReference = { categories: ['identity.user_reference'], subjects: ['user'], identifiability: 'pseudonymous', erasure: 'anonymise' } as const;

/** People (and the service accounts of companies) who use the service. */
export const users = table('users', {
  comment: 'People who use the service',
  compliance: { activities: ['service-accounts'], retention: 'account-data', subjectKey: 'id' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    email: text({
      notNull: true, comment: 'Sign-in address; unique regardless of case (users_email_lower_key)', sensitivity: 'confidential',
      personal: { categories: ['contact.email'], subjects: ['user'], identifiability: 'direct', erasure: 'anonymise' },
    }),
    full_name: text({
      sensitivity: 'confidential',
      personal: { categories: ['identity.name'], subjects: ['user'], identifiability: 'direct', erasure: 'anonymise' },
    }),
    status: enumColumn(userStatus, { notNull: true, default: 'active', personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
    updated_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
    closed_at: timestamptz({ personal: false }),
  },
  checks: [check(sql`(status = 'closed') = (closed_at IS NOT NULL)`, { name: 'users_closed_at_when_closed' })],
  indexes: [
    index([{ expression: sql`lower(email)` }], { unique: true, name: 'users_email_lower_key' }),
    newestFirst(),
    byNewestFirst('status'),
  ],
});

/**
 * API keys. The key is shown once and never stored: only its SHA-256 digest (looked up on every
 * request) and a short prefix the user recognises it by.
 */
export const apiKeys = table('api_keys', {
  comment: 'API keys of users; only a digest of each key is stored',
  compliance: { activities: ['service-accounts'], retention: 'api-keys' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    user_id: uuid({ notNull: true, references: { table: users, onDelete: 'cascade' }, personal: userReference }),
    name: text({ notNull: true, comment: 'Label the user gave the key', personal: false }),
    prefix: text({ notNull: true, unique: true, check: sql`prefix ~ '^sk_[A-Za-z0-9]{8}$'`, comment: 'First characters of the key, shown in listings', personal: false, sensitivity: 'internal' }),
    key_hash: bytea({
      notNull: true, unique: true, comment: 'SHA-256 digest of the key, computed by the application; the key itself is never stored',
      check: sql`octet_length(key_hash) = 32`, sensitivity: 'restricted', protection: { encryption: 'application' },
      personal: { categories: ['online.credentials'], subjects: ['user'], identifiability: 'pseudonymous', erasure: 'delete' },
    }),
    scopes: text({ array: true, notNull: true, default: [], personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
    expires_at: timestamptz({ personal: false }),
    last_used_at: timestamptz({
      sensitivity: 'internal',
      personal: { categories: ['online.activity'], subjects: ['user'], identifiability: 'pseudonymous', erasure: 'delete' },
    }),
    last_used_ip: column('inet', {
      sensitivity: 'confidential',
      personal: { categories: ['online.ip_address'], subjects: ['user'], identifiability: 'quasi', erasure: 'delete' },
    }),
    revoked_at: timestamptz({ personal: false }),
  },
  indexes: [
    byNewestFirst('user_id'),
    index(['user_id'], { name: 'api_keys_active_user_id_idx', where: sql`revoked_at IS NULL` }),
  ],
});

/** Files users upload for processing; the bytes live in the object store under storage_key. */
export const documents = table('documents', {
  comment: 'Files users upload for processing (the bytes are in the object store)',
  compliance: { activities: ['document-processing'], retention: 'processing-inputs' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    user_id: uuid({ notNull: true, references: { table: users, onDelete: 'cascade' }, personal: userReference }),
    filename: text({
      notNull: true, sensitivity: 'confidential',
      personal: { categories: ['content.file_name'], subjects: ['user', 'counterparty'], identifiability: 'quasi', erasure: 'delete' },
    }),
    content_type: text({ notNull: true, personal: false }),
    size_bytes: bigint({ notNull: true, check: sql`size_bytes > 0`, personal: false }),
    sha256: bytea({ notNull: true, check: sql`octet_length(sha256) = 32`, comment: 'Digest of the file, for de-duplication', personal: false }),
    storage_key: text({ notNull: true, unique: true, personal: false, sensitivity: 'restricted' }),
    page_count: integer({ check: sql`page_count > 0`, personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  indexes: [
    newestFirst(),
    byNewestFirst('user_id'),
    index(['user_id', 'sha256']),
  ],
});

/** Processing jobs: one model run over one document, queued and picked up by workers. */
export const jobs = table('jobs', {
  comment: 'Processing jobs: one model run over one document',
  compliance: { activities: ['document-processing'], retention: 'processing-inputs' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    user_id: uuid({ notNull: true, references: { table: users, onDelete: 'cascade' }, personal: userReference }),
    document_id: uuid({ references: { table: documents, onDelete: 'cascade' }, personal: false }),
    model_id: uuid({ references: { table: 'tagging.models' }, comment: 'Model the job runs (tagging.models)', personal: false }),
    kind: enumColumn(jobKind, { notNull: true, personal: false }),
    status: enumColumn(jobStatus, { notNull: true, default: 'queued', personal: false }),
    priority: smallint({ notNull: true, default: 0, check: sql`priority BETWEEN -10 AND 10`, personal: false }),
    attempts: integer({ notNull: true, default: 0, check: sql`attempts >= 0`, personal: false }),
    options: jsonb({ notNull: true, default: {}, personal: false }),
    error: text({ comment: 'Error code and message of the last failed attempt (never document content)', personal: false, sensitivity: 'internal' }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
    started_at: timestamptz({ personal: false }),
    finished_at: timestamptz({ personal: false }),
  },
  checks: [
    check(sql`status NOT IN ('succeeded', 'failed', 'cancelled') OR finished_at IS NOT NULL`, { name: 'jobs_finished_at_when_done' }),
    check(sql`finished_at IS NULL OR started_at IS NULL OR finished_at >= started_at`, { name: 'jobs_finished_after_started' }),
  ],
  indexes: [
    newestFirst(),
    index(['status', { column: 'created_at', order: 'desc' }], { name: 'jobs_status_created_at_idx' }),
    byNewestFirst('user_id'),
    index(['document_id']),
    // No separate partial queue index (priority DESC, created_at) WHERE status = 'queued': workers
    // claim from jobs_status_created_at_idx and sort the (small) queued set by priority. With that
    // index declared, an empty database plans the jobs_page_by_status assertion on it instead.
  ],
});
