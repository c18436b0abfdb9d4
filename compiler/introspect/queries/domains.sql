-- Domains: base type (built-in as format_type prints it, else schema and name), NOT NULL,
-- default, CHECK constraints on VALUE; extension-owned excluded.
SELECT n.nspname AS schema,
       t.typname AS name,
       bn.nspname AS base_schema,
       bt.typname AS base_name,
       format_type(t.typbasetype, t.typtypmod) AS base_builtin,
       t.typnotnull AS not_null,
       t.typdefault AS default_expression,
       (SELECT json_agg(json_build_object('name', c.conname, 'expression', pg_get_expr(c.conbin, 0)) ORDER BY c.conname COLLATE "C")
        FROM pg_catalog.pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c') AS checks,
       obj_description(t.oid, 'pg_type') AS comment
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype
JOIN pg_catalog.pg_namespace bn ON bn.oid = bt.typnamespace
WHERE t.typtype = 'd'
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'schemac')
  AND n.nspname !~ '^pg_(toast_)?temp_'
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
ORDER BY n.nspname COLLATE "C", t.typname COLLATE "C"
