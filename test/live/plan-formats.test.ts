/**
 * `schemac plan` in the formats CI uses: a Markdown pull-request comment (changes, hazards,
 * compliance impact, rollback summary) and GitHub annotations on the declaring line.
 */
import { describe, expect, it } from 'vitest';
import { freshDatabaseUrl } from '../helpers/backends.js';
import { makeProject, runCli, writeProjectFiles } from '../helpers/cli.js';

const V1 = `import { index, processingActivity, retentionRule, sql, table, text, timestamptz, uuid } from 'schemac';

export const accounts = processingActivity('accounts', { name: 'Accounts', purpose: 'Sign-in', lawfulBasis: 'contract', subjects: ['user'] });
export const keep = retentionRule('keep', { duration: 'P1Y', start: { event: 'account closed' }, bound: 'maximum', action: 'delete' });

export const users = table('users', {
  compliance: { activities: ['accounts'], retention: 'keep' },
  columns: {
    id: uuid({ primaryKey: true, default: sql\`gen_random_uuid()\`, personal: false }),
    email: text({ notNull: true, personal: { categories: ['contact.email'], subjects: ['user'], identifiability: 'direct', erasure: 'delete' } }),
    nickname: text({ personal: { categories: ['identity.name'], subjects: ['user'], identifiability: 'direct', erasure: 'delete' } }),
    created_at: timestamptz({ notNull: true, default: sql\`now()\`, personal: false }),
  },
});
`;

describe('plan output formats', () => {
  it('markdown for a PR comment and GitHub annotations on the declaring line', async () => {
    const url = await freshDatabaseUrl('postgres');
    const dir = makeProject({ 'schema/index.ts': V1 });
    expect((await runCli(['generate', '--name', 'init'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['apply', '--url', url], { cwd: dir })).code).toBe(0);
    writeProjectFiles(dir, {
      'schema/index.ts': V1.replace(/    nickname: text\([^\n]*\n/, '').replace("  },\n});", "  },\n  indexes: [index(['created_at'])],\n});"),
    });
    const markdown = await runCli(['plan', '--url', url, '--format', 'markdown'], { cwd: dir });
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toContain('### schemac plan for');
    expect(markdown.stdout).toMatch(/\| 1 \| drop column public\.users\.nickname \| ACCESS EXCLUSIVE \| none \| shared \| schema\/index\.ts:\d+ \|/);
    expect(markdown.stdout).toContain('**data-loss**: drops column users.nickname and its values');
    expect(markdown.stdout).toContain('- changes `public.users`, which holds personal data');
    expect(markdown.stdout).toContain('- step 1 is irreversible: drops column users.nickname');
    expect(markdown.stdout).toContain('CREATE INDEX CONCURRENTLY "users_created_at_idx"');
    const github = await runCli(['plan', '--url', url, '--format', 'github'], { cwd: dir });
    expect(github.stdout).toMatch(/^::error file=schema\/index\.ts,line=\d+,title=schemac plan step 1 \(data-loss\)::drops column users\.nickname and its values$/m);
    const json = JSON.parse((await runCli(['plan', '--url', url, '--format', 'json'], { cwd: dir })).stdout) as { version: number; steps: { path: string; personalData?: string; at?: { line: number } }[] };
    expect(json.version).toBe(1);
    expect(json.steps[0]).toMatchObject({ path: 'column:public.users.nickname', personalData: 'public.users' });
  });
});
