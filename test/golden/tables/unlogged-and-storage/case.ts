// An UNLOGGED table with storage parameters; then it becomes logged and its parameters change.
import { integer, table, text } from '../../../../compiler/index.js';

const columns = { id: integer({ primaryKey: true }), payload: text() };
export const before = [table('cache_entries', { columns, unlogged: true, with: { fillfactor: 70, autovacuum_enabled: false } })];
export const after = [table('cache_entries', { columns, with: { fillfactor: 90 } })];
