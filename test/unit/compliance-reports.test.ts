/**
 * The compliance reports of `schemac docs`, without a database: the data inventory (rows, Markdown,
 * CSV quoting, JSON shape), the Art. 30 record, and security measures read only from a (here
 * hand-written or enforcement-built) live schema.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { annotatedComment } from '../../compiler/compliance/annotations.js';
import { enforceCompliance } from '../../compiler/compliance/enforce.js';
import { humanDuration } from '../../compiler/compliance/article30.js';
import {
  annotationsFromComments, article30Record, complianceReports, dataInventory, inventoryCsv, inventoryJson, inventoryMarkdown, missingMeasures, securityMeasures,
} from '../../compiler/compliance/reports.js';
import { buildSchema } from '../../compiler/dsl/build.js';
import type { Declaration } from '../../compiler/dsl/declarations.js';
import { loadParser } from '../../compiler/expr/index.js';
import {
  boolean, index, monthlyPartitions, numeric, processingActivity, recordClass, retentionRule, sql, table, text, timestamptz, uuid, view,
} from '../../compiler/index.js';
import type { Schema, Table } from '../../compiler/model/types.js';
import { declareEnforced } from '../helpers/schema.js';

beforeAll(loadParser);

const investor = { subjects: ['investor'] } as const;

/** A compliant schema: it passes the compliance checks, as `schemac docs` requires. */
const DECLARATIONS: readonly Declaration[] = [
  processingActivity('investor-onboarding', {
    name: 'Investor onboarding', purpose: 'KYC before accepting subscriptions', lawfulBasis: 'legal-obligation', subjects: ['investor'],
    recipients: ['KYC provider', 'fund administrator'], transfers: [{ country: 'US', mechanism: 'standard contractual clauses' }], dpia: 'DPIA-2026-01',
  }),
  processingActivity('newsletter', {
    name: 'Newsletter', purpose: 'Product news', lawfulBasis: 'legitimate-interests', legitimateInterest: 'telling investors about new funds', subjects: ['investor'],
  }),
  retentionRule('aml-5y', { duration: 'P5Y', start: { event: 'end of the business relationship' }, bound: 'minimum', action: 'delete', citations: ['31 CFR 1010.430', 'AMLD5 Art. 40'] }),
  retentionRule('sec-17a-4', { duration: 'P6Y', start: { column: 'created_at' }, bound: 'minimum', action: 'archive', citations: ['SEC Rule 17a-4(b)'] }),
  retentionRule('marketing-2y', { duration: 'P2Y', start: { event: 'last contact' }, bound: 'maximum', action: 'delete' }),
  recordClass('capital-call', { description: 'Capital call notices', retention: 'sec-17a-4' }),
  table('investors', {
    compliance: { activities: ['investor-onboarding'], retention: 'aml-5y', subjectKey: 'id', holdable: true, tenant: { column: 'organization_id' } },
    columns: {
      id: uuid({ primaryKey: true, personal: { categories: ['identity.id'], ...investor, identifiability: 'pseudonymous', erasure: 'retain-legal-obligation' } }),
      organization_id: uuid({ notNull: true, personal: false }),
      email: text({
        notNull: true, comment: 'Sign-in address',
        personal: { categories: ['contact.email'], ...investor, identifiability: 'direct', activities: ['investor-onboarding', 'newsletter'], erasure: 'anonymise' },
        sensitivity: 'confidential', protection: { masking: 'anon.partial_email' },
      }),
      tax_id: text({
        personal: { categories: ['identity.government_id'], ...investor, identifiability: 'direct', retention: 'tax-10y', erasure: 'retain-legal-obligation' },
        sensitivity: 'restricted', protection: { encryption: 'pgcrypto' },
      }),
      health_note: text({
        personal: { categories: ['health.note'], ...investor, identifiability: 'direct', special: { category: 'health', condition: '9(2)(h)' }, erasure: 'delete' },
        sensitivity: 'restricted', protection: { encryption: 'application' },
      }),
      sanctions_hit: boolean({
        personal: { categories: ['screening.sanctions'], ...investor, identifiability: 'direct', criminal: { purpose: 'sanctions screening', authority: 'EU Reg. 2580/2001' }, erasure: 'retain-legal-obligation' },
      }),
    },
    indexes: [index(['organization_id'])],
  }),
  retentionRule('tax-10y', { duration: 'P10Y', start: { event: 'end of the tax year' }, bound: 'minimum', action: 'delete', citations: ['AO § 147'] }),
  table('subscribers', {
    compliance: { activities: ['newsletter'], retention: 'marketing-2y', tenant: { column: 'organization_id' } },
    columns: {
      id: uuid({ primaryKey: true, personal: false }),
      organization_id: uuid({ notNull: true, personal: false }),
      email: text({ notNull: true, personal: { categories: ['contact.email'], ...investor, identifiability: 'direct', erasure: 'delete' } }),
    },
    indexes: [index(['organization_id'])],
  }),
  table('capital_calls', {
    compliance: {
      recordClass: 'capital-call', appendOnly: { writers: ['app_writer'] }, tenant: { global: 'issued by the fund, to every tenant' },
      legalHold: { matter: 'Smith v. Fund "A"', placedBy: 'counsel@example.com', placedAt: '2026-01-15' },
    },
    columns: {
      id: uuid({ primaryKey: true, personal: false }),
      amount: numeric({ precision: 12, scale: 2, notNull: true, personal: false }),
      created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
    },
  }),
  table('audit_events', {
    compliance: { tenant: { global: 'platform audit trail' } },
    columns: { id: uuid({ notNull: true, personal: false }), at: timestamptz({ notNull: true, personal: false }) },
    primaryKey: ['id', 'at'],
    partitionBy: { strategy: 'range', keys: ['at'] },
    partitions: monthlyPartitions('audit_events', { from: '2026-01', to: '2026-02' }),
  }),
  view('investors_per_organization', {
    securityInvoker: true,
    query: sql`SELECT organization_id, count(*) AS investors FROM investors GROUP BY organization_id`,
    classify: { investors: { personal: false, sensitivity: 'internal' } },
  }),
];

