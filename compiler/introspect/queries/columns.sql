-- Columns of all user tables, in table order. Types: built-in (pg_catalog) types as format_type
-- prints them; other types by schema and name too. Identity sequence options from pg_sequence. What
-- holds its default (not an array, a built-in type's schema and name, no identity, no serial) is
-- NULL: fewer values to send and read (a column is the most frequent row). A default never refers
-- to a column, so it is printed without its table (pg_get_expr(…, 0)): naming the table makes the
-- server open it, and a new connection builds its cache entry for each (~25 µs a table). Generated
-- columns refer to columns and are printed with it.
SELECT a.attrelid::text AS table_oid,
       a.attnum,
       a.attname AS name,
       NULLIF(t.typelem <> 0 AND t.typlen = -1 AND t.typcategory = 'A' AND t.typtype = 'b', false) AS is_array,
       CASE WHEN en.nspname <> 'pg_catalog' THEN en.nspname END AS type_schema,
       CASE WHEN en.nspname <> 'pg_catalog' THEN et.typname END AS type_name,
       format_type(et.oid, a.atttypmod) AS builtin_type,
       a.attnotnull AS not_null,
       CASE WHEN a.attgenerated = '' THEN pg_get_expr(ad.adbin, 0) END AS default_expression,
       CASE WHEN a.attgenerated = 's' THEN pg_get_expr(ad.adbin, ad.adrelid) END AS generated_expression,
       CASE WHEN a.attidentity IN ('a', 'd') THEN a.attidentity END AS identity,
       s.seqstart::text AS identity_start,
       s.seqincrement::text AS identity_increment,
       s.seqmin::text AS identity_min,
       s.seqmax::text AS identity_max,
       s.seqcache::text AS identity_cache,
       s.seqcycle AS identity_cycle,
       dsc.description AS comment,
       CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN co.collname END AS collation,
       CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation AND con.nspname <> 'pg_catalog' THEN con.nspname END AS collation_schema,
       oseq.relname AS owned_sequence,
       format_type(oseqdef.seqtypid, NULL) AS owned_sequence_type,
       NULLIF(oseq.oid IS NOT NULL AND oseq.relnamespace = c.relnamespace
              AND pg_get_expr(ad.adbin, 0) = 'nextval(' || quote_literal(oseq.oid::regclass::text) || '::regclass)', false) AS default_is_owned_sequence
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
JOIN pg_catalog.pg_type et ON et.oid = CASE WHEN t.typelem <> 0 AND t.typlen = -1 AND t.typcategory = 'A' AND t.typtype = 'b' THEN t.typelem ELSE t.oid END
JOIN pg_catalog.pg_namespace en ON en.oid = et.typnamespace
LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
LEFT JOIN pg_catalog.pg_namespace con ON con.oid = co.collnamespace
LEFT JOIN pg_catalog.pg_description dsc ON dsc.objoid = a.attrelid AND dsc.classoid = 'pg_catalog.pg_class'::regclass AND dsc.objsubid = a.attnum
LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
-- An identity column's sequence: pg_depend 'i' from the sequence to the column.
LEFT JOIN (
  SELECT sd.refobjid, sd.refobjsubid, seq.*
  FROM pg_catalog.pg_depend sd
  JOIN pg_catalog.pg_sequence seq ON seq.seqrelid = sd.objid
  WHERE sd.refclassid = 'pg_catalog.pg_class'::regclass AND sd.classid = 'pg_catalog.pg_class'::regclass AND sd.deptype = 'i'
) s ON s.refobjid = a.attrelid AND s.refobjsubid = a.attnum AND a.attidentity <> ''
-- A sequence owned by the column (serial): pg_depend 'a' from a sequence to the column. Only
-- sequences (indexes also depend on columns automatically), found from pg_sequence: scanning
-- pg_class for relkind 'S' cost ~3 ms at 500 tables.
LEFT JOIN (
  SELECT DISTINCT ON (od.refobjid, od.refobjsubid) od.refobjid, od.refobjsubid, s.oid, s.relname, s.relnamespace
  FROM pg_catalog.pg_sequence sq
  JOIN pg_catalog.pg_depend od ON od.objid = sq.seqrelid
  JOIN pg_catalog.pg_class s ON s.oid = sq.seqrelid
  WHERE od.refclassid = 'pg_catalog.pg_class'::regclass AND od.classid = 'pg_catalog.pg_class'::regclass AND od.deptype = 'a'
  ORDER BY od.refobjid, od.refobjsubid, s.oid
) oseq ON oseq.refobjid = a.attrelid AND oseq.refobjsubid = a.attnum AND a.attidentity = ''
LEFT JOIN pg_catalog.pg_sequence oseqdef ON oseqdef.seqrelid = oseq.oid
WHERE c.relkind IN ('r', 'p')
  AND a.attnum > 0 AND NOT a.attisdropped
  AND a.attinhcount = 0 -- a partition's columns belong to its parent
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'schemac')
  AND n.nspname !~ '^pg_(toast_)?temp_'
ORDER BY a.attrelid, a.attnum
