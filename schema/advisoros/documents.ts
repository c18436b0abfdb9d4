import { bigint, check, date, enumColumn, foreignKey, index, jsonb, partition, smallint, sql, table, text, timestamptz, uuid, varchar, yearlyPartitions } from 'schemac';
import { documentKind, documentRequestStatus } from './enums.ts';
import { clients } from './clients.ts';
import { engagements } from './engagements.ts';
import { organizations, users } from './tenancy.ts';
import { clientReference, userReference } from './personal.ts';

/**
 * Files of a client file (source documents, forms, workpapers, letters), partitioned by year of
 * upload; uploads outside the declared years land in the DEFAULT partition.
 */
export const documents = table('documents', {
  comment: 'Files of a client file, partitioned by year of upload',
  compliance: {
    tenant: { column: 'organization_id' }, activities: ['client-services'], recordClass: 'client-file', retention: 'client-relationship',
    subjectKey: 'client_id', holdable: true,
  },
  partitionBy: { strategy: 'range', keys: ['created_at'] },
  partitions: [...yearlyPartitions('documents', { from: 2019, to: 2027 }), partition('documents_default', { default: true })],
  columns: {
    id: uuid({ notNull: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    client_id: uuid({ references: { table: clients }, personal: clientReference }),
    engagement_id: uuid({ references: { table: engagements, onDelete: 'set null' }, personal: false }),
    kind: enumColumn(documentKind, { notNull: true, default: 'other', personal: false }),
    title: text({ notNull: true, personal: false, sensitivity: 'confidential' }),
    body: text({
      sensitivity: 'restricted', comment: 'Text extracted from the file, for search',
      personal: { categories: ['other.document_content', 'financial.records'], subjects: ['client', 'client-contact'], identifiability: 'direct', erasure: 'retain-legal-obligation' },
    }),
    storage_key: text({ notNull: true, comment: 'Object-store key of the file', personal: false, sensitivity: 'restricted' }),
    content_type: varchar({ length: 255, notNull: true, default: 'application/pdf', personal: false }),
    size_bytes: bigint({ notNull: true, check: sql`size_bytes >= 0`, personal: false }),
    sha256: varchar({ length: 64, notNull: true, check: sql`sha256 ~ '^[0-9a-f]{64}$'`, personal: false }),
    tax_year: smallint({ check: sql`tax_year BETWEEN 1990 AND 2100`, personal: false }),
    tags: text({ array: true, notNull: true, default: [], personal: false }),
    metadata: jsonb({ notNull: true, default: {}, personal: false, sensitivity: 'confidential' }),
    uploaded_by: uuid({ references: { table: users, onDelete: 'set null' }, personal: userReference }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
    deleted_at: timestamptz({ personal: false }),
  },
  primaryKey: ['id', 'created_at'],
  uniques: [{ kind: 'unique', columns: ['storage_key', 'created_at'] }],
  indexes: [
    index(['organization_id', 'client_id', { column: 'created_at', order: 'desc' }]),
    index(['organization_id', 'kind', 'tax_year'], { include: ['title'] }),
    index(['organization_id', 'created_at'], { where: sql`deleted_at IS NULL`, name: 'documents_live_idx' }),
    index(['engagement_id'], { where: sql`engagement_id IS NOT NULL` }),
    index(['uploaded_by']),
    index(['organization_id', 'sha256']),
    index(['tags'], { using: 'gin' }),
    index([{ column: 'metadata', opclass: 'jsonb_path_ops' }], { using: 'gin' }),
    index([{ expression: sql`to_tsvector('english', coalesce(title, '') || ' ' || coalesce(body, ''))` }], { using: 'gin', name: 'documents_search_idx' }),
  ],
});

/** A document the firm asked a client for (a W-2, bank statements), and the upload that answered it. */
export const documentRequests = table('document_requests', {
  comment: 'A document the firm asked a client for, and the upload that answered it',
  compliance: { tenant: { column: 'organization_id' }, activities: ['client-services'], retention: 'operational-data' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    client_id: uuid({ notNull: true, references: { table: clients, onDelete: 'cascade' }, personal: { ...clientReference, erasure: 'delete' } }),
    engagement_id: uuid({ references: { table: engagements, onDelete: 'cascade' }, personal: false }),
    requested_by: uuid({ references: { table: users, onDelete: 'set null' }, personal: { ...userReference, erasure: 'anonymise' } }),
    title: text({ notNull: true, personal: false }),
    instructions: text({ personal: false, sensitivity: 'internal' }),
    status: enumColumn(documentRequestStatus, { notNull: true, default: 'open', personal: false }),
    due_on: date({ personal: false }),
    reminder_sent_at: timestamptz({ personal: false }),
    fulfilled_document_id: uuid({ personal: false }),
    fulfilled_document_created_at: timestamptz({ personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  foreignKeys: [
    foreignKey(['fulfilled_document_id', 'fulfilled_document_created_at'], { table: documents, columns: ['id', 'created_at'] }, { onDelete: 'set null', name: 'document_requests_fulfilled_document_fkey' }),
  ],
  checks: [
    check(sql`(fulfilled_document_id IS NULL) = (fulfilled_document_created_at IS NULL)`, { name: 'document_requests_document_reference_complete' }),
    check(sql`status <> 'fulfilled' OR fulfilled_document_id IS NOT NULL`, { name: 'document_requests_fulfilled_has_document' }),
  ],
  indexes: [
    index(['organization_id', 'client_id', 'status']),
    index(['organization_id', 'due_on'], { where: sql`status = 'open'`, include: ['client_id', 'title'], name: 'document_requests_open_due_idx' }),
    index(['engagement_id']),
    index(['fulfilled_document_id', 'fulfilled_document_created_at'], { where: sql`fulfilled_document_id IS NOT NULL`, name: 'document_requests_fulfilled_document_idx' }),
    index(['requested_by']),
  ],
});
