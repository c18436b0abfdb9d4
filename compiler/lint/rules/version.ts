/**
 * Syntax that the target PostgreSQL version does not have yet. The linter reads SQL with the
 * PostgreSQL 16 grammar, so it can tell when a file uses something newer than the server it will
 * run on (features newer than 16 do not parse at all).
 */
import { nodeOf, statementOf, type AlterTableCmd, type StatementNode } from '../nodes.js';
import { NO_HITS, type RuleDefinition } from '../rule.js';
import { isConcurrentReindex } from '../locks.js';
import { alterTableCommands, descendants } from '../tree.js';

interface Feature {
  readonly minimum: number;
  readonly label: string;
  readonly usedIn: (node: StatementNode) => boolean;
}

const commands = (node: StatementNode): readonly AlterTableCmd[] => alterTableCommands(node)?.commands ?? [];

const hasNode = (node: StatementNode, types: readonly string[]): boolean => {
  for (const child of descendants(node)) if (types.some((type) => nodeOf(child, type) !== undefined)) return true;
  return false;
};

const SQL_JSON_NODES = ['JsonIsPredicate', 'JsonObjectConstructor', 'JsonArrayConstructor', 'JsonArrayQueryConstructor', 'JsonObjectAgg', 'JsonArrayAgg'];

/** Newest first: findings list missing features in this order. */
const FEATURES: readonly Feature[] = [
  { minimum: 16, label: 'SQL/JSON constructors and IS JSON', usedIn: (node) => hasNode(node, SQL_JSON_NODES) },
  { minimum: 15, label: 'MERGE', usedIn: (node) => statementOf(node, 'MergeStmt') !== undefined },
  {
    minimum: 15,
    label: 'UNIQUE NULLS NOT DISTINCT',
    usedIn: (node) => [...descendants(node)].some((n) => (n as { nulls_not_distinct?: boolean }).nulls_not_distinct === true),
  },
  { minimum: 15, label: 'ALTER TABLE … SET ACCESS METHOD', usedIn: (node) => commands(node).some((c) => c.subtype === 'AT_SetAccessMethod') },
  {
    minimum: 14,
    label: 'DETACH PARTITION … CONCURRENTLY',
    usedIn: (node) => commands(node).some((c) => c.subtype === 'AT_DetachPartition' && nodeOf<{ concurrent?: boolean }>(c.def, 'PartitionCmd')?.concurrent),
  },
  {
    minimum: 12,
    label: 'REINDEX CONCURRENTLY',
    usedIn: (node) => {
      const reindex = statementOf(node, 'ReindexStmt');
      return reindex !== undefined && isConcurrentReindex(reindex);
    },
  },
];

/** `MERGE INTO …` on PostgreSQL 14 */
export const syntaxNeedsNewerPostgres: RuleDefinition = {
  code: 'SC647',
  name: 'syntax-needs-newer-postgres',
  severity: 'error',
  category: 'version',
  title: 'syntax not available on the target PostgreSQL version',
  why: 'The statement uses syntax added in a later PostgreSQL version than the one the migration will run on (MERGE and NULLS NOT DISTINCT need 15, SQL/JSON constructors 16, DETACH … CONCURRENTLY 14): it fails with a syntax error in production even if it passed on a newer development server.',
  fix: 'Rewrite the statement for the target version (INSERT … ON CONFLICT instead of MERGE, a partial unique index instead of NULLS NOT DISTINCT), or upgrade the server first and raise the target version.',
  example: {
    bad: 'CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON public.users (email) NULLS NOT DISTINCT;  -- target: PostgreSQL 14',
    good: 'CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON public.users (email);',
  },
  check: ({ node }, context) => {
    const missing = FEATURES.filter((f) => f.minimum > context.postgresVersion && f.usedIn(node));
    if (missing.length === 0) return NO_HITS;
    return missing.map((f) => ({ message: `${f.label} needs PostgreSQL ${f.minimum} or later; the target is PostgreSQL ${context.postgresVersion}` }));
  },
};

export const VERSION_RULES: readonly RuleDefinition[] = [syntaxNeedsNewerPostgres];
