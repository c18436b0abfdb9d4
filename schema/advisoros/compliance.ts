import { processingActivity, recordClass, retentionRule } from 'schemac';

// GDPR Art. 30 processing activities of the advisoros platform.

export const platformAccounts = processingActivity('platform-accounts', {
  name: 'Platform accounts',
  purpose: 'Sign-in, access control, seats and support for the staff of accounting firms',
  lawfulBasis: 'contract',
  subjects: ['user'],
  recipients: ['hosting provider (processor)', 'e-mail delivery provider (processor)'],
  transfers: [{ country: 'US', mechanism: 'EU-US Data Privacy Framework' }],
});

export const clientServices = processingActivity('client-services', {
  name: 'Client services',
  purpose: 'Delivering bookkeeping, accounting, assurance and advisory engagements to the clients of a firm',
  lawfulBasis: 'contract',
  subjects: ['client', 'client-contact', 'user'],
  recipients: ['the client', 'auditors and peer reviewers', 'regulators on request'],
});

export const taxCompliance = processingActivity('tax-compliance', {
  name: 'Tax compliance',
  purpose: "Preparing and filing clients' tax returns and estimated payments, and answering tax authority notices",
  lawfulBasis: 'legal-obligation',
  subjects: ['client', 'client-contact', 'user'],
  recipients: ['IRS and state tax authorities', 'authorised e-file transmitter (processor)'],
  transfers: [{ country: 'US', mechanism: 'Art. 49(1)(e) GDPR: filing required to establish or defend legal claims; otherwise SCCs 2021/914' }],
  dpia: 'DPIA-ADV-2026-01 (tax identifiers)',
});

export const billing = processingActivity('billing', {
  name: 'Client billing',
  purpose: 'Invoicing clients for engagements and collecting payment',
  lawfulBasis: 'contract',
  subjects: ['client', 'client-contact', 'user'],
  recipients: ['payment processor (processor)'],
});

export const bankData = processingActivity('bank-data', {
  name: 'Bank feeds and reconciliation',
  purpose: "Importing clients' bank transactions to keep their books and reconcile their accounts",
  lawfulBasis: 'contract',
  subjects: ['client', 'user'],
  recipients: ['bank data aggregator (processor)'],
  transfers: [{ country: 'US', mechanism: 'SCCs 2021/914' }],
});

export const securityMonitoring = processingActivity('security-monitoring', {
  name: 'Security monitoring and audit trail',
  purpose: 'Recording who read or changed client financial records, to detect and investigate misuse',
  lawfulBasis: 'legitimate-interests',
  legitimateInterest: 'Protecting client financial records from unauthorised access and proving their integrity to auditors; entries are minimal and readable only by the firm',
  subjects: ['user', 'client', 'client-contact'],
  recipients: ['the firm', 'auditors on request'],
});

// Retention rules (they add up: a column's, its table's and its record class's all apply).

/** IRS: tax records and the books behind them, kept at least seven years. */
export const irsRecords = retentionRule('irs-7y', {
  duration: 'P7Y',
  start: { event: 'the return is filed or due, whichever is later' },
  bound: 'minimum',
  action: 'archive',
  citations: [
    '26 U.S.C. § 6001 and 26 CFR § 1.6001-1(e) (records kept while material to a tax liability)',
    '26 U.S.C. § 6501(c), (e) (extended assessment periods)',
    '26 U.S.C. § 6107(b) (preparer copies of returns)',
    'IRS Publication 583 (seven years for bad-debt and worthless-securities claims)',
  ],
});

/** SEC / SOX: audit and review workpapers, kept at least seven years. */
export const auditWorkpapers = retentionRule('sox-802-7y', {
  duration: 'P7Y',
  start: { event: 'the audit or review report is released' },
  bound: 'minimum',
  action: 'archive',
  citations: ['Sarbanes-Oxley Act § 802 (18 U.S.C. § 1520)', 'SEC Regulation S-X Rule 2-06 (17 CFR § 210.2-06)', 'PCAOB AS 1215.14'],
});

/** SEC: books and records of advisory engagements, kept at least five years. */
export const advisoryRecords = retentionRule('advisers-act-5y', {
  duration: 'P5Y',
  start: { event: 'end of the fiscal year of the last entry' },
  bound: 'minimum',
  action: 'archive',
  citations: ['SEC Rule 204-2(e)(1) under the Investment Advisers Act of 1940 (17 CFR § 275.204-2(e)(1))'],
});

/** The audit trail: at least seven years from each entry. */
export const auditTrail = retentionRule('audit-trail-7y', {
  duration: 'P7Y',
  start: { column: 'occurred_at' },
  bound: 'minimum',
  action: 'delete',
  citations: ['Sarbanes-Oxley Act § 802 (18 U.S.C. § 1519, § 1520)', 'AICPA SQMS No. 1 (documentation of the quality management system)'],
});

/** GDPR 5(1)(e): account data of platform users, at most one year after the account is closed. */
export const accountData = retentionRule('account-data', {
  duration: 'P1Y',
  start: { event: 'account closed' },
  bound: 'maximum',
  action: 'anonymise',
  citations: ['GDPR Art. 5(1)(e)', 'GDPR Art. 17'],
});

/** GDPR 5(1)(e): client data, at most ten years after the relationship ends (longer than every minimum above). */
export const clientRelationship = retentionRule('client-relationship', {
  duration: 'P10Y',
  start: { event: 'the client relationship ends' },
  bound: 'maximum',
  action: 'anonymise',
  citations: ['GDPR Art. 5(1)(e)', 'GDPR Art. 17(3)(b) (kept only while a legal obligation requires it)'],
});

/** GDPR 5(1)(c), (e): working data (tasks, comments, notifications, runs), at most two years. */
export const operationalData = retentionRule('operational-data', {
  duration: 'P2Y',
  start: { column: 'created_at' },
  bound: 'maximum',
  action: 'delete',
  citations: ['GDPR Art. 5(1)(c)', 'GDPR Art. 5(1)(e)'],
});

/** Delivery logs of webhooks (their payloads may name people): ninety days. */
export const deliveryLogs = retentionRule('delivery-logs-90d', {
  duration: 'P90D',
  start: { column: 'created_at' },
  bound: 'maximum',
  action: 'delete',
  citations: ['GDPR Art. 5(1)(e)'],
});

/** PCI DSS / GDPR: stored payment methods, at most ninety days after they are removed. */
export const cardOnFile = retentionRule('card-on-file', {
  duration: 'P90D',
  start: { event: 'the payment method is removed' },
  bound: 'maximum',
  action: 'delete',
  citations: ['PCI DSS v4.0 Requirement 3.2.1', 'GDPR Art. 5(1)(e)'],
});

// Record classes.

export const taxRecord = recordClass('tax-record', { description: 'Tax returns, schedules, estimated payments and tax authority correspondence', retention: 'irs-7y' });
export const clientFile = recordClass('client-file', { description: 'The documents of a client file (source documents, letters, forms)', retention: 'irs-7y' });
export const accountingRecord = recordClass('accounting-record', { description: 'Books of account: ledgers, journals, bank transactions, invoices and payments', retention: 'irs-7y' });
export const workpaper = recordClass('workpaper', { description: 'Audit, review and compilation workpapers and the statements they support', retention: 'sox-802-7y' });
export const engagementRecord = recordClass('engagement-record', { description: 'Engagement terms, time and expenses of advisory and accounting engagements', retention: 'advisers-act-5y' });
export const auditTrailRecord = recordClass('audit-trail', { description: 'Who read or changed what, and when', retention: 'audit-trail-7y' });
