/**
 * The migration linter: reads PostgreSQL migration SQL (schemac's or hand-written) with
 * PostgreSQL's own parser and reports statements that lose data, rewrite or lock tables, depend on
 * existing rows, break running code, or misuse transactions. See docs/lint/README.md.
 *
 * ```ts
 * await loadParser();
 * const { findings, parseError } = lintSql(sql, { file: 'migrations/0042/up.sql', postgresVersion: 16 });
 * ```
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { compareText } from '../model/paths.js';
import { appliesTo, type LintContext, type LintRule, type RuleHit } from './rule.js';
import { RULE_CATALOGUE, STATEMENT_RULES, suppressionWithoutReason } from './rules/index.js';
import { isSchemacMigration, readScript, type ScriptStatement, type Suppression } from './script.js';
import { FileState } from './state.js';
import { assignTransactions } from './transactions.js';

export type { LintCategory, LintRule, VersionRange } from './rule.js';
export { LINT_CATEGORIES } from './rule.js';

export interface LintOptions {
  /** Display name for findings' `at.file`. */
  readonly file: string;
  /** PostgreSQL major version the SQL will run on (14–18); default 14 (most conservative). */
  readonly postgresVersion?: number;
  /** The runner wraps the file in a transaction (schemac migration files: true). Default: true when the file starts with the line `-- schemac migration:`, else false. */
  readonly wrapped?: boolean;
}

export interface LintFinding extends Diagnostic {
  /** kebab-case rule name. */
  readonly rule: string;
  /** 0-based index of the statement in the file. */
  readonly statement: number;
  /** Set when a `-- schemac:allow <code> <reason>` line before the statement suppresses the finding. */
  readonly suppressed?: { readonly reason: string };
}

export interface LintResult {
  /** Sorted by line, then code; suppressed ones included with `suppressed` set. */
  readonly findings: readonly LintFinding[];
  readonly parseError?: Diagnostic;
}

/** The rule catalogue, in code order. */
export const LINT_RULES: readonly LintRule[] = RULE_CATALOGUE;

export const DEFAULT_POSTGRES_VERSION = 14;

/** Lint one file. Synchronous; `loadParser()` from compiler/expr must have resolved. */
export function lintSql(sql: string, options: LintOptions): LintResult {
  const script = readScript(sql);
  if (!script.ok) {
    return {
      findings: [],
      parseError: diagnostic('SC600', { message: `SQL does not parse: ${script.error.message}`, at: { file: options.file, line: script.error.line } }),
    };
  }
  const postgresVersion = options.postgresVersion ?? DEFAULT_POSTGRES_VERSION;
  const wrapped = options.wrapped ?? isSchemacMigration(sql);
  const rules = STATEMENT_RULES.filter((rule) => appliesTo(rule, postgresVersion));
  const transactions = assignTransactions(script.statements, wrapped);
  const state = new FileState();
  const findings: LintFinding[] = [];
  for (const statement of script.statements) {
    const transaction = transactions[statement.index]!;
    const context: LintContext = { postgresVersion, wrapped, schemacFile: script.schemacFile, transaction, file: state };
    const found = rules.flatMap((rule) => rule.check(statement, context).map((hit) => finding(rule, hit, statement, options.file)));
    findings.push(...applySuppressions(found, statement.suppressions), ...suppressionFindings(statement, options.file));
    state.record(statement.node, transaction);
  }
  return { findings: sortFindings(findings) };
}

function finding(rule: LintRule, hit: RuleHit, statement: ScriptStatement, file: string, line = statement.line): LintFinding {
  const base = diagnostic(rule.code, {
    message: hit.message,
    hint: hit.hint ?? rule.fix,
    severity: rule.severity,
    at: { file, line },
    ...(hit.path ? { path: hit.path } : {}),
  });
  return { ...base, rule: rule.name, statement: statement.index };
}

const isValid = (suppression: Suppression): boolean => suppression.codes.length > 0 && suppression.reason !== '';

function applySuppressions(findings: readonly LintFinding[], suppressions: readonly Suppression[]): LintFinding[] {
  const valid = suppressions.filter(isValid);
  return findings.map((f) => {
    const allowing = valid.find((s) => s.codes.includes(f.code));
    return allowing ? { ...f, suppressed: { reason: allowing.reason } } : f;
  });
}

/** Suppression lines that suppress nothing because they lack a code or a reason; at their own line. */
function suppressionFindings(statement: ScriptStatement, file: string): LintFinding[] {
  return statement.suppressions
    .filter((s) => !isValid(s))
    .map((s) => {
      const message =
        s.codes.length === 0
          ? '`-- schemac:allow` names no code to allow; it suppresses nothing'
          : `\`-- schemac:allow ${s.codes.join(', ')}\` gives no reason; it suppresses nothing`;
      return finding(suppressionWithoutReason, { message }, statement, file, s.line);
    });
}

function sortFindings(findings: readonly LintFinding[]): LintFinding[] {
  return [...findings].sort(
    (a, b) =>
      (a.at?.line ?? 0) - (b.at?.line ?? 0) ||
      compareText(a.code, b.code) ||
      a.statement - b.statement ||
      compareText(a.message, b.message),
  );
}

