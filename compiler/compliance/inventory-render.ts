/**
 * The data inventory as files: Markdown (one section per table, for people), CSV (RFC 4180, one
 * line per column, for spreadsheets) and JSON (versioned, for tools). Same rows, same order, no
 * timestamps: equal inventories give equal bytes.
 */
import { durationDays } from './checks.js';
import type { InventoryRetention, InventoryRow } from './inventory.js';

/** Version of the JSON inventory's shape; raised when a field changes meaning or goes away. */
export const INVENTORY_JSON_VERSION = 1;

/** `sec-17a-4 (P6Y minimum, archive; via table)`; an id nothing declares says so. */
export function retentionText(rules: readonly InventoryRetention[]): string {
  return rules.map((r) => {
    const via = r.source === 'column' ? '' : `; via ${r.source}`;
    return r.duration === null ? `${r.id} (not declared${via})` : `${r.id} (${r.duration} ${r.bound}, ${r.action}${via})`;
  }).join('; ');
}

/** The binding period of one bound: the longest minimum, or the shortest maximum (ISO-8601). */
function bindingPeriod(rules: readonly InventoryRetention[], bound: 'minimum' | 'maximum'): string {
  const periods = rules.filter((r) => r.bound === bound && r.duration !== null).map((r) => ({ duration: r.duration!, days: durationDays(r.duration!) ?? 0 }));
  const pick = periods.sort((a, b) => (bound === 'minimum' ? b.days - a.days : a.days - b.days))[0];
  return pick?.duration ?? '';
}

const protectionText = (p: InventoryRow['protection']): string =>
  p ? [p.encryption ? `encrypted (${p.encryption})` : '', p.masking ? `masked (${p.masking})` : ''].filter(Boolean).join(', ') : '';

const specialText = (s: InventoryRow['specialCategory']): string => (s ? `${s.category} (${s.condition})` : '');
const article10Text = (a: InventoryRow['article10']): string => (a ? `${a.purpose} (${a.authority})` : '');

// ── Markdown ─────────────────────────────────────────────────────────────────────────────────────

/** A Markdown table cell: one line, pipes escaped. */
export const markdownCell = (text: string): string => text.replace(/\r?\n/g, ' ').replaceAll('|', '\\|');

const MARKDOWN_HEADER = ['#', 'column', 'type', 'personal', 'categories', 'subjects', 'identifiability', 'sensitivity', 'special category (Art. 9)', 'Art. 10', 'card', 'protection', 'activities', 'retention', 'erasure'];

function markdownRow(r: InventoryRow): string {
  const cells = [
    String(r.position), `\`${r.column}\``, r.type ?? '', r.personal, r.categories.join(', '), r.subjects.join(', '), r.identifiability ?? '',
    r.sensitivity ?? '', specialText(r.specialCategory), article10Text(r.article10), r.card ?? '', protectionText(r.protection),
    r.activities.join(', '), retentionText(r.retention), r.erasure ?? '',
  ];
  return `| ${cells.map(markdownCell).join(' | ')} |`;
}

function markdownSection(rows: readonly InventoryRow[]): string[] {
  const first = rows[0]!;
  const facts = [
    first.kind,
    ...(first.tenant ? [`tenant: ${first.tenant}`] : []),
    ...(first.appendOnly ? ['append-only'] : []),
    ...(first.legalHold ? [`legal hold: ${first.legalHold}`] : []),
  ];
  return [
    `## ${first.schema}.${first.table}`, '',
    markdownCell(facts.join(' · ')), '',
    `| ${MARKDOWN_HEADER.join(' | ')} |`,
    `|${MARKDOWN_HEADER.map(() => '---').join('|')}|`,
    ...rows.map(markdownRow), '',
  ];
}

/** Rows grouped by table, in row order. */
function byTable(rows: readonly InventoryRow[]): InventoryRow[][] {
  const groups: InventoryRow[][] = [];
  for (const row of rows) {
    const last = groups.at(-1)?.[0];
    if (last && last.schema === row.schema && last.table === row.table) groups.at(-1)!.push(row);
    else groups.push([row]);
  }
  return groups;
}

export function inventoryMarkdown(rows: readonly InventoryRow[]): string {
  const count = (p: InventoryRow['personal']) => rows.filter((r) => r.personal === p).length;
  const groups = byTable(rows);
  return [
    '# Data inventory', '',
    `${rows.length} column(s) in ${groups.length} table(s) and view(s): ${count('yes')} personal, ${count('no')} not personal, ${count('unclassified')} unclassified.`, '',
    'Written by `schemac docs` from the declarations. Activities are the column\'s, else its table\'s; retention lists every',
    'rule that governs the column: its own, its table\'s and its table\'s record class\'s. Partitions are listed under their parent.', '',
    ...groups.flatMap(markdownSection),
  ].join('\n');
}

// ── CSV ──────────────────────────────────────────────────────────────────────────────────────────

/** RFC 4180: a field with a comma, quote, CR or LF is quoted, quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

const CSV_COLUMNS: readonly (readonly [string, (r: InventoryRow) => string])[] = [
  ['schema', (r) => r.schema],
  ['table', (r) => r.table],
  ['kind', (r) => r.kind],
  ['column', (r) => r.column],
  ['position', (r) => String(r.position)],
  ['type', (r) => r.type ?? ''],
  ['personal', (r) => r.personal],
  ['categories', (r) => r.categories.join(';')],
  ['subjects', (r) => r.subjects.join(';')],
  ['identifiability', (r) => r.identifiability ?? ''],
  ['sensitivity', (r) => r.sensitivity ?? ''],
  ['special_category', (r) => r.specialCategory?.category ?? ''],
  ['article_9_condition', (r) => r.specialCategory?.condition ?? ''],
  ['article_10_purpose', (r) => r.article10?.purpose ?? ''],
  ['article_10_authority', (r) => r.article10?.authority ?? ''],
  ['card', (r) => r.card ?? ''],
  ['encryption', (r) => r.protection?.encryption ?? ''],
  ['masking', (r) => r.protection?.masking ?? ''],
  ['activities', (r) => r.activities.join(';')],
  ['retention_rules', (r) => r.retention.map((x) => x.id).join(';')],
  ['retention_minimum', (r) => bindingPeriod(r.retention, 'minimum')],
  ['retention_maximum', (r) => bindingPeriod(r.retention, 'maximum')],
  ['erasure', (r) => r.erasure ?? ''],
  ['tenant', (r) => r.tenant ?? ''],
  ['append_only', (r) => (r.appendOnly ? 'yes' : 'no')],
  ['legal_hold', (r) => r.legalHold ?? ''],
];

/** One header line and one line per column, CRLF-terminated (RFC 4180); lists joined with `;`. */
export function inventoryCsv(rows: readonly InventoryRow[]): string {
  const lines = [CSV_COLUMNS.map(([name]) => name), ...rows.map((r) => CSV_COLUMNS.map(([, value]) => value(r)))];
  return lines.map((fields) => `${fields.map(csvField).join(',')}\r\n`).join('');
}

// ── JSON ─────────────────────────────────────────────────────────────────────────────────────────

/** `{ "version": 1, "columns": [ … ] }`, keys in the row's fixed order, two-space indentation. */
export function inventoryJson(rows: readonly InventoryRow[]): string {
  return `${JSON.stringify({ version: INVENTORY_JSON_VERSION, columns: rows }, null, 2)}\n`;
}
