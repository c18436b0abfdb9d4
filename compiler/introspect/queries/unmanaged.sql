-- Objects in user schemas of kinds schemac does not manage, so that inspect and drift can list
-- them instead of ignoring them silently. Extension members are excluded.
WITH members AS (SELECT classid, objid FROM pg_catalog.pg_depend WHERE deptype = 'e'),
user_namespaces AS (
  SELECT oid, nspname FROM pg_catalog.pg_namespace
  WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'schemac') AND nspname !~ '^pg_(toast_)?temp_'
)
SELECT CASE p.prokind WHEN 'a' THEN 'aggregate' ELSE 'window function' END AS kind, n.nspname AS schema,
       p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS name
FROM pg_catalog.pg_proc p JOIN user_namespaces n ON n.oid = p.pronamespace
WHERE p.prokind IN ('a', 'w') AND NOT EXISTS (SELECT 1 FROM members m WHERE m.classid = 'pg_catalog.pg_proc'::regclass AND m.objid = p.oid)
UNION ALL
SELECT 'operator', n.nspname, o.oprname || '(' || format_type(o.oprleft, NULL) || ', ' || format_type(o.oprright, NULL) || ')'
FROM pg_catalog.pg_operator o JOIN user_namespaces n ON n.oid = o.oprnamespace
WHERE NOT EXISTS (SELECT 1 FROM members m WHERE m.classid = 'pg_catalog.pg_operator'::regclass AND m.objid = o.oid)
UNION ALL
SELECT CASE c.relkind WHEN 'f' THEN 'foreign table' END, n.nspname, c.relname
FROM pg_catalog.pg_class c JOIN user_namespaces n ON n.oid = c.relnamespace
WHERE c.relkind = 'f' AND NOT EXISTS (SELECT 1 FROM members m WHERE m.classid = 'pg_catalog.pg_class'::regclass AND m.objid = c.oid)
UNION ALL
SELECT CASE t.typtype WHEN 'r' THEN 'range type' WHEN 'b' THEN 'base type' END, n.nspname, t.typname
FROM pg_catalog.pg_type t JOIN user_namespaces n ON n.oid = t.typnamespace
WHERE t.typtype IN ('r', 'b') AND t.typarray <> 0
  AND NOT EXISTS (SELECT 1 FROM members m WHERE m.classid = 'pg_catalog.pg_type'::regclass AND m.objid = t.oid)
UNION ALL
SELECT 'rule', n.nspname, c.relname || '.' || r.rulename
FROM pg_catalog.pg_rewrite r JOIN pg_catalog.pg_class c ON c.oid = r.ev_class JOIN user_namespaces n ON n.oid = c.relnamespace
WHERE r.rulename <> '_RETURN'
UNION ALL
SELECT 'statistics', n.nspname, s.stxname
FROM pg_catalog.pg_statistic_ext s JOIN user_namespaces n ON n.oid = s.stxnamespace
UNION ALL
SELECT 'text search configuration', n.nspname, c.cfgname
FROM pg_catalog.pg_ts_config c JOIN user_namespaces n ON n.oid = c.cfgnamespace
WHERE NOT EXISTS (SELECT 1 FROM members m WHERE m.classid = 'pg_catalog.pg_ts_config'::regclass AND m.objid = c.oid)
UNION ALL
SELECT 'collation', n.nspname, c.collname
FROM pg_catalog.pg_collation c JOIN user_namespaces n ON n.oid = c.collnamespace
WHERE NOT EXISTS (SELECT 1 FROM members m WHERE m.classid = 'pg_catalog.pg_collation'::regclass AND m.objid = c.oid)
UNION ALL
SELECT 'event trigger', '', e.evtname FROM pg_catalog.pg_event_trigger e
WHERE NOT EXISTS (SELECT 1 FROM members m WHERE m.classid = 'pg_catalog.pg_event_trigger'::regclass AND m.objid = e.oid)
UNION ALL
SELECT 'publication', '', p.pubname FROM pg_catalog.pg_publication p
