-- Primary key, unique, check, foreign key and exclusion constraints of user tables. NOT NULL
-- constraints (pg_constraint rows since PostgreSQL 18) are column properties. What does not apply
-- or holds its default (a foreign key's parts on other kinds, MATCH SIMPLE, no INCLUDE, NULLS
-- DISTINCT) is NULL: fewer values to send and read.
--
-- Columns come as their numbers (attnum, in key order) for primary keys, uniques and foreign keys,
-- and introspection names them from the columns query, which returns every column of a table
-- without a parent: naming them here (a join on pg_attribute) was ~40 % of this query. The
-- query names them itself (columns, ref_columns, include) where that table is not one of those:
-- a partition or inheritance child (the columns query leaves out inherited columns), or a table
-- outside the schemas introspection reads.
WITH cons AS (
  SELECT con.oid, con.conname, con.contype, con.conrelid, con.conkey, con.confrelid, con.confkey, con.conindid, con.conexclop,
         con.confupdtype, con.confdeltype, con.confmatchtype, con.conbin, con.condeferrable, con.condeferred,
         EXISTS (SELECT 1 FROM pg_catalog.pg_inherits ih WHERE ih.inhrelid = con.conrelid) AS has_parent
  FROM pg_catalog.pg_constraint con
  JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE con.contype IN ('p', 'u', 'c', 'f', 'x')
    AND con.conparentid = 0 AND con.conislocal -- constraints cloned or inherited from a parent belong to it
    AND c.relkind IN ('r', 'p')
    AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'schemac')
    AND n.nspname !~ '^pg_(toast_)?temp_'
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
       CASE WHEN con.contype IN ('p', 'u', 'f') THEN to_json(con.conkey) END AS column_numbers,
       CASE WHEN con.contype IN ('p', 'u', 'f') AND con.has_parent THEN to_json(ARRAY(
         SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, i)
         JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.i)) END AS columns,
       fn.nspname AS ref_schema,
       fc.relname AS ref_table,
       fc.oid::text AS ref_table_oid,
       to_json(con.confkey) AS ref_column_numbers,
       CASE WHEN con.contype = 'f' AND (fc.relispartition OR fn.nspname IN ('pg_catalog', 'information_schema', 'pg_toast', 'schemac')
                                        OR fn.nspname ~ '^pg_(toast_)?temp_'
                                        OR EXISTS (SELECT 1 FROM pg_catalog.pg_inherits ih WHERE ih.inhrelid = con.confrelid)) THEN to_json(ARRAY(
         SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(attnum, i)
         JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.i)) END AS ref_columns,
       CASE WHEN con.contype = 'f' THEN con.confupdtype END AS on_update,
       CASE WHEN con.contype = 'f' THEN con.confdeltype END AS on_delete,
       CASE WHEN con.contype = 'c' THEN pg_get_expr(con.conbin, con.conrelid) END AS check_expression,
       CASE WHEN con.condeferrable THEN CASE WHEN con.condeferred THEN 'deferred' ELSE 'immediate' END END AS deferrable,
       NULLIF(con.confmatchtype = 'f', false) AS match_full,
       -- INCLUDE columns: the index's columns after its key columns (pg_index.indkey counts from 0).
       CASE WHEN ix.indnatts > ix.indnkeyatts THEN to_json((ix.indkey::int2[])[ix.indnkeyatts:]) END AS include_numbers,
       CASE WHEN ix.indnatts > ix.indnkeyatts AND con.has_parent THEN to_json(ARRAY(
         SELECT a.attname FROM unnest((ix.indkey::int2[])[ix.indnkeyatts:]) WITH ORDINALITY k(attnum, i)
         JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.i)) END AS include,
       NULLIF(ix.indnullsnotdistinct, false) AS nulls_not_distinct,
       to_json(xo.operators) AS exclusion_operators,
       d.description AS comment
FROM cons con
LEFT JOIN pg_catalog.pg_index ix ON ix.indexrelid = con.conindid AND con.contype IN ('p', 'u', 'x')
LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
LEFT JOIN exclusion_operators xo ON xo.oid = con.oid
LEFT JOIN pg_catalog.pg_description d ON d.objoid = con.oid AND d.classoid = 'pg_catalog.pg_constraint'::regclass AND d.objsubid = 0
ORDER BY con.conrelid, con.conname COLLATE "C"
