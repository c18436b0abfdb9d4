/**
 * Declared protections that the live database does not show: the declarations say what should be
 * in force, `securityMeasures` what is; this lists the difference, one finding per problem, sorted.
 * (Drift reports the same objects as schema differences; this says what they mean for compliance.)
 */
import type { Schema, Table, TableCompliance } from '../model/types.js';
import { compareText } from '../model/paths.js';
import type { GuardKind, SecurityMeasures } from './measures.js';
import { TENANT_ISOLATION_POLICY } from './enforce.js';

/** A declared protection not in force: the table or column (`schema.table[.column]`) and what is missing. */
export interface MissingMeasure {
  readonly object: string;
  readonly problem: string;
}

const qualified = (t: Table): string => `${t.schema}.${t.name}`;

function tenantGaps(t: Table, c: TableCompliance, measures: SecurityMeasures): string[] {
  if (!c.tenant || !('column' in c.tenant)) return [];
  const rls = measures.rowLevelSecurity.find((r) => r.table === qualified(t));
  if (!rls || rls.mode !== 'forced') return ['tenant isolation is declared, but row-level security is not forced'];
  return [
    ...(rls.policies.some((p) => p.name === TENANT_ISOLATION_POLICY && !p.permissive) ? [] : [`tenant isolation is declared, but the restrictive policy ${TENANT_ISOLATION_POLICY} is missing`]),
    ...(rls.partitions && rls.partitions.forced < rls.partitions.total
      ? [`${rls.partitions.total - rls.partitions.forced} of ${rls.partitions.total} partition(s) without row-level security forced`]
      : []),
  ];
}

/** What each guard must refuse; a trigger on `UPDATE OF some columns` does not refuse every UPDATE. */
const REQUIRED_EVENTS: Readonly<Record<GuardKind, readonly string[]>> = {
  'append-only': ['UPDATE', 'DELETE', 'TRUNCATE'],
  'legal hold': ['DELETE', 'TRUNCATE'],
  'row-level legal hold': ['UPDATE', 'DELETE'],
};

function unguarded(t: Table, kind: GuardKind, measures: SecurityMeasures): string[] {
  const covered = new Set(measures.guards.filter((g) => g.table === qualified(t) && g.kind === kind)
    .flatMap((g) => [...g.events.matchAll(/\b(INSERT|UPDATE|DELETE|TRUNCATE)\b(?! OF\b)/g)].map((m) => m[1]!)));
  return REQUIRED_EVENTS[kind].filter((e) => !covered.has(e));
}

function guardGaps(t: Table, c: TableCompliance, measures: SecurityMeasures): string[] {
  const gap = (declared: string, kind: GuardKind): string[] => {
    const open = unguarded(t, kind, measures);
    return open.length > 0 ? [`${declared}, but no enabled ${kind} trigger refuses ${open.join(', ')}`] : [];
  };
  return [
    ...(c.appendOnly ? gap('declared append-only', 'append-only') : []),
    ...(c.legalHold ? gap(`under legal hold (${c.legalHold.matter})`, 'legal hold') : []),
    ...(c.holdable ? gap('rows are declared holdable', 'row-level legal hold') : []),
    ...(c.holdable && !measures.legalHoldsTable ? ['rows are declared holdable, but compliance.legal_holds does not exist'] : []),
  ];
}

function protectionGaps(t: Table, measures: SecurityMeasures): MissingMeasure[] {
  return t.columns.flatMap((col) => {
    const declared = col.compliance?.protection;
    if (!declared?.encryption && !declared?.masking) return [];
    const object = `${qualified(t)}.${col.name}`;
    const found = measures.protectedColumns.find((p) => p.column === object);
    const same = found && found.encryption === (declared.encryption ?? null) && found.masking === (declared.masking ?? null);
    return same ? [] : [{ object, problem: 'protection is declared, but the column\'s annotation in the database does not record it (missing, different or edited by hand)' }];
  });
}

function tableGaps(t: Table, measures: SecurityMeasures): MissingMeasure[] {
  const problems = t.compliance ? [...tenantGaps(t, t.compliance, measures), ...guardGaps(t, t.compliance, measures)] : [];
  return problems.map((problem) => ({ object: qualified(t), problem }));
}

/** What the declarations promise and the live database does not show, sorted by object. */
export function missingMeasures(declared: Schema, measures: SecurityMeasures): MissingMeasure[] {
  return declared.tables.filter((t) => t.partitionOf === undefined)
    .flatMap((t) => [...tableGaps(t, measures), ...protectionGaps(t, measures)])
    .sort((a, b) => compareText(a.object, b.object) || compareText(a.problem, b.problem));
}
