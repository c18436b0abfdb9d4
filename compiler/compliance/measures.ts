/**
 * Technical security measures (GDPR Art. 30(1)(g), Art. 32) as a live database shows them: read
 * ONLY from an introspected schema, never from declarations, so the Art. 30 record states what is
 * in force rather than what was intended. What is declared but not found is listed separately
 * (`missingMeasures`).
 *
 * Found: row-level security and its policies; the append-only and legal-hold triggers of
 * enforce.ts that are enabled; the row-level legal hold table; columns whose intact `@compliance`
 * annotation declares encryption or masking; annotation blocks edited by hand; table privileges.
 */
import type { Column, ColumnCompliance, Schema, Table, TableCompliance } from '../model/types.js';
import { compareText } from '../model/paths.js';
import { readAnnotation } from './annotations.js';
import { COMPLIANCE_SCHEMA, LEGAL_HOLDS_TABLE, TENANT_ACCESS_POLICY, TENANT_ISOLATION_POLICY } from './enforce.js';

export interface PolicyMeasure {
  readonly name: string;
  readonly permissive: boolean;
  readonly command: string;
  /** One of the tenant policies enforcement creates (tenant_isolation, tenant_access). */
  readonly tenant: boolean;
}

export interface RowLevelSecurityMeasure {
  /** `schema.table`. */
  readonly table: string;
  /** `forced` applies to the table's owner too. */
  readonly mode: 'enabled' | 'forced';
  readonly policies: readonly PolicyMeasure[];
  /** Partitioned tables: how many partitions (at every level) have row-level security forced. */
  readonly partitions: { readonly total: number; readonly forced: number } | null;
}

export type GuardKind = 'append-only' | 'legal hold' | 'row-level legal hold';

/** An enabled trigger calling one of schemac's guard functions. */
export interface GuardMeasure {
  readonly table: string;
  readonly kind: GuardKind;
  readonly trigger: string;
  /** `BEFORE DELETE OR UPDATE`, as PostgreSQL prints it. */
  readonly events: string;
}

export interface ColumnProtectionMeasure {
  /** `schema.table.column`. */
  readonly column: string;
  readonly encryption: string | null;
  readonly masking: string | null;
}

export interface PrivilegeMeasure {
  /** `schema.name` of a table or view. */
  readonly object: string;
  readonly role: string;
  readonly privileges: readonly string[];
  readonly withGrantOption: boolean;
}

export interface SecurityMeasures {
  readonly rowLevelSecurity: readonly RowLevelSecurityMeasure[];
  readonly guards: readonly GuardMeasure[];
  /** compliance.legal_holds exists: rows of a subject can be held. */
  readonly legalHoldsTable: boolean;
  readonly protectedColumns: readonly ColumnProtectionMeasure[];
  /** Object paths (`table:s.t`, `column:s.t.c`) whose annotation block was edited by hand. */
  readonly editedAnnotations: readonly string[];
  readonly privileges: readonly PrivilegeMeasure[];
}

const REJECT_FUNCTION = `${COMPLIANCE_SCHEMA}.reject_change`;
const HOLD_FUNCTION = `${COMPLIANCE_SCHEMA}.enforce_legal_hold`;
const TENANT_POLICIES: ReadonlySet<string> = new Set([TENANT_ISOLATION_POLICY, TENANT_ACCESS_POLICY]);

const qualified = (t: { schema: string; name: string }): string => `${t.schema}.${t.name}`;

/** Partitions of a table, at every level. */
function partitionsOf(tables: readonly Table[], root: Table): Table[] {
  const children = tables.filter((t) => t.schema === root.schema && t.partitionOf?.table === root.name);
  return children.flatMap((c) => [c, ...partitionsOf(tables, c)]);
}

function rowLevelSecurity(tables: readonly Table[]): RowLevelSecurityMeasure[] {
  return tables.filter((t) => t.partitionOf === undefined && t.rowLevelSecurity !== undefined).map((t) => {
    const partitions = t.partitionBy ? partitionsOf(tables, t) : [];
    return {
      table: qualified(t),
      mode: t.rowLevelSecurity!,
      policies: (t.policies ?? []).map((p) => ({ name: p.name, permissive: p.permissive, command: p.command, tenant: TENANT_POLICIES.has(p.name) })),
      partitions: t.partitionBy ? { total: partitions.length, forced: partitions.filter((p) => p.rowLevelSecurity === 'forced').length } : null,
    };
  });
}

/**
 * The function a trigger executes and its timing/events, read from pg_get_triggerdef's fixed
 * output form (`CREATE TRIGGER n BEFORE DELETE OR UPDATE ON s.t FOR EACH ROW EXECUTE FUNCTION f(…)`).
 * Used to label measures, never to compare definitions.
 */
function triggerParts(definition: string): { fn: string; events: string } | undefined {
  const fn = /\bEXECUTE (?:FUNCTION|PROCEDURE) ((?:"(?:[^"]|"")*"|[^"(\s])+)\(/.exec(definition)?.[1];
  const events = /^CREATE (?:CONSTRAINT )?TRIGGER (?:"(?:[^"]|"")*"|\S+) ((?:BEFORE|AFTER|INSTEAD OF) .+?) ON /.exec(definition)?.[1];
  return fn ? { fn: unquoteName(fn), events: events ?? '' } : undefined;
}

