/**
 * The compliance reports of `schemac docs`, as files (name → content), written from plain data:
 *
 * - `data-inventory.md`, `data-inventory.csv`, `data-inventory.json`: every column with its
 *   classification, activities and retention (`inventory.ts`, `inventory-render.ts`);
 * - `article-30.md`: the GDPR Art. 30(1) record of processing (`article30.ts`), whose security
 *   measures come from an introspected database (`measures.ts`) when one is given.
 *
 * Pure: no I/O, no clock; equal inputs give equal bytes.
 */
import type { Schema } from '../model/types.js';
import { article30Record, type Article30Options } from './article30.js';
import { dataInventory } from './inventory.js';
import { inventoryCsv, inventoryJson, inventoryMarkdown } from './inventory-render.js';
import { securityMeasures } from './measures.js';

export { dataInventory, type InventoryRow } from './inventory.js';
export { inventoryCsv, inventoryJson, inventoryMarkdown } from './inventory-render.js';
export { article30Record, type Article30Options } from './article30.js';
export { annotationsFromComments, securityMeasures, type SecurityMeasures } from './measures.js';
export { missingMeasures, type MissingMeasure } from './missing-measures.js';

/** A file `schemac docs` writes: its name in the output folder and its content. */
export interface DocFile {
  readonly name: string;
  readonly content: string;
}

export interface ComplianceReportInput extends Article30Options {
  /** The declared schema: classifications, activities, retention rules. */
  readonly declared: Schema;
  /** The introspected database, when one was read: the source of the security measures. */
  readonly live?: Schema;
}

/** The four compliance report files, sorted by name. */
export function complianceReports(input: ComplianceReportInput): DocFile[] {
  const rows = dataInventory(input.declared);
  const measures = input.live ? securityMeasures(input.live) : undefined;
  const options: Article30Options = { ...(input.controller ? { controller: input.controller } : {}), ...(input.dpo ? { dpo: input.dpo } : {}) };
  return [
    { name: 'article-30.md', content: article30Record(input.declared, measures, options) },
    { name: 'data-inventory.csv', content: inventoryCsv(rows) },
    { name: 'data-inventory.json', content: inventoryJson(rows) },
    { name: 'data-inventory.md', content: inventoryMarkdown(rows) },
  ];
}
