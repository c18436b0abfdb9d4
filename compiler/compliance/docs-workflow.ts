/**
 * `schemac docs`: the declarations (and, when a database is named, its introspected schema) →
 * documentation files in one folder. Each part of the documentation is a `DocsSection`; the
 * compliance reports are one, the ER diagram / data dictionary will be another (add it to
 * `SECTIONS`). Files carry no timestamps: the same inputs give the same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { introspect } from '../introspect/index.js';
import type { Schema } from '../model/types.js';
import { loadValidDeclarations, openDatabase, projectTarget, type Context, type ResolvedProject } from '../workflows.js';
import { complianceReports, type DocFile } from './reports.js';
import { structureDocs } from '../docs/erd.js';

export interface DocsOptions {
  /** Output folder, relative to the working directory. */
  readonly outDir: string;
  /** `--url`: read security measures from this database. */
  readonly url?: string;
  /** Controller and DPO for the Art. 30 record (placeholders when absent). */
  readonly controller?: string;
  readonly dpo?: string;
}

/** What every documentation section gets. */
export interface DocsInput {
  readonly declared: Schema;
  /** The introspected database, when one was named (`--url` or the config's `url`). */
  readonly live?: Schema;
  readonly controller?: string;
  readonly dpo?: string;
}

/** One part of `schemac docs`: files computed from the inputs, without I/O. */
export type DocsSection = (input: DocsInput) => readonly DocFile[];

/** The parts of `schemac docs`, in order: compliance reports, then the ER diagram and data dictionary. */
const SECTIONS: readonly DocsSection[] = [complianceReports, structureDocs];

export interface DocsResult {
  /** Written files, absolute paths, sorted. */
  readonly files: readonly string[];
  /** The database the security measures were read from (safe to print); absent: not verified. */
  readonly database?: string;
}

/** The documentation files, sorted by name; a name written by two sections is a bug. */
export function renderDocs(input: DocsInput): DocFile[] {
  const files = SECTIONS.flatMap((section) => section(input));
  const names = files.map((f) => f.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) throw new Error(`two documentation sections write ${duplicate}`);
  return [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The live schema, when a database is named explicitly: `--url`, or the config's `url`. */
async function readLive(ctx: Context, project: ResolvedProject, url: string | undefined): Promise<{ schema: Schema; database: string } | undefined> {
  if (url === undefined && project.url === undefined) return undefined;
  const db = await openDatabase(ctx, projectTarget(ctx, project, url));
  try {
    return { schema: await introspect(db), database: db.description };
  } finally {
    await db.close();
  }
}

/** `schemac docs [--out docs/schema]`: write the documentation files; returns what was written. */
export async function docsProject(ctx: Context, project: ResolvedProject, options: DocsOptions): Promise<DocsResult> {
  const declared = await loadValidDeclarations(ctx, project);
  const live = await readLive(ctx, project, options.url);
  const files = renderDocs({
    declared: declared.schema,
    ...(live ? { live: live.schema } : {}),
    ...(options.controller ? { controller: options.controller } : {}),
    ...(options.dpo ? { dpo: options.dpo } : {}),
  });
  const outDir = path.resolve(ctx.cwd, options.outDir);
  mkdirSync(outDir, { recursive: true });
  for (const file of files) writeFileSync(path.join(outDir, file.name), file.content);
  return { files: files.map((f) => path.join(outDir, f.name)), ...(live ? { database: live.database } : {}) };
}
