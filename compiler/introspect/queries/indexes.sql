-- Indexes of user tables that do not back a constraint (those belong to the constraint).
-- key_columns: column names in key order (NULL for an expression key); key_options: indoption
-- bits per key (1 = DESC, 2 = NULLS FIRST).
SELECT i.indrelid::text AS table_oid,
       ic.relname AS name,
       i.indisunique AS is_unique,
       am.amname AS method,
       ARRAY(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, n)
             LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
             WHERE k.n <= i.indnkeyatts ORDER BY k.n) AS key_columns,
       i.indoption::int2[]::int4[] AS key_options,
       (i.indexprs IS NOT NULL OR i.indpred IS NOT NULL OR i.indnkeyatts <> i.indnatts OR am.amname <> 'btree'
        OR EXISTS (SELECT 1 FROM unnest(i.indoption::int2[]) o WHERE (o & 1 = 1) <> (o & 2 = 2))
        OR EXISTS (SELECT 1 FROM unnest(i.indcollation::oid[]) c WHERE c <> 0 AND c <> 100)
        OR EXISTS (SELECT 1 FROM unnest(i.indclass::oid[]) WITH ORDINALITY k(opc, n)
                   JOIN pg_catalog.pg_opclass oc ON oc.oid = k.opc WHERE NOT oc.opcdefault)) AS has_unsupported_parts,
       pg_get_indexdef(i.indexrelid) AS definition
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_am am ON am.oid = ic.relam
WHERE c.relkind IN ('r', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'schemac')
  AND n.nspname !~ '^pg_(toast_)?temp_'
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con WHERE con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x'))
ORDER BY i.indrelid, ic.relname COLLATE "C"
