-- User triggers (not internal, not clones on partitions of a parent's trigger), as
-- pg_get_triggerdef prints them, with their enabled state (O origin, A always, R replica, D disabled).
SELECT t.tgrelid::text AS table_oid,
       t.tgname AS name,
       pg_get_triggerdef(t.oid) AS definition,
       t.tgenabled AS enabled,
       dsc.description AS comment
FROM pg_catalog.pg_trigger t
JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_description dsc ON dsc.objoid = t.oid AND dsc.classoid = 'pg_catalog.pg_trigger'::regclass AND dsc.objsubid = 0
WHERE NOT t.tgisinternal
  AND COALESCE((to_jsonb(t) ->> 'tgparentid')::oid, 0) = 0
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'schemac')
  AND n.nspname !~ '^pg_(toast_)?temp_'
ORDER BY t.tgrelid, t.tgname COLLATE "C"
