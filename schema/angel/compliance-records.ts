/**
 * Compliance records (migration 2): one compliance profile per user (KYC, AML risk, PEP and
 * sanctions screening, accredited-investor verification, investment limits, GDPR consent), the
 * identity and accreditation documents behind it, an append-only log of every compliance event,
 * and one Regulation D record per investment.
 */
import { bigint, boolean, bytea, check, date, enumColumn, index, jsonb, numeric, sql, table, text, timestamptz, uuid, varchar } from 'schemac';
import { notPersonal, personReference, screeningResult } from './classify.ts';
import { investments, users } from './core.ts';
import {
  accreditationMethod, complianceDocumentKind, complianceEvent, documentReviewStatus, kycStatus, pepStatus, regDExemption,
  regDReviewStatus, sanctionsStatus,
} from './enums.ts';

const SANCTIONS_PURPOSE = 'Sanctions list screening before accepting, and while holding, an investor\'s money';
const SANCTIONS_AUTHORITY = 'OFAC regulations (31 CFR Chapter V); Bank Secrecy Act (31 U.S.C. 5318); Council Regulation (EU) No 269/2014';
const PEP_PURPOSE = 'Politically exposed person screening for enhanced due diligence';
const PEP_AUTHORITY = '31 CFR 1010.620; Directive (EU) 2015/849 Art. 20-23';

/** KYC/AML data of one investor: kept under AML law (legal obligation), deleted at most 10 years after. */
function kyc(category: string, sensitivity: 'confidential' | 'restricted' = 'restricted') {
  return {
    personal: { categories: [category], subjects: ['investor'], identifiability: 'pseudonymous', erasure: 'retain-legal-obligation' },
    sensitivity,
  } as const;
}

/** Accredited-investor verification and investment limits: also Regulation D evidence (6 years). */
function accreditation(category: string) {
  return {
    personal: {
      categories: [category], subjects: ['investor'], identifiability: 'pseudonymous', activities: ['investor-accreditation'],
      retention: 'reg-d-506', erasure: 'retain-legal-obligation',
    },
    sensitivity: 'confidential',
  } as const;
}

/** Consent records (GDPR Art. 7(1): the controller must be able to demonstrate consent). */
function consent(category: string) {
  return {
    personal: { categories: [category], subjects: ['investor'], identifiability: 'pseudonymous', activities: ['consent-management'], erasure: 'retain-legal-obligation' },
    sensitivity: 'internal',
  } as const;
}

