-- Privileges granted to roles other than the owner, on relations, sequences, schemas and routines.
-- Implicit defaults are left out: PUBLIC's EXECUTE on routines, and PUBLIC's privileges on schema
-- public that initdb gave it (USAGE; before PostgreSQL 15 also CREATE), read from pg_init_privs.
WITH objects AS (
  SELECT CASE WHEN c.relkind = 'S' THEN 'sequence' ELSE 'table' END AS kind, n.nspname AS schema, c.relname AS name,
         NULL::text AS signature, c.relowner AS owner, c.relacl AS acl
  FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND c.relacl IS NOT NULL
    AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'schemac') AND n.nspname !~ '^pg_(toast_)?temp_'
  UNION ALL
  SELECT 'schema', '', n.nspname, NULL, n.nspowner, n.nspacl
  FROM pg_catalog.pg_namespace n
  WHERE n.nspacl IS NOT NULL AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'schemac') AND n.nspname !~ '^pg_'
  UNION ALL
  SELECT CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END, n.nspname, p.proname,
         pg_get_function_identity_arguments(p.oid), p.proowner, p.proacl
  FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
  WHERE p.proacl IS NOT NULL AND p.prokind IN ('f', 'p')
    AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'schemac') AND n.nspname !~ '^pg_(toast_)?temp_'
)
SELECT o.kind, o.schema, o.name, o.signature,
       CASE WHEN a.grantee = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(a.grantee)::text END AS role,
       to_json(array_agg(a.privilege_type::text ORDER BY a.privilege_type)) AS privileges,
       a.is_grantable AS with_grant_option
FROM objects o, aclexplode(o.acl) a
WHERE a.grantee <> o.owner
  AND NOT (a.grantee = 0 AND o.kind IN ('function', 'procedure') AND a.privilege_type = 'EXECUTE')
  AND NOT (a.grantee = 0 AND o.kind = 'schema' AND o.name = 'public' AND (a.privilege_type = 'USAGE' OR EXISTS (
    SELECT FROM pg_catalog.pg_init_privs i JOIN pg_catalog.pg_namespace n ON n.oid = i.objoid, aclexplode(i.initprivs) d
    WHERE i.classoid = 'pg_catalog.pg_namespace'::pg_catalog.regclass AND i.objsubid = 0 AND n.nspname = 'public'
      AND d.grantee = 0 AND d.privilege_type = a.privilege_type)))
GROUP BY o.kind, o.schema, o.name, o.signature, a.grantee, a.is_grantable
ORDER BY o.kind, o.schema COLLATE "C", o.name COLLATE "C", o.signature COLLATE "C", a.grantee, a.is_grantable
