/**
 * After a variant ran: did the migration really happen? The email index exists and is valid, the
 * foreign key and the CHECK exist and are validated, org_id is NOT NULL. A variant that "wins" by
 * leaving an invalid index or an unvalidated constraint behind must fail the benchmark.
 */
import pg from 'pg';

const STATE_SQL = `SELECT
  (SELECT count(*)::int FROM pg_index i WHERE i.indrelid = 'public.accounts'::regclass AND i.indisvalid
     AND pg_get_indexdef(i.indexrelid) LIKE '%(email)%') AS email_indexes,
  (SELECT count(*)::int FROM pg_constraint WHERE conrelid = 'public.accounts'::regclass AND contype = 'f'
     AND convalidated AND confrelid = 'public.orgs'::regclass) AS foreign_keys,
  (SELECT count(*)::int FROM pg_constraint WHERE conrelid = 'public.accounts'::regclass AND contype = 'c'
     AND convalidated AND pg_get_constraintdef(oid) LIKE '%balance >=%') AS balance_checks,
  (SELECT attnotnull FROM pg_attribute WHERE attrelid = 'public.accounts'::regclass AND attname = 'org_id') AS org_id_not_null`;

interface StateRow {
  readonly email_indexes: number;
  readonly foreign_keys: number;
  readonly balance_checks: number;
  readonly org_id_not_null: boolean;
}

/** Throw naming what is missing when the database is not in the migrated state. */
export async function assertMigrated(url: string, variant: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const row = (await client.query<StateRow>(STATE_SQL)).rows[0]!;
    const missing = [
      row.email_indexes < 1 ? 'a valid index on accounts(email)' : '',
      row.foreign_keys < 1 ? 'a validated foreign key accounts.org_id → orgs' : '',
      row.balance_checks < 1 ? 'a validated CHECK (balance >= 0)' : '',
      row.org_id_not_null ? '' : 'NOT NULL on accounts.org_id',
    ].filter(Boolean);
    if (missing.length > 0) throw new Error(`variant ${variant} did not complete the migration: missing ${missing.join(', ')}`);
  } finally {
    await client.end();
  }
}