/** One per user: the state of every compliance check on them. */
export const complianceProfiles = table('compliance_profiles', {
  comment: 'The compliance state of one user: KYC, AML risk, PEP and sanctions screening, accreditation, limits, consent',
  compliance: { activities: ['kyc-aml'], recordClass: 'aml-record', retention: 'amld-kyc-maximum', subjectKey: 'user_id', holdable: true },
  columns: {
    user_id: uuid({ primaryKey: true, references: { table: users, onDelete: 'restrict' }, ...personReference(['investor']) }),
    date_of_birth: date({
      sensitivity: 'restricted',
      personal: { categories: ['identity.date_of_birth'], subjects: ['investor'], identifiability: 'quasi', erasure: 'retain-legal-obligation' },
    }),
    tax_residency: varchar({ length: 2, check: sql`tax_residency ~ '^[A-Z]{2}$'`, comment: 'ISO 3166-1 alpha-2', ...kyc('location.tax_residency', 'confidential') }),
    kyc_status: enumColumn(kycStatus, { notNull: true, default: 'not_started', ...kyc('identity.verification_status', 'confidential') }),
    kyc_verified_at: timestamptz({ ...kyc('identity.verification_status', 'confidential') }),
    kyc_provider_reference: text({ comment: 'Case id at the identity verification provider', ...kyc('identity.verification_reference') }),
    aml_risk_score: numeric({
      precision: 5, scale: 2, comment: '0 (lowest) to 100 (highest) AML risk, from the risk model',
      check: { name: 'compliance_profiles_aml_risk_score_range', expression: sql`aml_risk_score BETWEEN 0 AND 100` },
      ...kyc('financial.aml_risk_score'),
    }),
    aml_risk_assessed_at: timestamptz({ ...kyc('financial.aml_risk_score', 'confidential') }),
    pep_status: enumColumn(pepStatus, { notNull: true, default: 'not_screened', ...screeningResult('pep_status', PEP_PURPOSE, PEP_AUTHORITY) }),
    pep_screened_at: timestamptz({ ...screeningResult('pep_status', PEP_PURPOSE, PEP_AUTHORITY) }),
    sanctions_status: enumColumn(sanctionsStatus, { notNull: true, default: 'not_screened', ...screeningResult('sanctions_status', SANCTIONS_PURPOSE, SANCTIONS_AUTHORITY) }),
    sanctions_screened_at: timestamptz({ ...screeningResult('sanctions_status', SANCTIONS_PURPOSE, SANCTIONS_AUTHORITY) }),
    sanctions_list_version: text({ comment: 'Lists and their publication dates screened against, e.g. OFAC-SDN 2026-11-20; EU-CFSP 2026-11-18', ...notPersonal }),
    accredited: boolean({ notNull: true, default: false, comment: 'Verified accredited investor (Rule 501(a)) as of now', ...accreditation('financial.accreditation_status') }),
    accreditation_method: enumColumn(accreditationMethod, { ...accreditation('financial.accreditation_status') }),
    accreditation_verified_at: timestamptz({ ...accreditation('financial.accreditation_status') }),
    accreditation_expires_at: timestamptz({ comment: 'Verification is relied on for at most 90 days (income/net worth) or the letter\'s validity', ...accreditation('financial.accreditation_status') }),
    accreditation_verifier: text({ comment: 'Who verified: a CPA, attorney, broker-dealer or adviser (Rule 506(c)(2)(ii)(C)), or the verification provider', ...notPersonal }),
    annual_investment_limit: numeric({ precision: 18, scale: 2, check: sql`annual_investment_limit >= 0`, comment: 'NULL: no limit (accredited investors)', ...accreditation('financial.investment_limit') }),
    investment_limit_used: numeric({ precision: 18, scale: 2, notNull: true, default: 0, check: sql`investment_limit_used >= 0`, ...accreditation('financial.investment_limit') }),
    investment_limit_period_start: date({ comment: 'Start of the 12-month period the limit counts', ...notPersonal }),
    gdpr_consent_given_at: timestamptz({ ...consent('consent.record') }),
    gdpr_consent_version: text({ comment: 'Version of the privacy terms consented to, e.g. 2026-05', ...consent('consent.record') }),
    gdpr_consent_withdrawn_at: timestamptz({ ...consent('consent.record') }),
    next_review_due: date({ comment: 'Periodic KYC refresh, sooner for higher risk', ...notPersonal }),
    origin: text({ notNull: true, default: 'platform', check: sql`origin IN ('platform', 'user_backfill')`, comment: 'user_backfill: created for an existing user by migration 2', ...notPersonal }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, ...notPersonal }),
    updated_at: timestamptz({ notNull: true, default: sql`now()`, ...notPersonal }),
  },
  checks: [
    check(sql`NOT accredited OR (accreditation_method IS NOT NULL AND accreditation_verified_at IS NOT NULL AND accreditation_expires_at IS NOT NULL)`, { name: 'compliance_profiles_accredited_is_verified' }),
    check(sql`accreditation_expires_at IS NULL OR accreditation_verified_at IS NULL OR accreditation_expires_at > accreditation_verified_at`, { name: 'compliance_profiles_accreditation_expires_after_verified' }),
    check(sql`kyc_status <> 'approved' OR kyc_verified_at IS NOT NULL`, { name: 'compliance_profiles_kyc_approved_has_date' }),
    check(sql`pep_status = 'not_screened' OR pep_screened_at IS NOT NULL`, { name: 'compliance_profiles_pep_screened_has_date' }),
    check(sql`sanctions_status = 'not_screened' OR (sanctions_screened_at IS NOT NULL AND sanctions_list_version IS NOT NULL)`, { name: 'compliance_profiles_sanctions_screened_has_list' }),
    check(sql`gdpr_consent_given_at IS NULL OR gdpr_consent_version IS NOT NULL`, { name: 'compliance_profiles_consent_has_version' }),
    check(sql`gdpr_consent_withdrawn_at IS NULL OR (gdpr_consent_given_at IS NOT NULL AND gdpr_consent_withdrawn_at >= gdpr_consent_given_at)`, { name: 'compliance_profiles_consent_withdrawn_after_given' }),
  ],
  indexes: [
    // Daily job: accredited investors whose verification runs out.
    index(['accreditation_expires_at'], { name: 'compliance_profiles_accreditation_expiry_idx', where: sql`accredited` }),
    // The screening queue: potential matches and unscreened investors.
    index(['sanctions_status', 'sanctions_screened_at'], { name: 'compliance_profiles_sanctions_queue_idx', where: sql`sanctions_status IN ('not_screened', 'potential_match')` }),
    index(['kyc_status', 'next_review_due']),
  ],
});

