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

// Payments, bank accounts and statement reconciliation.

export const paymentStatus = enumType('payment_status', ['pending', 'processing', 'settled', 'failed', 'returned', 'cancelled'], {
  comment: 'Lifecycle of an investor payment against a capital call',
});

export const paymentMethod = enumType('payment_method', ['wire', 'ach', 'sepa_credit', 'check', 'other']);

export const bankAccountPurpose = enumType('bank_account_purpose', ['operating', 'capital_call_receipts', 'distributions', 'investor'], {
  comment: 'What a bank account is used for: one of the fund\'s own accounts, or an investor\'s',
});

export const bankAccountStatus = enumType('bank_account_status', ['pending_verification', 'verified', 'suspended', 'closed']);

export const reconciliationStatus = enumType('reconciliation_status', ['unmatched', 'matched', 'partially_matched', 'disputed', 'ignored'], {
  comment: 'Whether a bank statement line has been matched to a payment',
});

// Integrations (fund administrators now, accounting and SSO later).

export const integrationStatus = enumType('integration_status', ['pending', 'active', 'error', 'disabled'], {
  comment: 'State of a connection to an outside system',
});

export const syncDirection = enumType('sync_direction', ['import', 'export']);

export const syncStatus = enumType('sync_status', ['running', 'succeeded', 'partially_succeeded', 'failed']);

export const inboundWebhookStatus = enumType('inbound_webhook_status', ['received', 'processed', 'ignored', 'failed'], {
  comment: 'Processing state of a webhook received from an outside system',
});
