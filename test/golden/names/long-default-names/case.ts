// Default names that PostgreSQL truncates to 63 bytes (long table and column names).
import { index, table, text, uuid } from '../../../../compiler/index.js';

const tableName = 'customer_subscription_billing_period_adjustments_history';

export const before = [];

export const after = [
  table(tableName, {
    columns: {
      id: uuid({ primaryKey: true }),
      adjustment_reason_code_for_regulatory_reporting: text({ notNull: true, unique: true }),
      billing_period_reference: text(),
    },
    indexes: [index(['billing_period_reference', 'adjustment_reason_code_for_regulatory_reporting'])],
  }),
];