/** Not compliant on purpose: a column nobody classified. */
const UNCLASSIFIED = table('scratch', { compliance: { tenant: { global: 'scratch space' } }, columns: { note: text() } });

function declared(...extra: Declaration[]): Schema {
  const built = buildSchema([...DECLARATIONS, ...extra], process.cwd());
  expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return built.schema;
}

/** A minimal introspected table, as `introspect` returns it. */
const liveTable = (name: string, extra: Partial<Table> = {}): Table => ({
  schema: 'public', name, columns: [], uniques: [], checks: [], foreignKeys: [], indexes: [], ...extra,
});
const textType = { schema: null, name: 'text', isArray: false } as const;
const LIVE: Schema = {
  namespaces: [], extensions: [], enums: [], views: [],
  tables: [
    liveTable('capital_calls', {
      triggers: [
        { name: 'capital_calls_append_only', enabled: 'always', definition: "CREATE TRIGGER capital_calls_append_only BEFORE DELETE OR UPDATE ON public.capital_calls FOR EACH ROW EXECUTE FUNCTION compliance.reject_change('the table is append-only')" },
        { name: 'capital_calls_legal_hold', enabled: 'disabled', definition: "CREATE TRIGGER capital_calls_legal_hold BEFORE DELETE ON public.capital_calls FOR EACH ROW EXECUTE FUNCTION compliance.reject_change('the table is under legal hold')" },
        { name: 'capital_calls_audit', enabled: 'origin', definition: 'CREATE TRIGGER capital_calls_audit AFTER INSERT ON public.capital_calls FOR EACH ROW EXECUTE FUNCTION public.audit()' },
      ],
      // Declarations-only facts on a live schema must not count as measures.
      compliance: { legalHold: { matter: 'ignored', placedBy: 'x', placedAt: '2026-01-01' } },
    }),
    liveTable('investors', {
      rowLevelSecurity: 'forced',
      policies: [
        { name: 'tenant_isolation', permissive: false, command: 'all', roles: ['public'], using: { sql: "(organization_id = (current_setting('app.organization_id'::text, true))::uuid)" } },
        { name: 'tenant_access', permissive: true, command: 'all', roles: ['public'] },
      ],
      columns: [
        { name: 'email', type: textType, notNull: true, comment: annotatedComment('Sign-in address', { protection: { masking: 'anon.partial_email' } }) },
        { name: 'tax_id', type: textType, notNull: false, comment: annotatedComment(undefined, { protection: { encryption: 'pgcrypto' } }).replace('pgcrypto', 'application') },
        { name: 'nickname', type: textType, notNull: false, comment: 'just a comment' },
      ],
    }),
    { ...liveTable('legal_holds'), schema: 'compliance' },
  ],
  grants: [
    { kind: 'table', schema: 'public', name: 'capital_calls', role: 'app_writer', privileges: ['SELECT', 'INSERT'] },
    { kind: 'schema', schema: '', name: 'public', role: 'app_writer', privileges: ['USAGE'] },
  ],
};

