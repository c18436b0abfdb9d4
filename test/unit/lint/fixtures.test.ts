/**
 * Every rule, table-driven: snippets it must report and safe counterparts it must not. Each rule
 * also has its catalogue example checked (rules.test.ts); these add the variants and exemptions.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadParser } from '../../../compiler/expr/index.js';
import { LINT_RULES } from '../../../compiler/lint/index.js';
import { activeCodes, lines, SCHEMAC_HEADER, type SnippetOptions } from './lint.js';

beforeAll(loadParser);

type Case = string | { readonly sql: string; readonly options: SnippetOptions };

interface RuleFixtures {
  readonly reported: readonly Case[];
  readonly safe: readonly Case[];
}

const NEW_TABLE = 'CREATE TABLE public.fresh (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, a int, b text);';
const withVersion = (sql: string, postgresVersion: number): Case => ({ sql, options: { postgresVersion } });
const wrapped = (sql: string): Case => ({ sql, options: { wrapped: true } });

const FIXTURES: Readonly<Record<string, RuleFixtures>> = {
  SC601: {
    reported: ['DROP TABLE IF EXISTS a, s.b CASCADE', 'DROP TABLE "Mixed"."Case"'],
    safe: [`${NEW_TABLE} DROP TABLE fresh;`, 'DROP VIEW v'],
  },
  SC602: {
    reported: ['ALTER TABLE s.t DROP COLUMN IF EXISTS c', 'ALTER TABLE t ADD COLUMN x int, DROP COLUMN y'],
    safe: [`${NEW_TABLE} ALTER TABLE public.fresh DROP COLUMN b;`, 'ALTER TABLE t DROP CONSTRAINT c'],
  },
  SC603: { reported: ['DROP SCHEMA IF EXISTS app'], safe: ['CREATE SCHEMA tmp; DROP SCHEMA tmp;'] },
  SC604: { reported: ['TRUNCATE TABLE a, b'], safe: [`${NEW_TABLE} TRUNCATE fresh;`] },
  SC605: {
    reported: ['ALTER TABLE t DROP COLUMN c CASCADE', 'TRUNCATE t CASCADE', 'DROP VIEW v CASCADE', 'DROP FUNCTION f(int) CASCADE'],
    safe: ['DROP VIEW v', 'CREATE VIEW v AS SELECT 1; DROP VIEW v CASCADE;', `${NEW_TABLE} ALTER TABLE fresh DROP COLUMN b CASCADE;`],
  },
  SC606: { reported: ['DROP SEQUENCE IF EXISTS s1, s2'], safe: ['CREATE SEQUENCE s; DROP SEQUENCE s;'] },
  SC607: { reported: ['DROP DOMAIN public.email'], safe: ["CREATE TYPE e AS ENUM ('a'); DROP TYPE e;"] },
  SC608: {
    reported: ['DELETE FROM t USING u', 'DELETE FROM s.t'],
    safe: ['DELETE FROM t WHERE CURRENT OF c', 'DELETE FROM t WHERE id = 1', `${NEW_TABLE} DELETE FROM fresh;`],
  },
  SC609: { reported: ['UPDATE t SET a = 1'], safe: ['UPDATE t SET a = 1 WHERE id < 100', `${NEW_TABLE} UPDATE fresh SET a = 1;`] },
  SC610: {
    reported: [
      'ALTER TABLE t ALTER COLUMN a TYPE bigint',
      'ALTER TABLE t ALTER COLUMN a TYPE varchar(40)',
      'ALTER TABLE t ALTER COLUMN a TYPE text USING a::text',
      'ALTER TABLE t ALTER COLUMN a TYPE text COLLATE "C"',
      'ALTER TABLE t ADD COLUMN a varchar(50); ALTER TABLE t ALTER COLUMN a TYPE varchar(20);',
      'ALTER TABLE t ADD COLUMN at timestamp; ALTER TABLE t ALTER COLUMN at TYPE timestamptz;',
      'ALTER TABLE t ADD COLUMN n numeric(10,2); ALTER TABLE t ALTER COLUMN n TYPE numeric(12,3);',
      'ALTER TABLE t ADD COLUMN a varchar(20); ALTER TABLE t ALTER COLUMN a TYPE varchar(40) USING lower(a)::varchar(40);',
    ],
    safe: [
      'ALTER TABLE t ADD COLUMN a varchar(20); ALTER TABLE t ALTER COLUMN a TYPE varchar(40);',
      'ALTER TABLE t ADD COLUMN a varchar(20); ALTER TABLE t ALTER COLUMN a TYPE text;',
      'ALTER TABLE t ADD COLUMN a varchar(20); ALTER TABLE t ALTER COLUMN a TYPE varchar(40) USING a::varchar(40);',
      'ALTER TABLE t ADD COLUMN a varchar(20); ALTER TABLE t ALTER COLUMN a TYPE varchar;',
      'ALTER TABLE t ADD COLUMN n numeric(10,2); ALTER TABLE t ALTER COLUMN n TYPE numeric(12,2);',
      'ALTER TABLE t ADD COLUMN n numeric(10,2); ALTER TABLE t ALTER COLUMN n TYPE numeric;',
      'ALTER TABLE t ADD COLUMN b varbit(4); ALTER TABLE t ALTER COLUMN b TYPE varbit(8);',
      'ALTER TABLE t ADD COLUMN net cidr; ALTER TABLE t ALTER COLUMN net TYPE inet;',
      'ALTER TABLE t ADD COLUMN at timestamptz(3); ALTER TABLE t ALTER COLUMN at TYPE timestamptz(6);',
      'ALTER TABLE t ADD COLUMN tags varchar(10)[]; ALTER TABLE t ALTER COLUMN tags TYPE varchar(20)[];',
      `${NEW_TABLE} ALTER TABLE fresh ALTER COLUMN a TYPE bigint;`,
    ],
  },
  SC611: {
    reported: [
      'ALTER TABLE t ADD COLUMN a float8 DEFAULT random()',
      'ALTER TABLE t ADD COLUMN token uuid NOT NULL DEFAULT gen_random_uuid()',
      'ALTER TABLE t ADD COLUMN token uuid DEFAULT uuid_generate_v4()',
      'ALTER TABLE t ADD COLUMN a text DEFAULT md5(random()::text)',
      'ALTER TABLE t ADD COLUMN at timestamptz DEFAULT clock_timestamp()',
      "ALTER TABLE t ADD COLUMN n bigint DEFAULT nextval('s')",
      'ALTER TABLE t ADD COLUMN id bigserial',
    ],
    safe: [
      'ALTER TABLE t ADD COLUMN at timestamptz NOT NULL DEFAULT now()',
      'ALTER TABLE t ADD COLUMN at timestamptz DEFAULT CURRENT_TIMESTAMP',
      "ALTER TABLE t ADD COLUMN n int NOT NULL DEFAULT 0, ADD COLUMN s text DEFAULT 'x'",
      'ALTER TABLE t ALTER COLUMN token SET DEFAULT gen_random_uuid()',
      'CREATE TABLE x (id uuid PRIMARY KEY DEFAULT gen_random_uuid())',
    ],
  },
  SC612: { reported: ['ALTER TABLE t SET UNLOGGED', 'ALTER TABLE t SET LOGGED'], safe: [`${NEW_TABLE} ALTER TABLE fresh SET UNLOGGED;`] },
  SC613: {
    reported: ['ALTER TABLE t SET TABLESPACE x', 'ALTER INDEX i SET TABLESPACE x'],
    safe: [`${NEW_TABLE} ALTER TABLE fresh SET TABLESPACE x;`, 'ALTER TABLE t SET (fillfactor = 90)'],
  },
  SC614: { reported: ['VACUUM FULL', 'VACUUM (FULL, ANALYZE) t', 'VACUUM (FULL on) t'], safe: ['VACUUM (FULL false) t', 'VACUUM t', 'ANALYZE t'] },
  SC615: { reported: ['CLUSTER', 'CLUSTER t USING i'], safe: [`${NEW_TABLE} CLUSTER fresh USING fresh_pkey;`] },
  SC616: {
    reported: ['ALTER TABLE t ADD COLUMN g int GENERATED ALWAYS AS (a * 2) STORED'],
    safe: [`${NEW_TABLE} ALTER TABLE fresh ADD COLUMN g int GENERATED ALWAYS AS (a * 2) STORED;`, 'ALTER TABLE t ADD COLUMN g int'],
  },
  SC617: {
    reported: ['ALTER TABLE t ADD COLUMN id int GENERATED BY DEFAULT AS IDENTITY'],
    safe: ['ALTER TABLE t ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY', `${NEW_TABLE} ALTER TABLE fresh ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY;`],
  },
  SC618: {
    reported: ['CREATE UNIQUE INDEX i ON s.t (a)', 'CREATE INDEX ON t USING gin (doc)'],
    safe: [`${NEW_TABLE} CREATE INDEX ON fresh (a);`, 'CREATE INDEX CONCURRENTLY i ON t (a)', 'CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1); CREATE INDEX ON p1 (a);', 'CREATE INDEX i ON ONLY events (a)'],
  },
  SC619: {
    reported: ['DROP INDEX IF EXISTS a, b', 'DROP INDEX s.i'],
    safe: [`${NEW_TABLE} CREATE INDEX fresh_a_idx ON fresh (a); DROP INDEX fresh_a_idx;`, 'DROP INDEX CONCURRENTLY i'],
  },
  SC620: {
    reported: ['ALTER TABLE orders ADD FOREIGN KEY (user_id) REFERENCES users (id)'],
    safe: ['ALTER TABLE orders ADD FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID', `${NEW_TABLE} ALTER TABLE fresh ADD FOREIGN KEY (a) REFERENCES users (id);`],
  },
  SC621: {
    reported: ['ALTER TABLE t ADD CHECK (a > 0)', 'ALTER DOMAIN d ADD CONSTRAINT positive CHECK (VALUE > 0)'],
    safe: [
      'ALTER TABLE t ADD CHECK (a > 0) NOT VALID',
      'ALTER DOMAIN d ADD CONSTRAINT positive CHECK (VALUE > 0) NOT VALID',
      'CREATE DOMAIN d AS int; ALTER DOMAIN d ADD CONSTRAINT positive CHECK (VALUE > 0);',
      `${NEW_TABLE} ALTER TABLE fresh ADD CHECK (a > 0);`,
    ],
  },
  SC622: {
    reported: [
      'ALTER TABLE t ALTER COLUMN a SET NOT NULL',
      'ALTER TABLE t ADD CONSTRAINT a_nn CHECK (a IS NOT NULL) NOT VALID; ALTER TABLE t ALTER COLUMN a SET NOT NULL;',
      'ALTER TABLE t ADD CONSTRAINT b_nn CHECK (b IS NOT NULL) NOT VALID; ALTER TABLE t VALIDATE CONSTRAINT b_nn; ALTER TABLE t ALTER COLUMN a SET NOT NULL;',
      'ALTER TABLE t ADD CONSTRAINT a_nn CHECK (a IS NOT NULL) NOT VALID; ALTER TABLE u VALIDATE CONSTRAINT a_nn; ALTER TABLE t ALTER COLUMN a SET NOT NULL;',
    ],
    safe: [
      'ALTER TABLE t ADD CONSTRAINT a_nn CHECK (a IS NOT NULL) NOT VALID; ALTER TABLE t VALIDATE CONSTRAINT a_nn; ALTER TABLE t ALTER COLUMN a SET NOT NULL;',
      'ALTER TABLE public.t ADD CONSTRAINT a_nn CHECK (a IS NOT NULL) NOT VALID; ALTER TABLE t VALIDATE CONSTRAINT a_nn; ALTER TABLE public.t ALTER COLUMN a SET NOT NULL;',
      `${NEW_TABLE} ALTER TABLE fresh ALTER COLUMN a SET NOT NULL;`,
    ],
  },
  SC623: {
    reported: ['ALTER TABLE t ADD PRIMARY KEY (id)', 'ALTER TABLE t ADD COLUMN code text UNIQUE'],
    safe: ['ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY USING INDEX t_id_idx', `${NEW_TABLE} ALTER TABLE fresh ADD UNIQUE (a);`],
  },
  SC624: {
    reported: ['ALTER TABLE b ADD EXCLUDE USING gist (during WITH &&)'],
    safe: [`${NEW_TABLE} ALTER TABLE fresh ADD EXCLUDE USING gist (a WITH =);`],
  },
  SC625: { reported: ['LOCK t', 'LOCK TABLE t IN SHARE MODE'], safe: [`${NEW_TABLE} LOCK fresh;`] },
  SC626: {
    reported: ['REFRESH MATERIALIZED VIEW m WITH NO DATA'],
    safe: ['REFRESH MATERIALIZED VIEW CONCURRENTLY m', 'CREATE MATERIALIZED VIEW m AS SELECT 1 WITH NO DATA; REFRESH MATERIALIZED VIEW m;'],
  },
  SC627: {
    reported: ['ALTER TABLE p ATTACH PARTITION p1 FOR VALUES IN (1)'],
    safe: [
      'CREATE TABLE p1 (a int); ALTER TABLE p ATTACH PARTITION p1 FOR VALUES IN (1);',
      'ALTER TABLE p1 ADD CONSTRAINT bound CHECK (a = 1) NOT VALID; ALTER TABLE p1 VALIDATE CONSTRAINT bound; ALTER TABLE p ATTACH PARTITION p1 FOR VALUES IN (1);',
    ],
  },
  SC628: {
    reported: ['ALTER TABLE p DETACH PARTITION p1', withVersion('ALTER TABLE p DETACH PARTITION p1', 18)],
    safe: ['ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY', withVersion('ALTER TABLE p DETACH PARTITION p1', 13)],
  },
  SC629: {
    reported: ['REINDEX TABLE t', 'REINDEX SCHEMA s', 'REINDEX INDEX i'],
    safe: ['REINDEX TABLE CONCURRENTLY t', 'REINDEX (CONCURRENTLY) INDEX i', `${NEW_TABLE} REINDEX TABLE fresh;`],
  },
  SC630: {
    reported: ['ALTER TABLE t ADD COLUMN a int NOT NULL', 'ALTER TABLE t ADD COLUMN a int PRIMARY KEY'],
    safe: [
      'ALTER TABLE t ADD COLUMN a int NOT NULL DEFAULT 0',
      'ALTER TABLE t ADD COLUMN a int',
      'ALTER TABLE t ADD COLUMN id bigserial NOT NULL',
      'ALTER TABLE t ADD COLUMN id bigint NOT NULL GENERATED ALWAYS AS IDENTITY',
      `${NEW_TABLE} ALTER TABLE fresh ADD COLUMN c int NOT NULL;`,
    ],
  },
  SC631: {
    reported: ['CREATE UNIQUE INDEX CONCURRENTLY u ON t (a, lower(b))', 'ALTER TABLE t ADD CONSTRAINT u UNIQUE (a)'],
    safe: ['ALTER TABLE t ADD CONSTRAINT u UNIQUE USING INDEX u', 'CREATE INDEX CONCURRENTLY i ON t (a)', 'CREATE UNIQUE INDEX i ON ONLY events (a)', `${NEW_TABLE} CREATE UNIQUE INDEX ON fresh (a);`],
  },
  SC632: {
    reported: ['ALTER TABLE t RENAME COLUMN a TO b', 'ALTER VIEW v RENAME COLUMN a TO b'],
    safe: [`${NEW_TABLE} ALTER TABLE fresh RENAME COLUMN a TO c;`, 'ALTER TABLE t RENAME CONSTRAINT a TO b'],
  },
  SC633: {
    reported: [
      'ALTER TABLE t RENAME TO u',
      'ALTER SCHEMA s RENAME TO x',
      'ALTER TYPE e RENAME TO f',
      "ALTER TYPE e RENAME VALUE 'a' TO 'b'",
      'ALTER TABLE t SET SCHEMA archive',
      'ALTER FUNCTION f(int) RENAME TO g',
      'ALTER MATERIALIZED VIEW m RENAME TO n',
    ],
    safe: [`${NEW_TABLE} ALTER TABLE fresh RENAME TO renamed;`, 'ALTER INDEX i RENAME TO j', 'CREATE SCHEMA s; ALTER SCHEMA s RENAME TO x;'],
  },
  SC634: { reported: ['DROP MATERIALIZED VIEW m', 'DROP VIEW IF EXISTS v'], safe: ['CREATE VIEW v AS SELECT 1; DROP VIEW v;'] },
  SC635: {
    reported: ['DROP PROCEDURE p', 'DROP FUNCTION IF EXISTS s.f(int, text)'],
    safe: ["CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 1'; DROP FUNCTION f();"],
  },
  SC636: {
    reported: [
      wrapped('CREATE INDEX CONCURRENTLY i ON t (a)'),
      'BEGIN; DROP INDEX CONCURRENTLY i; COMMIT;',
      lines(SCHEMAC_HEADER, '-- Step 1/1: reindex', '-- schemac:transaction own', 'REINDEX INDEX CONCURRENTLY i;'),
      wrapped('ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY'),
    ],
    safe: ['CREATE INDEX CONCURRENTLY i ON t (a)', lines(SCHEMAC_HEADER, '-- Step 1/1: index', '-- schemac:transaction none', 'CREATE INDEX CONCURRENTLY i ON t (a);')],
  },
  SC637: {
    reported: [wrapped('VACUUM t'), 'BEGIN; CREATE DATABASE d; COMMIT;', wrapped("ALTER SYSTEM SET work_mem = '64MB'"), wrapped('REINDEX DATABASE d')],
    safe: ['VACUUM t', wrapped('ANALYZE t'), lines(SCHEMAC_HEADER, '-- Step 1/1: vacuum', '-- schemac:transaction none', 'VACUUM t;')],
  },
  SC638: {
    reported: [wrapped('BEGIN'), lines(SCHEMAC_HEADER, 'SAVEPOINT s;'), wrapped('COMMIT')],
    safe: ['BEGIN; SELECT 1; COMMIT;', 'SAVEPOINT s'],
  },
  SC639: {
    reported: [
      'BEGIN; ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID; ALTER TABLE t VALIDATE CONSTRAINT c; COMMIT;',
      wrapped('ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES u (id) NOT VALID; ALTER TABLE t VALIDATE CONSTRAINT fk;'),
    ],
    safe: [
      'ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID; ALTER TABLE t VALIDATE CONSTRAINT c;',
      'BEGIN; ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID; COMMIT; BEGIN; ALTER TABLE t VALIDATE CONSTRAINT c; COMMIT;',
      wrapped('ALTER TABLE t VALIDATE CONSTRAINT c'),
    ],
  },
  SC640: {
    reported: [
      "BEGIN; ALTER TYPE status ADD VALUE 'archived'; INSERT INTO t (s) VALUES ('archived'::status); COMMIT;",
      wrapped("ALTER TYPE status ADD VALUE 'archived'; ALTER TABLE t ALTER COLUMN s SET DEFAULT 'archived';"),
    ],
    safe: [
      "ALTER TYPE status ADD VALUE 'archived'; INSERT INTO t (s) VALUES ('archived');",
      wrapped("ALTER TYPE status ADD VALUE 'archived'; ALTER TYPE status ADD VALUE 'deleted' AFTER 'archived';"),
      wrapped("ALTER TYPE status ADD VALUE 'archived'; INSERT INTO t (s) VALUES ('active');"),
    ],
  },
  SC641: {
    reported: [
      'ALTER TABLE t ADD COLUMN a int',
      'SET lock_timeout = 0; ALTER TABLE t ADD COLUMN a int;',
      "SET lock_timeout = '2s'; RESET lock_timeout; ALTER TABLE t ADD COLUMN a int;",
      "SET lock_timeout = '2s'; RESET ALL; ALTER TABLE t ADD COLUMN a int;",
      'CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1)',
      'DROP INDEX i',
    ],
    safe: [
      "SET lock_timeout = '2s'; ALTER TABLE t ADD COLUMN a int;",
      "SELECT set_config('lock_timeout', '2s', false); ALTER TABLE t ADD COLUMN a int;",
      lines(SCHEMAC_HEADER, 'ALTER TABLE t ADD COLUMN a int;'),
      `${NEW_TABLE} ALTER TABLE fresh ADD COLUMN c int;`,
      'CREATE INDEX CONCURRENTLY i ON t (a)',
      'ALTER TABLE t VALIDATE CONSTRAINT c',
    ],
  },
  SC642: {
    reported: ['CREATE TABLE x (id bigint PRIMARY KEY, at timestamp)', 'ALTER TABLE t ADD COLUMN at timestamp(3) without time zone', 'ALTER TABLE t ALTER COLUMN at TYPE timestamp'],
    safe: ['CREATE TABLE x (id bigint PRIMARY KEY, at timestamptz, d date)'],
  },
  SC643: {
    reported: ['CREATE TABLE x (id serial PRIMARY KEY)', 'ALTER TABLE t ADD COLUMN n bigserial'],
    safe: ['CREATE TABLE x (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY)'],
  },
  SC644: {
    reported: ['CREATE TABLE x (id integer PRIMARY KEY)', 'CREATE TABLE x (id smallint, CONSTRAINT x_pkey PRIMARY KEY (id))', 'CREATE TABLE x (id serial PRIMARY KEY)'],
    safe: ['CREATE TABLE x (id bigint PRIMARY KEY, n int)', 'CREATE TABLE x (id uuid PRIMARY KEY)'],
  },
  SC645: { reported: ['CREATE TABLE x (id bigint PRIMARY KEY, code character(10))', 'ALTER TABLE t ADD COLUMN c char'], safe: ['ALTER TABLE t ADD COLUMN c varchar(10), ADD COLUMN d "char"'] },
  SC646: {
    reported: ['CREATE TABLE x (a int)', 'CREATE TABLE x (a int) PARTITION BY RANGE (a)'],
    safe: [
      'CREATE TABLE x (a int, CONSTRAINT x_pkey PRIMARY KEY (a))',
      'CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1)',
      'CREATE TEMP TABLE tmp (a int)',
      'CREATE TABLE x (LIKE y INCLUDING ALL)',
    ],
  },
  SC647: {
    reported: ['MERGE INTO t USING u ON t.a = u.a WHEN MATCHED THEN DELETE', withVersion("SELECT JSON_OBJECT('a': 1)", 15), 'ALTER TABLE t ADD CONSTRAINT u UNIQUE NULLS NOT DISTINCT (a)'],
    safe: [withVersion('MERGE INTO t USING u ON t.a = u.a WHEN MATCHED THEN DELETE', 15), withVersion("SELECT JSON_OBJECT('a': 1)", 16), 'REINDEX INDEX CONCURRENTLY i'],
  },
  SC648: {
    reported: [lines('-- schemac:allow SC618', 'CREATE INDEX i ON t (a);'), lines('-- schemac:allow because it is small', 'CREATE INDEX i ON t (a);')],
    safe: [lines('-- schemac:allow SC618 t has 10 rows', 'CREATE INDEX i ON t (a);'), lines('-- schemac:allow SC618, SC641 t has 10 rows', 'CREATE INDEX i ON t (a);')],
  },
};

const sqlOf = (c: Case): string => (typeof c === 'string' ? c : c.sql);
const optionsOf = (c: Case): SnippetOptions => (typeof c === 'string' ? {} : c.options);
const label = (c: Case): string => `${sqlOf(c).replaceAll('\n', ' ⏎ ')}${typeof c === 'string' ? '' : ` ${JSON.stringify(c.options)}`}`;

describe('lint rule fixtures', () => {
  it('cover every rule of the catalogue, each with a reported and a safe snippet', () => {
    for (const rule of LINT_RULES) {
      expect(FIXTURES[rule.code]?.reported.length ?? 0, rule.code).toBeGreaterThan(0);
      expect(FIXTURES[rule.code]?.safe.length ?? 0, rule.code).toBeGreaterThan(0);
    }
    expect(Object.keys(FIXTURES).sort()).toEqual(LINT_RULES.map((r) => r.code).sort());
  });

  const cases = Object.entries(FIXTURES).flatMap(([code, { reported, safe }]) => [
    ...reported.map((c) => ({ code, c, reported: true })),
    ...safe.map((c) => ({ code, c, reported: false })),
  ]);

  it.each(cases.map(({ code, c, reported }) => [code, reported ? 'reports' : 'does not report', label(c), c, reported] as const))(
    '%s %s: %s',
    (code, _verb, _label, c, reported) => {
      const codes = activeCodes(sqlOf(c), optionsOf(c));
      if (reported) expect(codes).toContain(code);
      else expect(codes).not.toContain(code);
    },
  );
});
