/**
 * The marketplace (migration 2): syndicates that lead investors run, members' commitments, the SPVs
 * that hold the pooled money, members' SPV interests, share certificates, secondary-market orders
 * and trades, and what a syndicate lead shares with the members.
 */
import { bigint, boolean, check, enumColumn, index, numeric, sql, table, text, timestamptz, date, unique, uuid, varchar } from 'schemac';
import { confidential, investorFinancial, notPersonal, personReference } from './classify.ts';
import { companies, investments, leads, users } from './core.ts';
import {
  certificateStatus, commitmentStatus, orderSide, orderStatus, orderType, regDExemption, spvInterestStatus, spvStatus,
  syndicateDocumentKind, syndicateStatus, tradeStatus,
} from './enums.ts';

const securitiesRecord = { activities: ['investment-administration'], recordClass: 'securities-record' } as const;

/** A group of co-investors following a lead investor into deals. */
export const syndicates = table('syndicates', {
  comment: 'A group of co-investors following a lead investor into a deal',
  compliance: securitiesRecord,
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, ...notPersonal }),
    lead_id: uuid({ unique: true, references: { table: leads, onDelete: 'set null' }, comment: 'The deal lead this syndicate was opened from', ...notPersonal }),
    lead_investor_id: uuid({ notNull: true, references: { table: users, onDelete: 'restrict' }, ...personReference(['syndicate_lead']) }),
    company_id: uuid({ references: { table: companies, onDelete: 'restrict' }, comment: 'NULL for a standing syndicate not yet tied to a deal', ...notPersonal }),
    name: text({ notNull: true, ...notPersonal }),
    description: text({ ...confidential }),
    status: enumColumn(syndicateStatus, { notNull: true, default: 'forming', ...notPersonal }),
    reg_d_exemption: enumColumn(regDExemption, { notNull: true, default: 'rule_506b', comment: 'Rule 506(c) allows general solicitation; every member must then be verified', ...notPersonal }),
    carry_percent: numeric({ precision: 5, scale: 2, notNull: true, default: 20, check: sql`carry_percent BETWEEN 0 AND 50`, ...notPersonal }),
    management_fee_percent: numeric({ precision: 5, scale: 2, notNull: true, default: 0, check: sql`management_fee_percent BETWEEN 0 AND 5`, ...notPersonal }),
    minimum_investment: numeric({ precision: 18, scale: 2, notNull: true, default: 1000, check: sql`minimum_investment > 0`, ...notPersonal }),
    target_amount: numeric({ precision: 18, scale: 2, check: sql`target_amount > 0`, ...confidential }),
    opened_at: timestamptz({ ...notPersonal }),
    closed_at: timestamptz({ ...notPersonal }),
    origin: text({ notNull: true, default: 'platform', check: sql`origin IN ('platform', 'lead_backfill')`, comment: 'lead_backfill: created from an existing lead by migration 2', ...notPersonal }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, ...notPersonal }),
    updated_at: timestamptz({ notNull: true, default: sql`now()`, ...notPersonal }),
  },
  checks: [check(sql`closed_at IS NULL OR opened_at IS NOT NULL AND closed_at >= opened_at`, { name: 'syndicates_closed_after_opened' })],
  indexes: [index(['lead_investor_id', 'status']), index(['company_id']), index(['status', 'created_at'])],
});

/** A legal vehicle (usually a Delaware LLC) pooling a syndicate's money into one cap-table entry. */
export const spvs = table('spvs', {
  comment: 'Special purpose vehicles pooling a syndicate\'s money into one position in a company',
  compliance: securitiesRecord,
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, ...notPersonal }),
    syndicate_id: uuid({ references: { table: syndicates, onDelete: 'restrict' }, ...notPersonal }),
    company_id: uuid({ notNull: true, references: { table: companies, onDelete: 'restrict' }, ...notPersonal }),
    manager_id: uuid({ references: { table: users, onDelete: 'restrict' }, comment: 'The syndicate lead managing the vehicle', ...personReference(['syndicate_lead']) }),
    legal_name: text({ notNull: true, unique: true, ...notPersonal }),
    jurisdiction: varchar({ length: 6, notNull: true, default: 'US-DE', ...notPersonal }),
    ein: varchar({ length: 10, unique: true, comment: 'IRS employer identification number of the vehicle', check: sql`ein ~ '^[0-9]{2}-[0-9]{7}$'`, ...confidential }),
    formation_date: date({ ...notPersonal }),
    status: enumColumn(spvStatus, { notNull: true, default: 'forming', ...notPersonal }),
    reg_d_exemption: enumColumn(regDExemption, { notNull: true, default: 'rule_506b', ...notPersonal }),
    form_d_file_number: varchar({ length: 20, comment: 'SEC file number of the vehicle\'s Form D (021-…)', check: sql`form_d_file_number ~ '^021-[0-9]{5,6}$'`, ...notPersonal }),
    target_amount: numeric({ precision: 18, scale: 2, check: sql`target_amount > 0`, ...confidential }),
    total_committed: numeric({ precision: 18, scale: 2, notNull: true, default: 0, check: sql`total_committed >= 0`, ...confidential }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, ...notPersonal }),
    updated_at: timestamptz({ notNull: true, default: sql`now()`, ...notPersonal }),
  },
  indexes: [index(['syndicate_id']), index(['company_id', 'status']), index(['manager_id'])],
});

