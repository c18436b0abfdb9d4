/**
 * Render: Plan → SQL text. Statements come from code (statements.ts); handlebars templates only
 * arrange headers, step comments and hazards. Every emitted statement is parsed with PostgreSQL's
 * parser before it is returned.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type Handlebars from 'handlebars';
import handlebarsRuntime from 'handlebars/runtime';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { SchemacError } from '../diagnostics/diagnostic.js';
import { parseSql } from '../expr/index.js';
import type { Hazard, Plan, Step } from '../plan/index.js';
import { describeChange } from './describe.js';
import { renderStepStatements } from './statements.js';

export { quoteIdent, quoteLiteral, qualify } from './quote.js';
export { describeChange } from './describe.js';

/** A lint finding or hazard accepted by a declared acknowledgement: written as `-- schemac:allow`. */
export interface Allow {
  readonly code: string;
  readonly reason: string;
}

export interface RenderedStep {
  readonly step: Step;
  readonly description: string;
  readonly up: readonly string[];
  readonly down: readonly string[];
  /** Acknowledged findings, by index of the up statement they are about. */
  readonly allows?: ReadonlyMap<number, readonly Allow[]>;
  /** The protection this step puts in place (its reverse strips it: rollback needs --force). */
  readonly protects?: string;
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

/** What a step does, in the words of its form: `create index "public"."x" concurrently`. */
export function describeStep(step: Step): string {
  const base = describeChange(step.change);
  const c = step.change;
  const on = 'schema' in c && typeof c.schema === 'string' ? c.schema : '';
  const q = (name: string): string => `${on}.${name}`;
  switch (step.form.kind) {
    case 'plain': return base;
    case 'index.concurrently':
      return c.kind === 'index.create' && step.form.name !== c.index.name ? `build index ${q(step.form.name)} on partition ${q(step.form.table)} concurrently` : `${base} concurrently`;
    case 'index.onOnly':
      return `create index ${q(step.form.name)} on only ${q(step.form.table)} (its partitions' indexes are built next)`;
    case 'index.attach': return `attach index ${q(step.form.child)} to ${q(step.form.parent)}`;
    case 'constraint.notValid': return `${base} NOT VALID`;
    case 'constraint.validate': return base.replace(/^add /, 'validate ');
    case 'constraint.buildIndex': return `${base.replace(/^add /, 'build the unique index of ')} concurrently`;
    case 'constraint.usingIndex': return `${base} using its index`;
    case 'notNull.check': return `${base}: add CHECK (… IS NOT NULL) NOT VALID`;
    case 'notNull.validate': return `${base}: validate the check`;
    case 'notNull.set': return `${base} using the validated check`;
  }
}

export function renderSteps(plan: Plan): RenderedStep[] {
  return plan.steps.map((step) => {
    const { up, down } = renderStepStatements(step);
    checkStatements(step, up);
    checkStatements(step, down);
    return { step, description: describeStep(step), up, down };
  });
}

/**
 * Only the up statements of each step, unchecked: for the dev database's builds (normalize/),
 * which never reach a migration file and whose statements PostgreSQL parses itself. Checking them
 * cost ~1.3 s at 2,000 tables, and their trees stayed in the parse cache (~40 MB); the same
 * statements are checked by renderSteps whenever they are written (where the cache pays: the
 * script's lint parses them again).
 */
export function renderBuildSteps(plan: Plan): { readonly step: Step; readonly up: readonly string[] }[] {
  return plan.steps.map((step) => ({ step, up: renderStepStatements(step).up }));
}

type Template = (context: object) => string;
const templates = new Map<string, Template>();

/**
 * Text that goes into `--` comment lines (descriptions, hazards, reasons: they contain object
 * names and user text) must not break out of its line: a line break in a name would turn the
 * rest of the name into SQL. Line breaks become visible `\n`; statements are left as they are.
 */
function commentSafe(value: unknown, key = ''): unknown {
  if (key === 'sql' || key === 'statements' && Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  if (typeof value === 'string') return value.replace(/\r\n|[\r\n\u2028\u2029\u0085\v\f]/g, (c) => JSON.stringify(c).slice(1, -1));
  if (Array.isArray(value)) return value.map((v) => commentSafe(v));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, commentSafe(v, k)]));
  return value;
}

/**
 * Templates run on handlebars' runtime: imported by name, so the CLI bundle includes it (from V8's
 * code cache; ~7 ms to load from its 21 files otherwise), and it loads with this module, which the
 * commands that render import while they wait for a database. The build precompiles them
 * (scripts/copy-assets.mjs → `templates/<name>.hbs.cjs` next to this file); from source there are
 * none, and the spec is precompiled here with the whole of handlebars (~30 ms to load, ~12 ms per
 * template) through the same `precompile.cjs`. Either way the same spec runs on the same runtime.
 */
type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

