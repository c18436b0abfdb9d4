/**
 * Transactions: statements that cannot run inside a transaction block, transaction control in a
 * file the runner already wraps, and pairs of statements that only work (or only help) when they
 * are committed separately.
 */
import { nodeOf, statementOf, type PartitionCmd, type StatementNode } from '../nodes.js';
import { NO_HITS, type LintContext, type RuleDefinition } from '../rule.js';
import { isConcurrentReindex } from '../locks.js';
import { sameTransaction, type Transaction } from '../transactions.js';
import { alterTableCommands, nameKey, stringConstants } from '../tree.js';
import { hit, show, tableAt } from './support.js';

/** Why a statement in a transaction block is in one, for messages. */
function transactionOrigin(transaction: Transaction): string {
  if (transaction.kind !== 'block') return '';
  switch (transaction.origin) {
    case 'file':
      return "inside the migration's transaction (the runner wraps the file)";
    case 'step':
      return "inside its step's own transaction (`-- schemac:transaction own`)";
    case 'explicit':
      return 'inside BEGIN … COMMIT';
  }
}

/** The CONCURRENTLY operation a statement performs, if any. */
function concurrentOperation(node: StatementNode): string | undefined {
  if (statementOf(node, 'IndexStmt')?.concurrent) return 'CREATE INDEX CONCURRENTLY';
  if (statementOf(node, 'DropStmt')?.concurrent) return 'DROP INDEX CONCURRENTLY';
  const reindex = statementOf(node, 'ReindexStmt');
  if (reindex && isConcurrentReindex(reindex)) return 'REINDEX CONCURRENTLY';
  const detach = alterTableCommands(node)?.commands.some(
    (c) => c.subtype === 'AT_DetachPartition' && nodeOf<PartitionCmd>(c.def, 'PartitionCmd')?.concurrent,
  );
  return detach ? 'DETACH PARTITION … CONCURRENTLY' : undefined;
}

/** `BEGIN; CREATE INDEX CONCURRENTLY …; COMMIT;`, or CONCURRENTLY in a wrapped file's default step */
export const concurrentlyInTransaction: RuleDefinition = {
  code: 'SC636',
  name: 'concurrently-in-transaction',
  severity: 'error',
  category: 'transaction',
  title: 'CONCURRENTLY inside a transaction',
  why: 'CREATE INDEX CONCURRENTLY, DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY and DETACH PARTITION … CONCURRENTLY commit internally several times, so PostgreSQL refuses them inside a transaction block: the migration fails.',
  fix: 'Run the statement outside any transaction: in a schemac migration, put it in a step marked `-- schemac:transaction none`; in a hand-written file, move it out of BEGIN … COMMIT.',
  example: {
    bad: 'BEGIN;\nCREATE INDEX CONCURRENTLY users_email_idx ON public.users (email);\nCOMMIT;',
    good: 'CREATE INDEX CONCURRENTLY users_email_idx ON public.users (email);',
  },
  check: ({ node }, context) => {
    const operation = concurrentOperation(node);
    if (!operation || context.transaction.kind !== 'block') return NO_HITS;
    return [hit(`${operation} runs ${transactionOrigin(context.transaction)}; PostgreSQL refuses it in a transaction block`)];
  },
};

/** Statements PostgreSQL never runs in a transaction block, with how they are shown. */
function nonTransactional(node: StatementNode): string | undefined {
  const vacuum = statementOf(node, 'VacuumStmt');
  if (vacuum?.is_vacuumcmd) return 'VACUUM';
  if (statementOf(node, 'CreatedbStmt')) return 'CREATE DATABASE';
  if (statementOf(node, 'DropdbStmt')) return 'DROP DATABASE';
  if (statementOf(node, 'CreateTableSpaceStmt')) return 'CREATE TABLESPACE';
  if (statementOf(node, 'DropTableSpaceStmt')) return 'DROP TABLESPACE';
  if (statementOf(node, 'AlterSystemStmt')) return 'ALTER SYSTEM';
  const reindex = statementOf(node, 'ReindexStmt')?.kind;
  if (reindex === 'REINDEX_OBJECT_DATABASE' || reindex === 'REINDEX_OBJECT_SYSTEM') return reindex === 'REINDEX_OBJECT_DATABASE' ? 'REINDEX DATABASE' : 'REINDEX SYSTEM';
  return undefined;
}

