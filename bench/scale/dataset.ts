/**
 * Deterministic synthetic multi-tenant schemas for the scale benchmark, written twice: as schemac
 * declarations (TypeScript, one file per module) and as plain SQL (what another team's migrations
 * would have left in a database). Both describe the same schema, so `schemac drift` of the
 * declarations against a database loaded from the SQL must find nothing — the benchmark checks
 * that, which makes it a false-drift test at scale too.
 *
 * Shape: `public.tenants` and `public.record_status`, then modules of 20 tables each, ten modules
 * per schema (`s001`, `s002`, …). A module has
 * - 14 tables `m<k>_t<j>`: uuid primary key, tenant foreign key, a foreign key to the module's
 *   previous table, an enum column with a default, a CHECK, jsonb; indexes: covering (INCLUDE),
 *   partial unique on an expression, and GIN (jsonb_path_ops) on every other table;
 * - one table partitioned by month (`m<k>_events`, composite key, 4 monthly partitions and a
 *   default partition: 6 tables), with a partitioned index;
 * - a view and a materialized view (with a unique index), not counted as tables.
 * "Tables" below counts every relation of kind table, partitions included: 20 per module, + 1.
 */

export const TABLES_PER_MODULE = 20;
const MODULES_PER_SCHEMA = 10;
const PLAIN_TABLES = 14;
const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04'] as const;

export interface Module {
  readonly schema: string;
  /** `m0007` */
  readonly prefix: string;
}

export interface Dataset {
  /** Tables (relations of kind table, partitions included). */
  readonly tables: number;
  readonly modules: readonly Module[];
  readonly schemas: readonly string[];
}

/** The dataset with at least `tables` tables (rounded up to whole modules). */
export function dataset(tables: number): Dataset {
  const count = Math.max(1, Math.ceil((tables - 1) / TABLES_PER_MODULE));
  const modules = Array.from({ length: count }, (_, i) => ({
    schema: `s${String(Math.floor(i / MODULES_PER_SCHEMA) + 1).padStart(3, '0')}`,
    prefix: `m${String(i + 1).padStart(4, '0')}`,
  }));
  return { tables: count * TABLES_PER_MODULE + 1, modules, schemas: [...new Set(modules.map((m) => m.schema))] };
}

const tableName = (m: Module, j: number): string => `${m.prefix}_t${String(j).padStart(2, '0')}`;
const nextMonth = (month: string): string => {
  const [y, mo] = month.split('-').map(Number) as [number, number];
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
};

// ---------------------------------------------------------------------------------------------
// SQL

