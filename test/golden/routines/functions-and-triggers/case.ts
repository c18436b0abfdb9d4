// A trigger function and triggers (row and statement level, WHEN, UPDATE OF, arguments), a SQL
// function used by a column default, a procedure; comments.
import { fn, integer, procedure, sql, table, text, timestamptz, trigger } from '../../../../compiler/index.js';

const touch = fn('touch_updated_at', {
  returns: 'trigger',
  language: 'plpgsql',
  body: `
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
`,
  comment: 'Keeps updated_at current',
});

const nextCode = fn('next_code', { args: [{ name: 'prefix', type: 'text', default: 'X' }], returns: 'text', language: 'sql', volatility: 'volatile', body: "SELECT prefix || '-' || floor(random() * 1000000)::text" });

const audit = fn('audit_change', { returns: 'trigger', language: 'plpgsql', security: 'definer', set: { search_path: 'public' }, body: 'BEGIN RAISE NOTICE \'% on %\', TG_OP, TG_ARGV[0]; RETURN NULL; END;' });

const purge = procedure('purge_old_notes', { args: [{ name: 'days', type: 'integer' }], language: 'plpgsql', body: "BEGIN DELETE FROM notes WHERE updated_at < now() - make_interval(days => days); END;" });

const notes = table('notes', {
  columns: {
    id: integer({ primaryKey: true }),
    code: text({ notNull: true, default: sql`next_code('N')` }),
    body: text(),
    updated_at: timestamptz({ notNull: true, default: sql`now()` }),
  },
  triggers: [
    trigger('notes_touch', { timing: 'before', events: ['update'], function: touch, when: sql`OLD.body IS DISTINCT FROM NEW.body` }),
    trigger('notes_audit', { timing: 'after', events: ['insert', 'delete', 'update'], updateOf: ['body'], function: audit, arguments: ['notes'] }),
    trigger('notes_truncate', { timing: 'after', events: ['truncate'], forEach: 'statement', function: audit, arguments: ['truncate'] }),
  ],
});

export const before = [];
export const after = [touch, nextCode, audit, purge, notes];
