/**
 * The rows of the lock benchmark: `orgs` with ORG_COUNT ids, `accounts` with N rows whose org_id
 * is already filled (so NOT NULL and the foreign key hold) and whose balance is never negative
 * (so the CHECK holds), loaded with INSERT … SELECT generate_series in chunks, then vacuumed,
 * analysed and checkpointed so every variant starts from the same settled table.
 */
import pg from 'pg';

export const ORG_COUNT = 1000;
const CHUNK_ROWS = 250_000;

/** `INSERT … SELECT` of accounts first…last: emails in random order (md5), so the index build sorts. */
const insertAccounts = (first: number, last: number): string => `INSERT INTO public.accounts (org_id, email, balance)
SELECT 1 + g % ${ORG_COUNT}, md5(g::text) || '@example.com', (g % 100000) / 100.0
FROM generate_series(${first}, ${last}) AS g`;

export async function loadRows(url: string, rows: number, onProgress?: (loaded: number) => void): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`INSERT INTO public.orgs (id) SELECT g FROM generate_series(1, ${ORG_COUNT}) AS g`);
    for (let first = 1; first <= rows; first += CHUNK_ROWS) {
      const last = Math.min(rows, first + CHUNK_ROWS - 1);
      await client.query(insertAccounts(first, last));
      onProgress?.(last);
    }
    await client.query('VACUUM (ANALYZE) public.orgs, public.accounts');
    await client.query('CHECKPOINT');
  } finally {
    await client.end();
  }
}
