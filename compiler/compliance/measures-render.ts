/**
 * Security measures as Markdown list items, for the Art. 30 record: all of them, or those of the
 * tables one processing activity uses.
 */
import type { GuardMeasure, SecurityMeasures } from './measures.js';

const code = (text: string): string => `\`${text.replaceAll('`', "'")}\``;

/** `public.accounts.email` → `public.accounts`. */
const tableOfColumn = (column: string): string => column.slice(0, column.lastIndexOf('.'));

/** The measures restricted to some tables (`schema.table`); all of them without a filter. */
export function measuresOfTables(measures: SecurityMeasures, tables?: ReadonlySet<string>): SecurityMeasures {
  if (!tables) return measures;
  const guards = measures.guards.filter((g) => tables.has(g.table));
  return {
    rowLevelSecurity: measures.rowLevelSecurity.filter((r) => tables.has(r.table)),
    guards,
    legalHoldsTable: measures.legalHoldsTable && guards.some((g) => g.kind === 'row-level legal hold'),
    protectedColumns: measures.protectedColumns.filter((c) => tables.has(tableOfColumn(c.column))),
    editedAnnotations: measures.editedAnnotations.filter((p) => tables.has(p.startsWith('column:') ? tableOfColumn(p.slice('column:'.length)) : p.slice(p.indexOf(':') + 1))),
    privileges: measures.privileges.filter((p) => tables.has(p.object)),
  };
}

function rowLevelSecurityLines(m: SecurityMeasures): string[] {
  return m.rowLevelSecurity.map((r) => {
    const policies = r.policies.map((p) => `${code(p.name)} (${p.permissive ? 'permissive' : 'restrictive'}, ${p.command}${p.tenant ? ', tenant' : ''})`);
    const partitions = r.partitions ? `; ${r.partitions.forced} of ${r.partitions.total} partition(s) forced` : '';
    return `Row-level security ${r.mode} on ${code(r.table)}: ${policies.length > 0 ? `policies ${policies.join(', ')}` : 'no policies (no rows visible except to the owner when not forced)'}${partitions}.`;
  });
}

const GUARD_TEXT: Readonly<Record<GuardMeasure['kind'], string>> = {
  'append-only': 'is append-only',
  'legal hold': 'is under legal hold',
  'row-level legal hold': 'keeps the rows of subjects under legal hold',
};

function guardLines(m: SecurityMeasures): string[] {
  const groups = new Map<string, GuardMeasure[]>();
  for (const g of m.guards) groups.set(`${g.table}\0${g.kind}`, [...(groups.get(`${g.table}\0${g.kind}`) ?? []), g]);
  return [...groups.values()].map((gs) => {
    const triggers = gs.map((g) => `${code(g.trigger)}${g.events ? ` (${g.events})` : ''}`).join(', ');
    return `${code(gs[0]!.table)} ${GUARD_TEXT[gs[0]!.kind]}: the trigger(s) ${triggers} refuse those changes.`;
  });
}

function protectionLines(m: SecurityMeasures): string[] {
  return m.protectedColumns.map((c) => {
    const what = [c.encryption ? `encrypted (${c.encryption})` : '', c.masking ? `masked with ${code(c.masking)}` : ''].filter(Boolean).join(' and ');
    return `${code(c.column)} ${what}, as recorded by its intact annotation.`;
  });
}

function privilegeLines(m: SecurityMeasures): string[] {
  const byObject = new Map<string, string[]>();
  for (const p of m.privileges) {
    const text = `${p.role} ${p.privileges.join(', ')}${p.withGrantOption ? ' (with grant option)' : ''}`;
    byObject.set(p.object, [...(byObject.get(p.object) ?? []), text]);
  }
  return [...byObject].map(([object, grants]) => `Privileges on ${code(object)} besides its owner's: ${grants.join('; ')}.`);
}

/** The measures as list items (`- …`); an empty list when none were found. */
export function measureItems(m: SecurityMeasures): string[] {
  const lines = [
    ...rowLevelSecurityLines(m),
    ...guardLines(m),
    ...(m.legalHoldsTable ? [`Row-level legal holds are recorded in ${code('compliance.legal_holds')}.`] : []),
    ...protectionLines(m),
    ...privilegeLines(m),
  ];
  return lines.map((l) => `- ${l}`);
}
