/** `schemac init`: a working project in the current folder, using the embedded database. */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILES } from '../compiler/index.js';

const CONFIG = `import { defineConfig } from 'schemac';

export default defineConfig({
  // Declaration modules: a file or a folder of .ts files.
  schema: './schema',
  // Migrations, snapshot.json and migrations.sum are written here; commit this folder.
  out: './generated',
  // Database: --url, DATABASE_URL, this setting, PG* variables, else an embedded PGlite database
  // in .schemac/pglite.
});
`;

const SCHEMA = `import { sql, table, text, timestamptz, uuid, varchar, index } from 'schemac';

/** People who sign in. */
export const users = table('users', {
  comment: 'People who sign in',
  columns: {
    id: uuid({ primaryKey: true, default: sql\`gen_random_uuid()\` }),
    email: varchar({ length: 320, notNull: true, unique: true }),
    display_name: text(),
    created_at: timestamptz({ notNull: true, default: sql\`now()\` }),
  },
  indexes: [index(['created_at'])],
});
`;

export function initProject(cwd: string): string[] {
  const lines: string[] = [];
  const write = (file: string, content: string): void => {
    const full = path.join(cwd, file);
    if (existsSync(full)) {
      lines.push(`kept ${file} (already exists)`);
      return;
    }
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
    lines.push(`created ${file}`);
  };
  if (CONFIG_FILES.some((f) => existsSync(path.join(cwd, f)))) lines.push('kept the existing schemac config');
  else write('schemac.config.ts', CONFIG);
  write('schema/index.ts', SCHEMA);
  mkdirSync(path.join(cwd, 'generated'), { recursive: true });
  const gitignore = path.join(cwd, '.gitignore');
  const ignored = existsSync(gitignore) && readFileSync(gitignore, 'utf8').split('\n').includes('.schemac/');
  if (!ignored) {
    appendFileSync(gitignore, `${existsSync(gitignore) && !readFileSync(gitignore, 'utf8').endsWith('\n') ? '\n' : ''}.schemac/\n`);
    lines.push('added .schemac/ to .gitignore');
  }
  lines.push('next: schemac generate && schemac apply && schemac drift');
  return lines;
}
