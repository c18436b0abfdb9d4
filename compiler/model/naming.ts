/**
 * PostgreSQL's default names for constraints and indexes (makeObjectName in
 * src/backend/commands/indexcmds.c): `<table>_<columns>_<label>`, each part truncated so the whole
 * fits in 63 bytes. schemac always writes names explicitly; these defaults make declarations without
 * names produce the same names PostgreSQL itself would choose.
 */
export const MAX_IDENTIFIER_BYTES = 63;

const byteLength = (text: string): number => Buffer.byteLength(text, 'utf8');

/** Longest prefix of `text` whose UTF-8 length is at most `bytes`, never splitting a character. */
export function clipToBytes(text: string, bytes: number): string {
  let out = '';
  let used = 0;
  for (const ch of text) {
    const size = byteLength(ch);
    if (used + size > bytes) break;
    out += ch;
    used += size;
  }
  return out;
}

export function makeObjectName(name1: string, name2: string | undefined, label: string): string {
  let name1Bytes = byteLength(name1);
  let name2Bytes = name2 === undefined ? 0 : byteLength(name2);
  const overhead = (name2 === undefined ? 0 : 1) + byteLength(label) + 1;
  const available = MAX_IDENTIFIER_BYTES - overhead;
  while (name1Bytes + name2Bytes > available) {
    if (name1Bytes > name2Bytes) name1Bytes--;
    else name2Bytes--;
  }
  const parts = [clipToBytes(name1, name1Bytes)];
  if (name2 !== undefined) parts.push(clipToBytes(name2, name2Bytes));
  parts.push(label);
  return parts.join('_');
}

/** The column-name part PostgreSQL builds from a key's columns: joined with `_`, at most 63 bytes. */
function columnsPart(columns: readonly string[]): string {
  return clipToBytes(columns.join('_'), MAX_IDENTIFIER_BYTES);
}

export const defaultPrimaryKeyName = (table: string): string => makeObjectName(table, undefined, 'pkey');
export const defaultUniqueName = (table: string, columns: readonly string[]): string =>
  makeObjectName(table, columnsPart(columns), 'key');
export const defaultForeignKeyName = (table: string, columns: readonly string[]): string =>
  makeObjectName(table, columnsPart(columns), 'fkey');
export const defaultCheckName = (table: string, column: string | undefined): string =>
  makeObjectName(table, column, 'check');
export const defaultIndexName = (table: string, columns: readonly string[]): string =>
  makeObjectName(table, columnsPart(columns), 'idx');

/** Over 63 bytes of UTF-8 (a UTF-16 unit is at most 3 bytes, so 21 units or fewer never are). */
export const identifierTooLong = (name: string): boolean => name.length > MAX_IDENTIFIER_BYTES / 3 && byteLength(name) > MAX_IDENTIFIER_BYTES;
