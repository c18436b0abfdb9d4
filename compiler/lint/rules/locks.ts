/**
 * Long locks: statements that scan a table or build an index while holding a lock that blocks
 * writes (or reads), when a variant exists that does not. Tables created earlier in the same file
 * are exempt: nobody else uses them yet.
 */
import { nodeOf, statementOf, type Constraint, type RangeVar, type StatementNode } from '../nodes.js';
import { NO_HITS, type LintContext, type RuleDefinition, type RuleHit } from '../rule.js';
import {
  addedColumn,
  addedConstraint,
  alterTableCommands,
  columnConstraints,
  nameFromParts,
  objectName,
  relationName,
  strings,
  type QualifiedName,
} from '../tree.js';
import { columnAt, hit, isExisting, show, tableAt } from './support.js';

/** The constraints an ALTER TABLE adds to a table the file did not create. */
function constraintsAddedToExisting(node: StatementNode, context: LintContext): { table: QualifiedName; constraint: Constraint }[] {
  const alter = alterTableCommands(node);
  if (!alter || !isExisting(context, alter.table)) return [];
  return alter.commands.flatMap((c) => {
    const constraint = addedConstraint(c);
    return constraint ? [{ table: alter.table, constraint }] : [];
  });
}

/**
 * `CREATE INDEX … ON ONLY parent`: on a partitioned table this only records an (invalid) index
 * in the catalog, to which the partitions' indexes, built CONCURRENTLY, are then attached.
 */
export const isOnOnly = (relation: RangeVar): boolean => relation.inh !== true;

const named = (constraint: Constraint): string => (constraint.conname ? `${constraint.conname} ` : '');

/** `CREATE INDEX users_email_idx ON public.users (email)` */
export const indexWithoutConcurrently: RuleDefinition = {
  code: 'SC618',
  name: 'index-without-concurrently',
  severity: 'error',
  category: 'lock',
  title: 'index created without CONCURRENTLY',
  why: 'CREATE INDEX without CONCURRENTLY holds a SHARE lock on the table for the whole build: every INSERT, UPDATE and DELETE waits, for minutes on a large table. (`CREATE INDEX … ON ONLY` a partitioned table builds nothing and is not reported.)',
  fix: 'Use CREATE INDEX CONCURRENTLY, in a step that runs outside a transaction (`-- schemac:transaction none`). If it fails it leaves an INVALID index: drop it and retry. On a partitioned table, create the index ON ONLY the parent, CONCURRENTLY on each partition, and ATTACH them.',
  example: {
    bad: 'CREATE INDEX users_email_idx ON public.users (email);',
    good: '-- schemac:transaction none\nCREATE INDEX CONCURRENTLY users_email_idx ON public.users (email);',
  },
  check: ({ node }, context) => {
    const index = statementOf(node, 'IndexStmt');
    if (!index || index.concurrent || isOnOnly(index.relation)) return NO_HITS;
    const table = relationName(index.relation);
    if (!isExisting(context, table)) return NO_HITS;
    return [hit(`creates index ${index.idxname ?? '(unnamed)'} on ${show(table)} without CONCURRENTLY: writes to the table wait until the index is built`, { path: tableAt(table) })];
  },
};

/** `DROP INDEX public.users_email_idx` */
export const dropIndexWithoutConcurrently: RuleDefinition = {
  code: 'SC619',
  name: 'drop-index-without-concurrently',
  severity: 'warning',
  category: 'lock',
  title: 'index dropped without CONCURRENTLY',
  why: 'DROP INDEX takes an ACCESS EXCLUSIVE lock on the index\'s table. The drop itself is quick, but while it waits for running queries to finish, every new query on the table queues behind it.',
  fix: 'Use DROP INDEX CONCURRENTLY (one index per statement, no CASCADE), in a step that runs outside a transaction (`-- schemac:transaction none`).',
  example: { bad: 'DROP INDEX public.users_email_idx;', good: '-- schemac:transaction none\nDROP INDEX CONCURRENTLY public.users_email_idx;' },
  check: ({ node }, context) => {
    const drop = statementOf(node, 'DropStmt');
    if (drop?.removeType !== 'OBJECT_INDEX' || drop.concurrent) return NO_HITS;
    return (drop.objects ?? [])
      .map((o) => objectName(o))
      .filter((index) => !context.file.isNewIndex(index))
      .map((index) => hit(`drops index ${show(index)} without CONCURRENTLY: its table is locked (ACCESS EXCLUSIVE) while the drop waits and runs`, { path: `index:${show(index)}` }));
  },
};

