/**
 * What a lint rule is: its catalogue entry (stable code, name, severity, documentation) and the
 * check that finds it in one parsed statement, given what the earlier statements of the file did.
 */
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { Severity } from '../diagnostics/diagnostic.js';
import type { ObjectPath } from '../model/paths.js';
import type { FileFacts } from './state.js';
import type { Transaction } from './transactions.js';
import type { StatementNode } from './nodes.js';

/** Why a rule exists, in the order the catalogue and the docs list them. */
export type LintCategory =
  | 'destructive'
  | 'rewrite'
  | 'lock'
  | 'data-dependent'
  | 'backward-incompatible'
  | 'transaction'
  | 'lock-timeout'
  | 'design'
  | 'version'
  | 'suppression';

export const LINT_CATEGORIES: readonly LintCategory[] = [
  'destructive',
  'rewrite',
  'lock',
  'data-dependent',
  'backward-incompatible',
  'transaction',
  'lock-timeout',
  'design',
  'version',
  'suppression',
];

/** Inclusive range of PostgreSQL major versions a rule applies to. */
export interface VersionRange {
  readonly min?: number;
  readonly max?: number;
}

/** One entry of the rule catalogue: everything the docs and the CLI show about a rule. */
export interface LintRule {
  readonly code: DiagnosticCode;
  /** kebab-case, stable. */
  readonly name: string;
  readonly severity: Severity;
  readonly category: LintCategory;
  /** Short title; equals the title of the code in DIAGNOSTIC_CODES. */
  readonly title: string;
  /** Why the statement is dangerous: what it locks, rewrites or breaks. */
  readonly why: string;
  /** The safe way to do it. */
  readonly fix: string;
  readonly example: { readonly bad: string; readonly good: string };
  /** The PostgreSQL versions on which the rule is checked; all when absent. */
  readonly versions?: VersionRange;
}

/** What a check found in a statement; becomes a LintFinding. */
export interface RuleHit {
  readonly message: string;
  /** Replaces the rule's `fix` as the finding's hint when the advice depends on the statement. */
  readonly hint?: string;
  readonly path?: ObjectPath;
}

/** Everything a check may know besides the statement itself. */
export interface LintContext {
  readonly postgresVersion: number;
  /** The runner wraps the file in one transaction. */
  readonly wrapped: boolean;
  /** The file is a schemac migration (first line `-- schemac migration:`). */
  readonly schemacFile: boolean;
  /** Where this statement runs. */
  readonly transaction: Transaction;
  /** What the earlier statements of the file created, set and validated. */
  readonly file: FileFacts;
}

/** A statement as the checks see it. */
export interface LintStatement {
  /** 0-based index in the file. */
  readonly index: number;
  readonly sql: string;
  /** 1-based line the statement starts on. */
  readonly line: number;
  readonly node: StatementNode;
}

export type RuleCheck = (statement: LintStatement, context: LintContext) => readonly RuleHit[];

/** A catalogue entry with its check. */
export interface RuleDefinition extends LintRule {
  readonly check: RuleCheck;
}

export const NO_HITS: readonly RuleHit[] = [];

/** Whether a rule is checked on a PostgreSQL major version. */
export function appliesTo(rule: LintRule, postgresVersion: number): boolean {
  const { min, max } = rule.versions ?? {};
  return (min === undefined || postgresVersion >= min) && (max === undefined || postgresVersion <= max);
}
