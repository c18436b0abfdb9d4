/**
 * Review: generate's check of the migration it is about to write (after render, before the files
 * are written). The linter reads the rendered up.sql;
 * an error-level finding must be acknowledged by a declaration (`acknowledge(code, objectPath,
 * reason)`), which is then written above the statement as `-- schemac:allow <code> <reason>` (so
 * linting the file later agrees). Unacknowledged errors refuse the migration (SC225). Drops that
 * look like renames are refused the same way (SC223) unless the drop is acknowledged.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SuspectedRename } from '../diff/index.js';
import type { Acknowledgement, SourceLocator } from '../model/types.js';
import { renderMigrationFiles, type Allow, type RenderedStep } from '../render/index.js';
import { LINT_RULES, lintSql, type LintFinding } from '../lint/index.js';
import { isBinaryCoercible } from '../plan/index.js';

export interface Review {
  /** The steps with acknowledged findings attached (written as `-- schemac:allow`). */
  readonly steps: readonly RenderedStep[];
  /** SC223/SC225 errors: the migration must not be written. */
  readonly refused: readonly Diagnostic[];
  /** Warning-level safety findings (design advice such as prefer-bigint is left to `schemac lint`). */
  readonly warnings: readonly LintFinding[];
}

export interface ReviewOptions {
  /** The path up.sql will have, for warnings. */
  readonly file: string;
  readonly acknowledgements: readonly Acknowledgement[];
  readonly locate: SourceLocator;
  readonly postgresVersion?: number;
  readonly suspectedRenames?: readonly SuspectedRename[];
}

const acknowledges = (a: Acknowledgement, code: string, path: string): boolean => a.code === code && (a.object === '*' || a.object === path);

/** Step and statement (within the step) of each up statement of the file, in file order. */
function statementOwners(steps: readonly RenderedStep[]): { step: number; statement: number }[] {
  return steps.flatMap((s, step) => s.up.map((_, statement) => ({ step, statement })));
}

function renameProblems(suspected: readonly SuspectedRename[], options: ReviewOptions): Diagnostic[] {
  return suspected
    .filter((s) => !options.acknowledgements.some((a) => a.object === s.dropped))
    .map((s) => diagnostic('SC223', {
      message: `${s.kind} ${s.droppedName} is dropped and ${s.kind} ${s.addedName} added with the same ${s.kind === 'column' ? 'type' : 'columns'}: is it a rename? As written, the values of ${s.droppedName} are lost`,
      hint: `A rename: add renamedFrom: '${s.droppedName}' to ${s.addedName}. A real drop: acknowledge('${s.kind === 'column' ? 'SC602' : 'SC601'}', '${s.dropped}', '<why the data may go>').`,
      path: s.added,
      ...(options.locate(s.added) ? { at: options.locate(s.added)! } : {}),
    }));
}

const DESIGN_RULES = new Set(LINT_RULES.filter((r) => r.category === 'design').map((r) => r.code));
/** Syntax newer than the target: only meaningful when the target version is configured. */
const NEWER_SYNTAX = 'SC647';
/** A column type change: the plan knows the old type, the linter does not. */
const TYPE_CHANGE = 'SC610';

/** What the plan itself knows to be safe: a type change it proved binary-coercible. */
function plannedAllow(step: RenderedStep, code: string): Allow | undefined {
  const change = step.step.change;
  if (code === TYPE_CHANGE && change.kind === 'column.type' && isBinaryCoercible(change.from, change.to)) {
    return { code, reason: `binary-coercible from ${change.from.name}: no rewrite` };
  }
  return undefined;
}

export function reviewMigration(name: string, steps: readonly RenderedStep[], options: ReviewOptions): Review {
  const { up } = renderMigrationFiles(name, steps);
  const { findings, parseError } = lintSql(up, { file: options.file, wrapped: true, ...(options.postgresVersion ? { postgresVersion: options.postgresVersion } : {}) });
  if (parseError) throw new Error(`generated up.sql does not parse: ${parseError.message}`);
  const owners = statementOwners(steps);
  const allows = steps.map(() => new Map<number, Allow[]>());
  const allow = (owner: { step: number; statement: number }, entry: Allow): void => {
    const list = allows[owner.step]!.get(owner.statement) ?? [];
    if (!list.some((a) => a.code === entry.code)) list.push(entry);
    allows[owner.step]!.set(owner.statement, list);
  };
  const refused: Diagnostic[] = renameProblems(options.suspectedRenames ?? [], options);
  const warnings: LintFinding[] = [];
  for (const f of findings) {
    const owner = owners[f.statement];
    const step = owner ? steps[owner.step] : undefined;
    if (!owner || !step || f.suppressed || DESIGN_RULES.has(f.code) || (f.code === NEWER_SYNTAX && !options.postgresVersion)) continue;
    const planned = plannedAllow(step, f.code);
    if (planned) {
      allow(owner, planned);
      continue;
    }
    if (f.severity !== 'error') {
      warnings.push(f);
      continue;
    }
    const path = step.step.change.path;
    const ack = options.acknowledgements.find((a) => acknowledges(a, f.code, path));
    if (ack) {
      allow(owner, { code: f.code, reason: ack.reason });
      continue;
    }
    if (refused.some((d) => d.code === 'SC223' && (options.suspectedRenames ?? []).some((s) => s.dropped === path))) continue;
    const at = options.locate(path);
    refused.push(diagnostic('SC225', {
      message: `step ${owner.step + 1} (${step.description}): ${f.code} ${f.rule}: ${f.message}`,
      hint: `Change the declarations, or accept it on purpose: acknowledge('${f.code}', '${path}', '<why>').`,
      path,
      ...(at ? { at } : {}),
    }));
  }
  const reviewed = steps.map((s, i) => (allows[i]!.size > 0 ? { ...s, allows: allows[i]! } : s));
  return { steps: reviewed, refused, warnings };
}