/** A member's commitment to a syndicate's deal. */
export const syndicateInvestments = table('syndicate_investments', {
  comment: 'A member\'s commitment to a syndicate deal',
  compliance: { ...securitiesRecord, subjectKey: 'investor_id', holdable: true },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, ...notPersonal }),
    syndicate_id: uuid({ notNull: true, references: { table: syndicates, onDelete: 'restrict' }, ...notPersonal }),
    investor_id: uuid({ notNull: true, references: { table: users, onDelete: 'restrict' }, ...personReference(['investor']) }),
    spv_id: uuid({ references: { table: spvs, onDelete: 'restrict' }, comment: 'The vehicle holding the commitment once the deal closes', ...notPersonal }),
    investment_id: uuid({ references: { table: investments, onDelete: 'restrict' }, comment: 'The resulting direct investment, when the member invests directly', ...notPersonal }),
    amount: numeric({ precision: 18, scale: 2, notNull: true, check: sql`amount > 0`, ...investorFinancial('commitment_amount') }),
    currency: varchar({ length: 3, notNull: true, default: 'USD', check: sql`currency ~ '^[A-Z]{3}$'`, ...notPersonal }),
    status: enumColumn(commitmentStatus, { notNull: true, default: 'committed', ...notPersonal }),
    committed_at: timestamptz({ notNull: true, default: sql`now()`, ...notPersonal }),
    funded_at: timestamptz({ ...notPersonal }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, ...notPersonal }),
    updated_at: timestamptz({ notNull: true, default: sql`now()`, ...notPersonal }),
  },
  uniques: [unique(['syndicate_id', 'investor_id'])],
  checks: [check(sql`status <> 'funded' OR funded_at IS NOT NULL`, { name: 'syndicate_investments_funded_has_date' })],
  indexes: [index(['investor_id', 'status']), index(['spv_id']), index(['investment_id'])],
});

/** A member's membership interest in an SPV. */
export const spvInvestments = table('spv_investments', {
  comment: 'A member\'s membership interest in an SPV',
  compliance: { ...securitiesRecord, subjectKey: 'investor_id', holdable: true },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, ...notPersonal }),
    spv_id: uuid({ notNull: true, references: { table: spvs, onDelete: 'restrict' }, ...notPersonal }),
    investor_id: uuid({ notNull: true, references: { table: users, onDelete: 'restrict' }, ...personReference(['investor']) }),
    syndicate_investment_id: uuid({ unique: true, references: { table: syndicateInvestments, onDelete: 'restrict' }, ...notPersonal }),
    units: numeric({ precision: 20, scale: 6, notNull: true, check: sql`units > 0`, ...investorFinancial('holding') }),
    amount: numeric({ precision: 18, scale: 2, notNull: true, check: sql`amount > 0`, ...investorFinancial('investment_amount') }),
    ownership_percent: numeric({ precision: 9, scale: 6, check: sql`ownership_percent > 0 AND ownership_percent <= 100`, ...investorFinancial('holding') }),
    status: enumColumn(spvInterestStatus, { notNull: true, default: 'subscribed', ...notPersonal }),
    subscribed_at: timestamptz({ notNull: true, default: sql`now()`, ...notPersonal }),
    funded_at: timestamptz({ ...notPersonal }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, ...notPersonal }),
  },
  indexes: [index(['spv_id', 'investor_id']), index(['investor_id'])],
});

