/**
 * Live tests whose declarations use a feature that older PostgreSQL servers do not have. On an
 * older server they still run, and must fail with exactly the server's error for that feature; the
 * matrix then counts them as "needs newer", not as failures. A listed test that fails any other way
 * is a failure; one that passes is reported, so the list never hides a regression.
 *
 * The lint rule SC647 (syntax-needs-newer-postgres) flags the same features in migration files
 * written for an older target.
 */
export interface NewerServerRequirement {
  /** The test's full name as vitest reports it (describe titles and test title, space-separated). */
  readonly test: string;
  /** The oldest major that has the feature. */
  readonly minimum: number;
  readonly feature: string;
  /** A fragment of the error an older server gives. */
  readonly error: string;
}

const NULLS_NOT_DISTINCT = { minimum: 15, feature: 'UNIQUE … NULLS NOT DISTINCT', error: 'syntax error at or near "NULLS"' } as const;
const SECURITY_INVOKER_VIEWS = { minimum: 15, feature: 'views WITH (security_invoker)', error: 'unrecognized parameter "security_invoker"' } as const;
const GOLDEN = 'golden cases up → down → up on postgres';
const SEED = 'on postgres: apply → drift clean → holds what its plan promised → rollback to empty';

export const NEWER_SERVER_REQUIREMENTS: readonly NewerServerRequirement[] = [
  { test: `${GOLDEN} constraints/exclusion-deferrable-nulls`, ...NULLS_NOT_DISTINCT },
  { test: `${GOLDEN} indexes/every-kind`, ...NULLS_NOT_DISTINCT },
  { test: `${GOLDEN} online/unique-deferrable-and-not-null`, ...NULLS_NOT_DISTINCT },
  { test: `${GOLDEN} views/create-with-dependencies`, ...SECURITY_INVOKER_VIEWS },
  // analytics_snapshots_scope_date_key (angel), rate_cards_current_role_key (advisoros)
  { test: `seed system angel ${SEED}`, ...NULLS_NOT_DISTINCT },
  { test: `seed system advisoros ${SEED}`, ...NULLS_NOT_DISTINCT },
  { test: 'angel backfills (postgres) migration 2 fills compliance profiles, Reg D records and syndicates from the existing platform', ...NULLS_NOT_DISTINCT },
  // test/corpus/saas-core/v2.sql: sso_connections_issuer_domain_key, api_keys_org_name_key
  { test: 'pull saas-core: pull → generate → apply reproduces the database', ...NULLS_NOT_DISTINCT },
];

/** The requirement that explains `failureMessages` of test `test` on PostgreSQL `major`, if any. */
export function explainedFailure(test: string, failureMessages: readonly string[], major: number): NewerServerRequirement | undefined {
  const text = failureMessages.join('\n');
  return NEWER_SERVER_REQUIREMENTS.find((r) => r.test === test && major < r.minimum && text.includes(r.error));
}

/** Listed tests that passed on a server older than their minimum (the list is out of date). */
export function unexpectedPasses(passed: readonly string[], major: number): NewerServerRequirement[] {
  return NEWER_SERVER_REQUIREMENTS.filter((r) => major < r.minimum && passed.includes(r.test));
}
