-- Indexes of user tables and materialized views that do not back a key constraint (those belong to
-- the constraint); an exclusion constraint's index is returned with the constraint's name.
-- keys: one JSON value per key column (key order): the column alone when the key is a plain
-- ascending column with the default operator class and collation (most keys); otherwise an object
-- with the column, or the expression text; the indoption bits (1 = DESC, 2 = NULLS FIRST); the
-- operator class and collation when they are not the defaults. Covering (INCLUDE) columns, predicate, storage parameters, NULLS NOT DISTINCT
-- (pg_index.indnullsnotdistinct, PostgreSQL 15+: read as NULL before, see catalogQuery).
-- A column is its number (attnum), named by introspection from the column rows (as in
-- constraints.sql), or its name where those rows do not hold the table's columns: a materialized
-- view, a partition or an inheritance child. Naming every key here (a join on pg_attribute) was a
-- fifth of this query.
-- invalid: true for an INVALID index (a failed or interrupted CREATE INDEX CONCURRENTLY).
-- What holds its default (valid, no INCLUDE, no storage parameters, NULLS DISTINCT) is NULL: fewer
-- values to send and read.
-- Set-based (one pass over every index's key columns, grouped), not a subquery per index.
WITH idx AS (
  SELECT i.*, c.relkind = 'm' OR EXISTS (SELECT 1 FROM pg_catalog.pg_inherits ih WHERE ih.inhrelid = i.indrelid) AS named_columns
  FROM pg_catalog.pg_index i
  JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'm')
    AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'schemac')
    AND n.nspname !~ '^pg_(toast_)?temp_'
    AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits ih WHERE ih.inhrelid = i.indexrelid)
    AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con WHERE con.conindid = i.indexrelid AND con.contype IN ('p', 'u'))
), parts AS (
  SELECT i.indexrelid, k.n,
         k.n <= i.indnkeyatts AS is_key,
         k.attnum <> 0 AS is_column,
         CASE WHEN k.attnum = 0 THEN NULL
              WHEN i.named_columns THEN to_json((SELECT a.attname FROM pg_catalog.pg_attribute a WHERE a.attrelid = i.indrelid AND a.attnum = k.attnum))
              ELSE to_json(k.attnum) END AS column_ref,
         i.indoption[k.n - 1] AS option,
         oc.opcdefault, oc.opcname, ocn.nspname AS opclass_schema,
         -- A column's own collation is its default: looked up only for a key with another collation
         -- (an expression has none: 0).
         i.indcollation[k.n - 1] IN (0, 100)
           OR i.indcollation[k.n - 1] = COALESCE((SELECT a.attcollation FROM pg_catalog.pg_attribute a WHERE a.attrelid = i.indrelid AND a.attnum = k.attnum), 0) AS default_collation,
         co.collname, con.nspname AS collation_schema,
         CASE WHEN k.attnum = 0 THEN pg_get_indexdef(i.indexrelid, k.n::int, false) END AS expression
  FROM idx i
  CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, n)
  LEFT JOIN pg_catalog.pg_opclass oc ON k.n <= i.indnkeyatts AND oc.oid = i.indclass[k.n - 1]
  LEFT JOIN pg_catalog.pg_namespace ocn ON ocn.oid = oc.opcnamespace
  LEFT JOIN pg_catalog.pg_collation co ON k.n <= i.indnkeyatts AND co.oid = i.indcollation[k.n - 1]
  LEFT JOIN pg_catalog.pg_namespace con ON con.oid = co.collnamespace
), agg AS (
  SELECT indexrelid,
         json_agg(CASE WHEN is_column AND option = 0 AND opcdefault AND default_collation
                  THEN column_ref -- a plain column, in every other way the default: the column alone
                  ELSE json_build_object(
                    'column', column_ref,
                    'expression', expression,
                    'option', option,
                    'opclass', CASE WHEN NOT opcdefault THEN opcname END,
                    'opclass_schema', CASE WHEN NOT opcdefault AND opclass_schema <> 'pg_catalog' THEN opclass_schema END,
                    'collation', CASE WHEN NOT default_collation THEN collname END,
                    'collation_schema', CASE WHEN NOT default_collation AND collation_schema <> 'pg_catalog' THEN collation_schema END) END
                  ORDER BY n) FILTER (WHERE is_key) AS keys,
         json_agg(column_ref ORDER BY n) FILTER (WHERE NOT is_key AND is_column) AS include
  FROM parts GROUP BY indexrelid
)
-- Every index has a key column, so every index is a group of agg: the index's own columns are
-- looked up from there (by oid), which keeps the plan a nested loop whatever the planner guesses
-- of the number of indexes.
SELECT i.indrelid::text AS table_oid,
       ic.relname AS name,
       i.indisunique AS is_unique,
       NULLIF(NOT i.indisvalid, false) AS invalid,
       am.amname AS method,
       agg.keys,
       agg.include,
       pg_get_expr(i.indpred, i.indrelid) AS predicate,
       NULLIF(i.indnullsnotdistinct, false) AS nulls_not_distinct,
       to_json(ic.reloptions::text[]) AS storage,
       xcon.conname AS exclusion_constraint,
       d.description AS comment
FROM agg
JOIN pg_catalog.pg_index i ON i.indexrelid = agg.indexrelid
JOIN pg_catalog.pg_class ic ON ic.oid = agg.indexrelid
JOIN pg_catalog.pg_am am ON am.oid = ic.relam
LEFT JOIN pg_catalog.pg_constraint xcon ON xcon.conindid = agg.indexrelid AND xcon.contype = 'x'
LEFT JOIN pg_catalog.pg_description d ON d.objoid = agg.indexrelid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0
ORDER BY i.indrelid, ic.relname COLLATE "C"
