/**
 * The one quoting module. Every name written into SQL goes through `quoteIdent` or `qualify`;
 * every string through `quoteLiteral`. A raw name interpolated into SQL is a bug.
 */

/** Always quotes, doubling embedded `"`: `quoteIdent('My "T"')` → `"My ""T"""`. */
export function quoteIdent(name: string): string {
  if (name.includes('\0')) throw new Error(`identifier contains a NUL byte: ${JSON.stringify(name)}`);
  return `"${name.replaceAll('"', '""')}"`;
}

/** `qualify('app', 'users')` → `"app"."users"`. The only way a schema-qualified name reaches SQL. */
export function qualify(schema: string, name: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(name)}`;
}

/**
 * A string literal, as PostgreSQL's quote_literal writes it: `'it''s'`; with backslashes, an
 * escape string `E'a\\b'`, so the result means the same whatever standard_conforming_strings says.
 */
export function quoteLiteral(value: string): string {
  if (value.includes('\0')) throw new Error('string literal contains a NUL byte');
  const doubled = value.replaceAll("'", "''");
  return value.includes('\\') ? `E'${doubled.replaceAll('\\', '\\\\')}'` : `'${doubled}'`;
}