/** `ALTER TABLE public.orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES public.users (id)` */
export const foreignKeyWithoutNotValid: RuleDefinition = {
  code: 'SC620',
  name: 'foreign-key-without-not-valid',
  severity: 'error',
  category: 'lock',
  title: 'foreign key added without NOT VALID',
  why: 'Adding a foreign key checks every existing row while holding SHARE ROW EXCLUSIVE locks on both tables: writes to the table and to the referenced table wait for the whole scan.',
  fix: 'Add the constraint NOT VALID (instant; new rows are checked from then on), then VALIDATE CONSTRAINT in a later transaction (`-- schemac:transaction own`): validation takes only a SHARE UPDATE EXCLUSIVE lock, which does not block reads or writes.',
  example: {
    bad: 'ALTER TABLE public.orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES public.users (id);',
    good: 'ALTER TABLE public.orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES public.users (id) NOT VALID;\n-- schemac:transaction own\nALTER TABLE public.orders VALIDATE CONSTRAINT orders_user_fk;',
  },
  check: ({ node }, context) =>
    constraintsAddedToExisting(node, context)
      .filter(({ constraint }) => constraint.contype === 'CONSTR_FOREIGN' && !constraint.skip_validation)
      .map(({ table, constraint }) => {
        const target = constraint.pktable ? show(relationName(constraint.pktable)) : 'the referenced table';
        return hit(`adds foreign key ${named(constraint)}on ${show(table)} and validates it at once: writes to ${show(table)} and ${target} wait while every row is checked`, { path: tableAt(table) });
      }),
};

/** `ALTER TABLE public.orders ADD CONSTRAINT total_positive CHECK (total > 0)` */
export const checkWithoutNotValid: RuleDefinition = {
  code: 'SC621',
  name: 'check-without-not-valid',
  severity: 'error',
  category: 'lock',
  title: 'check constraint added without NOT VALID',
  why: 'Adding a CHECK constraint (to a table, or to a domain used by tables) scans every row while holding an ACCESS EXCLUSIVE lock: no reads or writes until the scan ends.',
  fix: 'Add the constraint NOT VALID (instant; new rows are checked from then on), then VALIDATE CONSTRAINT in a later transaction (`-- schemac:transaction own`), which takes only a SHARE UPDATE EXCLUSIVE lock.',
  example: {
    bad: 'ALTER TABLE public.orders ADD CONSTRAINT total_positive CHECK (total > 0);',
    good: 'ALTER TABLE public.orders ADD CONSTRAINT total_positive CHECK (total > 0) NOT VALID;\n-- schemac:transaction own\nALTER TABLE public.orders VALIDATE CONSTRAINT total_positive;',
  },
  check: ({ node }, context) => {
    const tableHits = constraintsAddedToExisting(node, context)
      .filter(({ constraint }) => constraint.contype === 'CONSTR_CHECK' && !constraint.skip_validation)
      .map(({ table, constraint }) => hit(`adds check constraint ${named(constraint)}on ${show(table)} and validates it at once: the table is scanned under an ACCESS EXCLUSIVE lock`, { path: tableAt(table) }));
    return [...tableHits, ...domainCheckHits(node, context)];
  },
};

function domainCheckHits(node: StatementNode, context: LintContext): RuleHit[] {
  const domain = statementOf(node, 'AlterDomainStmt');
  const constraint = nodeOf<Constraint>(domain?.def, 'Constraint');
  if (!domain || domain.subtype !== 'C' || constraint?.contype !== 'CONSTR_CHECK' || constraint.skip_validation) return [];
  const name = nameFromParts(strings(domain.typeName));
  if (context.file.isNew('type', name)) return [];
  return [hit(`adds check constraint ${named(constraint)}to domain ${show(name)} and validates it at once: every column of that type is scanned under locks that block writes`)];
}

/** `ALTER TABLE public.users ALTER COLUMN email SET NOT NULL` */
export const setNotNull: RuleDefinition = {
  code: 'SC622',
  name: 'set-not-null',
  severity: 'error',
  category: 'lock',
  title: 'SET NOT NULL scans the table',
  why: 'SET NOT NULL scans the whole table to prove there are no NULLs while holding an ACCESS EXCLUSIVE lock: no reads or writes until it is done. PostgreSQL skips the scan when a validated CHECK (column IS NOT NULL) constraint already proves it.',
  fix: 'Add `CHECK (col IS NOT NULL) NOT VALID`; VALIDATE CONSTRAINT it in its own transaction (`-- schemac:transaction own`; SHARE UPDATE EXCLUSIVE lock only); then SET NOT NULL (no scan) and drop the now redundant check.',
  example: {
    bad: 'ALTER TABLE public.users ALTER COLUMN email SET NOT NULL;',
    good: 'ALTER TABLE public.users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;\n-- schemac:transaction own\nALTER TABLE public.users VALIDATE CONSTRAINT users_email_not_null;\nALTER TABLE public.users ALTER COLUMN email SET NOT NULL;\nALTER TABLE public.users DROP CONSTRAINT users_email_not_null;',
  },
  check: ({ node }, context) => {
    const alter = alterTableCommands(node);
    if (!alter || !isExisting(context, alter.table)) return NO_HITS;
    return alter.commands
      .filter((c) => c.subtype === 'AT_SetNotNull' && c.name && !context.file.hasValidNotNullCheck(alter.table, c.name))
      .map((c) =>
        hit(`sets ${show(alter.table)}.${c.name} NOT NULL: the table is scanned under an ACCESS EXCLUSIVE lock`, {
          path: columnAt(alter.table, c.name!),
          hint: setNotNullHint(alter.table, c.name!, context.postgresVersion),
        }),
      );
  },
};

