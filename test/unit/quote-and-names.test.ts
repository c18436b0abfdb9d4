import { describe, expect, it } from 'vitest';
import { defaultForeignKeyName, defaultIndexName, defaultPrimaryKeyName, makeObjectName } from '../../compiler/model/naming.js';
import { qualify, quoteIdent, quoteLiteral } from '../../compiler/render/quote.js';
import { redactUrl } from '../../compiler/db/target.js';

describe('quoting', () => {
  it('always quotes identifiers and doubles embedded quotes', () => {
    expect(quoteIdent('users')).toBe('"users"');
    expect(quoteIdent('My "T"')).toBe('"My ""T"""');
    expect(qualify('a b', 'select')).toBe('"a b"."select"');
    expect(() => quoteIdent('a\0b')).toThrow();
  });
  it('writes literals like quote_literal', () => {
    expect(quoteLiteral("it's")).toBe("'it''s'");
    expect(quoteLiteral('a\\b')).toBe("E'a\\\\b'");
    expect(quoteLiteral('$$')).toBe("'$$'");
  });
});

describe("PostgreSQL's default names", () => {
  it('follows makeObjectName, truncating to 63 bytes', () => {
    expect(defaultPrimaryKeyName('users')).toBe('users_pkey');
    expect(defaultForeignKeyName('users', ['organization_id'])).toBe('users_organization_id_fkey');
    expect(defaultIndexName('t', ['a', 'b'])).toBe('t_a_b_idx');
    const long = makeObjectName('a'.repeat(40), 'b'.repeat(40), 'key');
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(63);
    expect(long).toBe(`${'a'.repeat(29)}_${'b'.repeat(29)}_key`);
    expect(Buffer.byteLength(makeObjectName('ü'.repeat(40), undefined, 'pkey'))).toBeLessThanOrEqual(63);
  });
});

describe('redaction', () => {
  it('never prints a password', () => {
    expect(redactUrl('postgres://u:secret@h:5432/db')).toBe('postgres://u:****@h:5432/db');
    expect(redactUrl('postgres://u@h/db?password=secret')).not.toContain('secret');
  });
});
