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
