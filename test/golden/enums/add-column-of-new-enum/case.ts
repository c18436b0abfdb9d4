// Create an enum and add a column using it (and an array of it) to an existing table.
import { enumColumn, enumType, table, uuid } from '../../../../compiler/index.js';

const channel = enumType('notify_channel', ['email', 'sms', 'push']);

export const before = [table('accounts', { columns: { id: uuid({ primaryKey: true }) } })];

export const after = [
  channel,
  table('accounts', {
    columns: {
      id: uuid({ primaryKey: true }),
      preferred_channel: enumColumn(channel, { notNull: true, default: 'email' }),
      channels: enumColumn(channel, { array: true, default: ['email', 'push'] }),
    },
  }),
];
