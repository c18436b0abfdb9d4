/**
 * A migration file as schemac runs it: its statements grouped into units. Consecutive statements
 * of shared steps form one transaction; a step marked `-- schemac:transaction own` is a
 * transaction of its own; each statement of a step marked `-- schemac:transaction none` (and any
 * statement PostgreSQL refuses inside a transaction, such as CREATE INDEX CONCURRENTLY, even in a
 * hand-written file) runs alone outside one. Irreversible steps are read from
 * `-- schemac:irreversible` header lines.
 */
import { diagnostic, SchemacError } from '../diagnostics/diagnostic.js';
import { parseSql, splitStatements, type ParseNode, type ScriptStatement } from '../expr/index.js';

export type UnitMode = 'shared' | 'own' | 'none';

/** A statement of a migration file, with the optional extensions its step needs. */
export interface UnitStatement extends ScriptStatement {
  /** The step number (from its `-- Step N/M:` header; 0 without one). */
  readonly step: number;
  readonly requires: readonly string[];
}

export interface Unit {
  /** 0-based position in the file: what progress records. */
  readonly index: number;
  readonly mode: UnitMode;
  readonly statements: readonly UnitStatement[];
  /** The step numbers (from `-- Step N/M:` headers) whose statements this unit runs. */
  readonly steps: readonly number[];
}

export interface MigrationScript {
  readonly units: readonly Unit[];
  readonly irreversible: readonly string[];
  /** Compliance protections that running this file removes (`-- schemac:protection` lines). */
  readonly protections: readonly string[];
}

const STEP_HEADER = /^-- (?:Undo step|Step) (\d+)\/\d+:/;
const DIRECTIVE = /^-- schemac:transaction (own|none|shared)\s*$/;
const REQUIRES = /^-- schemac:requires ([a-z0-9_ -]+?)\s*$/;
const IRREVERSIBLE = /^-- schemac:irreversible (.*)$/;
const PROTECTION = /^-- schemac:protection (.*)$/;

/** 1-based line of a character position in text. */
export function lineAt(text: string, position: number): number {
  return text.slice(0, Math.max(0, position - 1)).split('\n').length;
}

/** Statements PostgreSQL refuses to run inside a transaction block. */
export function cannotRunInTransaction(tree: ParseNode | undefined): boolean {
  if (!tree) return false;
  const [type, body] = Object.entries(tree)[0] ?? [];
  const node = (body ?? {}) as Record<string, unknown>;
  switch (type) {
    case 'IndexStmt':
    case 'DropStmt':
      return node['concurrent'] === true;
    case 'ReindexStmt':
      return JSON.stringify(node['params'] ?? []).includes('"concurrently"');
    case 'VacuumStmt':
      return node['is_vacuumcmd'] === true;
    case 'CreatedbStmt':
    case 'DropdbStmt':
    case 'CreateTableSpaceStmt':
    case 'DropTableSpaceStmt':
    case 'AlterSystemStmt':
      return true;
    case 'AlterTableStmt':
      return JSON.stringify(node['cmds'] ?? []).includes('"concurrent":true');
    default:
      return false;
  }
}

const isTransactionControl = (tree: ParseNode | undefined): boolean => tree !== undefined && 'TransactionStmt' in tree;

/** Step number and transaction mode in force at each line of the file. */
function stepsByLine(lines: readonly string[]): { step: number[]; mode: UnitMode[]; requires: (readonly string[])[] } {
  const step: number[] = [];
  const mode: UnitMode[] = [];
  const requires: (readonly string[])[] = [];
  let currentStep = 0;
  let currentMode: UnitMode = 'shared';
  let currentRequires: readonly string[] = [];
  for (const line of lines) {
    const header = STEP_HEADER.exec(line);
    if (header) {
      currentStep = Number(header[1]);
      currentMode = 'shared';
      currentRequires = [];
    }
    const directive = DIRECTIVE.exec(line);
    if (directive) currentMode = directive[1] as UnitMode;
    const required = REQUIRES.exec(line);
    if (required) currentRequires = required[1]!.split(/\s+/);
    step.push(currentStep);
    mode.push(currentMode);
    requires.push(currentRequires);
  }
  return { step, mode, requires };
}

/** Split a migration file into units; a file that does not parse, or manages transactions itself, is refused. */
export function parseMigrationScript(sql: string, file: string): MigrationScript {
  const split = splitStatements(sql);
  if (!split.ok) {
    throw new SchemacError([diagnostic('SC404', { message: `does not parse: ${split.error.message}`, at: { file, line: lineAt(sql, split.error.position) } })]);
  }
  const lines = sql.split('\n');
  const { step, mode, requires } = stepsByLine(lines);
  const units: Unit[] = [];
  let open: { mode: UnitMode; statements: UnitStatement[]; steps: Set<number>; key: number } | undefined;
  const close = (): void => {
    if (open) units.push({ index: units.length, mode: open.mode, statements: open.statements, steps: [...open.steps] });
    open = undefined;
  };
  for (const statement of split.statements) {
    const parsed = parseSql(statement.sql);
    const tree = parsed.ok ? parsed.statements[0] : undefined;
    if (isTransactionControl(tree)) {
      throw new SchemacError([diagnostic('SC404', {
        message: 'migration files must not contain BEGIN, COMMIT or ROLLBACK: schemac runs each file in a transaction itself',
        at: { file, line: statement.line },
        hint: 'Remove the statement. To run a step outside the transaction, put `-- schemac:transaction none` (or `own`) in the comment lines above it.',
      })]);
    }
    const stepNumber = step[statement.line - 1] ?? 0;
    const declared = mode[statement.line - 1] ?? 'shared';
    const unitMode: UnitMode = cannotRunInTransaction(tree) ? 'none' : declared;
    const key = unitMode === 'own' ? stepNumber : -1;
    if (!open || open.mode !== unitMode || unitMode === 'none' || open.key !== key) {
      close();
      open = { mode: unitMode, statements: [], steps: new Set(), key };
    }
    open.statements.push({ ...statement, step: stepNumber, requires: requires[statement.line - 1] ?? [] });
    open.steps.add(stepNumber);
  }
  close();
  const irreversible = lines.map((l) => IRREVERSIBLE.exec(l)?.[1]).filter((r): r is string => r !== undefined);
  const protections = lines.map((l) => PROTECTION.exec(l)?.[1]).filter((r): r is string => r !== undefined);
  return { units, irreversible, protections };
}

/** The optional extensions a script's steps need. */
export function requiredExtensions(script: MigrationScript): string[] {
  return [...new Set(script.units.flatMap((u) => u.statements.flatMap((s) => s.requires)))].sort();
}

/** The script without the statements of steps that need an unavailable extension. */
export function withoutSteps(script: MigrationScript, unavailable: ReadonlySet<string>): { script: MigrationScript; skipped: number[] } {
  if (unavailable.size === 0) return { script, skipped: [] };
  const skipped = new Set<number>();
  const units = script.units.map((u) => {
    const kept = u.statements.filter((s) => !s.requires.some((e) => unavailable.has(e)) || (skipped.add(s.step), false));
    return { ...u, statements: kept };
  });
  // Units keep their index (progress refers to it); an emptied unit simply runs nothing.
  return { script: { ...script, units }, skipped: [...skipped].sort((a, b) => a - b) };
}
