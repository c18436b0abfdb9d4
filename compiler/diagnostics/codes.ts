/**
 * The diagnostics catalogue. Codes are stable: once released a code keeps its meaning forever.
 * Each has a docs page section in docs/diagnostics.md. Phases return `Diagnostic` values; only the
 * CLI prints them.
 */
export const DIAGNOSTIC_CODES = {
  // Configuration and loading
  SC100: { title: 'configuration file not found', hint: 'Run `schemac init`, or pass --config <file>.' },
  SC101: { title: 'invalid configuration', hint: 'Check schemac.config.ts against the documented shape (defineConfig).' },
  SC102: { title: 'unknown project', hint: 'Pass --project with one of the project names in the config.' },
  SC103: { title: 'schema module failed to load', hint: 'Fix the TypeScript error in the declaration file.' },
  SC104: { title: 'malformed declaration', hint: 'Use the schemac DSL helpers (table(), column types) to build declarations.' },
  // Model validation
  SC201: { title: 'duplicate name', hint: 'Names of tables, indexes and constraints must be unique in their scope; rename one.' },
  SC202: { title: 'unknown foreign key target', hint: 'Declare the referenced table or fix the reference.' },
  SC203: { title: 'unknown column', hint: 'Reference a column that the table declares.' },
  SC204: { title: 'identifier too long', hint: 'PostgreSQL truncates identifiers to 63 bytes; choose a shorter name.' },
  SC205: { title: 'foreign key column mismatch', hint: 'A foreign key needs as many referencing as referenced columns, of matching types.' },
  SC206: { title: 'foreign key target is not unique', hint: 'Reference the primary key or a unique constraint of the target table.' },
  SC207: { title: 'invalid SQL expression', hint: 'Write the expression as PostgreSQL accepts it (sql`...`).' },
  SC208: { title: 'unknown type', hint: 'Declare the enum/type (and export it) or fix the type reference.' },
  SC209: { title: 'invalid rename', hint: 'renamedFrom must name the previous name of this object, and no other object may use it.' },
  SC210: { title: 'invalid identity or generated column', hint: 'Identity columns need an integer type and no default; generated columns take no default.' },
  SC211: { title: 'extension type without extension', hint: 'Declare the extension (e.g. extension("citext")) in the schema.' },
  SC212: { title: 'invalid enum', hint: 'Enum values must be non-empty and unique.' },
  SC213: { title: 'empty name', hint: 'Give the object a non-empty name.' },
  SC214: { title: 'conflicting primary key', hint: 'Declare the primary key once: on the column or on the table, not both.' },
  SC217: { title: 'unique key without the partition key', hint: 'PostgreSQL requires primary keys and unique constraints of a partitioned table to include every partition key column.' },
  SC218: { title: 'invalid partition', hint: 'Partitions need a partitioned parent, non-overlapping bounds and at most one DEFAULT partition.' },
  SC219: { title: 'invalid policy', hint: 'Policies need rowLevelSecurity on their table; INSERT policies take only withCheck, SELECT and DELETE only using.' },
  SC220: { title: 'PostgreSQL rejects the declaration', hint: 'schemac built the declared schema in an embedded PostgreSQL and it refused this object; fix the declaration as the message says.' },
  SC221: { title: 'declarations not checked with PostgreSQL', hint: 'The embedded PostgreSQL could not build the schema (an extension it lacks?); the declarations were checked by schemac alone.' },
  SC222: { title: 'invalid grant', hint: 'Name the roles, and privileges the object has (tables: SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER; sequences: USAGE, SELECT, UPDATE; schemas: USAGE, CREATE; routines: EXECUTE). ALL is not accepted: list them.' },
  SC216: { title: 'unknown relation in a view', hint: 'Declare the table or view the query reads, or qualify the name with its schema.' },
  SC215: { title: 'invalid index', hint: 'Only btree indexes are ordered or unique; INCLUDE needs btree, gist or spgist; NULLS NOT DISTINCT needs a unique index.' },
  // Migrations folder
  SC301: { title: 'migrations were modified', hint: 'migrations.sum does not match the migration files. Restore the files, or if the edit is intended run `schemac generate --rehash`.' },
  SC302: { title: 'malformed migrations folder', hint: 'Each migration folder needs up.sql and down.sql; do not edit generated/ by hand.' },
  SC303: { title: 'invalid snapshot', hint: 'generated/snapshot.json is missing or unreadable; restore it from version control.' },
  SC304: { title: 'applied migration was modified', hint: 'The file differs from what was applied. Restore it; write a new migration for new changes.' },
  SC305: { title: 'applied migration is missing', hint: 'A migration recorded as applied is not in the folder. Restore it from version control.' },
  SC306: { title: 'migration out of order', hint: 'A pending migration is older than the newest applied one (merged branches?). Regenerate it on top: delete it and run `schemac generate`.' },
  SC307: { title: 'irreversible migration', hint: 'The rollback would lose data or cannot be expressed; pass --force to run it anyway.' },
  // Database
  SC401: { title: 'cannot connect to the database', hint: 'Check the URL, that the server is running and reachable.' },
  SC402: { title: 'authentication failed', hint: 'Check the user name and password in the URL or PG* variables.' },
  SC403: { title: 'database not ready in time', hint: 'The server kept refusing connections; check that it is starting, or raise --wait.' },
  SC404: { title: 'statement failed', hint: 'The migration was rolled back; nothing was applied. Fix the cause and re-run.' },
  SC405: { title: 'migration lock busy', hint: 'Another schemac apply is running against this database; wait for it to finish.' },
  SC406: { title: 'database error', hint: 'See the message from PostgreSQL.' },
  // Drift
  SC501: { title: 'drift', hint: 'The database differs from the declarations: generate and apply a migration, or fix the database.' },
  // Internal
  SC900: { title: 'generated SQL does not parse', hint: 'This is a schemac bug; please report it with the declaration that triggered it.' },
  SC901: { title: 'usage error', hint: 'See --help.' },
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
