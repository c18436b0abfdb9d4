/**
 * Functions, procedures and triggers in the DSL: typed options → the CREATE statement the model
 * keeps (see model Routine/Trigger), written the way PostgreSQL accepts it.
 */
import { literalSql } from './literal.js';
import { qualify, quoteIdent, quoteLiteral } from '../render/quote.js';

import type { FunctionOptions, RoutineArgument, RoutineDeclaration, RoutineOptions, SqlExpression, TriggerDeclaration } from './declarations.js';
import { recordSite } from './source.js';

const DEFAULT_SCHEMA = 'public';

/** `fn('touch_updated_at', { returns: 'trigger', language: 'plpgsql', body: '…' })` */
export function fn(name: string, options: FunctionOptions): RoutineDeclaration {
  return recordSite(Object.freeze({ ...options, kind: 'routine' as const, routine: 'function' as const, name, schema: options.schema ?? DEFAULT_SCHEMA }), fn);
}

/** `procedure('archive_old_rows', { language: 'plpgsql', body: '…' })` */
export function procedure(name: string, options: RoutineOptions): RoutineDeclaration {
  return recordSite(Object.freeze({ ...options, kind: 'routine' as const, routine: 'procedure' as const, name, schema: options.schema ?? DEFAULT_SCHEMA }), procedure);
}

/**
 * A function or procedure given as its complete statement:
 * `routine(sql\`CREATE FUNCTION app.total(o uuid) RETURNS numeric LANGUAGE sql AS $$ … $$\`)`.
 * Schema, name and arguments are read from it.
 */
export function routine(definition: SqlExpression, options: { comment?: string } = {}): RoutineDeclaration {
  // Name, schema and kind are read from the statement when the schema is built (the parser is
  // loaded by then, not necessarily when declaration modules are evaluated).
  return recordSite(Object.freeze({
    kind: 'routine' as const,
    routine: 'function' as const,
    name: '',
    schema: DEFAULT_SCHEMA,
    definition: orReplace(definition.text.trim()),
    ...(options.comment === undefined ? {} : { comment: options.comment }),
  }), routine);
}

/** `CREATE FUNCTION …` → `CREATE OR REPLACE FUNCTION …` (the statement's first keyword only). */
function orReplace(text: string): string {
  return /^create\s+or\s+replace\s/i.test(text) ? text : text.replace(/^create\s+/i, 'CREATE OR REPLACE ');
}

/** A trigger on the table it is declared in: `trigger('set_updated_at', { timing: 'before', events: ['update'], function: touch })`. */
export function trigger(name: string, options: Omit<TriggerDeclaration, 'kind' | 'name'>): TriggerDeclaration {
  return recordSite(Object.freeze({ ...options, kind: 'trigger' as const, name }), trigger);
}

function defaultSql(value: RoutineArgument['default']): string {
  if (value && typeof value === 'object') return (value as SqlExpression).text;
  const literal = literalSql(value as string | number | boolean);
  return 'sql' in literal ? literal.sql : 'NULL';
}

const argumentSql = (a: RoutineArgument, withDefault: boolean): string =>
  [a.mode && a.mode !== 'in' ? a.mode.toUpperCase() : '', a.name ? quoteIdent(a.name) : '', a.type, withDefault && a.default !== undefined ? `DEFAULT ${defaultSql(a.default)}` : '']
    .filter(Boolean).join(' ');

/** The identity arguments (`"a" integer, "b" text`): what DROP FUNCTION needs. */
export const routineSignature = (d: RoutineDeclaration): string =>
  d.definition !== undefined
    ? ''
    : (d.args ?? []).filter((a) => a.mode !== 'out').map((a) => argumentSql({ ...a, mode: a.mode === 'inout' || a.mode === 'variadic' ? a.mode : undefined }, false)).join(', ');

/** A dollar-quote tag that does not occur in the body. */
function dollarQuote(body: string): string {
  for (let i = 0; ; i++) {
    const tag = `$${i === 0 ? 'body' : `body${i}`}$`;
    if (!body.includes(tag)) return tag;
  }
}

/** The complete `CREATE OR REPLACE FUNCTION|PROCEDURE …` statement of a declaration. */
export function routineDefinition(d: RoutineDeclaration): string {
  if (d.definition !== undefined) return d.definition;
  const kind = d.routine === 'procedure' ? 'PROCEDURE' : 'FUNCTION';
  const lines = [`CREATE OR REPLACE ${kind} ${qualify(d.schema, d.name)}(${(d.args ?? []).map((a) => argumentSql(a, true)).join(', ')})`];
  if (d.routine === 'function') lines.push(`RETURNS ${d.returns ?? 'void'}`);
  lines.push(`LANGUAGE ${quoteIdent(d.language ?? 'sql')}`);
  if (d.volatility && d.volatility !== 'volatile') lines.push(d.volatility.toUpperCase());
  if (d.strict) lines.push('STRICT');
  if (d.parallel && d.parallel !== 'unsafe') lines.push(`PARALLEL ${d.parallel.toUpperCase()}`);
  if (d.security === 'definer') lines.push('SECURITY DEFINER');
  for (const [name, value] of Object.entries(d.set ?? {})) lines.push(`SET ${quoteIdent(name)} TO ${quoteLiteral(value)}`);
  const body = d.body ?? '';
  const tag = dollarQuote(body);
  lines.push(`AS ${tag}${body}${tag}`);
  return lines.join('\n');
}

const EVENT_SQL: Record<string, string> = { insert: 'INSERT', update: 'UPDATE', delete: 'DELETE', truncate: 'TRUNCATE' };

/** The `CREATE TRIGGER …` statement of a trigger declared on `schema.table`. */
export function triggerDefinition(t: TriggerDeclaration, schema: string, table: string): string {
  if (t.definition) return t.definition.text.trim();
  const events = (t.events ?? []).map((e) => (e === 'update' && t.updateOf?.length ? `UPDATE OF ${t.updateOf.map(quoteIdent).join(', ')}` : EVENT_SQL[e]!)).join(' OR ');
  const target = typeof t.function === 'string'
    ? t.function.split('.').map(quoteIdent).join('.')
    : t.function ? qualify(t.function.schema, t.function.name) : '';
  const args = (t.arguments ?? []).map(quoteLiteral).join(', ');
  return [
    `CREATE TRIGGER ${quoteIdent(t.name)} ${(t.timing ?? '').toUpperCase()} ${events} ON ${qualify(schema, table)}`,
    `FOR EACH ${(t.forEach ?? 'row').toUpperCase()}`,
    ...(t.when ? [`WHEN (${t.when.text})`] : []),
    `EXECUTE FUNCTION ${target}(${args})`,
  ].join(' ');
}
