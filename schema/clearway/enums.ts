import { enumType, extension } from 'schemac';

/** Case-insensitive e-mail addresses. */
export const citextExtension = extension('citext');

export const organizationType = enumType('organization_type', ['fund_manager', 'fund_administrator', 'investor_entity'], {
  comment: 'What kind of firm an organization is',
});

export const userRole = enumType('user_role', ['owner', 'admin', 'member', 'viewer'], {
  comment: 'Access level of a user within their organization',
});

export const documentKind = enumType('document_kind', ['capital_call_notice', 'distribution_notice', 'k1', 'subscription_agreement', 'other']);

export const capitalCallStatus = enumType('capital_call_status', ['draft', 'issued', 'partially_paid', 'paid', 'cancelled'], {
  comment: 'Lifecycle of a capital call',
});
