-- Primary key, unique, check, foreign key and exclusion constraints of user tables, with column names in
-- key order. NOT NULL constraints (pg_constraint rows since PostgreSQL 18) are column properties.
-- Column lists are aggregated in one pass each (CTEs), not a subquery per constraint. What does not
-- apply or holds its default (a foreign key's parts on other kinds, MATCH SIMPLE, no INCLUDE, NULLS
-- DISTINCT) is NULL: fewer values to send and read.
WITH cons AS (
  SELECT con.*
  FROM pg_catalog.pg_constraint con
  JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE con.contype IN ('p', 'u', 'c', 'f', 'x')
    AND con.conparentid = 0 AND con.conislocal -- constraints cloned or inherited from a parent belong to it
    AND c.relkind IN ('r', 'p')
    AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'schemac')
    AND n.nspname !~ '^pg_(toast_)?temp_'
), column_numbers AS MATERIALIZED (
  -- The constraint's own columns (side 'key') and, for a foreign key, the referenced ones.
  -- Materialized: the planner, unable to estimate the unnest, would otherwise read every column
  -- of each table and match them afterwards (30,000 rows for 1,500 constraints).
  SELECT con.oid, s.side, s.relid, k.attnum, k.i
  FROM cons con
  CROSS JOIN LATERAL (VALUES ('key', con.conkey, con.conrelid), ('referenced', con.confkey, con.confrelid)) s(side, attnums, relid)
  CROSS JOIN LATERAL unnest(s.attnums) WITH ORDINALITY k(attnum, i)
), column_lists AS (
  SELECT k.oid, k.side, array_agg(a.attname::text ORDER BY k.i) AS columns
  FROM column_numbers k
  JOIN pg_catalog.pg_attribute a ON a.attrelid = k.relid AND a.attnum = k.attnum
  GROUP BY k.oid, k.side
), included_columns AS (
  SELECT con.oid, array_agg(a.attname::text ORDER BY k.n) AS columns
  FROM cons con
  JOIN pg_catalog.pg_index ix ON ix.indexrelid = con.conindid AND con.contype IN ('p', 'u', 'x')
  CROSS JOIN LATERAL unnest(ix.indkey::int2[]) WITH ORDINALITY k(attnum, n)
  JOIN pg_catalog.pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum
  WHERE k.n > ix.indnkeyatts
  GROUP BY con.oid
), exclusion_operators AS (
  SELECT con.oid, array_agg(CASE WHEN opn.nspname = 'pg_catalog' THEN o.oprname::text
                                 ELSE 'OPERATOR(' || quote_ident(opn.nspname) || '.' || o.oprname || ')' END ORDER BY x.n) AS operators
  FROM cons con
  CROSS JOIN LATERAL unnest(con.conexclop) WITH ORDINALITY x(op, n)
  JOIN pg_catalog.pg_operator o ON o.oid = x.op
  JOIN pg_catalog.pg_namespace opn ON opn.oid = o.oprnamespace
  GROUP BY con.oid
)
SELECT con.conrelid::text AS table_oid,
       con.conname AS name,
       con.contype AS type,
       to_json(COALESCE(kc.columns, '{}')) AS columns,
       fn.nspname AS ref_schema,
       fc.relname AS ref_table,
       to_json(rc.columns) AS ref_columns,
       CASE WHEN con.contype = 'f' THEN con.confupdtype END AS on_update,
       CASE WHEN con.contype = 'f' THEN con.confdeltype END AS on_delete,
       CASE WHEN con.contype = 'c' THEN pg_get_expr(con.conbin, con.conrelid) END AS check_expression,
       CASE WHEN con.condeferrable THEN CASE WHEN con.condeferred THEN 'deferred' ELSE 'immediate' END END AS deferrable,
       NULLIF(con.confmatchtype = 'f', false) AS match_full,
       to_json(ic.columns) AS include,
       NULLIF(ix.indnullsnotdistinct, false) AS nulls_not_distinct,
       to_json(xo.operators) AS exclusion_operators,
       d.description AS comment
FROM cons con
LEFT JOIN pg_catalog.pg_index ix ON ix.indexrelid = con.conindid AND con.contype IN ('p', 'u', 'x')
LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
LEFT JOIN column_lists kc ON kc.oid = con.oid AND kc.side = 'key'
LEFT JOIN column_lists rc ON rc.oid = con.oid AND rc.side = 'referenced'
LEFT JOIN included_columns ic ON ic.oid = con.oid
LEFT JOIN exclusion_operators xo ON xo.oid = con.oid
LEFT JOIN pg_catalog.pg_description d ON d.objoid = con.oid AND d.classoid = 'pg_catalog.pg_constraint'::regclass AND d.objsubid = 0
ORDER BY con.conrelid, con.conname COLLATE "C"