/** `VACUUM public.events` in a wrapped migration */
export const cannotRunInTransaction: RuleDefinition = {
  code: 'SC637',
  name: 'cannot-run-in-transaction',
  severity: 'error',
  category: 'transaction',
  title: 'statement cannot run inside a transaction',
  why: 'VACUUM, CREATE/DROP DATABASE, CREATE/DROP TABLESPACE, ALTER SYSTEM, REINDEX DATABASE and REINDEX SYSTEM are refused inside a transaction block: the migration fails.',
  fix: 'Run the statement outside any transaction (a step marked `-- schemac:transaction none`), or better, outside schema migrations altogether (maintenance jobs, provisioning).',
  example: { bad: 'BEGIN;\nVACUUM (ANALYZE) public.events;\nCOMMIT;', good: 'ANALYZE public.events;' },
  check: ({ node }, context) => {
    const statement = nonTransactional(node);
    if (!statement || context.transaction.kind !== 'block') return NO_HITS;
    return [hit(`${statement} runs ${transactionOrigin(context.transaction)}; PostgreSQL refuses it in a transaction block`)];
  },
};

const TRANSACTION_STATEMENTS: Readonly<Record<string, string>> = {
  TRANS_STMT_BEGIN: 'BEGIN',
  TRANS_STMT_START: 'START TRANSACTION',
  TRANS_STMT_COMMIT: 'COMMIT',
  TRANS_STMT_ROLLBACK: 'ROLLBACK',
  TRANS_STMT_SAVEPOINT: 'SAVEPOINT',
  TRANS_STMT_RELEASE: 'RELEASE SAVEPOINT',
  TRANS_STMT_ROLLBACK_TO: 'ROLLBACK TO SAVEPOINT',
  TRANS_STMT_PREPARE: 'PREPARE TRANSACTION',
  TRANS_STMT_COMMIT_PREPARED: 'COMMIT PREPARED',
  TRANS_STMT_ROLLBACK_PREPARED: 'ROLLBACK PREPARED',
};

/** `COMMIT;` in a schemac migration file */
export const transactionControlInWrappedFile: RuleDefinition = {
  code: 'SC638',
  name: 'transaction-control-in-wrapped-file',
  severity: 'error',
  category: 'transaction',
  title: 'transaction control in a wrapped migration',
  why: 'The runner wraps the file in a transaction and commits or rolls it back itself. A COMMIT in the file ends that transaction early, so a later failure leaves the migration half applied and unrecorded; a BEGIN only warns, and savepoints confuse the runner\'s error handling.',
  fix: 'Remove the transaction statements. To run part of a schemac migration outside the transaction or in its own, mark the step with `-- schemac:transaction none` or `-- schemac:transaction own`.',
  example: {
    bad: '-- schemac migration: add_index (up)\nCOMMIT;\nCREATE INDEX CONCURRENTLY users_email_idx ON public.users (email);',
    good: '-- schemac migration: add_index (up)\n-- schemac:transaction none\nCREATE INDEX CONCURRENTLY users_email_idx ON public.users (email);',
  },
  check: ({ node }, context) => {
    const kind = statementOf(node, 'TransactionStmt')?.kind;
    if (!kind || !context.wrapped) return NO_HITS;
    return [hit(`${TRANSACTION_STATEMENTS[kind] ?? 'transaction control'} in a file the runner already runs in a transaction`)];
  },
};