/** `"compliance"."reject_change"` or `compliance.reject_change` → `compliance.reject_change`. */
function unquoteName(name: string): string {
  return [...name.matchAll(/"((?:[^"]|"")*)"|([^."]+)/g)].map((m) => (m[1] === undefined ? m[2]! : m[1].replaceAll('""', '"'))).join('.');
}

function guardKind(triggerName: string, fn: string): GuardKind | undefined {
  if (fn === HOLD_FUNCTION) return 'row-level legal hold';
  if (fn !== REJECT_FUNCTION) return undefined;
  if (/_append_only(_truncate)?$/.test(triggerName)) return 'append-only';
  if (/_legal_hold(_truncate)?$/.test(triggerName)) return 'legal hold';
  return undefined;
}

function guards(tables: readonly Table[]): GuardMeasure[] {
  return tables.flatMap((t) => (t.triggers ?? [])
    .filter((tr) => tr.enabled === 'origin' || tr.enabled === 'always')
    .flatMap((tr): GuardMeasure[] => {
      const parts = triggerParts(tr.definition);
      const kind = parts && guardKind(tr.name, parts.fn);
      return kind ? [{ table: qualified(t), kind, trigger: tr.name, events: parts.events }] : [];
    }));
}

/** An annotation block in a comment: intact and an object, or edited (or absent). */
function annotationOf(comment: string | undefined): { readonly value?: Record<string, unknown>; readonly edited: boolean; readonly human?: string } {
  const read = readAnnotation(comment);
  const present = read.annotations !== undefined || !read.intact;
  const value = read.intact && read.annotations && typeof read.annotations === 'object' && !Array.isArray(read.annotations) ? read.annotations as Record<string, unknown> : undefined;
  return { ...(value ? { value } : {}), edited: present && !value, ...(read.human === undefined ? {} : { human: read.human }) };
}

function protectedColumns(tables: readonly Table[]): ColumnProtectionMeasure[] {
  return tables.filter((t) => t.partitionOf === undefined).flatMap((t) => t.columns.flatMap((c): ColumnProtectionMeasure[] => {
    const protection = (annotationOf(c.comment).value as ColumnCompliance | undefined)?.protection;
    if (!protection?.encryption && !protection?.masking) return [];
    return [{ column: `${qualified(t)}.${c.name}`, encryption: protection.encryption ?? null, masking: protection.masking ?? null }];
  }));
}

function editedAnnotations(tables: readonly Table[]): string[] {
  return tables.flatMap((t) => [
    ...(annotationOf(t.comment).edited ? [`table:${qualified(t)}`] : []),
    ...t.columns.filter((c) => annotationOf(c.comment).edited).map((c) => `column:${qualified(t)}.${c.name}`),
  ]);
}

function privileges(live: Schema): PrivilegeMeasure[] {
  return (live.grants ?? []).filter((g) => g.kind === 'table')
    .map((g) => ({ object: `${g.schema}.${g.name}`, role: g.role, privileges: [...g.privileges].sort(compareText), withGrantOption: g.withGrantOption === true }))
    .sort((a, b) => compareText(a.object, b.object) || compareText(a.role, b.role) || Number(a.withGrantOption) - Number(b.withGrantOption));
}

const byText = <T>(key: (x: T) => string) => (a: T, b: T): number => compareText(key(a), key(b));

/** What the live database enforces. `live` must be introspected, not declared. */
export function securityMeasures(live: Schema): SecurityMeasures {
  const tables = live.tables;
  return {
    rowLevelSecurity: rowLevelSecurity(tables).sort(byText((r) => r.table)),
    guards: guards(tables).sort(byText((g) => `${g.table}\0${g.kind}\0${g.trigger}`)),
    legalHoldsTable: tables.some((t) => t.schema === COMPLIANCE_SCHEMA && t.name === LEGAL_HOLDS_TABLE),
    protectedColumns: protectedColumns(tables).sort(byText((c) => c.column)),
    editedAnnotations: editedAnnotations(tables).sort(compareText),
    privileges: privileges(live),
  };
}

/**
 * An introspected schema with its intact `@compliance` blocks read back into the `compliance`
 * fields of tables and columns, and the blocks removed from the comments; edited blocks are left
 * in the comment and not trusted. The registries (activities, retention rules) are not in the
 * database: pass `{ ...annotationsFromComments(live), compliance: declared.compliance }` to report
 * on a live database with them.
 */
export function annotationsFromComments(live: Schema): Schema {
  const column = (c: Column): Column => {
    const a = annotationOf(c.comment);
    if (!a.value) return c;
    const { comment: _, ...rest } = c;
    return { ...rest, ...(a.human === undefined ? {} : { comment: a.human }), compliance: a.value as ColumnCompliance };
  };
  const table = (t: Table): Table => {
    const a = annotationOf(t.comment);
    const { comment: _, ...rest } = t;
    const columns = t.columns.map(column);
    if (!a.value) return { ...t, columns };
    return { ...rest, columns, ...(a.human === undefined ? {} : { comment: a.human }), compliance: a.value as TableCompliance };
  };
  return { ...live, tables: live.tables.map(table) };
}
