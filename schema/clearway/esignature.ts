import { check, citext, column, enumColumn, index, smallint, sql, table, text, timestamptz, uuid } from 'schemac';
import { esignatureProvider, esignatureStatus } from './enums.ts';
import { documents } from './funds.ts';
import { organizations, users } from './organizations.ts';
import { userReference } from './personal.ts';

/** One signer's request to sign a document, through an e-signature provider's envelope. */
export const esignatureRequests = table('esignature_requests', {
  comment: 'Requests for one signer to sign a document, and the evidence of the signature',
  compliance: {
    tenant: { column: 'organization_id' },
    activities: ['electronic-signatures'],
    recordClass: 'fund-record',
    subjectKey: 'investor_organization_id',
    holdable: true,
  },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    document_id: uuid({ notNull: true, references: { table: documents }, comment: 'The document sent for signature', personal: false }),
    signed_document_id: uuid({ references: { table: documents, onDelete: 'set null' }, comment: 'The executed copy with the certificate of completion', personal: false }),
    investor_organization_id: uuid({ references: { table: organizations }, comment: 'The investor entity the signer signs for, if any', personal: false }),
    provider: enumColumn(esignatureProvider, { notNull: true, default: 'docusign', personal: false }),
    envelope_id: text({ notNull: true, comment: 'The provider\'s envelope / agreement id', personal: false }),
    signer_name: text({
      notNull: true,
      sensitivity: 'confidential',
      personal: { categories: ['identity.name'], subjects: ['investor', 'user'], identifiability: 'direct', erasure: 'retain-legal-obligation' },
    }),
    signer_email: citext({
      notNull: true,
      sensitivity: 'confidential',
      personal: { categories: ['contact.email'], subjects: ['investor', 'user'], identifiability: 'direct', erasure: 'retain-legal-obligation' },
    }),
    signer_role: text({ comment: 'Role in the envelope: limited partner, authorised signatory, …', personal: false }),
    routing_order: smallint({ notNull: true, default: 1, check: sql`routing_order >= 1`, personal: false }),
    status: enumColumn(esignatureStatus, { notNull: true, default: 'draft', personal: false }),
    sent_at: timestamptz({ personal: false }),
    viewed_at: timestamptz({ personal: false }),
    signed_at: timestamptz({ personal: false }),
    declined_reason: text({
      sensitivity: 'confidential',
      personal: { categories: ['communication.content'], subjects: ['investor', 'user'], identifiability: 'pseudonymous', erasure: 'retain-legal-obligation' },
    }),
    signer_ip: column('inet', {
      comment: 'IP address the signature was given from (signature evidence)',
      sensitivity: 'confidential',
      personal: { categories: ['online.ip_address'], subjects: ['investor', 'user'], identifiability: 'quasi', erasure: 'retain-legal-obligation' },
    }),
    expires_at: timestamptz({ personal: false }),
    reminders_sent: smallint({ notNull: true, default: 0, check: sql`reminders_sent >= 0`, personal: false }),
    created_by: uuid({ references: { table: users, onDelete: 'set null' }, personal: userReference }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
    updated_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  uniques: [{ kind: 'unique', columns: ['provider', 'envelope_id', 'signer_email'] }],
  checks: [
    check(sql`status <> 'signed' OR signed_at IS NOT NULL`, { name: 'esignature_requests_signed_has_time' }),
    check(sql`status = 'draft' OR sent_at IS NOT NULL`, { name: 'esignature_requests_sent_when_not_draft' }),
    check(sql`status <> 'declined' OR declined_reason IS NOT NULL`, { name: 'esignature_requests_declined_has_reason' }),
  ],
  indexes: [
    index(['organization_id', 'status', { column: 'created_at', order: 'desc' }], { name: 'esignature_requests_org_status_created_idx' }),
    index(['document_id']),
    index(['signed_document_id'], { where: sql`signed_document_id IS NOT NULL` }),
    index(['investor_organization_id'], { where: sql`investor_organization_id IS NOT NULL` }),
    index(['organization_id', 'signer_email'], { name: 'esignature_requests_org_signer_idx' }),
    index(['expires_at'], { name: 'esignature_requests_outstanding_expiry_idx', where: sql`status IN ('sent', 'delivered', 'viewed')`, comment: 'Reminder and expiry sweeps' }),
    index(['created_by'], { where: sql`created_by IS NOT NULL` }),
  ],
});