/** A certificate for shares held directly or by an SPV. */
export const shareCertificates = table('share_certificates', {
  comment: 'Certificates for shares held by an investor or an SPV',
  compliance: { ...securitiesRecord, subjectKey: 'holder_id', holdable: true },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, ...notPersonal }),
    company_id: uuid({ notNull: true, references: { table: companies, onDelete: 'restrict' }, ...notPersonal }),
    certificate_number: varchar({ length: 32, notNull: true, comment: 'Number on the certificate, e.g. PS-0042', ...notPersonal }),
    holder_id: uuid({ references: { table: users, onDelete: 'restrict' }, comment: 'The investor holding the shares directly; NULL when an SPV holds them', ...personReference(['investor']) }),
    spv_id: uuid({ references: { table: spvs, onDelete: 'restrict' }, comment: 'The SPV holding the shares', ...notPersonal }),
    investment_id: uuid({ references: { table: investments, onDelete: 'restrict' }, ...notPersonal }),
    share_class: text({ notNull: true, comment: 'e.g. Series Seed Preferred', ...notPersonal }),
    shares: bigint({ notNull: true, check: sql`shares > 0`, ...investorFinancial('holding') }),
    price_per_share: numeric({ precision: 18, scale: 6, check: sql`price_per_share >= 0`, ...confidential }),
    status: enumColumn(certificateStatus, { notNull: true, default: 'issued', ...notPersonal }),
    restrictive_legend: text({ comment: 'Rule 144 legend printed on the certificate', ...notPersonal }),
    issued_at: timestamptz({ notNull: true, ...notPersonal }),
    cancelled_at: timestamptz({ ...notPersonal }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, ...notPersonal }),
  },
  uniques: [unique(['company_id', 'certificate_number'])],
  checks: [
    check(sql`num_nonnulls(holder_id, spv_id) = 1`, { name: 'share_certificates_one_holder' }),
    check(sql`status NOT IN ('cancelled', 'transferred', 'converted') OR cancelled_at IS NOT NULL`, { name: 'share_certificates_cancelled_has_date' }),
  ],
  indexes: [index(['holder_id']), index(['spv_id']), index(['investment_id'])],
});

/** Secondary-market orders to buy or sell shares of a company. */
export const orders = table('orders', {
  comment: 'Secondary-market orders to buy or sell shares of a company',
  compliance: { ...securitiesRecord, subjectKey: 'user_id', holdable: true },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, ...notPersonal }),
    user_id: uuid({ notNull: true, references: { table: users, onDelete: 'restrict' }, ...personReference(['investor']) }),
    company_id: uuid({ notNull: true, references: { table: companies, onDelete: 'restrict' }, ...notPersonal }),
    share_certificate_id: uuid({ references: { table: shareCertificates, onDelete: 'restrict' }, comment: 'The certificate a sell order offers', ...notPersonal }),
    side: enumColumn(orderSide, { notNull: true, ...notPersonal }),
    type: enumColumn(orderType, { notNull: true, default: 'limit', ...notPersonal }),
    status: enumColumn(orderStatus, { notNull: true, default: 'open', ...notPersonal }),
    quantity: bigint({ notNull: true, check: sql`quantity > 0`, ...investorFinancial('order') }),
    filled_quantity: bigint({ notNull: true, default: 0, ...investorFinancial('order') }),
    limit_price: numeric({ precision: 18, scale: 6, check: sql`limit_price > 0`, ...investorFinancial('order') }),
    expires_at: timestamptz({ ...notPersonal }),
    placed_at: timestamptz({ notNull: true, default: sql`now()`, ...notPersonal }),
    cancelled_at: timestamptz({ ...notPersonal }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, ...notPersonal }),
    updated_at: timestamptz({ notNull: true, default: sql`now()`, ...notPersonal }),
  },
  checks: [
    check(sql`filled_quantity BETWEEN 0 AND quantity`, { name: 'orders_filled_within_quantity' }),
    check(sql`type <> 'limit' OR limit_price IS NOT NULL`, { name: 'orders_limit_has_price' }),
    check(sql`side <> 'sell' OR share_certificate_id IS NOT NULL`, { name: 'orders_sell_names_certificate' }),
  ],
  indexes: [
    // The order book: open orders of one company and side, best price first.
    index(['company_id', 'side', 'limit_price'], { name: 'orders_open_book_idx', where: sql`status IN ('open', 'partially_filled')` }),
    index(['user_id', 'placed_at']),
    index(['share_certificate_id']),
  ],
});