function setNotNullHint(table: QualifiedName, column: string, postgresVersion: number): string {
  const check = `${table.name}_${column}_not_null`;
  const recipe =
    `First \`ALTER TABLE ${show(table)} ADD CONSTRAINT ${check} CHECK (${column} IS NOT NULL) NOT VALID\`, then ` +
    `\`VALIDATE CONSTRAINT ${check}\` in its own transaction (\`-- schemac:transaction own\`), then SET NOT NULL (PostgreSQL skips the scan) and drop the check.`;
  if (postgresVersion < 18) return recipe;
  return `${recipe} On PostgreSQL 18 you can instead \`ADD CONSTRAINT ${check} NOT NULL ${column} NOT VALID\` and validate it later (the linter's PostgreSQL 16 grammar cannot read that form yet).`;
}

/** `ALTER TABLE public.users ADD CONSTRAINT users_email_key UNIQUE (email)` */
export const constraintWithoutUsingIndex: RuleDefinition = {
  code: 'SC623',
  name: 'constraint-without-using-index',
  severity: 'error',
  category: 'lock',
  title: 'primary key or unique constraint builds its index under lock',
  why: 'ADD PRIMARY KEY / ADD UNIQUE (also inline on ADD COLUMN) builds the index while holding an ACCESS EXCLUSIVE lock on the table: no reads or writes until the build ends. A primary key also sets its columns NOT NULL, scanning the table.',
  fix: 'Build the index first with CREATE UNIQUE INDEX CONCURRENTLY (outside a transaction), then `ADD CONSTRAINT … PRIMARY KEY USING INDEX …` or `UNIQUE USING INDEX …`, which is instant. For a primary key, make the columns NOT NULL first (see SC622).',
  example: {
    bad: 'ALTER TABLE public.users ADD CONSTRAINT users_email_key UNIQUE (email);',
    good: '-- schemac:transaction none\nCREATE UNIQUE INDEX CONCURRENTLY users_email_key ON public.users (email);\n\nALTER TABLE public.users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;',
  },
  check: ({ node }, context) => {
    const tableConstraints = constraintsAddedToExisting(node, context)
      .filter(({ constraint }) => isKey(constraint) && !constraint.indexname)
      .map(({ table, constraint }) => hit(`adds ${keyKind(constraint)} ${named(constraint)}on ${show(table)}, building its index under an ACCESS EXCLUSIVE lock`, { path: tableAt(table) }));
    return [...tableConstraints, ...inlineKeyHits(node, context)];
  },
};

const isKey = (constraint: Constraint): boolean => constraint.contype === 'CONSTR_PRIMARY' || constraint.contype === 'CONSTR_UNIQUE';
const keyKind = (constraint: Constraint): string => (constraint.contype === 'CONSTR_PRIMARY' ? 'primary key' : 'unique constraint');

/** `ALTER TABLE t ADD COLUMN code text UNIQUE`. */
function inlineKeyHits(node: StatementNode, context: LintContext): RuleHit[] {
  const alter = alterTableCommands(node);
  if (!alter || !isExisting(context, alter.table)) return [];
  return alter.commands.flatMap((command) => {
    const column = addedColumn(command);
    const key = column && columnConstraints(column).find(isKey);
    if (!column || !key) return [];
    return [hit(`adds column ${show(alter.table)}.${column.colname} with an inline ${keyKind(key)}, building its index under an ACCESS EXCLUSIVE lock`, { path: columnAt(alter.table, column.colname ?? '') })];
  });
}

/** `ALTER TABLE public.bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&)` */
export const exclusionConstraint: RuleDefinition = {
  code: 'SC624',
  name: 'add-exclusion-constraint',
  severity: 'warning',
  category: 'lock',
  title: 'exclusion constraint added to an existing table',
  why: 'ADD CONSTRAINT … EXCLUDE builds its index and checks every row under an ACCESS EXCLUSIVE lock. Unlike unique constraints there is no USING INDEX or NOT VALID form to do it online.',
  fix: 'Add it in a maintenance window, or enforce the rule another way until then (a trigger for new rows). On a small table, suppress this finding with its size as the reason.',
  example: {
    bad: 'ALTER TABLE public.bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&);',
    good: '-- schemac:allow SC624 bookings holds ~300 rows; build measured at 15 ms\nALTER TABLE public.bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&);',
  },
  check: ({ node }, context) =>
    constraintsAddedToExisting(node, context)
      .filter(({ constraint }) => constraint.contype === 'CONSTR_EXCLUSION')
      .map(({ table, constraint }) => hit(`adds exclusion constraint ${named(constraint)}on ${show(table)}: its index is built and every row checked under an ACCESS EXCLUSIVE lock`, { path: tableAt(table) })),
};

export const LOCK_RULES: readonly RuleDefinition[] = [
  indexWithoutConcurrently,
  dropIndexWithoutConcurrently,
  foreignKeyWithoutNotValid,
  checkWithoutNotValid,
  setNotNull,
  constraintWithoutUsingIndex,
  exclusionConstraint,
];
