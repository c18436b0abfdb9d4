import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalExpression, expressionError, expressionsEqual, loadParser } from '../../compiler/expr/index.js';
import { readIntegerLiteral } from '../../compiler/expr/parser.js';

beforeAll(loadParser);

describe('canonical expressions: declared vs read back by PostgreSQL', () => {
  it.each([
    ['now()', 'now()'],
    ['CURRENT_TIMESTAMP', 'now()'],
    ["'a'", "'a'::text"],
    ['gen_random_uuid()', 'gen_random_uuid()'],
    ['price > 0', '(price > (0)::numeric)'],
    ['-1', "'-1'::integer"],
    ['0', '0'],
    ['-1.5', "'-1.5'::numeric"],
    ["status IN ('a', 'b')", "((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))"],
    ["code NOT IN ('BAD')", "((code)::text <> 'BAD'::text)"],
    ["code NOT IN ('A', 'B')", "((code)::text <> ALL ((ARRAY['A'::character varying, 'B'::character varying])::text[]))"],
    ['quantity BETWEEN -1 AND 100', "((quantity >= '-1'::integer) AND (quantity <= 100))"],
    ["code LIKE 'N%'", "((code)::text ~~ 'N%'::text)"],
    ['a AND b AND c', '((a AND b) AND c)'],
    ["'member'", "'member'::public.user_role"],
    ['uuid_generate_v4()', 'public.uuid_generate_v4()'],
    ["now() + interval '1 day'", "(now() + '1 day'::interval)"],
    ['length(code) > 0', '(length((code)::text) > 0)'],
    ['price * quantity', '(price * (quantity)::numeric)'],
  ])('%s ≡ %s', (declared, readBack) => {
    expect(expressionsEqual(declared, readBack)).toBe(true);
  });

  it.each([
    ['price > 0', 'price > 1'],
    ['price > 0', 'price >= 0'],
    ["'a'", "'b'"],
    ['-1', '1'],
    ['now()', "now() + interval '1 day'"],
    ["status IN ('a', 'b')", "status IN ('a', 'c')"],
    ['a AND b', 'a OR b'],
    ['lower(email)', 'upper(email)'],
  ])('%s differs from %s', (a, b) => {
    expect(expressionsEqual(a, b)).toBe(false);
  });

  it('rejects anything that is not exactly one expression', () => {
    expect(expressionError('1; DROP TABLE x')).toBeDefined();
    expect(expressionError('a FROM t')).toBeDefined();
    expect(expressionError('1, 2')).toBeDefined();
    expect(expressionError('price >')?.message).toBe('syntax error at end of input');
    expect(expressionError("price > 0 AND name <> ''")).toBeUndefined();
  });

  it('survives many thousands of parses (the package helper leaks its stack)', () => {
    for (let i = 0; i < 20_000; i++) canonicalExpression(`price > ${i}`);
    expect(expressionsEqual('price > 19999', '(price > (19999)::numeric)')).toBe(true);
  });

  it('recovers integer constants the JSON output drops', () => {
    expect(readIntegerLiteral('-5')).toBe(-5);
    expect(readIntegerLiteral('- (7)')).toBe(-7);
    expect(readIntegerLiteral('0')).toBe(0);
    expect(readIntegerLiteral('-0x1F')).toBe(-31);
  });
});
