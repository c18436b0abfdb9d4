/**
 * How the linter reads a file as a whole: suppressions, new tables, wrapped files and transaction
 * directives, parse errors, line numbers, ordering and PostgreSQL versions.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadParser } from '../../../compiler/expr/index.js';
import { LINT_RULES } from '../../../compiler/lint/index.js';
import { active, activeCodes, lines, lint, SCHEMAC_HEADER } from './lint.js';

beforeAll(loadParser);

const LOCK_REWRITE_DATA: ReadonlySet<string> = new Set<string>(LINT_RULES.filter((r) => ['lock', 'rewrite', 'data-dependent'].includes(r.category)).map((r) => r.code));

describe('suppression', () => {
  const file = lines(
    "SET lock_timeout = '2s';",
    '-- schemac:allow SC618 t holds a dozen rows',
    'CREATE INDEX a_idx ON t (a);',
    'CREATE INDEX b_idx ON t (b);',
  );

  it('applies to the statement directly after it only, and keeps the finding with its reason', () => {
    const findings = lint(file).findings.filter((f) => f.code === 'SC618');
    expect(findings.map((f) => [f.at?.line, f.suppressed?.reason])).toEqual([
      [3, 't holds a dozen rows'],
      [4, undefined],
    ]);
  });

  it('takes several codes, separated by commas, and ignores codes that did not fire', () => {
    const sql = lines('-- schemac:allow SC618, SC641, SC601 reviewed with the DBA', 'CREATE INDEX a_idx ON t (a);');
    const result = lint(sql);
    expect(result.findings.map((f) => [f.code, f.suppressed?.reason])).toEqual([
      ['SC618', 'reviewed with the DBA'],
      ['SC641', 'reviewed with the DBA'],
    ]);
  });

  it('reads the reason after optional punctuation; a colon alone is no reason', () => {
    const reasons = (allow: string) => lint(lines(allow, 'CREATE INDEX a_idx ON t (a);')).findings.map((f) => [f.code, f.suppressed?.reason]);
    expect(reasons('-- schemac:allow SC618, SC641: only 12 rows')).toEqual([['SC618', 'only 12 rows'], ['SC641', 'only 12 rows']]);
    expect(reasons('-- schemac:allow SC618 —')).toEqual([['SC648', undefined], ['SC618', undefined], ['SC641', undefined]]);
  });

  it('does not apply across a blank line, nor to other codes', () => {
    expect(activeCodes(lines('-- schemac:allow SC618 small table', '', 'CREATE INDEX a_idx ON t (a);'), { wrapped: true })).toContain('SC618');
    expect(activeCodes(lines('-- schemac:allow SC620 small table', 'CREATE INDEX a_idx ON t (a);'), { wrapped: true })).toContain('SC618');
  });

  it('without a reason suppresses nothing and is reported itself, at its own line', () => {
    const result = lint(lines("SET lock_timeout = '1s';", '-- some context', '-- schemac:allow SC618', 'CREATE INDEX a_idx ON t (a);'));
    expect(active(result).map((f) => [f.code, f.at?.line, f.statement])).toEqual([
      ['SC648', 3, 1],
      ['SC618', 4, 1],
    ]);
    expect(active(result)[0]!.severity).toBe('warning');
  });
});

describe('new tables', () => {
  it('statements on tables created earlier in the file are exempt from lock, rewrite and data rules', () => {
    const sql = lines(
      'CREATE TABLE app.events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, kind text, at timestamptz);',
      'CREATE INDEX events_kind_idx ON app.events (kind);',
      'ALTER TABLE app.events ADD COLUMN token uuid NOT NULL DEFAULT gen_random_uuid();',
      'ALTER TABLE app.events ALTER COLUMN kind SET NOT NULL, ADD CONSTRAINT kind_known CHECK (kind <> \'\');',
      'ALTER TABLE app.events ADD CONSTRAINT events_token_key UNIQUE (token);',
      'ALTER TABLE app.events ALTER COLUMN kind TYPE varchar(20);',
      'ALTER TABLE app.events ADD COLUMN payload jsonb NOT NULL;',
    );
    expect(activeCodes(sql, { wrapped: true }).filter((c) => LOCK_REWRITE_DATA.has(c))).toEqual([]);
  });

  it('matches unqualified names as public, and not other schemas', () => {
    const created = 'CREATE TABLE events (id bigint PRIMARY KEY);';
    expect(activeCodes(`${created} CREATE INDEX ON public.events (id);`)).not.toContain('SC618');
    expect(activeCodes('CREATE TABLE public.events (id bigint PRIMARY KEY); CREATE INDEX ON events (id);')).not.toContain('SC618');
    expect(activeCodes('CREATE TABLE app.events (id bigint PRIMARY KEY); CREATE INDEX ON events (id);')).toContain('SC618');
  });

  it('partitions created in the file are new; a renamed new table stays new; a dropped one is no longer', () => {
    expect(activeCodes('CREATE TABLE p_2024 PARTITION OF p FOR VALUES IN (2024); CREATE INDEX ON p_2024 (a);')).not.toContain('SC618');
    expect(activeCodes('CREATE TABLE t1 (id bigint PRIMARY KEY); ALTER TABLE t1 RENAME TO t2; CREATE INDEX ON t2 (id);')).not.toContain('SC618');
    expect(activeCodes('CREATE TABLE t1 (id bigint PRIMARY KEY); DROP TABLE t1; CREATE INDEX ON t1 (id);')).toContain('SC618');
  });

  it('statements before the CREATE TABLE are not exempt', () => {
    expect(activeCodes('CREATE INDEX ON t (id); CREATE TABLE t (id bigint PRIMARY KEY);')).toContain('SC618');
  });
});

describe('wrapped files and transaction directives', () => {
  const concurrently = 'CREATE INDEX CONCURRENTLY users_email_idx ON public.users (email);';

  it('CONCURRENTLY is fine in an unwrapped file and an error in a wrapped one', () => {
    expect(activeCodes(concurrently)).not.toContain('SC636');
    expect(activeCodes(concurrently, { wrapped: true })).toContain('SC636');
    expect(activeCodes(lines(SCHEMAC_HEADER, concurrently))).toContain('SC636');
    expect(activeCodes(lines(SCHEMAC_HEADER, concurrently), { wrapped: false })).not.toContain('SC636');
  });

  it('CONCURRENTLY inside an explicit BEGIN … COMMIT is an error, after COMMIT it is not', () => {
    const result = lint(lines('BEGIN;', concurrently, 'COMMIT;', concurrently));
    expect(active(result).filter((f) => f.code === 'SC636').map((f) => f.at?.line)).toEqual([2]);
  });

  const migration = lines(
    SCHEMAC_HEADER,
    '-- Step 1/4: create table public.audit',
    'CREATE TABLE public.audit (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);',
    '',
    '-- Step 2/4: create index users_email_idx on public.users [lock: SHARE UPDATE EXCLUSIVE]',
    '-- schemac:transaction none',
    concurrently,
    'CREATE INDEX CONCURRENTLY users_name_idx ON public.users (name);',
    '',
    '-- Step 3/4: add foreign key orders_user_fk on public.orders',
    'ALTER TABLE public.orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES public.users (id) NOT VALID;',
    '',
    '-- Step 4/4: validate constraint orders_user_fk on public.orders',
    '-- schemac:transaction own',
    'ALTER TABLE public.orders VALIDATE CONSTRAINT orders_user_fk;',
    'CREATE INDEX CONCURRENTLY orders_user_idx ON public.orders (user_id);',
  );

  it('`none` applies to every statement of its step; `own` is a transaction of its own', () => {
    const findings = active(lint(migration));
    expect(findings.map((f) => [f.code, f.at?.line])).toEqual([['SC636', 18]]);
    expect(findings[0]!.message).toContain("step's own transaction");
  });

  it('VALIDATE in the default step after a NOT VALID add in the same transaction is reported', () => {
    const same = migration.replace('-- schemac:transaction own\n', '');
    expect(activeCodes(same)).toContain('SC639');
  });

  it('after an `own` or `none` step, the default steps run in a new transaction', () => {
    const sql = lines(
      SCHEMAC_HEADER,
      '-- Step 1/3: add check',
      '-- schemac:transaction own',
      'ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID;',
      '',
      '-- Step 2/3: validate',
      'ALTER TABLE t VALIDATE CONSTRAINT c;',
    );
    expect(activeCodes(sql)).not.toContain('SC639');
  });

  it('transaction control is an error in wrapped files only', () => {
    expect(activeCodes(lines(SCHEMAC_HEADER, 'BEGIN;', 'SELECT 1;', 'COMMIT;'))).toEqual(['SC638', 'SC638']);
    expect(activeCodes(lines('BEGIN;', 'SELECT 1;', 'COMMIT;'))).toEqual([]);
  });

  it('lock_timeout is not required in schemac migration files, even when not wrapped', () => {
    const alter = 'ALTER TABLE t ADD COLUMN a int;';
    expect(activeCodes(alter, { wrapped: true })).toContain('SC641');
    expect(activeCodes(lines(SCHEMAC_HEADER, alter), { wrapped: false })).not.toContain('SC641');
  });
});

describe('parse errors, lines and order', () => {
  it('a file that does not parse gives a parse error at its line and no findings', () => {
    const result = lint(lines('-- header', 'DROP TABLE a;', '', 'ALTER TABLE t', '  ADD COLUMN (oops;', 'DROP TABLE b;'), { file: 'm/up.sql' });
    expect(result.findings).toEqual([]);
    expect(result.parseError).toMatchObject({ code: 'SC600', severity: 'error', at: { file: 'm/up.sql', line: 5 } });
    expect(result.parseError?.message).toContain('syntax error');
  });

  it('counts lines after multi-byte characters correctly', () => {
    const result = lint(lines("COMMENT ON TABLE t IS 'größe ✓';", 'SELECT FROM WHERE;'));
    expect(result.parseError?.at?.line).toBe(2);
  });

  it('reports each finding at the first line of its statement, with the statement index', () => {
    const sql = lines(
      "SET lock_timeout = '2s';",
      '',
      '/* a block comment',
      '   over lines */',
      'ALTER TABLE public.users',
      '  ALTER COLUMN email SET NOT NULL,',
      '  ALTER COLUMN name TYPE bigint;',
      '-- next',
      'DROP TABLE old_users; DROP TABLE older_users;',
      '',
      'CREATE INDEX',
      '  users_name_idx',
      '  ON public.users (name);',
    );
    const findings = lint(sql, { file: 'x.sql' }).findings;
    expect(findings.map((f) => [f.at?.line, f.code, f.statement])).toEqual([
      [5, 'SC610', 1],
      [5, 'SC622', 1],
      [9, 'SC601', 2],
      [9, 'SC601', 3],
      [11, 'SC618', 4],
    ]);
    expect(findings.every((f) => f.at?.file === 'x.sql')).toBe(true);
  });

  it('sorts findings by line, then code, the same way every time', () => {
    const sql = lines(
      'ALTER TABLE t ADD COLUMN a int NOT NULL, ADD COLUMN b timestamp, DROP COLUMN c;',
      'DROP TABLE x;',
      'CREATE TABLE y (id serial PRIMARY KEY, at timestamp);',
    );
    const first = lint(sql).findings;
    const keys = first.map((f) => `${String(f.at?.line).padStart(3, '0')} ${f.code}`);
    expect(keys).toEqual([...keys].sort());
    expect(lint(sql).findings).toEqual(first);
    expect(first.map((f) => f.code)).toEqual(['SC602', 'SC630', 'SC641', 'SC642', 'SC601', 'SC641', 'SC642', 'SC643', 'SC644']);
  });

  it('findings carry the rule name, severity, hint and object path', () => {
    const [finding] = lint("SET lock_timeout = '1s'; ALTER TABLE app.users DROP COLUMN nickname;").findings;
    expect(finding).toMatchObject({
      code: 'SC602',
      rule: 'drop-column',
      severity: 'error',
      statement: 1,
      path: 'column:app.users.nickname',
      at: { file: 'snippet.sql', line: 1 },
    });
    expect(finding?.hint).toBe(LINT_RULES.find((r) => r.code === 'SC602')?.fix);
  });

  it('an empty file or a file of comments has no findings', () => {
    expect(lint('')).toEqual({ findings: [] });
    expect(lint('-- nothing here\n')).toEqual({ findings: [] });
  });
});

