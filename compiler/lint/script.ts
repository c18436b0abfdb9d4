/**
 * Reading a migration file: its statements (split and parsed with PostgreSQL's grammar), the
 * comment lines directly before each statement, and what those comments say:
 *
 * ```sql
 * -- Step 2/3: create index users_email_idx on public.users   ← starts a step
 * -- schemac:transaction none                                 ← how the step runs (none | own)
 * -- schemac:allow SC618 the table has 40 rows                ← suppresses SC618 for this statement
 * CREATE INDEX users_email_idx ON public.users (email);
 * ```
 */
import { parseSql, splitStatements } from '../expr/index.js';
import type { LintStatement } from './rule.js';
import type { StepMode } from './transactions.js';

/** `-- schemac:allow SC601, SC602 <reason>`. */
export interface Suppression {
  readonly codes: readonly string[];
  /** Empty when the line gives none. */
  readonly reason: string;
  readonly line: number;
}

export interface ScriptStatement extends LintStatement {
  /** Steps are numbered in file order from 0; a step runs until the next step header. */
  readonly step: number;
  readonly mode: StepMode;
  readonly suppressions: readonly Suppression[];
}

export type ReadScript =
  | { readonly ok: true; readonly statements: readonly ScriptStatement[]; readonly schemacFile: boolean }
  | { readonly ok: false; readonly error: { readonly message: string; readonly line: number } };

export const SCHEMAC_HEADER = '-- schemac migration:';

const STEP_HEADER = /^--\s*Step \d+\/\d+:/;
const TRANSACTION_DIRECTIVE = /^--\s*schemac:transaction\s+(none|own)\b/;
const ALLOW_DIRECTIVE = /^--\s*schemac:allow\b\s*(.*)$/;
const ALLOWED_CODES = /^((?:SC\d{3}\s*,\s*)*SC\d{3})\b\s*(.*)$/;

/** Whether a file is a schemac migration: its first line is the `-- schemac migration:` header. */
export const isSchemacMigration = (sql: string): boolean => sql.replace(/^\uFEFF/, '').startsWith(SCHEMAC_HEADER);

export function readScript(sql: string): ReadScript {
  const split = splitStatements(sql);
  if (!split.ok) return { ok: false, error: { message: split.error.message, line: lineAtCharacter(sql, split.error.position) } };
  const lines = sql.split('\n');
  const statements: ScriptStatement[] = [];
  let previousEnd = 0;
  let step = -1;
  let mode: StepMode = 'file';
  for (const [index, { sql: text, line }] of split.statements.entries()) {
    const comments = commentBlock(lines, line, previousEnd);
    previousEnd = line + countNewlines(text);
    if (step < 0 || comments.some((c) => STEP_HEADER.test(c.text) || TRANSACTION_DIRECTIVE.test(c.text))) {
      step++;
      mode = stepMode(comments.map((c) => c.text));
    }
    statements.push({ index, sql: text, line, node: parseOne(text), step, mode, suppressions: suppressionsIn(comments) });
  }
  return { ok: true, statements, schemacFile: isSchemacMigration(sql) };
}

interface CommentLine {
  readonly text: string;
  readonly line: number;
}

/** The `--` lines directly above `line` (no blank line between), after the previous statement's last line. */
function commentBlock(lines: readonly string[], line: number, previousEnd: number): CommentLine[] {
  const block: CommentLine[] = [];
  for (let n = line - 1; n > previousEnd; n--) {
    const text = (lines[n - 1] ?? '').trim();
    if (!text.startsWith('--')) break;
    block.unshift({ text, line: n });
  }
  return block;
}

function stepMode(comments: readonly string[]): StepMode {
  for (const comment of comments) {
    const match = TRANSACTION_DIRECTIVE.exec(comment);
    if (match) return match[1] as StepMode;
  }
  return 'file';
}

function suppressionsIn(comments: readonly CommentLine[]): Suppression[] {
  return comments.flatMap(({ text, line }) => {
    const allow = ALLOW_DIRECTIVE.exec(text);
    if (!allow) return [];
    const listed = ALLOWED_CODES.exec(allow[1]!.trim());
    if (!listed) return [{ codes: [], reason: allow[1]!.trim(), line }];
    return [{ codes: listed[1]!.split(',').map((c) => c.trim()), reason: listed[2]!.replace(/^[:\-–—\s]+/, '').trim(), line }];
  });
}

/** A statement that was split from a file that parsed parses on its own. */
function parseOne(text: string): LintStatement['node'] {
  const parsed = parseSql(text);
  const node = parsed.ok ? parsed.statements[0] : undefined;
  if (!node) throw new Error(`statement split from a parsed file does not parse: ${text}`);
  return node;
}

const countNewlines = (text: string): number => text.split('\n').length - 1;

/** The 1-based line of a 1-based character position (PostgreSQL counts characters, not bytes). */
export function lineAtCharacter(sql: string, position: number): number {
  if (position <= 0) return 1;
  const before = Array.from(sql).slice(0, position - 1).join('');
  return countNewlines(before) + 1;
}
