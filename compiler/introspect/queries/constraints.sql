-- Primary key, unique, check, foreign key and exclusion constraints of user tables, with column names in
-- key order. NOT NULL constraints (pg_constraint rows since PostgreSQL 18) are column properties.
SELECT con.conrelid::text AS table_oid,
       con.conname AS name,
       con.contype AS type,
       ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, i)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
             ORDER BY k.i) AS columns,
       fn.nspname AS ref_schema,
       fc.relname AS ref_table,
       ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, i)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
             ORDER BY k.i) AS ref_columns,
       con.confupdtype AS on_update,
       con.confdeltype AS on_delete,
       CASE WHEN con.contype = 'c' THEN pg_get_expr(con.conbin, con.conrelid) END AS check_expression,
       CASE WHEN con.condeferrable THEN CASE WHEN con.condeferred THEN 'deferred' ELSE 'immediate' END END AS deferrable,
       con.confmatchtype = 'f' AS match_full,
       ARRAY(SELECT a.attname::text FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(attnum, n)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum
             WHERE k.n > ix.indnkeyatts ORDER BY k.n) AS include,
       COALESCE((to_jsonb(ix) ->> 'indnullsnotdistinct')::boolean, false) AS nulls_not_distinct,
       ARRAY(SELECT CASE WHEN opn.nspname = 'pg_catalog' THEN o.oprname::text
                         ELSE 'OPERATOR(' || quote_ident(opn.nspname) || '.' || o.oprname || ')' END
             FROM unnest(con.conexclop) WITH ORDINALITY x(op, n)
             JOIN pg_catalog.pg_operator o ON o.oid = x.op
             JOIN pg_catalog.pg_namespace opn ON opn.oid = o.oprnamespace
             ORDER BY x.n) AS exclusion_operators,
       obj_description(con.oid, 'pg_constraint') AS comment
FROM pg_catalog.pg_constraint con
LEFT JOIN pg_catalog.pg_index ix ON ix.indexrelid = con.conindid AND con.contype IN ('p', 'u', 'x')
JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
WHERE con.contype IN ('p', 'u', 'c', 'f', 'x')
  AND con.conparentid = 0 AND con.conislocal -- constraints cloned or inherited from a parent belong to it
  AND c.relkind IN ('r', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'schemac')
  AND n.nspname !~ '^pg_(toast_)?temp_'
ORDER BY con.conrelid, con.conname COLLATE "C"
