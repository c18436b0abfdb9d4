import { enumType, extension } from 'schemac';

/** Case-insensitive e-mail addresses. */
export const citextExtension = extension('citext');

export const userRole = enumType('user_role', ['investor', 'founder', 'syndicate_lead', 'admin'], {
  comment: 'What a user does on the marketplace',
});

export const companyStage = enumType('company_stage', ['pre_seed', 'seed', 'series_a', 'series_b', 'growth'], {
  comment: 'Funding stage of a startup',
});

export const instrumentType = enumType('instrument_type', ['safe', 'convertible_note', 'preferred_equity', 'common_equity'], {
  comment: 'Security an investment buys',
});

export const investmentStatus = enumType('investment_status', ['pending', 'committed', 'funded', 'cancelled'], {
  comment: 'Lifecycle of a direct investment',
});

export const leadStatus = enumType('lead_status', ['open', 'converted', 'closed', 'withdrawn'], {
  comment: 'Lifecycle of a deal lead: a lead investor proposing a round to co-investors',
});

// Marketplace (migration 2)

export const syndicateStatus = enumType('syndicate_status', ['forming', 'open', 'closed', 'archived'], {
  comment: 'Lifecycle of a syndicate',
});

export const commitmentStatus = enumType('commitment_status', ['committed', 'funded', 'withdrawn', 'refunded'], {
  comment: 'Lifecycle of a member commitment to a syndicate',
});

export const spvStatus = enumType('spv_status', ['forming', 'open', 'closed', 'wound_down'], {
  comment: 'Lifecycle of a special purpose vehicle',
});

export const spvInterestStatus = enumType('spv_interest_status', ['subscribed', 'funded', 'transferred', 'redeemed'], {
  comment: 'Lifecycle of a membership interest in an SPV',
});

export const certificateStatus = enumType('certificate_status', ['issued', 'transferred', 'cancelled', 'converted'], {
  comment: 'Lifecycle of a share certificate',
});

export const orderSide = enumType('order_side', ['buy', 'sell']);

export const orderType = enumType('order_type', ['limit', 'market']);

export const orderStatus = enumType('order_status', ['open', 'partially_filled', 'filled', 'cancelled', 'expired'], {
  comment: 'Lifecycle of a secondary-market order',
});

export const tradeStatus = enumType('trade_status', ['pending_settlement', 'settled', 'failed', 'cancelled'], {
  comment: 'Settlement state of a matched trade',
});

export const syndicateDocumentKind = enumType('syndicate_document_kind', ['deal_memo', 'term_sheet', 'subscription_agreement', 'operating_agreement', 'side_letter', 'tax_form', 'investor_update', 'other']);

export const regDExemption = enumType('reg_d_exemption', ['rule_504', 'rule_506b', 'rule_506c'], {
  comment: 'Regulation D exemption a sale relies on (17 CFR 230.504, 230.506(b), 230.506(c))',
});

export const regDReviewStatus = enumType('reg_d_review_status', ['pending_review', 'complete', 'deficient'], {
  comment: 'Compliance review of a Regulation D record',
});

export const kycStatus = enumType('kyc_status', ['not_started', 'pending', 'approved', 'rejected', 'needs_review'], {
  comment: 'Customer identification (CIP/KYC) outcome',
});

export const pepStatus = enumType('pep_status', ['not_screened', 'not_pep', 'domestic_pep', 'foreign_pep', 'international_organisation_pep', 'family_or_close_associate'], {
  comment: 'Politically exposed person screening outcome (31 CFR 1010.620, AMLD Art. 3(9)–(11))',
});

export const sanctionsStatus = enumType('sanctions_status', ['not_screened', 'clear', 'potential_match', 'confirmed_match', 'false_positive'], {
  comment: 'Sanctions list screening outcome (OFAC SDN, EU, UN, UK HMT)',
});

export const accreditationMethod = enumType('accreditation_method', ['income', 'net_worth', 'professional_certification', 'knowledgeable_employee', 'entity_assets', 'third_party_letter', 'self_certified'], {
  comment: 'How accredited-investor status was established (Rule 501(a), Rule 506(c)(2)(ii))',
});

export const complianceDocumentKind = enumType('compliance_document_kind', ['passport', 'national_id', 'drivers_license', 'proof_of_address', 'accreditation_letter', 'tax_return', 'bank_statement', 'entity_formation', 'w9', 'w8ben']);

export const documentReviewStatus = enumType('document_review_status', ['pending', 'accepted', 'rejected', 'expired']);

export const complianceEvent = enumType('compliance_event', [
  'profile_created', 'kyc_submitted', 'kyc_decided', 'aml_risk_scored', 'pep_screened', 'sanctions_screened',
  'accreditation_verified', 'accreditation_expired', 'investment_limit_changed', 'consent_given', 'consent_withdrawn',
  'document_uploaded', 'document_reviewed', 'reg_d_reviewed',
], { comment: 'What a compliance log entry records' });

export const analyticsScope = enumType('analytics_scope', ['platform', 'syndicate', 'spv', 'company']);
