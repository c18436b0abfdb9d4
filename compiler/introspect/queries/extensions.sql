-- Installed extensions (plpgsql is built in everywhere and not managed).
SELECT e.extname AS name, n.nspname AS schema, e.extversion AS version, obj_description(e.oid, 'pg_extension') AS comment
FROM pg_catalog.pg_extension e
JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
WHERE e.extname <> 'plpgsql'
ORDER BY e.extname COLLATE "C"
