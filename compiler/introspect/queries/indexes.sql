-- Indexes of user tables and materialized views that do not back a key constraint (those belong to
-- the constraint); an exclusion constraint's index is returned with the constraint's name.
-- keys: one JSON value per key column (key order): the column's name when the key is a plain
-- ascending column with the default operator class and collation (most keys); otherwise an object
-- with the column, or the expression text; the indoption bits (1 = DESC, 2 = NULLS FIRST); the
-- operator class and collation when they are not the defaults. Covering (INCLUDE) columns, predicate, storage parameters, NULLS NOT DISTINCT
-- (pg_index.indnullsnotdistinct, PostgreSQL 15+: read as NULL before, see catalogQuery).
-- invalid: true for an INVALID index (a failed or interrupted CREATE INDEX CONCURRENTLY).
-- What holds its default (valid, no INCLUDE, no storage parameters, NULLS DISTINCT) is NULL: fewer
-- values to send and read.
-- Set-based (one pass over every index's key columns, grouped), not a subquery per index.
WITH idx AS (
  SELECT i.*
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
         CASE WHEN k.attnum <> 0 AND i.indoption[k.n - 1] = 0 AND oc.opcdefault
                   AND i.indcollation[k.n - 1] IN (0, 100, COALESCE(a.attcollation, 0))
         THEN to_json(a.attname) -- a plain column, in every other way the default: its name alone
         ELSE json_build_object(
           'column', CASE WHEN k.attnum <> 0 THEN a.attname END,
           'expression', CASE WHEN k.attnum = 0 THEN pg_get_indexdef(i.indexrelid, k.n::int, false) END,
           'option', i.indoption[k.n - 1],
           'opclass', CASE WHEN NOT oc.opcdefault THEN oc.opcname END,
           'opclass_schema', CASE WHEN NOT oc.opcdefault AND ocn.nspname <> 'pg_catalog' THEN ocn.nspname END,
           'collation', CASE WHEN i.indcollation[k.n - 1] NOT IN (0, 100, COALESCE(a.attcollation, 0)) THEN co.collname END,
           'collation_schema', CASE WHEN i.indcollation[k.n - 1] NOT IN (0, 100, COALESCE(a.attcollation, 0)) AND con.nspname <> 'pg_catalog' THEN con.nspname END) END AS key,
         a.attname::text AS attname
  FROM idx i
  CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, n)
  LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
  LEFT JOIN pg_catalog.pg_opclass oc ON k.n <= i.indnkeyatts AND oc.oid = i.indclass[k.n - 1]
  LEFT JOIN pg_catalog.pg_namespace ocn ON ocn.oid = oc.opcnamespace
  LEFT JOIN pg_catalog.pg_collation co ON k.n <= i.indnkeyatts AND co.oid = i.indcollation[k.n - 1]
  LEFT JOIN pg_catalog.pg_namespace con ON con.oid = co.collnamespace
), agg AS (
  SELECT indexrelid,
         json_agg(key ORDER BY n) FILTER (WHERE is_key) AS keys,
         array_agg(attname ORDER BY n) FILTER (WHERE NOT is_key AND attname IS NOT NULL) AS include
  FROM parts GROUP BY indexrelid
)
SELECT i.indrelid::text AS table_oid,
       ic.relname AS name,
       i.indisunique AS is_unique,
       NULLIF(NOT i.indisvalid, false) AS invalid,
       am.amname AS method,
       agg.keys,
       to_json(agg.include) AS include,
       pg_get_expr(i.indpred, i.indrelid) AS predicate,
       NULLIF(i.indnullsnotdistinct, false) AS nulls_not_distinct,
       to_json(ic.reloptions::text[]) AS storage,
       xcon.conname AS exclusion_constraint,
       d.description AS comment
FROM idx i
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_am am ON am.oid = ic.relam
LEFT JOIN agg ON agg.indexrelid = i.indexrelid
LEFT JOIN pg_catalog.pg_constraint xcon ON xcon.conindid = i.indexrelid AND xcon.contype = 'x'
LEFT JOIN pg_catalog.pg_description d ON d.objoid = i.indexrelid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0
ORDER BY i.indrelid, ic.relname COLLATE "C"
