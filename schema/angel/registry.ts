/**
 * The angel marketplace's compliance registries: GDPR Art. 30 processing activities, retention
 * rules (SEC/BSA minimums, GDPR maximums that never undercut them: SC705) and record classes.
 */
import { processingActivity, recordClass, retentionRule } from 'schemac';

export const platformAccounts = processingActivity('platform-accounts', {
  name: 'Platform accounts',
  purpose: 'Sign-in, profiles and support for investors, founders and syndicate leads',
  lawfulBasis: 'contract',
  subjects: ['investor', 'founder', 'syndicate_lead'],
  recipients: ['hosting provider (processor)', 'e-mail delivery provider (processor)'],
  transfers: [{ country: 'US', mechanism: 'EU-US Data Privacy Framework' }],
});

export const investmentAdministration = processingActivity('investment-administration', {
  name: 'Investment administration',
  purpose: 'Recording investments, syndicate commitments, SPV interests, share certificates, orders and trades',
  lawfulBasis: 'contract',
  subjects: ['investor', 'syndicate_lead', 'founder'],
  recipients: ['fund administrator (processor)', 'transfer agent', 'auditors', 'issuers of the securities held'],
  transfers: [{ country: 'US', mechanism: 'EU-US Data Privacy Framework' }],
});

export const kycAml = processingActivity('kyc-aml', {
  name: 'KYC, AML and sanctions screening',
  purpose: 'Identity verification, AML risk rating, PEP and sanctions screening before and during the investor relationship',
  lawfulBasis: 'legal-obligation',
  subjects: ['investor', 'syndicate_lead', 'staff'],
  recipients: ['identity verification provider (processor)', 'sanctions screening provider (processor)', 'FinCEN and law enforcement on request'],
  transfers: [{ country: 'US', mechanism: 'SCCs 2021/914 (module 2)' }],
  dpia: 'DPIA-ANGEL-2026-01 (KYC, PEP and sanctions screening)',
});

export const investorAccreditation = processingActivity('investor-accreditation', {
  name: 'Accredited investor verification and investment limits',
  purpose: 'Verifying accredited status (Rule 501(a), Rule 506(c)) and enforcing annual investment limits',
  lawfulBasis: 'legal-obligation',
  subjects: ['investor'],
  recipients: ['accreditation verification provider (processor)', 'issuers relying on the verification', 'SEC on request'],
  transfers: [{ country: 'US', mechanism: 'SCCs 2021/914 (module 2)' }],
});

export const securitiesRecords = processingActivity('securities-records', {
  name: 'Regulation D offering records',
  purpose: 'Keeping the exemption, Form D and verification records of each Regulation D sale',
  lawfulBasis: 'legal-obligation',
  subjects: ['investor', 'staff'],
  recipients: ['SEC and state securities regulators on request', 'auditors'],
});

export const consentManagement = processingActivity('consent-management', {
  name: 'Consent records',
  purpose: 'Demonstrating which version of the privacy terms an investor consented to, and when consent was withdrawn',
  lawfulBasis: 'legal-obligation',
  subjects: ['investor'],
  recipients: ['supervisory authorities on request'],
});

export const syndicateCommunications = processingActivity('syndicate-communications', {
  name: 'Syndicate communications',
  purpose: 'Messages and documents a syndicate lead shares with the members of a syndicate',
  lawfulBasis: 'contract',
  subjects: ['investor', 'syndicate_lead'],
  recipients: ['syndicate members', 'hosting provider (processor)'],
});

/** SEC Rule 17a-4: books and records of securities transactions, at least six years. */
export const secRecords = retentionRule('sec-17a-4', {
  duration: 'P6Y',
  start: { column: 'created_at' },
  bound: 'minimum',
  action: 'archive',
  citations: ['SEC Rule 17a-4(a)', 'Advisers Act Rule 204-2(e)'],
});

/** Regulation D: the exemption and accredited-investor verification behind each sale. */
export const regDRecords = retentionRule('reg-d-506', {
  duration: 'P6Y',
  start: { column: 'created_at' },
  bound: 'minimum',
  action: 'archive',
  citations: ['17 CFR 230.506(c)(2)(ii) (verification of accredited status)', '17 CFR 230.503 (Form D)', 'SEC Rule 17a-4(a)'],
});

/** Bank Secrecy Act: AML, CIP and screening records at least five years after the relationship ends. */
export const bsaAml = retentionRule('bsa-aml-5y', {
  duration: 'P5Y',
  start: { event: 'investor relationship ended (account closed)' },
  bound: 'minimum',
  action: 'review',
  citations: ['31 CFR 1010.430(d)', '31 CFR 1023.220(a)(3)(ii) (CIP records)'],
});

/** EU AMLD Art. 40 with GDPR 5(1)(e): KYC data is deleted at most ten years after the relationship ends. */
export const kycMaximum = retentionRule('amld-kyc-maximum', {
  duration: 'P10Y',
  start: { event: 'investor relationship ended (account closed)' },
  bound: 'maximum',
  action: 'delete',
  citations: ['Directive (EU) 2015/849 Art. 40(1)', 'GDPR Art. 5(1)(e)'],
});

/** Broker-dealer communications: at least three years. */
export const communications = retentionRule('sec-communications-3y', {
  duration: 'P3Y',
  start: { column: 'created_at' },
  bound: 'minimum',
  action: 'archive',
  citations: ['SEC Rule 17a-4(b)(4)', 'FINRA Rule 4511'],
});

/** GDPR 5(1)(e): profile data of a closed account is anonymised within two years. */
export const accountData = retentionRule('account-data', {
  duration: 'P2Y',
  start: { event: 'account closed' },
  bound: 'maximum',
  action: 'anonymise',
  citations: ['GDPR Art. 5(1)(e)'],
});

export const securitiesRecord = recordClass('securities-record', {
  description: 'Books and records of securities transactions: investments, commitments, SPV interests, certificates, orders, trades',
  retention: 'sec-17a-4',
});

export const regDRecord = recordClass('reg-d-record', {
  description: 'Regulation D exemption, Form D and accredited-investor verification records',
  retention: 'reg-d-506',
});

export const amlRecord = recordClass('aml-record', {
  description: 'KYC/CIP, AML risk, PEP and sanctions screening records',
  retention: 'bsa-aml-5y',
});
