/**
 * Render: Plan → SQL text. Statements come from code (statements.ts); handlebars templates only
 * arrange headers, step comments and hazards. Every emitted statement is parsed with PostgreSQL's
 * parser before it is returned.
 */
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { SchemacError } from '../diagnostics/diagnostic.js';
import { parseSql } from '../expr/index.js';
import type { Hazard, Plan, Step } from '../plan/index.js';
import { describeChange } from './describe.js';
import { renderChange } from './statements.js';

export { quoteIdent, quoteLiteral, qualify } from './quote.js';
export { describeChange } from './describe.js';

export interface RenderedStep {
  readonly step: Step;
  readonly description: string;
  readonly up: readonly string[];
  readonly down: readonly string[];
}

/** Every statement must parse as exactly one statement; anything else is a bug or hostile input. */
function checkStatements(step: Step, statements: readonly string[]): void {
  for (const statement of statements) {
    const parsed = parseSql(statement);
    const problem = !parsed.ok ? parsed.error.message : parsed.statements.length !== 1 ? `it is ${parsed.statements.length} statements, not one` : undefined;
    if (problem) {
      throw new SchemacError([diagnostic('SC900', {
        message: `statement for ${step.change.path} does not parse (${problem}): ${statement}`,
        path: step.change.path,
      })]);
    }
  }
}

export function renderSteps(plan: Plan): RenderedStep[] {
  return plan.steps.map((step) => {
    const { up, down } = renderChange(step.change);
    checkStatements(step, up);
    checkStatements(step, down);
    return { step, description: describeChange(step.change), up, down };
  });
}

type Template = (context: object) => string;
const templates = new Map<string, Template>();

function template(name: string): Template {
  let compiled = templates.get(name);
  if (!compiled) {
    const source = readFileSync(new URL(`./templates/${name}.hbs`, import.meta.url), 'utf8');
    compiled = Handlebars.compile(source, { noEscape: true, strict: true });
    templates.set(name, compiled);
  }
  return compiled;
}

const uniqueHazards = (hazards: readonly Hazard[]): Hazard[] => {
  const seen = new Set<string>();
  return hazards.filter((h) => {
    const key = `${h.kind}\0${h.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
};

export interface MigrationFiles {
  readonly up: string;
  readonly down: string;
  readonly plan: string;
}

/** up.sql, down.sql and plan.json of one migration: same input, same bytes. */
export function renderMigrationFiles(name: string, steps: readonly RenderedStep[]): MigrationFiles {
  const upSteps = steps.map((s, i) => ({ number: i + 1, description: s.description, lock: s.step.lock === 'none' ? '' : s.step.lock, statements: s.up }));
  const downSteps = [...steps].reverse().map((s, i) => ({ number: i + 1, description: `undo: ${s.description}`, lock: s.step.lock === 'none' ? '' : s.step.lock, statements: s.down }));
  const up = template('migration.sql')({ name, direction: 'up', irreversible: false, hazards: uniqueHazards(steps.flatMap((s) => s.step.hazards)), steps: upSteps });
  const down = template('migration.sql')({ name, direction: 'down', irreversible: false, hazards: uniqueHazards(steps.flatMap((s) => s.step.downHazards)), steps: downSteps });
  const plan = `${JSON.stringify({
    version: 1,
    name,
    steps: steps.map((s, i) => ({
      number: i + 1,
      kind: s.step.change.kind,
      path: s.step.change.path,
      description: s.description,
      lock: s.step.lock,
      transactional: s.step.transactional,
      hazards: s.step.hazards,
      downHazards: s.step.downHazards,
    })),
  }, null, 2)}\n`;
  return { up, down, plan };
}

/** A plain SQL script (plan/diff output): the forward statements with step comments. */
export function renderScript(description: string, steps: readonly RenderedStep[]): string {
  return template('script.sql')({
    description,
    hazards: uniqueHazards(steps.flatMap((s) => s.step.hazards)),
    steps: steps.map((s) => ({ description: s.description, statements: s.up })),
  });
}
