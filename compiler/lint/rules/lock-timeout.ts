/**
 * A statement that needs a lock which blocks reads or writes waits for every running query on the
 * table; meanwhile every later query queues behind it, and the application stalls. lock_timeout
 * bounds that wait. schemac's runner sets it for schemac migrations; hand-written files must.
 */
import { NO_HITS, type LintContext, type RuleDefinition } from '../rule.js';
import { isStrong, tableLocks, type TableLock } from '../locks.js';
import { hit, isExisting, show, tableAt } from './support.js';

const onExistingRelation = (lock: TableLock, context: LintContext): boolean =>
  lock.index ? !context.file.isNewIndex(lock.relation) : isExisting(context, lock.relation);

/** `ALTER TABLE public.users ADD COLUMN note text` with no `SET lock_timeout` before it */
export const missingLockTimeout: RuleDefinition = {
  code: 'SC641',
  name: 'missing-lock-timeout',
  severity: 'warning',
  category: 'lock-timeout',
  title: 'strong lock without lock_timeout',
  why: 'Even an instant ALTER TABLE needs its lock first: while it waits behind a long-running query, every new query on the table queues behind it and the application stalls. Without lock_timeout that wait is unbounded. Not reported for schemac migration files: schemac apply sets lock_timeout itself.',
  fix: "Set a lock timeout at the top of the file (`SET lock_timeout = '2s';`) and retry the migration when it times out.",
  example: { bad: 'ALTER TABLE public.users ADD COLUMN note text;', good: "SET lock_timeout = '2s';\nALTER TABLE public.users ADD COLUMN note text;" },
  check: ({ node }, context) => {
    if (context.schemacFile || context.file.lockTimeoutSet) return NO_HITS;
    const lock = tableLocks(node).find((l) => isStrong(l.mode) && onExistingRelation(l, context));
    if (!lock) return NO_HITS;
    const target = lock.index ? `the table of index ${show(lock.relation)}` : show(lock.relation);
    return [hit(`takes ${/^[AEIOU]/.test(lock.mode) ? 'an' : 'a'} ${lock.mode} lock on ${target} with no lock_timeout set: while it waits, every query on the table queues behind it`, lock.index ? {} : { path: tableAt(lock.relation) })];
  },
};

export const LOCK_TIMEOUT_RULES: readonly RuleDefinition[] = [missingLockTimeout];