/** Identity, address, accreditation and tax documents an investor provides. */
export const complianceDocuments = table('compliance_documents', {
  comment: 'Identity, address, accreditation and tax documents behind a compliance profile',
  compliance: { activities: ['kyc-aml'], recordClass: 'aml-record', retention: 'amld-kyc-maximum', subjectKey: 'user_id', holdable: true },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, ...notPersonal }),
    user_id: uuid({ notNull: true, references: { table: complianceProfiles, column: 'user_id', onDelete: 'restrict' }, ...personReference(['investor']) }),
    kind: enumColumn(complianceDocumentKind, { notNull: true, ...notPersonal }),
    issuing_country: varchar({ length: 2, check: sql`issuing_country ~ '^[A-Z]{2}$'`, ...kyc('identity.government_id', 'confidential') }),
    document_number_encrypted: bytea({
      comment: 'Passport / ID card / licence number, encrypted by the application (envelope encryption, key in the KMS)',
      personal: { categories: ['identity.government_id'], subjects: ['investor'], identifiability: 'direct', erasure: 'retain-legal-obligation' },
      sensitivity: 'restricted', protection: { encryption: 'application' },
    }),
    document_number_last4: varchar({
      length: 4, check: sql`document_number_last4 ~ '^[0-9A-Z]{1,4}$'`, comment: 'Last characters of the number, for support',
      ...kyc('identity.government_id', 'confidential'),
    }),
    expires_on: date({ ...kyc('identity.government_id', 'confidential') }),
    storage_key: text({
      notNull: true, unique: true, comment: 'Object-store key of the scan, encrypted client-side before upload',
      personal: { categories: ['identity.government_id', 'identity.document_image'], subjects: ['investor'], identifiability: 'direct', erasure: 'retain-legal-obligation' },
      sensitivity: 'restricted', protection: { encryption: 'application' },
    }),
    content_type: varchar({ length: 255, notNull: true, ...notPersonal }),
    sha256: bytea({ notNull: true, check: sql`octet_length(sha256) = 32`, ...notPersonal }),
    review_status: enumColumn(documentReviewStatus, { notNull: true, default: 'pending', ...notPersonal }),
    reviewed_by: uuid({ references: { table: users, onDelete: 'restrict' }, ...personReference(['staff']) }),
    reviewed_at: timestamptz({ ...notPersonal }),
    rejection_reason: text({ ...kyc('identity.verification_status', 'confidential') }),
    uploaded_at: timestamptz({ notNull: true, default: sql`now()`, ...notPersonal }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, ...notPersonal }),
  },
  checks: [check(sql`review_status = 'pending' OR reviewed_at IS NOT NULL`, { name: 'compliance_documents_reviewed_has_date' })],
  indexes: [index(['user_id', 'kind']), index(['review_status', 'uploaded_at']), index(['reviewed_by'])],
});

