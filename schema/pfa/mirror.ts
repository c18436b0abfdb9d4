import { bigint, bytea, check, date, enumColumn, index, integer, jsonb, numeric, sql, table, text, timestamptz, uuid } from 'schemac';
import { modificationKind, modificationState, syncDirection, syncEvent } from './enums.ts';

/**
 * One upstream connection (an institution linked through the aggregator). The access token is
 * stored encrypted by the application; the cursor is where the next delta pull resumes.
 */
export const connections = table('connections', {
  comment: 'Institutions linked through the account data aggregator',
  compliance: { activities: ['household-finances'], retention: 'connection-data' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    provider: text({ notNull: true, comment: 'Aggregator the connection goes through', personal: false }),
    upstream_item_id: text({ notNull: true, unique: true, comment: 'The aggregator\'s id of the linked institution', personal: false, sensitivity: 'internal' }),
    institution: text({
      notNull: true, sensitivity: 'confidential',
      personal: { categories: ['financial.institution'], subjects: ['account holder'], identifiability: 'quasi', erasure: 'delete' },
    }),
    access_token: bytea({
      notNull: true, comment: 'Aggregator access token, encrypted by the application', sensitivity: 'restricted',
      protection: { encryption: 'application' },
      personal: { categories: ['online.credentials'], subjects: ['account holder'], identifiability: 'pseudonymous', erasure: 'delete' },
    }),
    sync_cursor: text({ comment: 'Opaque upstream cursor: where the next delta pull resumes', personal: false }),
    last_synced_at: timestamptz({ personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
    removed_at: timestamptz({ comment: 'Set when the holder disconnects the institution; the row goes 30 days later', personal: false }),
  },
});

/** The upstream date of a transaction (`YYYY-MM-DD` in the payload), built with immutable functions only. */
const payloadDate = sql`make_date(substr(payload ->> 'date', 1, 4)::integer, substr(payload ->> 'date', 6, 2)::integer, substr(payload ->> 'date', 9, 2)::integer)`;

/**
 * The cached mirror: one row per upstream transaction, keyed by its source id, holding the record
 * exactly as the aggregator returned it. The columns queries filter and group on are STORED
 * generated columns extracted from the payload, so they can be indexed and can never disagree
 * with it. (A text → date cast is only STABLE, so the date is assembled with make_date.)
 */
export const mirrorTransactions = table('mirror_transactions', {
  comment: 'Cached mirror of upstream transactions, keyed by source id; columns extracted from the payload',
  compliance: { activities: ['household-finances'], retention: 'tax-records' },
  columns: {
    source_id: text({ primaryKey: true, comment: 'The transaction id at the source', personal: false }),
    connection_id: uuid({ notNull: true, references: { table: connections, onDelete: 'cascade' }, personal: false }),
    payload: jsonb({
      notNull: true, comment: 'The upstream record, as returned', sensitivity: 'restricted',
      check: sql`jsonb_typeof(payload) = 'object'`,
      personal: { categories: ['financial.transactions', 'financial.bank_account'], subjects: ['account holder'], identifiability: 'direct', erasure: 'retain-legal-obligation' },
    }),
    account_id: text({
      notNull: true, generated: sql`payload ->> 'account_id'`, comment: 'Upstream account id (from the payload)', sensitivity: 'confidential',
      personal: { categories: ['financial.bank_account'], subjects: ['account holder'], identifiability: 'pseudonymous', erasure: 'retain-legal-obligation' },
    }),
    occurred_on: date({
      notNull: true, generated: payloadDate, comment: 'Transaction date (from the payload)', sensitivity: 'confidential',
      personal: { categories: ['financial.transactions'], subjects: ['account holder'], identifiability: 'quasi', erasure: 'retain-legal-obligation' },
    }),
    amount: numeric({
      notNull: true, generated: sql`(payload ->> 'amount')::numeric`, comment: 'Signed amount: negative is money out (from the payload)', sensitivity: 'confidential',
      personal: { categories: ['financial.transactions'], subjects: ['account holder'], identifiability: 'quasi', erasure: 'retain-legal-obligation' },
    }),
    currency: text({ notNull: true, generated: sql`payload ->> 'currency'`, check: sql`currency ~ '^[A-Z]{3}$'`, personal: false }),
    status: text({ notNull: true, generated: sql`payload ->> 'status'`, check: sql`status IN ('pending', 'booked', 'void')`, personal: false }),
    category: text({
      generated: sql`payload ->> 'category'`, comment: 'Spending category (from the payload)', sensitivity: 'confidential',
      personal: { categories: ['financial.transactions'], subjects: ['account holder'], identifiability: 'quasi', erasure: 'retain-legal-obligation' },
    }),
    upstream_updated_at: timestamptz({ notNull: true, comment: 'When the source last changed the record: the delta cursor', personal: false }),
    fetched_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
    removed_at: timestamptz({ comment: 'Set when the source deleted the record (a tombstone, kept for the totals history)', personal: false }),
  },
  indexes: [
    index(['account_id', { column: 'occurred_on', order: 'desc' }]),
    index(['occurred_on']),
    index(['connection_id', 'upstream_updated_at']),
    index([{ column: 'payload', opclass: 'jsonb_path_ops' }], { using: 'gin', name: 'mirror_transactions_payload_idx' }),
    index(['account_id', 'occurred_on'], { name: 'mirror_transactions_pending_idx', where: sql`status = 'pending'` }),
    index(['occurred_on'], { name: 'mirror_transactions_uncategorised_idx', where: sql`category IS NULL AND status <> 'void'` }),
  ],
});

/**
 * The delta: local edits of mirrored transactions, queued until they are pushed upstream. At most
 * one edit per record is open at a time (later edits are merged into it).
 */
export const modifications = table('modifications', {
  comment: 'Local edits of mirrored transactions, pending sync upstream',
  compliance: { activities: ['household-finances'], retention: 'synced-edits' },
  columns: {
    id: bigint({ primaryKey: true, identity: 'always', personal: false }),
    source_id: text({ notNull: true, references: { table: mirrorTransactions, onDelete: 'cascade' }, personal: false }),
    kind: enumColumn(modificationKind, { notNull: true, personal: false }),
    patch: jsonb({
      comment: 'RFC 7396 merge patch of the upstream record (update only)', sensitivity: 'confidential',
      personal: { categories: ['financial.transactions'], subjects: ['account holder'], identifiability: 'quasi', erasure: 'delete' },
    }),
    base_updated_at: timestamptz({ notNull: true, comment: 'upstream_updated_at of the record the edit was made on (conflict detection)', personal: false }),
    state: enumColumn(modificationState, { notNull: true, default: 'pending', personal: false }),
    attempts: integer({ notNull: true, default: 0, check: sql`attempts >= 0`, personal: false }),
    error_code: text({ comment: 'Upstream error code of the last failed push', personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
    pushed_at: timestamptz({ personal: false }),
  },
  checks: [
    check(sql`(kind = 'update') = (patch IS NOT NULL)`, { name: 'modifications_patch_for_updates' }),
    check(sql`state <> 'pushed' OR pushed_at IS NOT NULL`, { name: 'modifications_pushed_at_when_pushed' }),
  ],
  indexes: [
    index(['source_id'], { name: 'modifications_one_open_per_record', unique: true, where: sql`state IN ('pending', 'pushing')` }),
    index(['created_at'], { name: 'modifications_push_queue_idx', where: sql`state = 'pending'` }),
    index(['state', 'created_at']),
  ],
});

/**
 * The sync log: one line per event of a pull or push run. Append-only, for every role (guard
 * triggers). No foreign key to connections: the log outlives a removed connection, and ON DELETE
 * SET NULL would be an UPDATE the guard refuses.
 */
export const syncLog = table('sync_log', {
  comment: 'Append-only log of sync runs (pull the upstream delta, push local edits)',
  compliance: { appendOnly: { writers: [] } },
  columns: {
    id: bigint({ primaryKey: true, identity: 'always', personal: false }),
    run_id: uuid({ notNull: true, personal: false }),
    connection_id: uuid({ notNull: true, comment: 'The connection synced (not a foreign key: the log outlives it)', personal: false }),
    direction: enumColumn(syncDirection, { notNull: true, personal: false }),
    event: enumColumn(syncEvent, { notNull: true, personal: false }),
    records: integer({ notNull: true, default: 0, check: sql`records >= 0`, comment: 'Records pulled or pushed by this event', personal: false }),
    cursor: text({ comment: 'Upstream cursor after this event', personal: false }),
    error_code: text({ comment: 'Upstream error code (failed events); never upstream free text', personal: false }),
    logged_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  checks: [check(sql`(event = 'failed') = (error_code IS NOT NULL)`, { name: 'sync_log_error_code_when_failed' })],
  indexes: [
    index(['run_id', 'id']),
    index(['connection_id', { column: 'logged_at', order: 'desc' }]),
    index([{ column: 'logged_at', order: 'desc' }], { name: 'sync_log_failures_idx', where: sql`event = 'failed'` }),
  ],
});
