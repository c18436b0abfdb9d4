/**
 * What the parser said in earlier runs (compiler/expr/remembered.ts): read back from
 * `.schemac/cache/parsed-sql.json` instead of parsing again; text that fails is always parsed (its
 * message is fresh); a file of another format or parser version is ignored.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expressionError, loadParser, queryError, readParseFacts, referencedRelations, writeParseFacts } from '../../compiler/expr/index.js';
import { partitionKeyColumns, rangeBound } from '../../compiler/expr/partitions.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'schemac-parse-facts-'));
const file = path.join(dir, 'parsed-sql.json');
const parserVersion = (createRequire(import.meta.url)('pg-query-emscripten/package.json') as { version: string }).version;
const key = (kind: string, text: string): string => `${kind}:${createHash('sha1').update(text).digest('base64url')}`;

beforeAll(() => loadParser());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parse facts', () => {
  it('writes what was parsed and valid, by kind, and nothing that failed', () => {
    expect(expressionError('amount >= 0')).toBeUndefined();
    expect(expressionError('amount >=')).toBeDefined();
    expect(queryError('SELECT id FROM app.orders o JOIN customers c ON c.id = o.customer_id')).toBeUndefined();
    expect(referencedRelations('SELECT id FROM app.orders o JOIN customers c ON c.id = o.customer_id')).toEqual([
      { schema: 'app', name: 'orders' },
      { schema: undefined, name: 'customers' },
    ]);
    expect(partitionKeyColumns('range', 'created_at')).toEqual(['created_at']);
    expect(rangeBound("FOR VALUES FROM ('2026-01-01') TO ('2026-02-01')")).toEqual({ lower: { kind: 'value', value: '2026-01-01' }, upper: { kind: 'value', value: '2026-02-01' } });
    writeParseFacts(dir);
    const facts = (JSON.parse(readFileSync(file, 'utf8')) as { version: string; facts: Record<string, unknown> });
    expect(facts.version).toBe(`1:${parserVersion}`);
    expect(facts.facts[key('validExpression', 'amount >= 0')]).toBe(true);
    expect(facts.facts[key('validExpression', 'amount >=')]).toBeUndefined();
    expect(facts.facts[key('referencedRelations', 'SELECT id FROM app.orders o JOIN customers c ON c.id = o.customer_id')]).toEqual([{ schema: 'app', name: 'orders' }, { name: 'customers' }]);
    expect(facts.facts[key('partitionKeyColumns', 'range\0created_at')]).toEqual(['created_at']);
  });

  it('answers from the file without parsing (a remembered text is taken as valid), but parses text it does not know', () => {
    // Planted: text that does not parse, remembered as valid. Only reading the file can make it pass.
    writeFileSync(file, JSON.stringify({ version: `1:${parserVersion}`, facts: { [key('validExpression', 'lower(')]: true, [key('referencedRelations', 'SELECT 1')]: [{ schema: 's', name: 'planted' }] } }));
    expect(expressionError('lower(')).toBeDefined();
    readParseFacts(dir);
    expect(expressionError('lower(')).toBeUndefined();
    expect(referencedRelations('SELECT 1')).toEqual([{ schema: 's', name: 'planted' }]);
    expect(expressionError('upper(')).toMatchObject({ message: expect.stringContaining('syntax error') });
  });

  it('ignores a file of another parser version, and a damaged one', () => {
    writeFileSync(file, JSON.stringify({ version: '1:0.0.0', facts: { [key('validExpression', 'sum(')]: true } }));
    readParseFacts(dir);
    expect(expressionError('sum(')).toBeDefined();
    writeFileSync(file, '{"version": ');
    expect(() => readParseFacts(dir)).not.toThrow();
  });
});
