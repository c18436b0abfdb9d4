-- Standalone sequences: not owned by a column (serial and identity sequences belong to it).
SELECT n.nspname AS schema,
       c.relname AS name,
       format_type(s.seqtypid, NULL) AS type,
       s.seqstart::text AS start,
       s.seqincrement::text AS increment,
       s.seqmin::text AS min,
       s.seqmax::text AS max,
       s.seqcache::text AS cache,
       s.seqcycle AS cycle,
       dsc.description AS comment
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid
LEFT JOIN pg_catalog.pg_description dsc ON dsc.objoid = c.oid AND dsc.classoid = 'pg_catalog.pg_class'::regclass AND dsc.objsubid = 0
WHERE c.relkind = 'S'
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'schemac')
  AND n.nspname !~ '^pg_(toast_)?temp_'
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i', 'e')
                    AND (d.deptype = 'e' OR d.refobjsubid <> 0))
ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C"
