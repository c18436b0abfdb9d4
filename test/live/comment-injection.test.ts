/**
 * Names end up in the `--` comment lines of migration files (step descriptions, hazards, reasons).
 * A line break in a name must not end the comment: the rest of the name would run as SQL.
 */
import { describe, expect, it } from 'vitest';
import { table, text, uuid } from '../../compiler/index.js';
import { parseSql } from '../../compiler/expr/index.js';
import { EMPTY_SCHEMA } from '../../compiler/model/types.js';
import { freshDatabaseUrl, withDatabase } from '../helpers/backends.js';
import { declare, migrationSql, runScript } from '../helpers/schema.js';

const HOSTILE = 't\nDROP TABLE public.victim; --';

describe('line breaks in names', () => {
  it('stay inside the comment lines of up.sql and down.sql, and the object gets exactly that name', async () => {
    const schema = await declare(table(HOSTILE, { comment: 'line one\nDROP TABLE public.victim;', columns: { id: uuid({ primaryKey: true }), [`note\nDROP TABLE public.victim;`]: text() } }));
    const { up, down } = await migrationSql(EMPTY_SCHEMA, schema);
    // Every statement of up.sql is one the plan meant: the name's "DROP TABLE" stays inside comments and quotes.
    const parsed = parseSql(up);
    expect(parsed.ok).toBe(true);
    const kinds = parsed.ok ? parsed.statements.map((st) => Object.keys(st)[0]) : [];
    expect(kinds).toEqual(['CreateStmt', 'CommentStmt']);
    expect(up).toContain('-- Step 1/1: create table public.t\\nDROP TABLE public.victim; --\n');
    await withDatabase(await freshDatabaseUrl('postgres'), async (db) => {
      await db.exec('CREATE TABLE public.victim (id int)');
      await runScript(db, up);
      const rows = await db.query<{ name: string }>("SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY 1");
      expect(rows.map((r) => r.name)).toEqual([HOSTILE, 'victim']);
      await runScript(db, down);
      expect((await db.query("SELECT 1 FROM pg_class WHERE relname = 'victim'")).length).toBe(1);
    });
  });
});
