import { queryAssertion, sql } from 'schemac';

/**
 * The list endpoints' queries, each checked by `schemac verify` to run on its pagination index
 * (EXPLAIN on the live database) rather than sorting the table.
 */
export const jobsPageByStatus = queryAssertion('jobs_page_by_status', {
  comment: 'GET /jobs?status=queued: the worker dashboard',
  sql: sql`SELECT id FROM public.jobs WHERE status = 'queued' ORDER BY created_at DESC LIMIT 50`,
  usesIndex: 'jobs_status_created_at_idx',
});

export const invoicesPage = queryAssertion('invoices_page', {
  comment: 'GET /invoices?after=…: keyset page, newest first',
  sql: sql`SELECT id FROM financial.invoices WHERE (created_at, id) < ('2026-06-01T00:00:00Z', 'ffffffff-ffff-ffff-ffff-ffffffffffff') ORDER BY created_at DESC, id DESC LIMIT 50`,
  usesIndex: 'invoices_created_at_id_idx',
});

export const ordersPageByStatus = queryAssertion('orders_page_by_status', {
  comment: 'GET /orders?status=submitted',
  sql: sql`SELECT id FROM trading.orders WHERE status = 'submitted' ORDER BY created_at DESC LIMIT 50`,
  usesIndex: 'orders_status_created_at_idx',
});

export const documentTagsPage = queryAssertion('tag_documents_page', {
  comment: 'GET /tags/:id/assignments: newest first',
  sql: sql`SELECT document_id FROM tagging.tag_assignments WHERE tag_id = '00000000-0000-0000-0000-000000000001' ORDER BY created_at DESC, id DESC LIMIT 50`,
  usesIndex: 'tag_assignments_tag_id_created_at_id_idx',
});
