-- saas-core v1: the multi-tenant core of a B2B SaaS product: organizations, users, memberships,
-- invitations, API keys, webhooks and a monthly-partitioned audit log.

CREATE EXTENSION IF NOT EXISTS citext;
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'Tenant-facing application data';
CREATE SCHEMA audit;
COMMENT ON SCHEMA audit IS 'Append-only audit trail';

CREATE TYPE app.plan_tier AS ENUM ('free', 'team', 'business', 'enterprise');
CREATE TYPE app.membership_role AS ENUM ('owner', 'admin', 'member', 'viewer');
CREATE TYPE app.delivery_state AS ENUM ('pending', 'delivered', 'failed');

CREATE FUNCTION app.set_updated_at() RETURNS trigger
  LANGUAGE plpgsql
AS $$
BEGIN
  NEW.updated_at := clock_timestamp();
  RETURN NEW;
END;
$$;

CREATE TABLE app.users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email citext NOT NULL,
  display_name text NOT NULL,
  password_hash text,
  mfa_secret bytea,
  locale varchar(10) NOT NULL DEFAULT 'en',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz,
  disabled_at timestamptz,
  email_domain text GENERATED ALWAYS AS (split_part(email::text, '@', 2)) STORED,
  CONSTRAINT users_email_format CHECK (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$')
);
CREATE UNIQUE INDEX users_email_active_key ON app.users (email) WHERE disabled_at IS NULL;
CREATE INDEX users_email_domain_idx ON app.users (email_domain);
COMMENT ON COLUMN app.users.email_domain IS 'Used to suggest joining an organization with a verified domain';

CREATE TABLE app.organizations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug citext NOT NULL,
  name text NOT NULL,
  plan app.plan_tier NOT NULL DEFAULT 'free',
  owner_id uuid NOT NULL,
  settings jsonb NOT NULL DEFAULT '{"theme": "light", "mfa_required": false}'::jsonb,
  seat_limit integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  CONSTRAINT organizations_slug_format CHECK (slug ~ '^[a-z0-9-]{3,40}$'),
  CONSTRAINT organizations_seat_limit_check CHECK (seat_limit IS NULL OR seat_limit > 0),
  -- An organization and its first owner are created in one transaction, in either order.
  CONSTRAINT organizations_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES app.users (id)
    ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED
);
CREATE UNIQUE INDEX organizations_slug_key ON app.organizations (slug) WHERE deleted_at IS NULL;
CREATE INDEX organizations_plan_idx ON app.organizations (plan) INCLUDE (seat_limit) WHERE deleted_at IS NULL;
CREATE INDEX organizations_settings_idx ON app.organizations USING gin (settings jsonb_path_ops);
COMMENT ON TABLE app.organizations IS 'A tenant';
COMMENT ON COLUMN app.organizations.settings IS 'Free-form settings; keys documented in the admin guide';

CREATE TABLE app.org_domains (
  org_id uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  domain citext NOT NULL,
  position smallint NOT NULL,
  verified boolean NOT NULL DEFAULT false,
  PRIMARY KEY (org_id, domain),
  -- Reordering swaps positions inside one statement.
  CONSTRAINT org_domains_position_key UNIQUE (org_id, position) DEFERRABLE INITIALLY IMMEDIATE
);
CREATE UNIQUE INDEX org_domains_verified_domain_key ON app.org_domains (domain) WHERE verified;

CREATE TABLE app.memberships (
  org_id uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES app.users (id) ON DELETE CASCADE,
  role app.membership_role NOT NULL DEFAULT 'member',
  invited_by uuid REFERENCES app.users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, user_id)
);
CREATE INDEX memberships_user_id_idx ON app.memberships (user_id) INCLUDE (role);
CREATE UNIQUE INDEX memberships_one_owner ON app.memberships (org_id) WHERE role = 'owner';

CREATE TABLE app.invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  email citext NOT NULL,
  role app.membership_role NOT NULL DEFAULT 'member',
  token_hash bytea NOT NULL,
  invited_by uuid NOT NULL REFERENCES app.users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL DEFAULT (now() + interval '7 days'),
  accepted_at timestamptz,
  CONSTRAINT invitations_token_hash_key UNIQUE (token_hash),
  CONSTRAINT invitations_not_owner CHECK (role <> 'owner')
);
CREATE UNIQUE INDEX invitations_pending_key ON app.invitations (org_id, email) WHERE accepted_at IS NULL;

