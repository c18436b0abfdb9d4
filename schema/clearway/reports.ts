import { boolean, check, citext, enumColumn, index, integer, jsonb, sql, table, text, timestamptz, uuid } from 'schemac';
import { reportExecutionStatus, reportFormat, reportType } from './enums.ts';
import { documents } from './funds.ts';
import { organizations, users } from './organizations.ts';
import { settingsUserReference, userReference } from './personal.ts';

/** Reports an organization has produced and sent on a schedule. */
export const scheduledReports = table('scheduled_reports', {
  comment: 'Reports produced and sent on a schedule',
  compliance: { tenant: { column: 'organization_id' }, activities: ['client-reporting'], retention: 'account-data' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    name: text({ notNull: true, personal: false }),
    report_type: enumColumn(reportType, { notNull: true, personal: false }),
    format: enumColumn(reportFormat, { notNull: true, default: 'pdf', personal: false }),
    cron_expression: text({ notNull: true, check: sql`cron_expression ~ '^[^ ]+( [^ ]+){4}$'`, comment: 'Five-field cron expression, in time_zone', personal: false }),
    time_zone: text({ notNull: true, default: 'UTC', comment: 'IANA time zone name', personal: false }),
    parameters: jsonb({ notNull: true, default: {}, comment: 'Report parameters: funds, period, grouping', personal: false }),
    recipient_emails: citext({
      array: true,
      notNull: true,
      default: [],
      sensitivity: 'confidential',
      personal: { categories: ['contact.email'], subjects: ['user', 'investor'], identifiability: 'direct', erasure: 'delete' },
    }),
    enabled: boolean({ notNull: true, default: true, personal: false }),
    next_run_at: timestamptz({ personal: false }),
    last_run_at: timestamptz({ personal: false }),
    created_by: uuid({ references: { table: users, onDelete: 'set null' }, personal: settingsUserReference }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
    updated_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  uniques: [{ kind: 'unique', columns: ['organization_id', 'name'] }],
  checks: [check(sql`NOT enabled OR next_run_at IS NOT NULL`, { name: 'scheduled_reports_enabled_is_scheduled' })],
  indexes: [
    index(['next_run_at'], { name: 'scheduled_reports_due_idx', where: sql`enabled`, include: ['organization_id'], comment: 'The scheduler\'s queue' }),
    index(['organization_id', 'report_type']),
    index(['created_by'], { where: sql`created_by IS NOT NULL` }),
  ],
});

/** One run of a scheduled (or on-demand) report. */
export const reportExecutions = table('report_executions', {
  comment: 'Runs of scheduled reports',
  compliance: { tenant: { column: 'organization_id' }, activities: ['client-reporting'], retention: 'operational-logs' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    scheduled_report_id: uuid({ notNull: true, references: { table: scheduledReports, onDelete: 'cascade' }, personal: false }),
    status: enumColumn(reportExecutionStatus, { notNull: true, default: 'queued', personal: false }),
    triggered_by: uuid({ references: { table: users, onDelete: 'set null' }, comment: 'NULL for scheduled runs', personal: { ...userReference, erasure: 'delete' } }),
    started_at: timestamptz({ personal: false }),
    finished_at: timestamptz({ personal: false }),
    row_count: integer({ check: sql`row_count >= 0`, personal: false }),
    output_document_id: uuid({ references: { table: documents, onDelete: 'set null' }, comment: 'The produced file', personal: false }),
    error: text({ personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, comment: 'When the run was queued', personal: false }),
  },
  checks: [
    check(sql`finished_at IS NULL OR started_at IS NULL OR finished_at >= started_at`, { name: 'report_executions_finished_after_start' }),
    check(sql`status NOT IN ('succeeded', 'failed', 'cancelled') OR finished_at IS NOT NULL`, { name: 'report_executions_finished_when_done' }),
  ],
  indexes: [
    index(['scheduled_report_id', { column: 'created_at', order: 'desc' }], { name: 'report_executions_report_created_idx' }),
    index(['organization_id', 'status', { column: 'created_at', order: 'desc' }], { name: 'report_executions_org_status_created_idx' }),
    index(['scheduled_report_id'], {
      unique: true,
      name: 'report_executions_one_active_key',
      where: sql`status IN ('queued', 'running')`,
      comment: 'A report runs once at a time',
    }),
    index(['output_document_id'], { where: sql`output_document_id IS NOT NULL` }),
    index(['triggered_by'], { where: sql`triggered_by IS NOT NULL` }),
  ],
});