/** A matched buy and sell order. */
export const trades = table('trades', {
  comment: 'A matched buy and sell order',
  compliance: securitiesRecord,
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, ...notPersonal }),
    buy_order_id: uuid({ notNull: true, references: { table: orders, onDelete: 'restrict' }, ...notPersonal }),
    sell_order_id: uuid({ notNull: true, references: { table: orders, onDelete: 'restrict' }, ...notPersonal }),
    company_id: uuid({ notNull: true, references: { table: companies, onDelete: 'restrict' }, ...notPersonal }),
    buyer_id: uuid({ notNull: true, references: { table: users, onDelete: 'restrict' }, ...personReference(['investor']) }),
    seller_id: uuid({ notNull: true, references: { table: users, onDelete: 'restrict' }, ...personReference(['investor']) }),
    quantity: bigint({ notNull: true, check: sql`quantity > 0`, ...investorFinancial('trade') }),
    price: numeric({ precision: 18, scale: 6, notNull: true, check: sql`price > 0`, ...investorFinancial('trade') }),
    gross_amount: numeric({ precision: 20, scale: 2, generated: sql`round(quantity * price, 2)`, comment: 'quantity × price', ...investorFinancial('trade') }),
    status: enumColumn(tradeStatus, { notNull: true, default: 'pending_settlement', ...notPersonal }),
    new_certificate_id: uuid({ references: { table: shareCertificates, onDelete: 'restrict' }, comment: 'The certificate issued to the buyer on settlement', ...notPersonal }),
    executed_at: timestamptz({ notNull: true, default: sql`now()`, ...notPersonal }),
    settled_at: timestamptz({ ...notPersonal }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, ...notPersonal }),
  },
  checks: [
    check(sql`buy_order_id <> sell_order_id`, { name: 'trades_distinct_orders' }),
    check(sql`buyer_id <> seller_id`, { name: 'trades_no_self_trade' }),
    check(sql`status <> 'settled' OR settled_at IS NOT NULL`, { name: 'trades_settled_has_date' }),
  ],
  indexes: [
    index(['company_id', { column: 'executed_at', order: 'desc' }]),
    index(['buy_order_id']),
    index(['sell_order_id']),
    index(['buyer_id']),
    index(['seller_id']),
  ],
});

/** Messages a syndicate lead and members exchange. */
export const syndicateMessages = table('syndicate_messages', {
  comment: 'Messages between a syndicate lead and the members',
  compliance: { activities: ['syndicate-communications'], retention: 'sec-communications-3y', subjectKey: 'author_id', holdable: true },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, ...notPersonal }),
    syndicate_id: uuid({ notNull: true, references: { table: syndicates, onDelete: 'restrict' }, ...notPersonal }),
    author_id: uuid({ notNull: true, references: { table: users, onDelete: 'restrict' }, ...personReference(['investor', 'syndicate_lead']) }),
    parent_id: uuid({ references: { table: 'syndicate_messages', onDelete: 'restrict' }, comment: 'The message this one replies to', ...notPersonal }),
    subject: text({
      sensitivity: 'confidential',
      personal: { categories: ['communications.content'], subjects: ['investor', 'syndicate_lead'], identifiability: 'quasi', erasure: 'retain-legal-obligation' },
    }),
    body: text({
      notNull: true, sensitivity: 'confidential',
      personal: { categories: ['communications.content'], subjects: ['investor', 'syndicate_lead'], identifiability: 'quasi', erasure: 'retain-legal-obligation' },
    }),
    is_announcement: boolean({ notNull: true, default: false, comment: 'Sent by the lead to every member', ...notPersonal }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, ...notPersonal }),
    edited_at: timestamptz({ ...notPersonal }),
    hidden_at: timestamptz({ comment: 'Hidden from members; kept for the record (17a-4(b)(4))', ...notPersonal }),
  },
  indexes: [index(['syndicate_id', { column: 'created_at', order: 'desc' }]), index(['author_id']), index(['parent_id'])],
});

/** Deal documents a syndicate lead shares with the members. */
export const syndicateDocuments = table('syndicate_documents', {
  comment: 'Deal documents shared with the members of a syndicate',
  compliance: { activities: ['syndicate-communications'], recordClass: 'securities-record' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, ...notPersonal }),
    syndicate_id: uuid({ notNull: true, references: { table: syndicates, onDelete: 'restrict' }, ...notPersonal }),
    spv_id: uuid({ references: { table: spvs, onDelete: 'restrict' }, ...notPersonal }),
    uploaded_by: uuid({ references: { table: users, onDelete: 'restrict' }, ...personReference(['syndicate_lead']) }),
    kind: enumColumn(syndicateDocumentKind, { notNull: true, default: 'other', ...notPersonal }),
    title: text({ notNull: true, ...confidential }),
    storage_key: text({ notNull: true, unique: true, comment: 'Object-store key of the file', personal: false, sensitivity: 'restricted' }),
    content_type: varchar({ length: 255, notNull: true, default: 'application/pdf', ...notPersonal }),
    size_bytes: bigint({ notNull: true, check: sql`size_bytes >= 0`, ...notPersonal }),
    sha256: varchar({ length: 64, notNull: true, check: sql`sha256 ~ '^[0-9a-f]{64}$'`, comment: 'Hex digest of the file, for integrity', ...notPersonal }),
    visible_to_members: boolean({ notNull: true, default: true, ...notPersonal }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, ...notPersonal }),
  },
  indexes: [index(['syndicate_id', 'kind']), index(['spv_id']), index(['uploaded_by'])],
});
