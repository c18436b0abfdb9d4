// Append a value to an enum used by a column with a default (ALTER TYPE … ADD VALUE).
import { enumColumn, enumType, table, uuid } from '../../../../compiler/index.js';

const roleBefore = enumType('member_role', ['owner', 'member']);
const roleAfter = enumType('member_role', ['owner', 'member', 'guest']);

const members = (role: typeof roleBefore) =>
  table('memberships', { columns: { id: uuid({ primaryKey: true }), role: enumColumn(role, { notNull: true, default: 'member' }) } });

export const before = [roleBefore, members(roleBefore)];
export const after = [roleAfter, members(roleAfter)];
