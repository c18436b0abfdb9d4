/**
 * The GDPR Art. 30(1) record of processing activities, in Markdown: for each declared processing
 * activity its purpose, lawful basis, data subjects, the categories of personal data held for it
 * (collected from the columns that name it, directly or through their table), recipients,
 * transfers, retention (the rules those columns reach) and DPIA, and the technical security
 * measures (Art. 30(1)(g)) — taken from an introspected database when one is given
 * (`securityMeasures`), never from the declarations.
 */
import { LAWFUL_BASES } from '../model/compliance.js';
import type { ProcessingActivity, RetentionRule, Schema } from '../model/types.js';
import { compareText } from '../model/paths.js';
import { dataInventory, type InventoryRow } from './inventory.js';
import type { SecurityMeasures } from './measures.js';
import { measureItems, measuresOfTables } from './measures-render.js';
import { missingMeasures } from './missing-measures.js';

export interface Article30Options {
  /** Name and contact details of the controller (Art. 30(1)(a)). */
  readonly controller?: string;
  /** Contact details of the data protection officer. */
  readonly dpo?: string;
}

const TO_COMPLETE = '_to be completed_';
const code = (text: string): string => `\`${text.replaceAll('`', "'")}\``;
const oneLine = (text: string): string => text.replace(/\s*\r?\n\s*/g, ' ');
const listOr = (items: readonly string[], none: string): string => (items.length > 0 ? items.join(', ') : none);
const uniqueSorted = (items: readonly string[]): string[] => [...new Set(items)].sort(compareText);

const UNITS: readonly string[] = ['year', 'month', 'week', 'day', 'hour', 'minute', 'second'];

/** `P6Y` → `6 years`, `P1Y6M` → `1 year 6 months`, `PT12H` → `12 hours`; anything else as written. */
export function humanDuration(iso: string): string {
  const match = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso);
  if (!match) return iso;
  return UNITS.flatMap((unit, i) => {
    const n = match[i + 1];
    return n === undefined ? [] : [`${Number(n)} ${unit}${Number(n) === 1 ? '' : 's'}`];
  }).join(' ');
}

/** `keep at least 6 years (P6Y) from created_at, then archive — SEC Rule 17a-4(b)`. */
export function retentionSentence(rule: RetentionRule): string {
  const bound = rule.bound === 'minimum' ? 'keep at least' : 'keep at most';
  const start = 'column' in rule.start ? `from ${code(rule.start.column)}` : `from ${oneLine(rule.start.event)}`;
  const citations = rule.citations.length > 0 ? ` — ${rule.citations.map(oneLine).join('; ')}` : '';
  return `${code(rule.id)}: ${bound} ${humanDuration(rule.duration)} (${rule.duration}) ${start}, then ${rule.action}${citations}`;
}

function lawfulBasis(a: ProcessingActivity): string {
  return `${LAWFUL_BASES[a.lawfulBasis]}${a.legitimateInterest ? `; legitimate interest: ${oneLine(a.legitimateInterest)}` : ''}`;
}

/** The personal-data columns an activity covers (directly or through their table). */
const columnsOf = (rows: readonly InventoryRow[], activity: string): InventoryRow[] =>
  rows.filter((r) => r.personal === 'yes' && r.activities.includes(activity));

function personalDataItems(rows: readonly InventoryRow[]): string[] {
  const categories = uniqueSorted(rows.flatMap((r) => r.categories));
  const special = uniqueSorted(rows.flatMap((r) => (r.specialCategory ? [`${r.specialCategory.category} under Art. ${r.specialCategory.condition} (${code(`${r.schema}.${r.table}.${r.column}`)})`] : [])));
  const criminal = uniqueSorted(rows.flatMap((r) => (r.article10 ? [`${oneLine(r.article10.purpose)}, authority: ${oneLine(r.article10.authority)} (${code(`${r.schema}.${r.table}.${r.column}`)})`] : [])));
  return [
    `- **Categories of personal data** (Art. 30(1)(c)): ${listOr(categories, 'none: no column names this activity')}`,
    ...special.map((s) => `  - Special category (Art. 9): ${s}`),
    ...criminal.map((c) => `  - Criminal-offence data (Art. 10): ${c}`),
  ];
}

function retentionItems(rows: readonly InventoryRow[], schema: Schema): string[] {
  const ids = uniqueSorted(rows.flatMap((r) => r.retention.map((x) => x.id)));
  const unretained = rows.filter((r) => r.retention.length === 0).map((r) => code(`${r.schema}.${r.table}.${r.column}`));
  const rules = ids.map((id) => {
    const rule = schema.compliance?.retentionRules.find((r) => r.id === id);
    return `  - ${rule ? retentionSentence(rule) : `${code(id)}: not declared`}`;
  });
  return [
    `- **Time limits for erasure** (Art. 30(1)(f)):${rules.length === 0 ? ' none declared' : ''}`,
    ...rules,
    ...(unretained.length > 0 ? [`  - No retention rule: ${unretained.join(', ')}`] : []),
  ];
}

