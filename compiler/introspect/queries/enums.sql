-- Enum types with their labels in order; extension-owned types excluded.
SELECT n.nspname AS schema,
       t.typname AS name,
       to_json(array_agg(e.enumlabel::text ORDER BY e.enumsortorder)) AS values,
       obj_description(t.oid, 'pg_type') AS comment
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
WHERE t.typtype = 'e'
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'schemac')
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
GROUP BY n.nspname, t.typname, t.oid
ORDER BY n.nspname COLLATE "C", t.typname COLLATE "C"
