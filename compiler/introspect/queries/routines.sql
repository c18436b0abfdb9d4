-- Functions and procedures in user schemas (aggregates and window functions are not managed);
-- extension-owned ones excluded. The definition as pg_get_functiondef prints it.
SELECT n.nspname AS schema,
       p.proname AS name,
       CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END AS kind,
       pg_get_function_identity_arguments(p.oid) AS signature,
       pg_get_functiondef(p.oid) AS definition,
       dsc.description AS comment
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
LEFT JOIN pg_catalog.pg_description dsc ON dsc.objoid = p.oid AND dsc.classoid = 'pg_catalog.pg_proc'::regclass AND dsc.objsubid = 0
WHERE p.prokind IN ('f', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'schemac')
  AND n.nspname !~ '^pg_(toast_)?temp_'
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
ORDER BY n.nspname COLLATE "C", p.proname COLLATE "C", pg_get_function_identity_arguments(p.oid) COLLATE "C"
