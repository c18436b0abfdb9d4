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
