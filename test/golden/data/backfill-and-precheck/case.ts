// Data steps: a backfill right after the table it fills is created (with its reverse), a pre-check
// that refuses to drop a table that still has rows (before the drop; irreversible, no reverse),
// an irreversible backfill (rollback needs --force), and an ANALYZE outside the transaction at the end.
import { acknowledge, dataStep, foreignKey, integer, sql, table, text, uuid } from '../../../../compiler/index.js';

const investments = table('investments', { columns: { id: uuid({ primaryKey: true }), amount: integer({ notNull: true }) } });
const legacy = table('legacy_notes', { columns: { id: uuid({ primaryKey: true }), body: text() } });
const regD = table('reg_d_records', {
  columns: { id: uuid({ primaryKey: true, default: sql`gen_random_uuid()` }), investment_id: uuid({ notNull: true }), exemption: text({ notNull: true }) },
  foreignKeys: [foreignKey(['investment_id'], { table: 'investments' })],
});

export const before = [investments, legacy];
export const after = [
  investments,
  regD,
  dataStep('backfill_reg_d_records', {
    after: 'table:public.reg_d_records',
    up: sql`INSERT INTO public.reg_d_records (investment_id, exemption) SELECT id, '506(b)' FROM public.investments`,
    down: sql`DELETE FROM public.reg_d_records`,
    comment: 'one Reg D record per existing investment',
  }),
  dataStep('legacy_notes_is_empty', {
    before: 'table:public.legacy_notes',
    up: sql`DO $$ BEGIN IF EXISTS (SELECT 1 FROM public.legacy_notes) THEN RAISE EXCEPTION 'legacy_notes still has rows: migrate them first'; END IF; END $$`,
  }),
  dataStep('analyze_investments', { transaction: 'none', up: sql`ANALYZE public.investments` }),
  dataStep('normalize_amounts', {
    after: 'table:public.reg_d_records',
    up: sql`UPDATE public.investments SET amount = round(amount / 100) * 100`,
    irreversible: 'amounts are rounded to hundreds; the exact values are gone',
  }),
  acknowledge('SC601', 'table:public.legacy_notes', 'replaced by notes in the CRM; checked empty by a data step'),
];