/** `ALTER TABLE t ADD CONSTRAINT c … NOT VALID; ALTER TABLE t VALIDATE CONSTRAINT c;` in one transaction */
export const validateInSameTransaction: RuleDefinition = {
  code: 'SC639',
  name: 'validate-in-same-transaction',
  severity: 'error',
  category: 'transaction',
  title: 'VALIDATE in the same transaction as its NOT VALID add',
  why: 'Adding a constraint NOT VALID takes a short ACCESS EXCLUSIVE (or SHARE ROW EXCLUSIVE) lock that is held until the transaction commits. Validating in the same transaction scans the table while that lock is still held: exactly the blocking scan NOT VALID was meant to avoid.',
  fix: 'Commit between the two: in a schemac migration, put the VALIDATE in a step marked `-- schemac:transaction own` (or in a later migration); in a hand-written file, outside the BEGIN … COMMIT of the add.',
  example: {
    bad: '-- schemac migration: orders_total_positive (up)\n\n-- Step 1/2: add check total_positive on public.orders\nALTER TABLE public.orders ADD CONSTRAINT total_positive CHECK (total > 0) NOT VALID;\n\n-- Step 2/2: validate total_positive on public.orders\nALTER TABLE public.orders VALIDATE CONSTRAINT total_positive;',
    good: '-- schemac migration: orders_total_positive (up)\n\n-- Step 1/2: add check total_positive on public.orders\nALTER TABLE public.orders ADD CONSTRAINT total_positive CHECK (total > 0) NOT VALID;\n\n-- Step 2/2: validate total_positive on public.orders\n-- schemac:transaction own\nALTER TABLE public.orders VALIDATE CONSTRAINT total_positive;',
  },
  check: ({ node }, context) => {
    const alter = alterTableCommands(node);
    if (!alter) return NO_HITS;
    return alter.commands
      .filter((c) => c.subtype === 'AT_ValidateConstraint' && c.name && isSameTransaction(context, context.file.notValidConstraint(alter.table, c.name)))
      .map((c) => hit(`validates ${c.name} on ${show(alter.table)} in the transaction that added it NOT VALID: the scan runs under the add's lock`, { path: tableAt(alter.table) }));
  },
};

const isSameTransaction = (context: LintContext, added: Transaction | undefined): boolean => added !== undefined && sameTransaction(added, context.transaction);

/** `ALTER TYPE status ADD VALUE 'archived'; UPDATE orders SET status = 'archived' …;` in one transaction */
export const enumValueUsedInSameTransaction: RuleDefinition = {
  code: 'SC640',
  name: 'enum-value-used-in-same-transaction',
  severity: 'error',
  category: 'transaction',
  title: 'new enum value used in the transaction that added it',
  why: 'A value added with ALTER TYPE … ADD VALUE cannot be used until the transaction that added it commits: PostgreSQL fails with "unsafe use of new value". The linter treats any string constant equal to the new value as a use.',
  fix: 'Commit between adding the value and using it: in a schemac migration, put ADD VALUE in a step marked `-- schemac:transaction own` (or the use in a later migration); in a hand-written file, outside the BEGIN … COMMIT of the use.',
  example: {
    bad: "-- schemac migration: archive_orders (up)\n\n-- Step 1/2: add value archived to public.order_status\nALTER TYPE public.order_status ADD VALUE 'archived';\n\n-- Step 2/2: archive old orders\nUPDATE public.orders SET status = 'archived' WHERE closed_at < '2020-01-01';",
    good: "-- schemac migration: archive_orders (up)\n\n-- Step 1/2: add value archived to public.order_status\n-- schemac:transaction own\nALTER TYPE public.order_status ADD VALUE 'archived';\n\n-- Step 2/2: archive old orders\nUPDATE public.orders SET status = 'archived' WHERE closed_at < '2020-01-01';",
  },
  check: ({ node }, context) => {
    if (context.transaction.kind !== 'block' || statementOf(node, 'AlterEnumStmt')) return NO_HITS;
    const constants = new Set(stringConstants(node));
    return context.file.addedEnumValues
      .filter((added) => constants.has(added.value) && sameTransaction(added.transaction, context.transaction))
      .map((added) => hit(`uses '${added.value}', added to enum ${nameKey(added.type)} in this same transaction: PostgreSQL rejects it until that transaction commits`));
  },
};

export const TRANSACTION_RULES: readonly RuleDefinition[] = [
  concurrentlyInTransaction,
  cannotRunInTransaction,
  transactionControlInWrappedFile,
  validateInSameTransaction,
  enumValueUsedInSameTransaction,
];