describe('data inventory', () => {
  it('has one row per table column and classified view output, partitions left out, sorted by table and position', () => {
    const rows = dataInventory(declared(UNCLASSIFIED));
    expect(rows.map((r) => `${r.table}.${r.column}`)).toEqual([
      'audit_events.id', 'audit_events.at',
      'capital_calls.id', 'capital_calls.amount', 'capital_calls.created_at',
      'investors.id', 'investors.organization_id', 'investors.email', 'investors.tax_id', 'investors.health_note', 'investors.sanctions_hit',
      'investors_per_organization.investors',
      'scratch.note',
      'subscribers.id', 'subscribers.organization_id', 'subscribers.email',
    ]);
  });

  it('resolves classification, activities and every governing retention rule for each column', () => {
    const rows = dataInventory(declared(UNCLASSIFIED));
    const row = (t: string, c: string) => rows.find((r) => r.table === t && r.column === c)!;
    expect(row('investors', 'email')).toEqual({
      schema: 'public', table: 'investors', kind: 'table', column: 'email', position: 3, type: 'text', personal: 'yes',
      categories: ['contact.email'], subjects: ['investor'], identifiability: 'direct', sensitivity: 'confidential', specialCategory: null, article10: null,
      card: null, protection: { encryption: null, masking: 'anon.partial_email' }, activities: ['investor-onboarding', 'newsletter'],
      retention: [{ id: 'aml-5y', source: 'table', duration: 'P5Y', bound: 'minimum', action: 'delete' }], erasure: 'anonymise',
      tenant: 'organization_id (app.organization_id)', appendOnly: false, legalHold: 'rows by id',
    });
    expect(row('investors', 'tax_id')).toMatchObject({
      activities: ['investor-onboarding'],
      retention: [{ id: 'tax-10y', source: 'column', duration: 'P10Y', bound: 'minimum' }, { id: 'aml-5y', source: 'table', duration: 'P5Y', bound: 'minimum' }],
    });
    expect(row('investors', 'health_note').specialCategory).toEqual({ category: 'health', condition: '9(2)(h)' });
    expect(row('investors', 'sanctions_hit').article10).toEqual({ purpose: 'sanctions screening', authority: 'EU Reg. 2580/2001' });
    expect(row('investors', 'organization_id')).toMatchObject({ personal: 'no', categories: [], erasure: null, activities: ['investor-onboarding'] });
    expect(row('scratch', 'note')).toMatchObject({ personal: 'unclassified', sensitivity: null, activities: [], retention: [] });
    expect(row('capital_calls', 'amount')).toMatchObject({
      type: 'numeric(12,2)', appendOnly: true, legalHold: 'table (Smith v. Fund "A")', tenant: 'global: issued by the fund, to every tenant',
      retention: [{ id: 'sec-17a-4', source: 'record class', duration: 'P6Y', bound: 'minimum', action: 'archive' }],
    });
    expect(row('investors_per_organization', 'investors')).toMatchObject({ kind: 'view', type: null, personal: 'no', sensitivity: 'internal', position: 1 });
  });

  it('renders CSV per RFC 4180: quoted fields with commas and quotes, CRLF lines', () => {
    const csv = inventoryCsv(dataInventory(declared()));
    const lines = csv.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.length - 2).toBe(15);
    expect(lines[0]).toBe('schema,table,kind,column,position,type,personal,categories,subjects,identifiability,sensitivity,special_category,article_9_condition,article_10_purpose,article_10_authority,card,encryption,masking,activities,retention_rules,retention_minimum,retention_maximum,erasure,tenant,append_only,legal_hold');
    expect(lines).toContain('public,capital_calls,table,amount,2,"numeric(12,2)",no,,,,,,,,,,,,,sec-17a-4,P6Y,,,"global: issued by the fund, to every tenant",yes,"table (Smith v. Fund ""A"")"');
    expect(lines).toContain('public,investors,table,email,3,text,yes,contact.email,investor,direct,confidential,,,,,,,anon.partial_email,investor-onboarding;newsletter,aml-5y,P5Y,,anonymise,organization_id (app.organization_id),no,rows by id');
    expect(lines).toContain('public,investors,table,tax_id,4,text,yes,identity.government_id,investor,direct,restricted,,,,,,pgcrypto,,investor-onboarding,tax-10y;aml-5y,P10Y,,retain-legal-obligation,organization_id (app.organization_id),no,rows by id');
    expect(lines).toContain('public,subscribers,table,email,3,text,yes,contact.email,investor,direct,,,,,,,,,newsletter,marketing-2y,,P2Y,delete,organization_id (app.organization_id),no,');
    for (const line of lines.slice(0, -1)) expect(parseCsvLine(line), line).toHaveLength(26);
  });

  it('renders versioned JSON with a fixed shape', () => {
    const parsed = JSON.parse(inventoryJson(dataInventory(declared())));
    expect(parsed.version).toBe(1);
    expect(parsed.columns).toHaveLength(15);
    expect(Object.keys(parsed.columns[0])).toEqual([
      'schema', 'table', 'kind', 'column', 'position', 'type', 'personal', 'categories', 'subjects', 'identifiability', 'sensitivity', 'specialCategory',
      'article10', 'card', 'protection', 'activities', 'retention', 'erasure', 'tenant', 'appendOnly', 'legalHold',
    ]);
    expect(parsed.columns.every((c: object) => Object.keys(c).length === 21)).toBe(true);
  });

  it('renders Markdown with a section per table and table-level facts once', () => {
    const md = inventoryMarkdown(dataInventory(declared(UNCLASSIFIED)));
    expect(md).toContain('16 column(s) in 6 table(s) and view(s): 6 personal, 9 not personal, 1 unclassified.');
    expect(md).toContain('## public.capital_calls\n\ntable · tenant: global: issued by the fund, to every tenant · append-only · legal hold: table (Smith v. Fund "A")');
    expect(md).toContain('| 3 | `email` | text | yes | contact.email | investor | direct | confidential |  |  |  | masked (anon.partial_email) | investor-onboarding, newsletter | aml-5y (P5Y minimum, delete; via table) | anonymise |');
    expect(md).toContain('| 4 | `tax_id` | text | yes | identity.government_id | investor | direct | restricted |  |  |  | encrypted (pgcrypto) | investor-onboarding | tax-10y (P10Y minimum, delete); aml-5y (P5Y minimum, delete; via table) | retain-legal-obligation |');
    expect(md).toContain('## public.investors_per_organization\n\nview');
    expect(md.endsWith('|\n')).toBe(true);
  });
});

