import { check, citext, column, date, enumColumn, index, jsonb, sql, table, text, timestamptz, uuid, varchar } from 'schemac';
import { auditActorType, dpaStatus } from './enums.ts';
import { documents } from './funds.ts';
import { organizations, users } from './organizations.ts';

/**
 * Who did what to the books and records: inserted, never updated or deleted (guard triggers for
 * every role, owners included). Rows outlive their organization and users: the foreign keys have
 * no ON DELETE action, so deleting either while audit rows exist fails. Legal holds are not needed
 * here: nothing can be deleted anyway (row-level holds on other tables: compliance.legal_holds).
 */
export const auditLog = table('audit_log', {
  comment: 'Audit trail: who did what to the books and records (append-only)',
  compliance: {
    tenant: { column: 'organization_id' },
    activities: ['security-audit'],
    recordClass: 'audit-record',
    appendOnly: { writers: [] },
  },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations }, personal: false }),
    actor_type: enumColumn(auditActorType, { notNull: true, personal: false }),
    actor_user_id: uuid({
      references: { table: users },
      comment: 'The user, when actor_type is user',
      personal: { categories: ['identity.user_reference'], subjects: ['user'], identifiability: 'pseudonymous', erasure: 'retain-legal-obligation' },
    }),
    action: text({ notNull: true, check: sql`action ~ '^[a-z_]+[.][a-z_]+$'`, comment: 'object.verb: capital_call.issued, payment.settled, document.downloaded', personal: false }),
    object_type: text({ notNull: true, personal: false }),
    object_id: uuid({ personal: false }),
    request_id: uuid({ comment: 'Correlates the entries of one request', personal: false }),
    ip_address: column('inet', {
      sensitivity: 'confidential',
      personal: { categories: ['online.ip_address'], subjects: ['user'], identifiability: 'quasi', erasure: 'retain-legal-obligation' },
    }),
    user_agent: text({
      sensitivity: 'internal',
      personal: { categories: ['online.device'], subjects: ['user'], identifiability: 'quasi', erasure: 'retain-legal-obligation' },
    }),
    changes: jsonb({
      notNull: true,
      default: {},
      comment: 'Changed fields: { "field": [old, new] }',
      sensitivity: 'confidential',
      personal: { categories: ['identity.name', 'contact.email', 'financial.investment'], subjects: ['investor', 'user'], identifiability: 'direct', erasure: 'retain-legal-obligation' },
    }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, comment: 'When it happened', personal: false }),
  },
  checks: [check(sql`actor_type <> 'user' OR actor_user_id IS NOT NULL`, { name: 'audit_log_user_actor_named' })],
  indexes: [
    index(['organization_id', { column: 'created_at', order: 'desc' }], { name: 'audit_log_org_created_idx', comment: 'The audit trail of an organization, newest first' }),
    index(['organization_id', 'object_type', 'object_id', { column: 'created_at', order: 'desc' }], { name: 'audit_log_org_object_idx', comment: 'History of one object' }),
    index(['actor_user_id', { column: 'created_at', order: 'desc' }], { name: 'audit_log_actor_created_idx', where: sql`actor_user_id IS NOT NULL` }),
    index(['organization_id', 'action', { column: 'created_at', order: 'desc' }], { name: 'audit_log_org_action_idx' }),
    index(['created_at'], { using: 'brin', name: 'audit_log_created_brin_idx' }),
    index(['request_id'], { where: sql`request_id IS NOT NULL` }),
  ],
});

/** The GDPR Art. 28 agreements under which clearway processes personal data for each client firm. */
export const dataProcessingAgreements = table('data_processing_agreements', {
  comment: 'Art. 28 data processing agreements with client firms',
  compliance: { tenant: { column: 'organization_id' }, activities: ['processor-contracts'], retention: 'contract-records' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    version: varchar({ length: 32, notNull: true, comment: 'Version of clearway\'s DPA template', personal: false }),
    status: enumColumn(dpaStatus, { notNull: true, default: 'draft', personal: false }),
    signatory_name: text({
      sensitivity: 'internal',
      personal: { categories: ['identity.name'], subjects: ['client-contact'], identifiability: 'direct', erasure: 'retain-legal-claims' },
    }),
    signatory_title: text({
      sensitivity: 'internal',
      personal: { categories: ['professional.job_title'], subjects: ['client-contact'], identifiability: 'quasi', erasure: 'retain-legal-claims' },
    }),
    signatory_email: citext({
      sensitivity: 'internal',
      personal: { categories: ['contact.email'], subjects: ['client-contact'], identifiability: 'direct', erasure: 'retain-legal-claims' },
    }),
    transfer_mechanism: text({ comment: 'SCC module or adequacy decision for transfers outside the EEA', personal: false }),
    sub_processors: jsonb({ notNull: true, default: [], comment: 'Sub-processors approved with this version: [{ "name", "country", "purpose" }]', personal: false }),
    document_id: uuid({ references: { table: documents, onDelete: 'set null' }, comment: 'The signed agreement', personal: false }),
    signed_at: timestamptz({ personal: false }),
    effective_from: date({ personal: false }),
    terminated_at: timestamptz({ personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
    updated_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  uniques: [{ kind: 'unique', columns: ['organization_id', 'version'] }],
  checks: [
    check(sql`status NOT IN ('signed', 'superseded', 'terminated') OR (signed_at IS NOT NULL AND signatory_name IS NOT NULL)`, { name: 'data_processing_agreements_signed_by_someone' }),
    check(sql`status <> 'terminated' OR terminated_at IS NOT NULL`, { name: 'data_processing_agreements_terminated_when_terminated' }),
  ],
  indexes: [
    index(['organization_id'], { unique: true, name: 'data_processing_agreements_one_signed_key', where: sql`status = 'signed'`, comment: 'One agreement in force per organization' }),
    index(['document_id'], { where: sql`document_id IS NOT NULL` }),
  ],
});
