/**
 * The tables of the lock benchmark as schemac declarations, before (v1: the tables as loaded) and
 * after (v2: an index on email, a foreign key org_id → orgs, NOT NULL on org_id, CHECK balance ≥ 0),
 * plus the same migration as the plain statements most migrators run.
 */

const IMPORTS = "import { bigint, check, foreignKey, index, numeric, sql, table, text, timestamptz } from 'schemac';\n";

const ORGS = `export const orgs = table('orgs', {
  columns: { id: bigint({ primaryKey: true }) },
});
`;

/** v1: `accounts` as the benchmark loads it, with nothing the migration adds. */
export const DECLARATIONS_V1 = `${IMPORTS}
${ORGS}
export const accounts = table('accounts', {
  columns: {
    id: bigint({ primaryKey: true, identity: 'always' }),
    org_id: bigint(),
    email: text(),
    balance: numeric(),
    created_at: timestamptz({ default: sql\`now()\` }),
  },
});
`;

/** v2: the index, foreign key, NOT NULL and CHECK the migration adds. */
export const DECLARATIONS_V2 = `${IMPORTS}
${ORGS}
export const accounts = table('accounts', {
  columns: {
    id: bigint({ primaryKey: true, identity: 'always' }),
    org_id: bigint({ notNull: true }),
    email: text(),
    balance: numeric(),
    created_at: timestamptz({ default: sql\`now()\` }),
  },
  foreignKeys: [foreignKey(['org_id'], { table: orgs })],
  checks: [check(sql\`balance >= 0\`)],
  indexes: [index(['email'])],
});
`;

/** The v1 → v2 migration as plain statements, in the order a hand-written migration has them. */
export const NAIVE_STATEMENTS: readonly string[] = [
  'CREATE INDEX accounts_email_idx ON public.accounts (email)',
  'ALTER TABLE public.accounts ADD CONSTRAINT accounts_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.orgs (id)',
  'ALTER TABLE public.accounts ALTER COLUMN org_id SET NOT NULL',
  'ALTER TABLE public.accounts ADD CONSTRAINT accounts_balance_check CHECK (balance >= 0)',
];
