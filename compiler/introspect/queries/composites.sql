-- Standalone composite types (CREATE TYPE … AS) with their attributes in order.
SELECT n.nspname AS schema,
       t.typname AS name,
       (SELECT json_agg(json_build_object(
                 'name', a.attname,
                 'type_schema', an.nspname,
                 'type_name', at.typname,
                 'builtin', format_type(at.oid, a.atttypmod),
                 'is_array', at.oid <> a.atttypid) ORDER BY a.attnum)
        FROM pg_catalog.pg_attribute a
        JOIN pg_catalog.pg_type ft ON ft.oid = a.atttypid
        JOIN pg_catalog.pg_type at ON at.oid = CASE WHEN ft.typelem <> 0 AND ft.typlen = -1 AND ft.typcategory = 'A' THEN ft.typelem ELSE ft.oid END
        JOIN pg_catalog.pg_namespace an ON an.oid = at.typnamespace
        WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped) AS attributes,
       obj_description(t.oid, 'pg_type') AS comment
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_class c ON c.oid = t.typrelid AND c.relkind = 'c'
WHERE t.typtype = 'c'
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'schemac')
  AND n.nspname !~ '^pg_(toast_)?temp_'
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
ORDER BY n.nspname COLLATE "C", t.typname COLLATE "C"
