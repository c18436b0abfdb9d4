/**
 * Compliance checks without a database: each compile-time rule (SC701–SC713) on a declaration
 * that breaks it and one that does not, and the plan-time rules (SC720–SC722) with and without
 * waivers. Enforcement output (policies, triggers, comments) is pinned too.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readAnnotation } from '../../compiler/compliance/annotations.js';
import { checkComplianceChanges } from '../../compiler/compliance/changes.js';
import { checkCompliance, durationDays } from '../../compiler/compliance/checks.js';
import { enforceCompliance } from '../../compiler/compliance/enforce.js';
import { diffSchemas } from '../../compiler/diff/index.js';
import { buildSchema } from '../../compiler/dsl/build.js';
import type { Declaration } from '../../compiler/dsl/declarations.js';
import { loadParser } from '../../compiler/expr/index.js';
import {
  grant, index, integer, partition, policy, processingActivity, recordClass, retentionRule, sql, table, text, timestamptz, uuid, view, waiver,
} from '../../compiler/index.js';
import type { Schema } from '../../compiler/model/types.js';

beforeAll(loadParser);

const NOW = new Date('2026-11-21T00:00:00Z');
const build = (...d: Declaration[]): Schema => buildSchema(d, process.cwd()).schema;
const codes = (...d: Declaration[]): string[] => {
  const built = buildSchema(d, process.cwd());
  return checkCompliance(built.schema, built.locate, NOW).map((x) => `${x.code} ${x.path}`).sort();
};

const kyc = processingActivity('kyc', { name: 'KYC', purpose: 'Know your customer', lawfulBasis: 'legal-obligation', subjects: ['investor'] });
const aml = retentionRule('aml', { duration: 'P5Y', start: { column: 'created_at' }, bound: 'minimum', action: 'delete', citations: ['BSA'] });
const gdpr = retentionRule('gdpr-2y', { duration: 'P2Y', start: { event: 'account closed' }, bound: 'maximum', action: 'anonymise', citations: ['GDPR 5(1)(e)'] });
const email = { categories: ['contact.email'], subjects: ['investor'], identifiability: 'direct', erasure: 'delete' } as const;
const no = { personal: false } as const;

const people = (columns: Parameters<typeof table>[1]['columns'], compliance: Parameters<typeof table>[1]['compliance'] = { activities: ['kyc'], retention: 'aml' }) =>
  table('people', { compliance, columns: { id: uuid({ primaryKey: true, ...no }), created_at: timestamptz({ notNull: true, ...no }), ...columns } });

describe('compile-time compliance checks', () => {
  it('apply only once the vocabulary is used', () => {
    expect(codes(table('plain', { columns: { id: uuid({ primaryKey: true }) } }))).toEqual([]);
  });

  it('a fully annotated table passes', () => {
    expect(codes(kyc, aml, people({ email: text({ personal: email }) }))).toEqual([]);
  });

  it.each([
    ['SC701 unclassified column', [kyc, aml, people({ email: text() })], ['SC701 column:public.people.email']],
    ['SC702 no activity', [kyc, aml, people({ email: text({ personal: email }) }, { retention: 'aml' })], ['SC702 column:public.people.email']],
    ['SC702 subject no activity covers', [kyc, aml, people({ email: text({ personal: { ...email, subjects: ['employee'] } }) })], ['SC702 column:public.people.email']],
    ['SC703 no retention', [kyc, aml, people({ email: text({ personal: email }) }, { activities: ['kyc'] })], ['SC703 column:public.people.email']],
    ['SC704 special category without protection', [kyc, aml, people({ health: text({ personal: { ...email, categories: ['health.diagnosis'], special: { category: 'health', condition: '9(2)(h)' } } }) })], ['SC704 column:public.people.health']],
    ['SC705 minimum longer than maximum', [kyc, aml, gdpr, people({ email: text({ personal: { ...email, retention: 'gdpr-2y' } }) })], ['SC705 column:public.people.email']],
    ['SC705 bad duration', [kyc, aml, retentionRule('bad', { duration: '7 years', start: { event: 'x' }, bound: 'maximum', action: 'delete' }), people({ email: text({ personal: email }) })], ['SC705 compliance:retention/bad']],
    ['SC706 raw card number', [kyc, aml, people({ pan: text({ personal: { ...email, categories: ['financial.card_number'] } }) })], ['SC706 column:public.people.pan']],
    ['SC710 unknown activity', [aml, people({ email: text({ personal: email }) })], ['SC710 column:public.people.email', 'SC710 table:public.people']],
    ['SC711 malformed waiver', [kyc, aml, people({ email: text({ personal: email }) }), waiver({ rule: 'SC722', target: 'column:public.people.email', reason: 'x', approver: '', expires: 'soon' })], ['SC711 compliance:waiver/SC722 column:public.people.email']],
    ['SC713 subject key that is not a column', [kyc, aml, people({ email: text({ personal: email }) }, { activities: ['kyc'], retention: 'aml', subjectKey: 'nope' })], ['SC713 table:public.people']],
  ] as const)('%s', (_name, declarations, expected) => {
    expect(codes(...(declarations as unknown as Declaration[]))).toEqual(expected);
  });

  it('SC705: a retention rule starting at a column the table lacks or that is not a date', () => {
    const rule = retentionRule('r', { duration: 'P1Y', start: { column: 'amount' }, bound: 'maximum', action: 'delete' });
    const t = table('t', { compliance: { retention: 'r' }, columns: { id: uuid({ primaryKey: true, ...no }), amount: integer(no) } });
    expect(codes(rule, t)).toEqual(['SC705 table:public.t']);
  });

  it('SC707/SC712: tenant tables need a NOT NULL, indexed tenant column, no open policy, and every table says its scope', () => {
    const tenant = table('orders', {
      compliance: { tenant: { column: 'org' } },
      rowLevelSecurity: 'enabled',
      policies: [policy('everyone', { using: sql`true` })],
      columns: { id: uuid({ primaryKey: true, ...no }), org: uuid(no) },
    });
    const other = table('other', { columns: { id: uuid({ primaryKey: true, ...no }) } });
    expect(codes(tenant, other)).toEqual(['SC707 column:public.orders.org', 'SC707 table:public.orders', 'SC707 table:public.orders', 'SC712 table:public.other']);
    const fixed = table('orders', { compliance: { tenant: { column: 'org' } }, columns: { id: uuid({ primaryKey: true, ...no }), org: uuid({ notNull: true, ...no }) }, indexes: [index(['org'])] });
    expect(codes(fixed, table('other', { compliance: { tenant: { global: 'reference data' } }, columns: { id: uuid({ primaryKey: true, ...no }) } }))).toEqual([]);
  });

  it('SC708: a view over tenant data must run with the reader\'s rights; SC701: computed view columns are classified', () => {
    const orders = table('orders', { compliance: { tenant: { column: 'org' } }, columns: { id: uuid({ primaryKey: true, ...no }), org: uuid({ notNull: true, ...no }) }, indexes: [index(['org'])] });
    const v = view('order_counts', { query: sql`SELECT org, count(*) AS n FROM public.orders GROUP BY org` });
    expect(codes(orders, v)).toEqual(['SC701 view:public.order_counts', 'SC708 view:public.order_counts']);
    const ok = view('order_counts', { securityInvoker: true, query: sql`SELECT org, count(*) AS n FROM public.orders GROUP BY org`, classify: { n: no } });
    expect(codes(orders, ok)).toEqual([]);
  });

  it('SC709: an append-only table grants no UPDATE, DELETE or TRUNCATE', () => {
    const log = table('log', { compliance: { appendOnly: { writers: ['app'] } }, columns: { id: uuid({ primaryKey: true, ...no }) } });
    expect(codes(log, grant(['SELECT', 'UPDATE'], log, 'app'))).toEqual(['SC709 table:public.log']);
  });

  it('ISO-8601 durations', () => {
    expect(durationDays('P7Y')).toBeCloseTo(2556.75);
    expect(durationDays('P1M2DT3H')).toBeCloseTo(32.565, 2);
    expect(durationDays('P')).toBeUndefined();
    expect(durationDays('7Y')).toBeUndefined();
  });
});

describe('enforcement', () => {
  it('tenant tables get forced RLS and the restrictive and permissive tenant policies; annotations go into comments, hashed', () => {
    const orders = table('orders', { comment: 'Orders', compliance: { tenant: { column: 'org' } }, columns: { id: uuid({ primaryKey: true, ...no }), org: uuid({ notNull: true, comment: 'Tenant', ...no }) }, indexes: [index(['org'])] });
    const enforced = enforceCompliance(build(orders));
    const t = enforced.tables.find((x) => x.name === 'orders')!;
    expect(t.rowLevelSecurity).toBe('forced');
    expect(t.policies?.map((p) => `${p.name} ${p.permissive ? 'permissive' : 'restrictive'} ${p.using?.sql}`)).toEqual([
      `tenant_isolation restrictive "org" = (NULLIF(current_setting('app.org', true), ''))::uuid`,
      `tenant_access permissive "org" = (NULLIF(current_setting('app.org', true), ''))::uuid`,
    ]);
    const read = readAnnotation(t.columns.find((c) => c.name === 'org')!.comment);
    expect(read).toEqual({ human: 'Tenant', annotations: { personal: false }, intact: true });
    const tampered = readAnnotation(t.comment!.replace('"org"', '"org_id"'));
    expect(tampered.intact).toBe(false);
  });


  it('partitions of a tenant table get the policies too, cast to the tenant column\'s type', () => {
    const log = table('log', {
      compliance: { tenant: { column: 'org' } },
      columns: { id: uuid({ notNull: true, ...no }), org: uuid({ notNull: true, ...no }), at: timestamptz({ notNull: true, ...no }) },
      primaryKey: ['id', 'at'],
      partitionBy: { strategy: 'range', keys: ['at'] },
      partitions: [partition('log_2026', { from: '2026-01-01 00:00:00+00', to: '2027-01-01 00:00:00+00' })],
      indexes: [index(['org'])],
    });
    const part = enforceCompliance(build(log)).tables.find((x) => x.name === 'log_2026')!;
    expect(part.rowLevelSecurity).toBe('forced');
    expect(part.policies?.map((p) => p.using?.sql)).toEqual([
      `"org" = (NULLIF(current_setting('app.org', true), ''))::uuid`,
      `"org" = (NULLIF(current_setting('app.org', true), ''))::uuid`,
    ]);
  });
});

describe('plan-time compliance checks', () => {
  const before = (sensitivity: 'restricted' | 'internal') =>
    [kyc, aml, recordClass('kyc-file', { description: 'KYC files', retention: 'aml' }), people({ email: text({ personal: email, sensitivity }) })];

  it('SC722: lowering a classification needs an unexpired waiver', () => {
    const from = build(...before('restricted'));
    const to = build(...before('internal'));
    const run = (schema: Schema) => checkComplianceChanges(from, schema, diffSchemas(from, schema), () => undefined, NOW).map((d) => d.code);
    expect(run(to)).toEqual(['SC722']);
    const approved = (expires: string) => build(...before('internal'), waiver({ rule: 'SC722', target: 'column:public.people.email', reason: 'the field now holds a hashed value', approver: 'dpo@example.com', expires }));
    expect(run(approved('2027-01-01'))).toEqual([]);
    expect(run(approved('2026-01-01')), 'an expired waiver waives nothing').toEqual(['SC722']);
  });

  it('SC721: dropping a column kept under a minimum retention rule', () => {
    const from = build(...before('restricted'));
    const to = build(kyc, aml, people({}));
    expect(checkComplianceChanges(from, to, diffSchemas(from, to), () => undefined, NOW).map((d) => `${d.code} ${d.path}`)).toEqual(['SC721 column:public.people.email']);
  });
});
