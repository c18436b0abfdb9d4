/**
 * JavaScript values as SQL literals, for column defaults declared as plain values:
 * `'member'` → `'member'`, `0` → `0`, `true` → `true`, `['a', 'b']` → `'{a,b}'`, `{ a: 1 }` → `'{"a":1}'`.
 */
import { quoteLiteral } from '../render/quote.js';
import type { LiteralValue } from './declarations.js';

/** Array elements PostgreSQL's array output quotes: empty, NULL, or with `{},"\` or white space. */
function needsQuotes(text: string): boolean {
  return text === '' || text.toUpperCase() === 'NULL' || [...text].some((ch) => '{},"\\'.includes(ch) || /\s/.test(ch));
}

/** The PostgreSQL array literal text for a JS array, as PostgreSQL prints it: `{a,"b c",NULL}`. */
function arrayText(values: readonly LiteralValue[]): string {
  const items = values.map((value) => {
    if (value === null) return 'NULL';
    if (Array.isArray(value)) return arrayText(value);
    const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
    return needsQuotes(text) ? `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"` : text;
  });
  return `{${items.join(',')}}`;
}

/** SQL text for a literal value, or an error message when the value has no SQL spelling. */
export function literalSql(value: LiteralValue): { sql: string } | { error: string } {
  if (value === null) return { sql: 'NULL' };
  switch (typeof value) {
    case 'string':
      return { sql: quoteLiteral(value) };
    case 'boolean':
      return { sql: value ? 'true' : 'false' };
    case 'bigint':
      return { sql: value.toString() };
    case 'number':
      if (!Number.isFinite(value)) return { error: `${value} has no SQL literal; use sql\`'NaN'\` style text` };
      return { sql: String(value) };
    case 'object':
      if (Array.isArray(value)) return { sql: quoteLiteral(arrayText(value)) };
      return { sql: quoteLiteral(JSON.stringify(value)) };
    default:
      return { error: `a ${typeof value} cannot be a column default` };
  }
}

/** A default for a json/jsonb column: any JS value as its JSON text (`[]` → `'[]'`, `{}` → `'{}'`). */
export function jsonLiteralSql(value: unknown): { sql: string } | { error: string } {
  const text = JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item));
  return text === undefined ? { error: 'the value has no JSON form' } : { sql: quoteLiteral(text) };
}
