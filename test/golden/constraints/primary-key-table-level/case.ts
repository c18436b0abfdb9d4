// Table-level composite primary key added on columns not declared NOT NULL (PostgreSQL makes them NOT NULL).
import { table, text, uuid } from '../../../../compiler/index.js';

export const before = [
  table('memberships', { columns: { account_id: uuid(), team_id: uuid(), role: text() } }),
];

export const after = [
  table('memberships', { columns: { account_id: uuid(), team_id: uuid(), role: text() }, primaryKey: ['account_id', 'team_id'] }),
];
