/**
 * The rule catalogue, in code order. Codes are stable forever: a new rule takes the next free
 * code and is appended; a retired rule keeps its code reserved.
 */
import type { LintRule, RuleDefinition } from '../rule.js';
import { COMPATIBILITY_RULES } from './compatibility.js';
import { DATA_RULES } from './data.js';
import { DESIGN_RULES } from './design.js';
import { DESTRUCTIVE_RULES } from './destructive.js';
import { LOCK_TIMEOUT_RULES } from './lock-timeout.js';
import { LOCK_RULES } from './locks.js';
import { MAINTENANCE_RULES } from './maintenance.js';
import { REWRITE_RULES } from './rewrites.js';
import { TRANSACTION_RULES } from './transactions.js';
import { VERSION_RULES } from './version.js';

/** The rules that check statements. */
export const STATEMENT_RULES: readonly RuleDefinition[] = [
  ...DESTRUCTIVE_RULES,
  ...REWRITE_RULES,
  ...LOCK_RULES,
  ...MAINTENANCE_RULES,
  ...DATA_RULES,
  ...COMPATIBILITY_RULES,
  ...TRANSACTION_RULES,
  ...LOCK_TIMEOUT_RULES,
  ...DESIGN_RULES,
  ...VERSION_RULES,
];

/** `-- schemac:allow SC618` with no reason: checked by the linter itself, on the comment lines. */
export const suppressionWithoutReason: LintRule = {
  code: 'SC648',
  name: 'suppression-without-reason',
  severity: 'warning',
  category: 'suppression',
  title: 'suppression without a reason',
  why: 'A suppression hides a real hazard from every later reviewer. Without a reason nobody can tell whether it was checked (table size measured, code already deployed) or just silenced. A suppression without a reason, or without a code, suppresses nothing.',
  fix: 'Name the codes and say why the statement is safe here: `-- schemac:allow SC618 users has 200 rows (admin-only table)`.',
  example: {
    bad: '-- schemac:allow SC618\nCREATE INDEX users_email_idx ON public.users (email);',
    good: '-- schemac:allow SC618 users has 200 rows (admin-only table)\nCREATE INDEX users_email_idx ON public.users (email);',
  },
};

export const RULE_CATALOGUE: readonly LintRule[] = [...STATEMENT_RULES, suppressionWithoutReason];
