/**
 * Loading TypeScript declaration modules and configs at run time (tsx's loader, registered once
 * for the process so every file shares one module graph), with load failures turned into
 * diagnostics that point at the user's file and line.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { diagnostic, SchemacError } from '../diagnostics/diagnostic.js';
import type { SourceRef } from '../model/types.js';

let registered = false;

async function ensureTypeScriptLoader(): Promise<void> {
  if (registered) return;
  const { register } = await import('tsx/esm/api');
  register();
  registered = true;
}

const MODULE_EXTENSIONS = ['.ts', '.mts', '.js', '.mjs'];
const isModuleFile = (file: string): boolean =>
  MODULE_EXTENSIONS.some((ext) => file.endsWith(ext)) && !file.endsWith('.d.ts') && !/\.(test|spec)\.[mc]?[jt]s$/.test(file);

/** Files of a schema path: the file itself, or every module file below a folder, sorted. */
export function moduleFiles(target: string, cwd: string): string[] {
  if (!existsSync(target)) {
    throw new SchemacError([diagnostic('SC101', { message: `schema path ${path.relative(cwd, target) || target} does not exist` })]);
  }
  if (statSync(target).isFile()) return [target];
  return readdirSync(target, { recursive: true, encoding: 'utf8' })
    .map((entry) => path.join(target, entry))
    .filter((file) => isModuleFile(file) && !file.split(path.sep).includes('node_modules') && statSync(file).isFile())
    .sort();
}

/** The first stack frame or esbuild message that points into the user's files. */
function userLocation(error: unknown, cwd: string): SourceRef | undefined {
  const text = `${(error as Error)?.message ?? ''}\n${(error as Error)?.stack ?? ''}`;
  for (const match of text.matchAll(/((?:file:\/\/)?\/[^\s():]+):(\d+)(?::\d+)?/g)) {
    const file = match[1]!.startsWith('file://') ? fileURLToPath(match[1]!) : match[1]!;
    if (file.includes(`${path.sep}node_modules${path.sep}`) || !file.startsWith(cwd)) continue;
    return { file: path.relative(cwd, file), line: Number(match[2]) };
  }
  return undefined;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split('\n').map((l) => l.trim()).filter(Boolean);
  const esbuildError = lines.find((l) => l.includes('ERROR:'));
  return (esbuildError ? esbuildError.slice(esbuildError.indexOf('ERROR:') + 6).trim() : lines[0]) ?? 'unknown error';
}

/** Import a module (TypeScript or JavaScript); a failure becomes SC103 at the user's file:line. */
export async function importModule(file: string, cwd: string): Promise<Record<string, unknown>> {
  await ensureTypeScriptLoader();
  try {
    return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    const at = userLocation(error, cwd) ?? { file: path.relative(cwd, file), line: 0 };
    throw new SchemacError([diagnostic('SC103', { message: `cannot load ${path.relative(cwd, file)}: ${firstLine(error)}`, at })], { cause: error });
  }
}
