/**
 * `schemac diff --from <db A> --to <db B>`: the SQL, applied to A, makes A's `pg_dump
 * --schema-only` identical to B's, and a second diff is empty. Both directions.
 */
import { describe, expect, inject, it } from 'vitest';
import { expectDiffAppliesCleanly } from '../helpers/dump.js';

const SCHEMA_A = `
CREATE EXTENSION citext;
CREATE TYPE public.status AS ENUM ('active', 'closed');
CREATE TABLE public.accounts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email citext NOT NULL UNIQUE,
  status public.status NOT NULL DEFAULT 'active',
  balance numeric(12,2) NOT NULL DEFAULT 0 CHECK (balance >= 0),
  legacy_flag boolean
);
CREATE TABLE public.notes (id bigint PRIMARY KEY, body text);
CREATE INDEX accounts_status_idx ON public.accounts (status);
COMMENT ON TABLE public.accounts IS 'old comment';
CREATE TABLE public.logs (id serial PRIMARY KEY, msg text, position smallserial);
CREATE INDEX logs_msg_lower ON public.logs (lower(msg));
`;

const SCHEMA_B = `
CREATE EXTENSION citext;
CREATE SCHEMA billing;
COMMENT ON SCHEMA billing IS 'Money';
CREATE TYPE public.status AS ENUM ('active', 'suspended', 'closed');
CREATE TABLE public.accounts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email citext NOT NULL UNIQUE,
  status public.status NOT NULL DEFAULT 'active',
  balance numeric(14,2) NOT NULL DEFAULT 0 CHECK (balance >= 0),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE billing.invoices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id bigint NOT NULL REFERENCES public.accounts (id) ON DELETE CASCADE,
  total numeric(12,2) NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  CONSTRAINT invoices_total_check CHECK (total >= 0)
);
CREATE INDEX invoices_account_idx ON billing.invoices (account_id, total DESC);
CREATE UNIQUE INDEX accounts_email_status_idx ON public.accounts (email, status);
COMMENT ON TABLE public.accounts IS 'Customers';
COMMENT ON COLUMN public.accounts.email IS 'Sign-in address';
CREATE TABLE public.logs (id bigserial PRIMARY KEY, msg text, data jsonb);
CREATE INDEX logs_msg_lower ON public.logs (lower(msg)) WHERE msg IS NOT NULL;
CREATE INDEX logs_data_gin ON public.logs USING gin (data jsonb_path_ops);
CREATE INDEX accounts_cover_idx ON public.accounts (status) INCLUDE (email);
CREATE INDEX accounts_created_idx ON public.accounts (created_at DESC NULLS LAST);
`;



describe('diff between two live databases', () => {
  it.each([
    ['A → B', SCHEMA_A, SCHEMA_B],
    ['B → A', SCHEMA_B, SCHEMA_A],
  ])('%s: applying the diff makes pg_dump identical', async (_name, from, to) => {
    expect(inject('postgresAdminUrl')).toBeTruthy();
    await expectDiffAppliesCleanly(from, to);
  });
});
