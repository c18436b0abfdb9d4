-- Row-level security policies of user tables: command, PERMISSIVE/RESTRICTIVE, roles (public for
-- everyone), USING and WITH CHECK expressions.
SELECT p.polrelid::text AS table_oid,
       p.polname AS name,
       p.polpermissive AS permissive,
       CASE p.polcmd WHEN 'r' THEN 'select' WHEN 'a' THEN 'insert' WHEN 'w' THEN 'update' WHEN 'd' THEN 'delete' ELSE 'all' END AS command,
       to_json(ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid)::text END
                     FROM unnest(p.polroles) AS r(oid) ORDER BY 1)) AS roles,
       pg_get_expr(p.polqual, p.polrelid) AS using_expression,
       pg_get_expr(p.polwithcheck, p.polrelid) AS check_expression,
       dsc.description AS comment
FROM pg_catalog.pg_policy p
JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_description dsc ON dsc.objoid = p.oid AND dsc.classoid = 'pg_catalog.pg_policy'::regclass AND dsc.objsubid = 0
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'schemac')
  AND n.nspname !~ '^pg_(toast_)?temp_'
ORDER BY p.polrelid, p.polname COLLATE "C"
