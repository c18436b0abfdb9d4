// Writes docs/lint/ (the rule index and one page per rule) from the lint rule catalogue (npm run docs:lint).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { LINT_RULES } from '../compiler/lint/index.ts';
import { lintDocPages } from '../compiler/lint/docs.ts';

const folder = new URL('../docs/lint/', import.meta.url);
mkdirSync(folder, { recursive: true });
const pages = lintDocPages(LINT_RULES);
const wanted = new Set(pages.map((page) => page.file));
for (const file of readdirSync(folder)) if (file.endsWith('.md') && !wanted.has(file)) rmSync(new URL(file, folder));
for (const page of pages) writeFileSync(new URL(page.file, folder), page.text);
