import { processingActivity, recordClass, retentionRule } from 'schemac';

/** GDPR Art. 30 processing activities of the clearway platform. */
export const platformAccounts = processingActivity('platform-accounts', {
  name: 'Platform accounts',
  purpose: 'Sign-in, access control and support for the staff of client firms',
  lawfulBasis: 'contract',
  subjects: ['user'],
  recipients: ['hosting provider (processor)', 'e-mail delivery provider (processor)'],
  transfers: [{ country: 'US', mechanism: 'EU-US Data Privacy Framework' }],
});

export const fundAdministration = processingActivity('fund-administration', {
  name: 'Fund administration',
  purpose: 'Issuing capital calls and keeping the fund records investors and regulators rely on',
  lawfulBasis: 'legal-obligation',
  subjects: ['user', 'investor'],
  recipients: ['fund administrators', 'auditors', 'regulators on request'],
  dpia: 'DPIA-2026-03 (fund records)',
});

/** SEC Rule 17a-4: books and records kept at least six years. */
export const secRecords = retentionRule('sec-17a-4', {
  duration: 'P6Y',
  start: { column: 'created_at' },
  bound: 'minimum',
  action: 'archive',
  citations: ['SEC Rule 17a-4(a)', 'Advisers Act Rule 204-2'],
});

/** GDPR 5(1)(e): account data is not kept longer than needed once the account is closed. */
export const accountData = retentionRule('account-data', {
  duration: 'P1Y',
  start: { event: 'account closed' },
  bound: 'maximum',
  action: 'anonymise',
  citations: ['GDPR Art. 5(1)(e)'],
});

export const fundRecords = recordClass('fund-record', { description: 'Books and records of a fund (notices, calls, statements)', retention: 'sec-17a-4' });

/** Receiving investor capital against calls, the bank accounts it moves through, and reconciling statements. */
export const investorPayments = processingActivity('investor-payments', {
  name: 'Investor payments and reconciliation',
  purpose: 'Receiving capital contributions against capital calls, keeping the bank details they are paid from and to, and reconciling bank statements',
  lawfulBasis: 'legal-obligation',
  subjects: ['investor', 'user'],
  recipients: ['banks', 'fund administrators', 'auditors', 'regulators on request'],
  dpia: 'DPIA-2026-03 (fund records)',
});

/** Keeping investor and fund records in step with the client's third-party fund administrator. */
export const fundAdminIntegration = processingActivity('fund-admin-integration', {
  name: 'Fund administrator integration',
  purpose: 'Synchronising investor and fund records with the third-party fund administrator a client firm connects',
  lawfulBasis: 'contract',
  subjects: ['investor', 'user'],
  recipients: ['third-party fund administrators (processors engaged by the client)'],
});

/** BSA/AML: transaction records kept at least five years. */
export const amlTransactionRecords = retentionRule('bsa-aml-5y', {
  duration: 'P5Y',
  start: { column: 'created_at' },
  bound: 'minimum',
  action: 'archive',
  citations: ['31 CFR 1010.430(d) (Bank Secrecy Act records: five years)'],
});

/** BSA/AML: customer identification records kept five years after the relationship ends. */
export const amlCustomerRecords = retentionRule('aml-customer-records', {
  duration: 'P5Y',
  start: { event: 'bank account closed' },
  bound: 'minimum',
  action: 'review',
  citations: ['31 CFR 1010.430(d) (Bank Secrecy Act records: five years)', '31 CFR 1020.220(a)(3)(ii) (CIP records: five years after the account is closed)'],
});

/** GDPR 5(1)(e): copies of the fund administrator's investor data go once the connection is removed. */
export const integrationData = retentionRule('integration-data', {
  duration: 'P1Y',
  start: { event: 'fund administrator connection removed' },
  bound: 'maximum',
  action: 'delete',
  citations: ['GDPR Art. 5(1)(c) (data minimisation)', 'GDPR Art. 5(1)(e) (storage limitation)'],
});

