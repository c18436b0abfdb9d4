import { enumType, namespace } from 'schemac';

/**
 * The four PostgreSQL schemas of the service. `public` holds accounts, API keys, documents and
 * jobs; the other three are declared here with their comments (public is built in).
 */
export const financialSchema = namespace('financial', { comment: 'Financial documents extracted for users: invoices, statements, ledger entries' });
export const taggingSchema = namespace('tagging', { comment: 'AI models, the tag vocabulary, and tags assigned to documents' });
export const tradingSchema = namespace('trading', { comment: 'Model signals, the orders users place from them, and positions' });

export const userStatus = enumType('user_status', ['active', 'suspended', 'closed'], { comment: 'Lifecycle of a user account' });

export const jobKind = enumType('job_kind', ['extract', 'classify', 'tag', 'reconcile', 'signal'], { comment: 'What a processing job does' });

export const jobStatus = enumType('job_status', ['queued', 'running', 'succeeded', 'failed', 'cancelled'], { comment: 'Lifecycle of a processing job' });

export const invoiceStatus = enumType('invoice_status', ['extracted', 'reviewed', 'approved', 'paid', 'rejected'], {
  schema: 'financial', comment: 'Lifecycle of an extracted invoice',
});

export const modelKind = enumType('model_kind', ['extractor', 'classifier', 'tagger', 'signal'], { schema: 'tagging' });

export const assignmentStatus = enumType('assignment_status', ['suggested', 'accepted', 'rejected'], {
  schema: 'tagging', comment: 'Whether a user confirmed a tag a model suggested',
});

export const orderSide = enumType('order_side', ['buy', 'sell'], { schema: 'trading' });

export const orderStatus = enumType('order_status', ['new', 'submitted', 'partially_filled', 'filled', 'cancelled', 'rejected'], {
  schema: 'trading', comment: 'Lifecycle of an order at the broker',
});