function moduleSql(m: Module): string {
  const out: string[] = [];
  const q = (name: string): string => `${m.schema}.${name}`;
  for (let j = 0; j < PLAIN_TABLES; j++) {
    const t = tableName(m, j);
    out.push(`CREATE TABLE ${q(t)} (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL,
  parent_id uuid,
  name text NOT NULL,
  email text,
  status public.record_status NOT NULL DEFAULT 'active',
  amount numeric(12,2) NOT NULL DEFAULT 0,
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz,
  CONSTRAINT ${t}_pkey PRIMARY KEY (id),
  CONSTRAINT ${t}_amount_check CHECK (amount >= 0),
  CONSTRAINT ${t}_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants (id)${j === 0 ? '' : `,
  CONSTRAINT ${t}_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES ${q(tableName(m, j - 1))} (id) ON DELETE CASCADE`}
);`);
    out.push(`CREATE INDEX ${t}_tenant_created_idx ON ${q(t)} (tenant_id, created_at DESC) INCLUDE (status);`);
    out.push(`CREATE UNIQUE INDEX ${t}_tenant_email_key ON ${q(t)} (tenant_id, lower(email)) WHERE email IS NOT NULL AND status <> 'deleted';`);
    if (j > 0) out.push(`CREATE INDEX ${t}_parent_id_idx ON ${q(t)} (parent_id);`);
    if (j % 2 === 0) out.push(`CREATE INDEX ${t}_data_idx ON ${q(t)} USING gin (data jsonb_path_ops);`);
  }
  const events = `${m.prefix}_events`;
  out.push(`CREATE TABLE ${q(events)} (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL,
  kind text NOT NULL,
  payload jsonb,
  created_at timestamptz NOT NULL,
  CONSTRAINT ${events}_pkey PRIMARY KEY (id, created_at),
  CONSTRAINT ${events}_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants (id)
) PARTITION BY RANGE (created_at);`);
  for (const month of MONTHS) {
    out.push(`CREATE TABLE ${q(`${events}_${month.replace('-', '_')}`)} PARTITION OF ${q(events)} FOR VALUES FROM ('${month}-01 00:00:00+00') TO ('${nextMonth(month)}-01 00:00:00+00');`);
  }
  out.push(`CREATE TABLE ${q(`${events}_default`)} PARTITION OF ${q(events)} DEFAULT;`);
  out.push(`CREATE INDEX ${events}_tenant_kind_idx ON ${q(events)} (tenant_id, kind, created_at);`);
  out.push(`CREATE VIEW ${q(`${m.prefix}_active`)} AS SELECT id, tenant_id, name, amount FROM ${q(tableName(m, 0))} WHERE status = 'active';`);
  out.push(`CREATE MATERIALIZED VIEW ${q(`${m.prefix}_totals`)} AS SELECT tenant_id, count(*) AS items, sum(amount) AS amount FROM ${q(tableName(m, 1))} GROUP BY tenant_id;`);
  out.push(`CREATE UNIQUE INDEX ${m.prefix}_totals_tenant_key ON ${q(`${m.prefix}_totals`)} (tenant_id);`);
  return out.join('\n');
}

/** The whole dataset as SQL, in statements no longer than one module each (one `;`-separated batch per element). */
export function datasetSql(d: Dataset): string[] {
  const head = [
    "CREATE TYPE public.record_status AS ENUM ('active', 'archived', 'deleted');",
    'CREATE TABLE public.tenants (id uuid NOT NULL DEFAULT gen_random_uuid(), name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), CONSTRAINT tenants_pkey PRIMARY KEY (id));',
    ...d.schemas.map((s) => `CREATE SCHEMA ${s};`),
  ].join('\n');
  return [head, ...d.modules.map(moduleSql)];
}

// ---------------------------------------------------------------------------------------------
// Declarations

const IMPORTS = "import { enumColumn, index, jsonb, materializedView, monthlyPartitions, numeric, partition, sql, table, text, timestamptz, uuid, view } from 'schemac';";