/** GDPR 5(1)(e): raw payloads and technical logs that may carry personal data. */
export const operationalLogs = retentionRule('operational-logs', {
  duration: 'P90D',
  start: { column: 'created_at' },
  bound: 'maximum',
  action: 'delete',
  citations: ['GDPR Art. 5(1)(e) (storage limitation)', 'GDPR Art. 32(1)(d) (logs kept for testing the security of processing)'],
});

/** Posting capital calls and payments to the client's general ledger. */
export const fundAccounting = processingActivity('fund-accounting', {
  name: 'Fund accounting',
  purpose: 'Posting capital calls and investor payments to the general ledger of the fund',
  lawfulBasis: 'legal-obligation',
  subjects: ['investor', 'user'],
  recipients: ['accounting software providers (processors engaged by the client)', 'auditors'],
  transfers: [{ country: 'US', mechanism: 'EU-US Data Privacy Framework' }],
});

/** Signing subscription agreements, notices and DPAs electronically. */
export const electronicSignatures = processingActivity('electronic-signatures', {
  name: 'Electronic signatures',
  purpose: 'Having investors and client staff sign subscription agreements and other fund documents electronically',
  lawfulBasis: 'contract',
  subjects: ['investor', 'user'],
  recipients: ['e-signature provider (processor)'],
  transfers: [{ country: 'US', mechanism: 'EU-US Data Privacy Framework' }],
});

/** Events the client's own systems subscribe to. */
export const webhookNotifications = processingActivity('webhook-notifications', {
  name: 'Webhook notifications',
  purpose: 'Sending events about capital calls, payments and documents to the endpoints a client firm configures',
  lawfulBasis: 'contract',
  subjects: ['investor', 'user'],
  recipients: ['the client firm\'s own systems (controller)'],
});

/** The audit trail of who did what to the books and records. */
export const securityAudit = processingActivity('security-audit', {
  name: 'Audit trail',
  purpose: 'Recording who changed or exported books and records (and the values changed), to detect misuse and to answer auditors and regulators',
  lawfulBasis: 'legal-obligation',
  subjects: ['user', 'investor'],
  recipients: ['auditors', 'regulators on request'],
});

/** Reports sent on a schedule to the people a client firm names. */
export const clientReporting = processingActivity('client-reporting', {
  name: 'Scheduled reporting',
  purpose: 'Producing and sending the reports a client firm schedules to the recipients it names',
  lawfulBasis: 'contract',
  subjects: ['user', 'investor'],
  recipients: ['e-mail delivery provider (processor)'],
  transfers: [{ country: 'US', mechanism: 'EU-US Data Privacy Framework' }],
});

/** Data processing agreements with client firms (clearway as processor). */
export const processorContracts = processingActivity('processor-contracts', {
  name: 'Data processing agreements',
  purpose: 'Concluding and keeping the Art. 28 agreements under which clearway processes personal data for client firms',
  lawfulBasis: 'legal-obligation',
  subjects: ['client-contact'],
  recipients: ['e-signature provider (processor)'],
});

/** GDPR 5(1)(e): invitations go once they can no longer be accepted or investigated. */
export const invitationData = retentionRule('invitation-data', {
  duration: 'P90D',
  start: { column: 'created_at' },
  bound: 'maximum',
  action: 'delete',
  citations: ['GDPR Art. 5(1)(e) (storage limitation)'],
});

/** Art. 28 agreements are evidence of compliance for as long as claims can be brought. */
export const contractRecords = retentionRule('contract-records', {
  duration: 'P6Y',
  start: { event: 'agreement terminated' },
  bound: 'minimum',
  action: 'review',
  citations: ['GDPR Art. 28(3) and 28(9) (processing under a written contract)', 'GDPR Art. 5(2) (accountability)', 'GDPR Art. 17(3)(e) (legal claims)'],
});

export const auditRecords = recordClass('audit-record', {
  description: 'Audit trail of access to and changes of books and records',
  retention: 'sec-17a-4',
});
