// A function body changes (CREATE OR REPLACE), another changes its return type (drop + create),
// a trigger is disabled and another's WHEN changes.
import { fn, integer, sql, table, text, trigger } from '../../../../compiler/index.js';

const stamp = (body: string) => fn('stamp', { returns: 'trigger', language: 'plpgsql', body });
const score = (returns: string) => fn('score', { args: [{ name: 'n', type: 'integer' }], returns, language: 'sql', volatility: 'immutable', body: 'SELECT n * 2' });

const items = (v: 1 | 2, f: ReturnType<typeof stamp>) => table('items', {
  columns: { id: integer({ primaryKey: true }), name: text() },
  triggers: [
    trigger('items_stamp', { timing: 'before', events: ['insert'], function: f, enabled: v === 1 ? 'origin' : 'disabled' }),
    trigger('items_check', { timing: 'before', events: ['update'], function: f, when: v === 1 ? sql`NEW.name IS NOT NULL` : sql`NEW.name <> OLD.name` }),
  ],
});

const s1 = stamp('BEGIN RETURN NEW; END;');
const s2 = stamp('BEGIN NEW.name := trim(NEW.name); RETURN NEW; END;');
export const before = [s1, score('integer'), items(1, s1)];
export const after = [s2, score('bigint'), items(2, s2)];