CREATE TABLE app.password_resets (
  token_hash bytea PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES app.users (id) ON DELETE CASCADE,
  requested_at timestamptz NOT NULL DEFAULT now(),
  used_at timestamptz
);

CREATE TABLE app.api_keys (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  name varchar(80) NOT NULL,
  prefix char(8) NOT NULL,
  key_hash bytea NOT NULL,
  scopes text[] NOT NULL DEFAULT '{read}',
  created_by uuid REFERENCES app.users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  -- One live key per name; NULL revoked_at counts as equal.
  CONSTRAINT api_keys_org_name_key UNIQUE NULLS NOT DISTINCT (org_id, name, revoked_at),
  CONSTRAINT api_keys_prefix_key UNIQUE (prefix)
);
CREATE INDEX api_keys_org_id_idx ON app.api_keys (org_id) WHERE revoked_at IS NULL;

CREATE TABLE app.webhooks (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  url text NOT NULL,
  secret text NOT NULL,
  events text[] NOT NULL,
  active boolean NOT NULL DEFAULT true,
  failure_count integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  disabled_reason text,
  CONSTRAINT webhooks_url_check CHECK (url ~ '^https?://'),
  CONSTRAINT webhooks_events_not_empty CHECK (cardinality(events) > 0)
);
CREATE INDEX webhooks_events_idx ON app.webhooks USING gin (events);
CREATE INDEX webhooks_org_active_idx ON app.webhooks (org_id) WHERE active;

CREATE TABLE app.webhook_deliveries (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  webhook_id bigint NOT NULL REFERENCES app.webhooks (id) ON DELETE CASCADE,
  event varchar(64) NOT NULL,
  payload jsonb NOT NULL,
  state app.delivery_state NOT NULL DEFAULT 'pending',
  attempt smallint NOT NULL DEFAULT 0,
  response_status smallint,
  next_attempt_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_deliveries_due_idx ON app.webhook_deliveries (next_attempt_at) WHERE state = 'pending';
CREATE INDEX webhook_deliveries_webhook_idx ON app.webhook_deliveries (webhook_id, created_at DESC);

-- Billing periods of an organization never overlap.
CREATE TABLE app.billing_periods (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  plan app.plan_tier NOT NULL,
  seats integer NOT NULL,
  during tstzrange NOT NULL,
  CONSTRAINT billing_periods_no_overlap EXCLUDE USING gist (org_id WITH =, during WITH &&),
  CONSTRAINT billing_periods_seats_check CHECK (seats > 0)
);

-- The audit log, one partition per month.
CREATE TABLE audit.audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id uuid,
  actor_id uuid,
  action varchar(80) NOT NULL,
  target_type varchar(40),
  target_id text,
  ip inet,
  user_agent text,
  data jsonb NOT NULL DEFAULT '{}'::jsonb,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (occurred_at, id)
) PARTITION BY RANGE (occurred_at);

CREATE TABLE audit.audit_log_2024_01 PARTITION OF audit.audit_log FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2024-02-01 00:00:00+00');
CREATE TABLE audit.audit_log_2024_02 PARTITION OF audit.audit_log FOR VALUES FROM ('2024-02-01 00:00:00+00') TO ('2024-03-01 00:00:00+00');
CREATE TABLE audit.audit_log_2024_03 PARTITION OF audit.audit_log FOR VALUES FROM ('2024-03-01 00:00:00+00') TO ('2024-04-01 00:00:00+00');
CREATE TABLE audit.audit_log_default PARTITION OF audit.audit_log DEFAULT;

CREATE INDEX audit_log_org_idx ON audit.audit_log (org_id, occurred_at DESC);
CREATE INDEX audit_log_action_idx ON audit.audit_log (action);
COMMENT ON TABLE audit.audit_log IS 'Who did what, when; partitions older than 13 months are dropped';

CREATE TRIGGER users_updated_at BEFORE UPDATE ON app.users FOR EACH ROW EXECUTE FUNCTION app.set_updated_at();
CREATE TRIGGER organizations_updated_at BEFORE UPDATE ON app.organizations FOR EACH ROW EXECUTE FUNCTION app.set_updated_at();
CREATE TRIGGER webhooks_updated_at BEFORE UPDATE ON app.webhooks FOR EACH ROW EXECUTE FUNCTION app.set_updated_at();