/** Every compliance event, for examiners: inserted, never changed. */
export const complianceLogs = table('compliance_logs', {
  comment: 'Append-only log of every compliance event (screenings, decisions, consent, limits)',
  compliance: { activities: ['kyc-aml'], recordClass: 'aml-record', retention: 'amld-kyc-maximum', subjectKey: 'user_id', appendOnly: { writers: [] } },
  columns: {
    id: bigint({ primaryKey: true, identity: 'always', ...notPersonal }),
    user_id: uuid({ notNull: true, references: { table: users, onDelete: 'restrict' }, ...personReference(['investor']) }),
    event: enumColumn(complianceEvent, { notNull: true, ...notPersonal }),
    actor_id: uuid({ references: { table: users, onDelete: 'restrict' }, comment: 'Staff member who acted; NULL for automated checks', ...personReference(['staff']) }),
    source: text({ notNull: true, default: 'system', comment: 'system, staff, or the provider that reported the result', ...notPersonal }),
    details: jsonb({
      notNull: true, default: {}, comment: 'The values before and after, and screening hits',
      ...screeningResult('screening_results', `${SANCTIONS_PURPOSE}; ${PEP_PURPOSE}`, `${SANCTIONS_AUTHORITY}; ${PEP_AUTHORITY}`),
    }),
    sanctions_list_version: text({ ...notPersonal }),
    consent_version: text({ comment: 'For consent events: the version of the terms', ...notPersonal }),
    occurred_at: timestamptz({ notNull: true, default: sql`now()`, ...notPersonal }),
  },
  indexes: [index(['user_id', { column: 'occurred_at', order: 'desc' }]), index(['event', 'occurred_at']), index(['actor_id'])],
});

/** One per investment: the Regulation D exemption the sale relies on and its evidence. */
export const regDRecords = table('reg_d_records', {
  comment: 'The Regulation D exemption each investment relies on, its Form D and the accredited-investor evidence',
  compliance: { activities: ['securities-records'], recordClass: 'reg-d-record' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, ...notPersonal }),
    investment_id: uuid({ notNull: true, unique: true, references: { table: investments, onDelete: 'restrict' }, ...notPersonal }),
    exemption: enumColumn(regDExemption, { notNull: true, ...notPersonal }),
    form_d_file_number: varchar({ length: 20, check: sql`form_d_file_number ~ '^021-[0-9]{5,6}$'`, ...notPersonal }),
    form_d_filed_on: date({ comment: 'Due within 15 days after the first sale (Rule 503)', ...notPersonal }),
    general_solicitation: boolean({ notNull: true, default: false, ...notPersonal }),
    investor_accredited: boolean({ comment: 'Accredited at the time of sale; NULL until reviewed', ...kyc('financial.accreditation_status', 'confidential') }),
    verification_method: enumColumn(accreditationMethod, { ...kyc('financial.accreditation_status', 'confidential') }),
    verification_document_id: uuid({ references: { table: complianceDocuments, onDelete: 'restrict' }, ...notPersonal }),
    verified_at: timestamptz({ ...kyc('financial.accreditation_status', 'confidential') }),
    bad_actor_checked_at: timestamptz({ comment: 'Rule 506(d) disqualification check of the issuer and covered persons', ...notPersonal }),
    review_status: enumColumn(regDReviewStatus, { notNull: true, default: 'pending_review', ...notPersonal }),
    reviewed_by: uuid({ references: { table: users, onDelete: 'restrict' }, ...personReference(['staff']) }),
    origin: text({ notNull: true, default: 'platform', check: sql`origin IN ('platform', 'investment_backfill')`, comment: 'investment_backfill: created for an existing investment by migration 2', ...notPersonal }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, ...notPersonal }),
    updated_at: timestamptz({ notNull: true, default: sql`now()`, ...notPersonal }),
  },
  checks: [
    check(sql`NOT general_solicitation OR exemption = 'rule_506c'`, { name: 'reg_d_records_solicitation_only_506c' }),
    check(sql`review_status <> 'complete' OR exemption <> 'rule_506c' OR (investor_accredited AND verification_method IS NOT NULL AND verified_at IS NOT NULL)`, { name: 'reg_d_records_506c_purchaser_verified' }),
    check(sql`review_status <> 'complete' OR (form_d_file_number IS NOT NULL AND bad_actor_checked_at IS NOT NULL)`, { name: 'reg_d_records_complete_has_filing' }),
  ],
  indexes: [index(['review_status', 'created_at']), index(['verification_document_id']), index(['reviewed_by'])],
});
