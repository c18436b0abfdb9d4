-- Ordinary and partitioned tables in user schemas (partitions with their parent and bound);
-- extension-owned tables excluded. What holds its default (not unlogged, no storage parameters)
-- is NULL: fewer values to send and read. Comments through a join on pg_description, here and in
-- the other queries with a row per table, view, sequence, routine, trigger or policy
-- (obj_description() runs a query of its own for each row: ~4 of this query's 7 ms at 501 tables).
SELECT c.oid::text AS oid,
       n.nspname AS schema,
       c.relname AS name,
       dsc.description AS comment,
       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
       -- A bound holds only values: printed without opening the partition (see columns.sql).
       CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, 0) END AS partition_bound,
       parent.relname AS partition_parent,
       CASE WHEN c.relforcerowsecurity THEN 'forced' WHEN c.relrowsecurity THEN 'enabled' END AS row_level_security,
       NULLIF(c.relpersistence = 'u', false) AS unlogged,
       to_json(c.reloptions::text[]) AS storage
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_description dsc ON dsc.objoid = c.oid AND dsc.classoid = 'pg_catalog.pg_class'::regclass AND dsc.objsubid = 0
LEFT JOIN pg_catalog.pg_inherits inh ON c.relispartition AND inh.inhrelid = c.oid
LEFT JOIN pg_catalog.pg_class parent ON parent.oid = inh.inhparent
WHERE c.relkind IN ('r', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'schemac')
  AND n.nspname !~ '^pg_(toast_)?temp_'
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C"