/** One CSV record (RFC 4180) → its fields. */
function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  const pattern = /("(?:[^"]|"")*"|[^,]*)(,|$)/g;
  for (let m = pattern.exec(line); m; m = pattern.exec(line)) {
    fields.push(m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replaceAll('""', '"') : m[1]!);
    if (m[2] === '') break;
  }
  return fields;
}

describe('Art. 30 record', () => {
  it('has a section per activity with the data, retention and DPIA reached through its columns', () => {
    const record = article30Record(declared(), undefined, { controller: 'Example Fund GmbH, Berlin' });
    expect(record).toContain('- **Controller** (Art. 30(1)(a)): Example Fund GmbH, Berlin');
    expect(record).toContain('- **Data protection officer**: _to be completed_');
    const onboarding = record.slice(record.indexOf('## Investor onboarding'), record.indexOf('## Newsletter'));
    expect(onboarding).toContain('- **Lawful basis** (Art. 6(1)): Art. 6(1)(c) legal obligation');
    expect(onboarding).toContain('- **Categories of data subjects** (Art. 30(1)(c)): investor');
    expect(onboarding).toContain('- **Categories of personal data** (Art. 30(1)(c)): contact.email, health.note, identity.government_id, identity.id, screening.sanctions');
    expect(onboarding).toContain('  - Special category (Art. 9): health under Art. 9(2)(h) (`public.investors.health_note`)');
    expect(onboarding).toContain('  - Criminal-offence data (Art. 10): sanctions screening, authority: EU Reg. 2580/2001 (`public.investors.sanctions_hit`)');
    expect(onboarding).toContain('- **Recipients** (Art. 30(1)(d)): KYC provider, fund administrator');
    expect(onboarding).toContain('- **Transfers to third countries** (Art. 30(1)(e)): US (standard contractual clauses)');
    expect(onboarding).toContain('  - `aml-5y`: keep at least 5 years (P5Y) from end of the business relationship, then delete — 31 CFR 1010.430; AMLD5 Art. 40');
    expect(onboarding).toContain('  - `tax-10y`: keep at least 10 years (P10Y) from end of the tax year, then delete — AO § 147');
    expect(onboarding).not.toContain('marketing-2y');
    expect(onboarding).toContain('- **Data protection impact assessment** (Art. 35): DPIA-2026-01');
    expect(onboarding).toContain('- **Where the data is held**: `public.investors` (id, email, tax_id, health_note, sanctions_hit)');
    expect(onboarding).toContain('(Art. 30(1)(g), Art. 32): Not verified against a database');
    const newsletter = record.slice(record.indexOf('## Newsletter'));
    expect(newsletter).toContain('Art. 6(1)(f) legitimate interests; legitimate interest: telling investors about new funds');
    expect(newsletter).toContain('- **Categories of personal data** (Art. 30(1)(c)): contact.email\n');
    expect(newsletter).toContain('- **Transfers to third countries** (Art. 30(1)(e)): none declared');
    expect(newsletter).toContain('- **Where the data is held**: `public.investors` (email), `public.subscribers` (email)');
    expect(newsletter).toContain('  - `aml-5y`: keep at least 5 years');
    expect(newsletter).toContain('  - `marketing-2y`: keep at most 2 years (P2Y) from last contact, then delete\n');
    expect(record).toContain('## Security measures\n\nNot verified against a database');
  });

  it('reads durations as people do', () => {
    expect(['P1Y', 'P6M', 'P30D', 'P1Y6M', 'PT12H', 'P2W', 'soon'].map(humanDuration)).toEqual(['1 year', '6 months', '30 days', '1 year 6 months', '12 hours', '2 weeks', 'soon']);
  });
});

