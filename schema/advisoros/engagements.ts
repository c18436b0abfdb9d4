import { boolean, check, date, enumColumn, index, integer, jsonb, numeric, sql, table, text, timestamptz, uuid, varchar } from 'schemac';
import { engagementStatus, engagementType, membershipRole, taskPriority, taskStatus } from './enums.ts';
import { clients } from './clients.ts';
import { organizations, teams, users } from './tenancy.ts';
import { clientReference, userReference } from './personal.ts';

/** A piece of work for a client: a tax return, the monthly books, an audit, advice. */
export const engagements = table('engagements', {
  comment: 'A piece of work for a client: a tax return, the monthly books, an audit, advice',
  compliance: { tenant: { column: 'organization_id' }, activities: ['client-services'], recordClass: 'engagement-record', subjectKey: 'client_id', holdable: true },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    client_id: uuid({ notNull: true, references: { table: clients }, personal: clientReference }),
    team_id: uuid({ references: { table: teams, onDelete: 'set null' }, personal: false }),
    partner_id: uuid({ references: { table: users, onDelete: 'set null' }, personal: userReference }),
    manager_id: uuid({ references: { table: users, onDelete: 'set null' }, personal: userReference }),
    type: enumColumn(engagementType, { notNull: true, personal: false }),
    status: enumColumn(engagementStatus, { notNull: true, default: 'proposed', personal: false }),
    name: text({ notNull: true, personal: false, sensitivity: 'internal' }),
    period_start: date({ personal: false }),
    period_end: date({ personal: false }),
    fee_type: varchar({ length: 16, notNull: true, default: 'hourly', check: sql`fee_type IN ('hourly', 'fixed', 'retainer', 'value')`, personal: false }),
    fixed_fee: numeric({ precision: 12, scale: 2, check: sql`fixed_fee >= 0`, personal: false, sensitivity: 'confidential' }),
    budget_hours: numeric({ precision: 8, scale: 2, personal: false }),
    due_date: date({ personal: false }),
    metadata: jsonb({ notNull: true, default: {}, personal: false }),
    started_at: timestamptz({ personal: false }),
    completed_at: timestamptz({ personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  checks: [
    check(sql`period_end IS NULL OR period_start IS NULL OR period_end >= period_start`, { name: 'engagements_period_order' }),
    check(sql`fee_type <> 'fixed' OR fixed_fee IS NOT NULL`, { name: 'engagements_fixed_fee_present' }),
  ],
  indexes: [
    index(['organization_id', 'status', 'due_date']),
    index(['organization_id', 'client_id', 'type', 'period_end']),
    index(['client_id', 'type', 'period_start'], { unique: true, where: sql`status <> 'cancelled'`, name: 'engagements_client_period_key' }),
    index(['partner_id', 'status'], { where: sql`status IN ('proposed', 'active', 'on_hold')`, name: 'engagements_open_by_partner_idx' }),
    index(['manager_id'], { include: ['status', 'due_date'] }),
    index(['team_id']),
    index([{ column: 'metadata', opclass: 'jsonb_path_ops' }], { using: 'gin' }),
    index([{ expression: sql`to_tsvector('english', name)` }], { using: 'gin', name: 'engagements_name_search_idx' }),
  ],
});

/** The signed terms of an engagement (scope, fees, responsibilities). */
export const engagementLetters = table('engagement_letters', {
  comment: 'The signed terms of an engagement',
  compliance: { tenant: { column: 'organization_id' }, activities: ['client-services'], recordClass: 'engagement-record' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    engagement_id: uuid({ notNull: true, references: { table: engagements, onDelete: 'cascade' }, personal: false }),
    version: integer({ notNull: true, default: 1, check: sql`version > 0`, personal: false }),
    terms: text({ notNull: true, personal: false, sensitivity: 'confidential' }),
    sent_at: timestamptz({ personal: false }),
    signed_at: timestamptz({ personal: false }),
    signer_name: text({
      sensitivity: 'confidential',
      personal: { categories: ['identity.name'], subjects: ['client-contact'], identifiability: 'direct', erasure: 'retain-legal-claims' },
    }),
    signature_ip: varchar({
      length: 45, sensitivity: 'confidential',
      personal: { categories: ['online.ip_address'], subjects: ['client-contact'], identifiability: 'quasi', erasure: 'retain-legal-claims' },
    }),
    envelope_id: text({ comment: 'E-signature envelope id', personal: false }),
    created_by: uuid({ references: { table: users, onDelete: 'set null' }, personal: userReference }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  uniques: [{ kind: 'unique', columns: ['engagement_id', 'version'] }],
  indexes: [
    index(['organization_id', 'signed_at']),
    index(['organization_id', 'sent_at'], { where: sql`signed_at IS NULL AND sent_at IS NOT NULL`, name: 'engagement_letters_awaiting_signature_idx' }),
    index(['envelope_id'], { unique: true, where: sql`envelope_id IS NOT NULL`, name: 'engagement_letters_envelope_key' }),
    index(['created_by']),
  ],
});

/** A to-do within an engagement. */
export const tasks = table('tasks', {
  comment: 'A to-do within an engagement',
  compliance: { tenant: { column: 'organization_id' }, activities: ['client-services'], retention: 'operational-data' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    engagement_id: uuid({ notNull: true, references: { table: engagements, onDelete: 'cascade' }, personal: false }),
    parent_task_id: uuid({ references: { table: 'tasks', onDelete: 'cascade' }, personal: false }),
    assignee_id: uuid({ references: { table: users, onDelete: 'set null' }, personal: { ...userReference, erasure: 'anonymise' } }),
    title: text({ notNull: true, personal: false, sensitivity: 'internal' }),
    description: text({ personal: false, sensitivity: 'confidential' }),
    status: enumColumn(taskStatus, { notNull: true, default: 'todo', personal: false }),
    priority: enumColumn(taskPriority, { notNull: true, default: 'normal', personal: false }),
    labels: text({ array: true, notNull: true, default: [], personal: false }),
    due_at: timestamptz({ personal: false }),
    completed_at: timestamptz({ personal: false }),
    position: integer({ notNull: true, default: 0, personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  checks: [check(sql`(status = 'done') = (completed_at IS NOT NULL)`, { name: 'tasks_completed_when_done' })],
  indexes: [
    index(['organization_id', 'assignee_id', 'due_at'], { where: sql`status <> 'done'`, name: 'tasks_open_by_assignee_idx' }),
    index(['engagement_id', 'position'], { include: ['status', 'title'] }),
    index(['parent_task_id'], { where: sql`parent_task_id IS NOT NULL` }),
    index(['organization_id', { column: 'due_at', order: 'asc', nulls: 'last' }], { where: sql`priority IN ('high', 'urgent') AND status <> 'done'`, name: 'tasks_urgent_due_idx' }),
    index(['labels'], { using: 'gin' }),
    index([{ expression: sql`to_tsvector('english', coalesce(title, '') || ' ' || coalesce(description, ''))` }], { using: 'gin', name: 'tasks_search_idx' }),
  ],
});

/** Discussion on a task. */
export const taskComments = table('task_comments', {
  comment: 'Discussion on a task',
  compliance: { tenant: { column: 'organization_id' }, activities: ['client-services'], retention: 'operational-data' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    task_id: uuid({ notNull: true, references: { table: tasks, onDelete: 'cascade' }, personal: false }),
    author_id: uuid({ references: { table: users, onDelete: 'set null' }, personal: { ...userReference, erasure: 'anonymise' } }),
    body: text({
      notNull: true, sensitivity: 'confidential', comment: 'Free text; may mention people',
      personal: { categories: ['other.free_form'], subjects: ['user', 'client-contact'], identifiability: 'quasi', erasure: 'delete' },
    }),
    mentions: uuid({ array: true, notNull: true, default: [], comment: 'Users mentioned', personal: { ...userReference, erasure: 'delete' } }),
    edited_at: timestamptz({ personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  indexes: [
    index(['organization_id', 'task_id', 'created_at']),
    index(['author_id']),
    index(['mentions'], { using: 'gin' }),
    index([{ expression: sql`to_tsvector('english', body)` }], { using: 'gin', name: 'task_comments_body_search_idx' }),
  ],
});

/** Hours worked on an engagement, billable or not. */
export const timeEntries = table('time_entries', {
  comment: 'Hours worked on an engagement',
  compliance: { tenant: { column: 'organization_id' }, activities: ['billing'], recordClass: 'engagement-record' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    engagement_id: uuid({ notNull: true, references: { table: engagements }, personal: false }),
    task_id: uuid({ references: { table: tasks, onDelete: 'set null' }, personal: false }),
    user_id: uuid({ notNull: true, references: { table: users }, personal: userReference }),
    work_date: date({ notNull: true, personal: false }),
    minutes: integer({ notNull: true, check: sql`minutes > 0 AND minutes <= 1440`, personal: false }),
    billable: boolean({ notNull: true, default: true, personal: false }),
    hourly_rate: numeric({ precision: 10, scale: 2, personal: false, sensitivity: 'confidential' }),
    notes: text({ personal: false, sensitivity: 'confidential' }),
    invoice_id: uuid({ references: { table: 'invoices', onDelete: 'set null' }, comment: 'Set once billed', personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  indexes: [
    index(['organization_id', 'user_id', 'work_date'], { include: ['minutes', 'billable'] }),
    index(['engagement_id', 'work_date']),
    index(['engagement_id'], { where: sql`billable AND invoice_id IS NULL`, include: ['minutes', 'hourly_rate'], name: 'time_entries_unbilled_idx' }),
    index(['task_id'], { where: sql`task_id IS NOT NULL` }),
    index(['invoice_id'], { where: sql`invoice_id IS NOT NULL` }),
  ],
});

/** Out-of-pocket costs of an engagement, re-billable to the client. */
export const expenses = table('expenses', {
  comment: 'Out-of-pocket costs of an engagement',
  compliance: { tenant: { column: 'organization_id' }, activities: ['billing'], recordClass: 'engagement-record' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    engagement_id: uuid({ notNull: true, references: { table: engagements }, personal: false }),
    incurred_by: uuid({ notNull: true, references: { table: users }, personal: userReference }),
    category: varchar({ length: 32, notNull: true, personal: false }),
    amount: numeric({ precision: 12, scale: 2, notNull: true, check: sql`amount > 0`, personal: false, sensitivity: 'confidential' }),
    currency: varchar({ length: 3, notNull: true, default: 'USD', personal: false }),
    incurred_on: date({ notNull: true, personal: false }),
    rebillable: boolean({ notNull: true, default: true, personal: false }),
    receipt_key: text({ comment: 'Object-store key of the receipt', personal: false, sensitivity: 'confidential' }),
    approved_by: uuid({ references: { table: users, onDelete: 'set null' }, personal: userReference }),
    approved_at: timestamptz({ personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  checks: [check(sql`(approved_by IS NULL) = (approved_at IS NULL)`, { name: 'expenses_approval_complete' })],
  indexes: [
    index(['organization_id', 'incurred_on', 'category']),
    index(['engagement_id'], { where: sql`rebillable`, include: ['amount', 'currency'], name: 'expenses_rebillable_idx' }),
    index(['incurred_by', 'incurred_on']),
    index(['organization_id', 'created_at'], { where: sql`approved_at IS NULL`, name: 'expenses_awaiting_approval_idx' }),
    index(['approved_by']),
  ],
});

/** Hourly rates by role or by person, with validity periods. */
export const rateCards = table('rate_cards', {
  comment: 'Hourly rates by role or by person, with validity periods',
  compliance: { tenant: { column: 'organization_id' }, activities: ['billing'], recordClass: 'engagement-record' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    role: enumColumn(membershipRole, { personal: false }),
    user_id: uuid({ references: { table: users, onDelete: 'cascade' }, personal: userReference }),
    engagement_type: enumColumn(engagementType, { personal: false }),
    hourly_rate: numeric({ precision: 10, scale: 2, notNull: true, check: sql`hourly_rate >= 0`, personal: false, sensitivity: 'confidential' }),
    valid_from: date({ notNull: true, personal: false }),
    valid_to: date({ personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  checks: [
    check(sql`(role IS NULL) <> (user_id IS NULL)`, { name: 'rate_cards_role_or_user' }),
    check(sql`valid_to IS NULL OR valid_to > valid_from`, { name: 'rate_cards_validity_order' }),
  ],
  indexes: [
    index(['organization_id', 'role', 'engagement_type', { column: 'valid_from', order: 'desc' }], { where: sql`role IS NOT NULL`, name: 'rate_cards_role_lookup_idx' }),
    index(['user_id', { column: 'valid_from', order: 'desc' }], { where: sql`user_id IS NOT NULL`, name: 'rate_cards_user_lookup_idx' }),
    index(['organization_id', 'role', 'engagement_type'], { unique: true, nullsNotDistinct: true, where: sql`valid_to IS NULL AND role IS NOT NULL`, name: 'rate_cards_current_role_key' }),
  ],
});
