/**
 * Where each statement of a file runs: inside a transaction block (the runner's wrapping
 * transaction, a step's own transaction, or an explicit BEGIN … COMMIT), or on its own.
 *
 * Wrapped files (schemac migrations) run in one transaction except for steps marked
 * `-- schemac:transaction none` (no transaction) and `-- schemac:transaction own` (a transaction of
 * their own; the runner commits before and after, so the statements after it start a new one).
 * Unwrapped files run each statement on its own unless it is between BEGIN and COMMIT/ROLLBACK.
 */
import { statementOf, type StatementNode } from './nodes.js';

export type TransactionOrigin = 'file' | 'step' | 'explicit';

export type Transaction =
  /** Not inside a transaction block: the statement commits on its own. */
  | { readonly kind: 'autocommit' }
  /** Inside the transaction block `id` (unique in the file). */
  | { readonly kind: 'block'; readonly id: number; readonly origin: TransactionOrigin };

/** How a schemac migration step runs, from its `-- schemac:transaction` directive. */
export type StepMode = 'file' | 'none' | 'own';

export interface PlacedStatement {
  readonly node: StatementNode;
  /** Steps are numbered in file order; statements of one step share its mode. */
  readonly step: number;
  readonly mode: StepMode;
}

export const AUTOCOMMIT: Transaction = { kind: 'autocommit' };

export function sameTransaction(a: Transaction, b: Transaction): boolean {
  return a.kind === 'block' && b.kind === 'block' && a.id === b.id;
}

/** The transaction of every statement, in order. */
export function assignTransactions(statements: readonly PlacedStatement[], wrapped: boolean): Transaction[] {
  return wrapped ? wrappedTransactions(statements) : explicitTransactions(statements);
}

function wrappedTransactions(statements: readonly PlacedStatement[]): Transaction[] {
  let next = 0;
  let fileBlock: Transaction | undefined;
  let stepBlock: { step: number; transaction: Transaction } | undefined;
  return statements.map(({ step, mode }) => {
    switch (mode) {
      case 'none':
        fileBlock = undefined;
        return AUTOCOMMIT;
      case 'own':
        fileBlock = undefined;
        if (stepBlock?.step !== step) stepBlock = { step, transaction: { kind: 'block', id: next++, origin: 'step' } };
        return stepBlock.transaction;
      case 'file':
        fileBlock ??= { kind: 'block', id: next++, origin: 'file' };
        return fileBlock;
    }
  });
}

const OPENS = new Set(['TRANS_STMT_BEGIN', 'TRANS_STMT_START']);
const CLOSES = new Set(['TRANS_STMT_COMMIT', 'TRANS_STMT_ROLLBACK', 'TRANS_STMT_PREPARE']);

function explicitTransactions(statements: readonly PlacedStatement[]): Transaction[] {
  let next = 0;
  let open: Transaction | undefined;
  return statements.map(({ node }) => {
    const kind = statementOf(node, 'TransactionStmt')?.kind ?? '';
    if (OPENS.has(kind) && !open) open = { kind: 'block', id: next++, origin: 'explicit' };
    const transaction = open ?? AUTOCOMMIT;
    if (CLOSES.has(kind)) open = undefined;
    return transaction;
  });
}