function templateSpec(name: string): TemplateSpecification {
  const require = createRequire(import.meta.url);
  try {
    return require(`./templates/${name}.hbs.cjs`) as TemplateSpecification;
  } catch (error) {
    if ((error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error;
  }
  const { precompileTemplate } = require('./precompile.cjs') as { precompileTemplate: (source: string) => string };
  const source = readFileSync(new URL(`./templates/${name}.hbs`, import.meta.url), 'utf8');
  return new Function(`return ${precompileTemplate(source)};`)() as TemplateSpecification;
}

function template(name: string): Template {
  let compiled = templates.get(name);
  if (!compiled) {
    const render = (handlebarsRuntime as typeof Handlebars).template(templateSpec(name));
    compiled = (context: object) => render(commentSafe(context));
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

const EFFECTS = { none: '', scan: 'reads every row', rewrite: 'rewrites the table' } as const;

/** `[lock: SHARE UPDATE EXCLUSIVE; reads every row]`, or nothing for a step that locks nothing. */
function stepNote(step: Step): string {
  const parts = [...(step.lock === 'none' ? [] : [`lock: ${step.lock}`]), ...(EFFECTS[step.effect] ? [EFFECTS[step.effect]] : [])];
  return parts.length ? ` [${parts.join('; ')}]` : '';
}

const statementsWithAllows = (statements: readonly string[], allows?: ReadonlyMap<number, readonly Allow[]>) =>
  statements.map((sql, i) => ({ sql, allows: (allows?.get(i) ?? []).map((a) => `${a.code} ${a.reason}`) }));

/**
 * up.sql, down.sql and plan.json of one migration: same input, same bytes. Steps are numbered in
 * up order; down.sql undoes them newest first and names the step each undoes. A step that does
 * not run in the shared transaction says so with `-- schemac:transaction own|none`; irreversible
 * steps are listed in both headers as `-- schemac:irreversible` lines (rollback refuses them
 * without --force).
 */
export function renderMigrationFiles(name: string, steps: readonly RenderedStep[]): MigrationFiles {
  const total = steps.length;
  const irreversible = steps.flatMap((s, i) => (s.step.irreversible ? [{ number: i + 1, reason: s.step.irreversible }] : []));
  const protections = steps.flatMap((s, i) => (s.protects ? [{ number: i + 1, what: s.protects }] : []));
  const numbered = (list: readonly { number: number; hazards: readonly Hazard[] }[]) =>
    list.flatMap((s) => uniqueHazards(s.hazards).map((h) => ({ number: s.number, kind: h.kind, message: h.message })));
  const stepContext = (s: RenderedStep, i: number, direction: 'up' | 'down') => ({
    number: i + 1,
    description: s.description,
    note: stepNote(s.step),
    transaction: s.step.transaction === 'shared' ? '' : s.step.transaction,
    requires: (s.step.requires ?? []).join(' '),
    statements: direction === 'up' ? statementsWithAllows(s.up, s.allows) : statementsWithAllows(s.down),
    hazards: direction === 'up' ? s.step.hazards : s.step.downHazards,
  });
  const upSteps = steps.map((s, i) => stepContext(s, i, 'up'));
  const downSteps = steps.map((s, i) => stepContext(s, i, 'down')).reverse().filter((s) => s.statements.length > 0);
  const context = (direction: 'up' | 'down', list: typeof upSteps) => ({
    name,
    direction,
    label: direction === 'up' ? 'Step' : 'Undo step',
    total,
    irreversible,
    protections: direction === 'down' ? protections : [],
    separate: list.some((s) => s.transaction !== ''),
    hazards: numbered(list),
    steps: list,
  });
  const up = template('migration.sql')(context('up', upSteps));
  const down = template('migration.sql')(context('down', downSteps));
  const plan = `${JSON.stringify({
    version: 2,
    name,
    irreversible,
    ...(protections.length > 0 ? { protections } : {}),
    steps: steps.map((s, i) => ({
      number: i + 1,
      kind: s.step.change.kind,
      form: s.step.form.kind,
      path: s.step.change.path,
      description: s.description,
      lock: s.step.lock,
      effect: s.step.effect,
      transaction: s.step.transaction,
      hazards: s.step.hazards,
      downHazards: s.step.downHazards,
      ...(s.step.irreversible ? { irreversible: s.step.irreversible } : {}),
      ...(s.step.requires ? { requires: s.step.requires } : {}),
      up: s.up,
      down: s.down,
    })),
  }, null, 2)}\n`;
  return { up, down, plan };
}

/** A plain SQL script (plan/diff output): the forward statements with step comments. */
export function renderScript(description: string, steps: readonly RenderedStep[]): string {
  return template('script.sql')({
    description,
    hazards: numberedHazards(steps),
    steps: steps.map((s, i) => ({ number: i + 1, description: s.description, note: stepNote(s.step), transaction: s.step.transaction === 'shared' ? '' : s.step.transaction, requires: (s.step.requires ?? []).join(' '), statements: s.up })),
  });
}

const numberedHazards = (steps: readonly RenderedStep[]) =>
  steps.flatMap((s, i) => uniqueHazards(s.step.hazards).map((h) => ({ number: i + 1, kind: h.kind, message: h.message })));
