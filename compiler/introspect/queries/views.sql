-- Views and materialized views in user schemas (extension-owned excluded): the query as
-- pg_get_viewdef prints it, view options, comments on the view and its columns.
SELECT c.oid::text AS oid,
       n.nspname AS schema,
       c.relname AS name,
       c.relkind = 'm' AS materialized,
       pg_get_viewdef(c.oid) AS query,
       to_json(COALESCE(c.reloptions, '{}')::text[]) AS options,
       dsc.description AS comment,
       (SELECT json_agg(json_build_object('column', a.attname, 'comment', d.description) ORDER BY a.attname COLLATE "C")
        FROM pg_catalog.pg_attribute a
        JOIN pg_catalog.pg_description d ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = a.attnum
        WHERE a.attrelid = c.oid AND a.attnum > 0) AS column_comments
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_description dsc ON dsc.objoid = c.oid AND dsc.classoid = 'pg_catalog.pg_class'::regclass AND dsc.objsubid = 0
WHERE c.relkind IN ('v', 'm')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'schemac')
  AND n.nspname !~ '^pg_(toast_)?temp_'
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C"
