import { processingActivity, recordClass, retentionRule } from 'schemac';

/** GDPR Art. 30 processing activities of the AI document-processing service. */
export const serviceAccounts = processingActivity('service-accounts', {
  name: 'Service accounts and API access',
  purpose: 'Sign-in, API authentication, rate limiting and support for the users of the service',
  lawfulBasis: 'contract',
  subjects: ['user'],
  recipients: ['hosting provider (processor)'],
});

export const documentProcessing = processingActivity('document-processing', {
  name: 'Document processing',
  purpose: 'Extract, classify and tag the documents users upload (invoices, bank statements) with AI models',
  lawfulBasis: 'contract',
  subjects: ['user', 'counterparty'],
  recipients: ['AI model provider (processor)', 'hosting provider (processor)'],
  transfers: [{ country: 'US', mechanism: 'SCCs 2021/914 (module 3, processor to sub-processor)' }],
  dpia: 'DPIA-2026-07 (automated extraction of financial documents)',
});

export const bookkeeping = processingActivity('bookkeeping', {
  name: 'Bookkeeping records',
  purpose: 'Keep the invoices, statements and ledger entries extracted for a user as their accounting records',
  lawfulBasis: 'legal-obligation',
  subjects: ['user', 'counterparty'],
  recipients: ['the user\'s accountant or auditor, on the user\'s instruction'],
});

export const trading = processingActivity('trading', {
  name: 'Signal-driven trading',
  purpose: 'Turn model signals into orders the user approves, route them to the broker and track positions',
  lawfulBasis: 'contract',
  subjects: ['user'],
  recipients: ['executing broker'],
});

/** GDPR 5(1)(e): account data goes a year after the account is closed. */
export const accountData = retentionRule('account-data', {
  duration: 'P1Y',
  start: { event: 'account closed' },
  bound: 'maximum',
  action: 'anonymise',
  citations: ['GDPR Art. 5(1)(e)'],
});

/** Revoked and expired API keys are kept 90 days for abuse investigations, then deleted. */
export const apiKeys = retentionRule('api-keys', {
  duration: 'P90D',
  start: { event: 'key revoked or expired' },
  bound: 'maximum',
  action: 'delete',
  citations: ['GDPR Art. 5(1)(e)'],
});

/** Uploaded documents and their processing jobs are inputs, not records: one year. */
export const processingInputs = retentionRule('processing-inputs', {
  duration: 'P1Y',
  start: { column: 'created_at' },
  bound: 'maximum',
  action: 'delete',
  citations: ['GDPR Art. 5(1)(e)'],
});

/** Accounting records are kept at least seven years. */
export const accountingRecords = retentionRule('accounting-records', {
  duration: 'P7Y',
  start: { column: 'created_at' },
  bound: 'minimum',
  action: 'archive',
  citations: ['26 CFR § 1.6001-1(e)', 'IRS Publication 583 (Starting a Business and Keeping Records)'],
});

/** Orders and positions: MiFID II record keeping, five years. */
export const tradingRecords = retentionRule('trading-records', {
  duration: 'P5Y',
  start: { column: 'created_at' },
  bound: 'minimum',
  action: 'archive',
  citations: ['Commission Delegated Regulation (EU) 2017/565 Art. 72–76', 'MiFID II Art. 16(6)'],
});

export const accountingRecord = recordClass('accounting-record', {
  description: 'Invoices, statements and ledger entries kept as a user\'s accounting records',
  retention: 'accounting-records',
});

export const tradingRecord = recordClass('trading-record', {
  description: 'Orders and positions kept as records of investment services',
  retention: 'trading-records',
});
