import { processingActivity, retentionRule } from 'schemac';

/**
 * GDPR Art. 30 processing activity of pfa, a single-household finance tool: the one data subject
 * is the account holder whose bank and brokerage records are mirrored.
 */
export const householdFinances = processingActivity('household-finances', {
  name: 'Household finances',
  purpose: 'Mirror the account holder\'s bank and brokerage records, let them categorise and correct them locally, and report monthly totals',
  lawfulBasis: 'consent',
  subjects: ['account holder'],
  recipients: ['account data aggregator (processor)'],
});

/**
 * Tax records: the mirrored transactions back the household's returns, kept at least seven years
 * after the booking date (the longest IRS assessment period, for substantially understated income).
 */
export const taxRecords = retentionRule('tax-records', {
  duration: 'P7Y',
  start: { column: 'occurred_on' },
  bound: 'minimum',
  action: 'review',
  citations: ['26 U.S.C. § 6501(e)', 'IRS Publication 552 (Recordkeeping for Individuals)'],
});

/** Local edits are pushed upstream, then only kept long enough to explain a sync conflict. */
export const syncedEdits = retentionRule('synced-edits', {
  duration: 'P90D',
  start: { event: 'edit pushed upstream or discarded' },
  bound: 'maximum',
  action: 'delete',
  citations: ['GDPR Art. 5(1)(e)'],
});

/** Upstream connections (and their tokens) go once the holder disconnects the institution. */
export const connectionData = retentionRule('connection-data', {
  duration: 'P30D',
  start: { event: 'connection removed' },
  bound: 'maximum',
  action: 'delete',
  citations: ['GDPR Art. 5(1)(e)'],
});