function whereHeld(rows: readonly InventoryRow[]): string {
  const byTable = new Map<string, string[]>();
  for (const r of rows) byTable.set(`${r.schema}.${r.table}`, [...(byTable.get(`${r.schema}.${r.table}`) ?? []), r.column]);
  return listOr([...byTable].map(([table, columns]) => `${code(table)} (${columns.join(', ')})`), 'no columns');
}

const NOT_VERIFIED = 'Not verified against a database: run `schemac docs --url <database>` to list the measures in force.';

function measuresItems(rows: readonly InventoryRow[], measures: SecurityMeasures | undefined): string[] {
  const heading = '- **Technical and organisational security measures** (Art. 30(1)(g), Art. 32):';
  if (!measures) return [`${heading} ${NOT_VERIFIED}`];
  const found = measureItems(measuresOfTables(measures, new Set(rows.map((r) => `${r.schema}.${r.table}`))));
  return found.length === 0 ? [`${heading} none found in the database for these tables`] : [heading, ...found.map((l) => `  ${l}`)];
}

function activitySection(a: ProcessingActivity, inventory: readonly InventoryRow[], schema: Schema, measures: SecurityMeasures | undefined): string[] {
  const rows = columnsOf(inventory, a.id);
  return [
    `## ${oneLine(a.name)} (${code(a.id)})`, '',
    `- **Purpose** (Art. 30(1)(b)): ${oneLine(a.purpose)}`,
    `- **Lawful basis** (Art. 6(1)): ${lawfulBasis(a)}`,
    `- **Categories of data subjects** (Art. 30(1)(c)): ${listOr(uniqueSorted(a.subjects), 'none declared')}`,
    ...personalDataItems(rows),
    `- **Recipients** (Art. 30(1)(d)): ${listOr(a.recipients.map(oneLine), 'none declared')}`,
    `- **Transfers to third countries** (Art. 30(1)(e)): ${listOr(a.transfers.map((t) => `${oneLine(t.country)} (${oneLine(t.mechanism)})`), 'none declared')}`,
    ...retentionItems(rows, schema),
    `- **Data protection impact assessment** (Art. 35): ${a.dpia ? oneLine(a.dpia) : 'none recorded'}`,
    `- **Where the data is held**: ${whereHeld(rows)}`,
    ...measuresItems(rows, measures),
    '',
  ];
}

function verificationSection(schema: Schema, measures: SecurityMeasures | undefined): string[] {
  if (!measures) return ['## Security measures', '', NOT_VERIFIED, ''];
  const all = measureItems(measures);
  const missing = missingMeasures(schema, measures);
  return [
    '## Security measures found in the database', '',
    'Read from the database\'s catalog (row-level security, policies, triggers, comments, privileges), not from the declarations.', '',
    ...(all.length > 0 ? all : ['- none']), '',
    '### Declared but not found in the database', '',
    ...(missing.length > 0 ? missing.map((m) => `- ${code(m.object)}: ${m.problem}`) : ['- none']), '',
    '### Annotations edited by hand', '',
    ...(measures.editedAnnotations.length > 0 ? measures.editedAnnotations.map((p) => `- ${code(p)}: its \`@compliance\` block does not match its hash, so it is not trusted`) : ['- none']), '',
  ];
}

/** The Art. 30(1) record of processing activities, in Markdown, one section per activity (by id). */
export function article30Record(schema: Schema, measures?: SecurityMeasures, options: Article30Options = {}): string {
  const inventory = dataInventory(schema);
  const activities = [...(schema.compliance?.activities ?? [])].sort((a, b) => compareText(a.id, b.id));
  return [
    '# Record of processing activities (GDPR Art. 30(1))', '',
    `- **Controller** (Art. 30(1)(a)): ${options.controller ? oneLine(options.controller) : TO_COMPLETE}`,
    `- **Data protection officer**: ${options.dpo ? oneLine(options.dpo) : TO_COMPLETE}`,
    `- **Security measures**: ${measures ? 'as found in the database\'s catalog when this record was written' : 'not verified against a database'}`, '',
    'Written by `schemac docs` from the declared processing activities, column classifications and retention rules.', '',
    ...(activities.length > 0 ? activities.flatMap((a) => activitySection(a, inventory, schema, measures)) : ['No processing activity is declared.', '']),
    ...verificationSection(schema, measures),
  ].join('\n');
}
