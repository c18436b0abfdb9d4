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

// Accounting integrations.

export const accountingProvider = enumType('accounting_provider', ['quickbooks_online', 'xero', 'netsuite', 'sage_intacct']);

export const accountingEntryKind = enumType('accounting_entry_kind', ['journal_entry', 'receipt', 'invoice', 'bill', 'transfer']);

export const accountingSyncStatus = enumType('accounting_sync_status', ['pending', 'synced', 'failed', 'voided'], {
  comment: 'Whether a transaction has been posted to the accounting system',
});

// E-signatures.

export const esignatureProvider = enumType('esignature_provider', ['docusign', 'adobe_sign', 'dropbox_sign']);

export const esignatureStatus = enumType('esignature_status', ['draft', 'sent', 'delivered', 'viewed', 'signed', 'declined', 'voided', 'expired'], {
  comment: 'Lifecycle of one signer\'s signature request',
});

// Outgoing webhooks.

export const webhookDeliveryStatus = enumType('webhook_delivery_status', ['pending', 'delivering', 'succeeded', 'failed', 'abandoned']);

// Governance.

export const auditActorType = enumType('audit_actor_type', ['user', 'api_key', 'system', 'fund_administrator']);

export const dpaStatus = enumType('dpa_status', ['draft', 'sent', 'signed', 'superseded', 'terminated'], {
  comment: 'Lifecycle of a data processing agreement (GDPR Art. 28)',
});

// Organization membership and single sign-on.

export const memberStatus = enumType('member_status', ['active', 'suspended', 'removed']);

export const ssoProtocol = enumType('sso_protocol', ['saml', 'oidc']);

// Scheduled reports.

export const reportType = enumType('report_type', ['capital_account_statement', 'capital_call_summary', 'fund_performance', 'payment_reconciliation', 'audit_export']);

export const reportFormat = enumType('report_format', ['pdf', 'xlsx', 'csv']);

export const reportExecutionStatus = enumType('report_execution_status', ['queued', 'running', 'succeeded', 'failed', 'cancelled']);