function moduleTs(m: Module, options: { changed?: boolean } = {}): string {
  const out: string[] = [IMPORTS, "import { recordStatus, tenants } from '../base.ts';", ''];
  const s = JSON.stringify(m.schema);
  for (let j = 0; j < PLAIN_TABLES; j++) {
    const t = tableName(m, j);
    // The "one changed column" of the generate benchmark: the first module's first table gets one more column.
    const extra = options.changed && j === 0 ? "\n    note: text({ comment: 'added by the benchmark' })," : '';
    out.push(`export const ${t} = table('${t}', {
  schema: ${s},
  columns: {
    id: uuid({ primaryKey: true, default: sql\`gen_random_uuid()\` }),
    tenant_id: uuid({ notNull: true, references: { table: tenants } }),
    parent_id: uuid(${j === 0 ? '' : `{ references: { table: ${tableName(m, j - 1)}, onDelete: 'cascade' } }`}),
    name: text({ notNull: true }),
    email: text(),
    status: enumColumn(recordStatus, { notNull: true, default: 'active' }),
    amount: numeric({ precision: 12, scale: 2, notNull: true, default: 0, check: sql\`amount >= 0\` }),
    data: jsonb({ notNull: true, default: sql\`'{}'\` }),
    created_at: timestamptz({ notNull: true, default: sql\`now()\` }),
    updated_at: timestamptz(),${extra}
  },
  indexes: [
    index(['tenant_id', { column: 'created_at', order: 'desc' }], { name: '${t}_tenant_created_idx', include: ['status'] }),
    index(['tenant_id', { expression: sql\`lower(email)\` }], { name: '${t}_tenant_email_key', unique: true, where: sql\`email IS NOT NULL AND status <> 'deleted'\` }),${j === 0 ? '' : `
    index(['parent_id'], { name: '${t}_parent_id_idx' }),`}${j % 2 === 0 ? `
    index([{ column: 'data', opclass: 'jsonb_path_ops' }], { name: '${t}_data_idx', using: 'gin' }),` : ''}
  ],
});
`);
  }
  const events = `${m.prefix}_events`;
  out.push(`export const ${events} = table('${events}', {
  schema: ${s},
  partitionBy: { strategy: 'range', keys: ['created_at'] },
  partitions: [...monthlyPartitions('${events}', { from: '${MONTHS[0]}', to: '${MONTHS[MONTHS.length - 1]}' }), partition('${events}_default', { default: true })],
  columns: {
    id: uuid({ notNull: true, default: sql\`gen_random_uuid()\` }),
    tenant_id: uuid({ notNull: true, references: { table: tenants } }),
    kind: text({ notNull: true }),
    payload: jsonb(),
    created_at: timestamptz({ notNull: true }),
  },
  primaryKey: ['id', 'created_at'],
  indexes: [index(['tenant_id', 'kind', 'created_at'], { name: '${events}_tenant_kind_idx' })],
});

export const ${m.prefix}_active = view('${m.prefix}_active', {
  schema: ${s},
  query: sql\`SELECT id, tenant_id, name, amount FROM ${m.schema}.${tableName(m, 0)} WHERE status = 'active'\`,
});

export const ${m.prefix}_totals = materializedView('${m.prefix}_totals', {
  schema: ${s},
  query: sql\`SELECT tenant_id, count(*) AS items, sum(amount) AS amount FROM ${m.schema}.${tableName(m, 1)} GROUP BY tenant_id\`,
  indexes: [index(['tenant_id'], { unique: true, name: '${m.prefix}_totals_tenant_key' })],
});
`);
  return out.join('\n');
}

const BASE_TS = (schemas: readonly string[]): string => `import { enumType, namespace, sql, table, text, timestamptz, uuid } from 'schemac';

export const recordStatus = enumType('record_status', ['active', 'archived', 'deleted']);

export const tenants = table('tenants', {
  columns: {
    id: uuid({ primaryKey: true, default: sql\`gen_random_uuid()\` }),
    name: text({ notNull: true }),
    created_at: timestamptz({ notNull: true, default: sql\`now()\` }),
  },
});

${schemas.map((s) => `export const ${s} = namespace('${s}');`).join('\n')}
`;

/** Declaration files by path (relative to the project folder); `changed`: with the generate benchmark's one added column. */
export function datasetDeclarations(d: Dataset, options: { changed?: boolean } = {}): Record<string, string> {
  const files: Record<string, string> = { 'schema/base.ts': BASE_TS(d.schemas) };
  d.modules.forEach((m, i) => {
    files[`schema/${m.schema}/${m.prefix}.ts`] = moduleTs(m, { changed: options.changed === true && i === 0 });
  });
  return files;
}

/** The SQL of the generate benchmark's change (for the database-to-database diff: the same change). */
export function changeSql(d: Dataset): string {
  const m = d.modules[0]!;
  return `ALTER TABLE ${m.schema}.${tableName(m, 0)} ADD COLUMN note text; COMMENT ON COLUMN ${m.schema}.${tableName(m, 0)}.note IS 'added by the benchmark';`;
}