describe('security measures', () => {
  it('come from the live schema only: enabled guard triggers, forced RLS, intact annotations, privileges', () => {
    const m = securityMeasures(LIVE);
    expect(m.guards).toEqual([{ table: 'public.capital_calls', kind: 'append-only', trigger: 'capital_calls_append_only', events: 'BEFORE DELETE OR UPDATE' }]);
    expect(m.rowLevelSecurity).toEqual([{
      table: 'public.investors', mode: 'forced', partitions: null,
      policies: [{ name: 'tenant_isolation', permissive: false, command: 'all', tenant: true }, { name: 'tenant_access', permissive: true, command: 'all', tenant: true }],
    }]);
    expect(m.legalHoldsTable).toBe(true);
    expect(m.protectedColumns).toEqual([{ column: 'public.investors.email', encryption: null, masking: 'anon.partial_email' }]);
    expect(m.editedAnnotations).toEqual(['column:public.investors.tax_id']);
    expect(m.privileges).toEqual([{ object: 'public.capital_calls', role: 'app_writer', privileges: ['INSERT', 'SELECT'], withGrantOption: false }]);
  });

  it('the Art. 30 record lists what was found, what is declared but missing, and edited annotations', () => {
    const record = article30Record(declared(), securityMeasures(LIVE));
    expect(record).not.toContain('Not verified');
    const onboarding = record.slice(record.indexOf('## Investor onboarding'), record.indexOf('## Newsletter'));
    expect(onboarding).toContain('  - Row-level security forced on `public.investors`: policies `tenant_isolation` (restrictive, all, tenant), `tenant_access` (permissive, all, tenant).');
    expect(onboarding).toContain('  - `public.investors.email` masked with `anon.partial_email`, as recorded by its intact annotation.');
    expect(onboarding).not.toContain('capital_calls');
    const found = record.slice(record.indexOf('## Security measures found in the database'));
    expect(found).toContain('- `public.capital_calls` is append-only: the trigger(s) `capital_calls_append_only` (BEFORE DELETE OR UPDATE) refuse those changes.');
    expect(found).toContain('- Privileges on `public.capital_calls` besides its owner\'s: app_writer INSERT, SELECT.');
    expect(found).toContain('- `public.capital_calls`: under legal hold (Smith v. Fund "A"), but no enabled legal hold trigger refuses DELETE, TRUNCATE');
    expect(found).toContain('- `public.capital_calls`: declared append-only, but no enabled append-only trigger refuses TRUNCATE');
    expect(found).toContain('- `public.subscribers`: tenant isolation is declared, but row-level security is not forced');
    expect(found).toContain('- `public.investors.tax_id`: protection is declared, but the column\'s annotation in the database does not record it');
    expect(found).toContain('- `public.investors.health_note`: protection is declared');
    expect(found).toContain('- `public.investors`: rows are declared holdable, but no enabled row-level legal hold trigger refuses UPDATE, DELETE');
    expect(found).toContain('- `column:public.investors.tax_id`: its `@compliance` block does not match its hash');
  });

  it('enforcement objects are recognised, and a dropped trigger disappears from the measures', () => {
    const schema = declared();
    const enforced = enforceCompliance(schema);
    const measures = securityMeasures(enforced);
    expect(measures.guards.map((g) => `${g.table} ${g.kind} ${g.trigger}`)).toEqual([
      'public.capital_calls append-only capital_calls_append_only',
      'public.capital_calls append-only capital_calls_append_only_truncate',
      'public.capital_calls legal hold capital_calls_legal_hold',
      'public.capital_calls legal hold capital_calls_legal_hold_truncate',
      'public.investors row-level legal hold investors_legal_hold_rows',
    ]);
    expect(measures.protectedColumns.map((c) => c.column)).toEqual(['public.investors.email', 'public.investors.health_note', 'public.investors.tax_id']);
    expect(missingMeasures(schema, measures)).toEqual([]);

    const withoutTrigger: Schema = {
      ...enforced,
      tables: enforced.tables.map((t) => ({ ...t, triggers: (t.triggers ?? []).filter((tr) => tr.name !== 'capital_calls_append_only') })),
    };
    const after = securityMeasures(withoutTrigger);
    expect(after.guards.map((g) => g.trigger)).not.toContain('capital_calls_append_only');
    expect(missingMeasures(schema, after)).toEqual([{ object: 'public.capital_calls', problem: 'declared append-only, but no enabled append-only trigger refuses UPDATE, DELETE' }]);
    expect(article30Record(schema, after)).not.toContain('`capital_calls_append_only` (');
  });

  it('annotations read back from comments give the same inventory as the declarations', () => {
    const schema = declared();
    const live = annotationsFromComments(enforceCompliance(schema));
    const email = live.tables.find((t) => t.name === 'investors')!.columns.find((c) => c.name === 'email')!;
    expect(email.comment).toBe('Sign-in address');
    const rows = dataInventory({ ...live, compliance: schema.compliance! }).filter((r) => r.schema === 'public' && r.kind === 'table');
    expect(rows).toEqual(dataInventory(schema).filter((r) => r.kind === 'table'));
    const edited = annotationsFromComments(LIVE).tables.find((t) => t.name === 'investors')!.columns.find((c) => c.name === 'tax_id')!;
    expect(edited.compliance).toBeUndefined();
    expect(edited.comment).toContain('@compliance');
  });
});

describe('the schema as commands load it', () => {
  it('passes the compliance checks, and enforcement changes nothing in the inventory', async () => {
    const enforced = await declareEnforced(...DECLARATIONS);
    expect(enforced.tables.some((t) => t.schema === 'compliance' && t.name === 'legal_holds')).toBe(true);
    expect(dataInventory(enforced)).toEqual(dataInventory(declared()));
  });
});

describe('complianceReports', () => {
  it('writes four files, sorted, with equal bytes for equal inputs', () => {
    const files = complianceReports({ declared: declared(), live: LIVE });
    expect(files.map((f) => f.name)).toEqual(['article-30.md', 'data-inventory.csv', 'data-inventory.json', 'data-inventory.md']);
    expect(complianceReports({ declared: declared(), live: LIVE })).toEqual(files);
  });
});