describe('PostgreSQL versions', () => {
  const setNotNull = 'ALTER TABLE public.users ALTER COLUMN email SET NOT NULL';
  const hintOn = (postgresVersion: number): string => lint(setNotNull, { postgresVersion }).findings.find((f) => f.code === 'SC622')?.hint ?? '';

  it('the SET NOT NULL hint offers NOT NULL … NOT VALID on PostgreSQL 18 only', () => {
    expect(hintOn(14)).toContain('CHECK (email IS NOT NULL) NOT VALID');
    expect(hintOn(17)).not.toContain('PostgreSQL 18');
    expect(hintOn(18)).toContain('ADD CONSTRAINT users_email_not_null NOT NULL email NOT VALID');
  });

  it('defaults to PostgreSQL 14: NULLS NOT DISTINCT (15+) is reported until the target is 15', () => {
    const sql = 'CREATE UNIQUE INDEX CONCURRENTLY k ON t (a) NULLS NOT DISTINCT';
    expect(activeCodes(sql)).toContain('SC647');
    expect(lint(sql).findings.find((f) => f.code === 'SC647')?.message).toBe('UNIQUE NULLS NOT DISTINCT needs PostgreSQL 15 or later; the target is PostgreSQL 14');
    expect(activeCodes(sql, { postgresVersion: 15 })).not.toContain('SC647');
  });

  it('rules with a version range are checked only on those versions', () => {
    const detach = 'ALTER TABLE p DETACH PARTITION p1';
    expect(activeCodes(detach, { postgresVersion: 14 })).toContain('SC628');
    expect(activeCodes(detach, { postgresVersion: 13 })).not.toContain('SC628');
    expect(activeCodes(`${detach} CONCURRENTLY`, { postgresVersion: 13 })).toContain('SC647');
  });

  it('adding a stored generated column mentions virtual columns on PostgreSQL 18', () => {
    const sql = 'ALTER TABLE t ADD COLUMN g int GENERATED ALWAYS AS (a * 2) STORED';
    const hint = (postgresVersion: number) => lint(sql, { postgresVersion }).findings.find((f) => f.code === 'SC616')?.hint ?? '';
    expect(hint(16)).not.toContain('VIRTUAL');
    expect(hint(18)).toContain('VIRTUAL');
  });
});
