import { enumType } from 'schemac';

export const membershipRole = enumType('membership_role', ['owner', 'admin', 'partner', 'manager', 'staff', 'viewer'], {
  comment: 'Access level of a user within their organization',
});
export const membershipStatus = enumType('membership_status', ['invited', 'active', 'suspended', 'removed']);
export const subscriptionStatus = enumType('subscription_status', ['trialing', 'active', 'past_due', 'cancelled']);

export const clientKind = enumType('client_kind', ['individual', 'sole_proprietor', 'partnership', 's_corporation', 'c_corporation', 'trust', 'nonprofit'], {
  comment: 'Legal form of a client: individuals and sole proprietors are natural persons (GDPR data subjects)',
});
export const clientStatus = enumType('client_status', ['prospect', 'active', 'inactive', 'archived']);

export const engagementType = enumType('engagement_type', ['tax_preparation', 'bookkeeping', 'audit', 'review', 'compilation', 'advisory', 'payroll']);
export const engagementStatus = enumType('engagement_status', ['proposed', 'active', 'on_hold', 'completed', 'cancelled']);
export const taskStatus = enumType('task_status', ['todo', 'in_progress', 'blocked', 'in_review', 'done']);
export const taskPriority = enumType('task_priority', ['low', 'normal', 'high', 'urgent']);

export const invoiceStatus = enumType('invoice_status', ['draft', 'issued', 'partially_paid', 'paid', 'void', 'written_off'], {
  comment: 'Lifecycle of an invoice to a client',
});
export const paymentStatus = enumType('payment_status', ['pending', 'succeeded', 'failed', 'refunded']);
export const paymentMethodKind = enumType('payment_method_kind', ['card', 'ach', 'wire', 'check']);

export const documentKind = enumType('document_kind', ['source_document', 'tax_form', 'workpaper', 'engagement_letter', 'financial_statement', 'correspondence', 'other']);
export const documentRequestStatus = enumType('document_request_status', ['open', 'fulfilled', 'cancelled']);

export const taxReturnStatus = enumType('tax_return_status', ['not_started', 'in_preparation', 'in_review', 'awaiting_signature', 'filed', 'accepted', 'rejected', 'amended'], {
  comment: 'Lifecycle of a tax return, from preparation to acceptance by the tax authority',
});

export const accountType = enumType('account_type', ['asset', 'liability', 'equity', 'revenue', 'expense']);
export const journalEntryStatus = enumType('journal_entry_status', ['draft', 'posted', 'reversed']);
export const statementKind = enumType('statement_kind', ['balance_sheet', 'income_statement', 'cash_flow', 'equity_changes', 'trial_balance']);

export const bankFeedStatus = enumType('bank_feed_status', ['connected', 'degraded', 'disconnected']);
export const reconciliationStatus = enumType('reconciliation_status', ['open', 'in_progress', 'completed', 'reopened']);

export const workflowRunStatus = enumType('workflow_run_status', ['pending', 'running', 'succeeded', 'failed', 'cancelled']);
export const notificationChannel = enumType('notification_channel', ['in_app', 'email', 'sms']);
export const integrationProvider = enumType('integration_provider', ['quickbooks', 'xero', 'plaid', 'stripe', 'docusign', 'gusto']);
export const deliveryStatus = enumType('delivery_status', ['pending', 'delivered', 'failed']);
export const auditAction = enumType('audit_action', ['insert', 'update', 'delete', 'login', 'logout', 'export', 'permission_change'], {
  comment: 'What an audit log entry records',
});
