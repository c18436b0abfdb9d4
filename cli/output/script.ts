/**
 * A plan or diff script, coloured for a terminal: what each step does decides the colour of its
 * statements, so the shape of a change shows at a glance.
 *
 *   -- Hazards: …                    yellow
 *   -- Step 3/7: create table …      bold (yellow when the step has hazards)
 *   CREATE TABLE …;                  green: an object (or value, constraint, grant) is added
 *   DROP INDEX …;                    red: something is removed
 *   ALTER TABLE … TYPE …;            as it is: something is changed
 *
 * The script text is what the compiler rendered; only escape codes are added, so without colour
 * it is byte for byte the plain script.
 */
import type { Change } from '../../compiler/index.js';
import type { Palette } from './colour.js';

export type StepEffect = 'add' | 'drop' | 'change';

export interface ScriptStep {
  readonly effect: StepEffect;
  readonly hazardous: boolean;
}

/** What a change does to the schema, by its kind. */
export function stepEffect(kind: Change['kind']): StepEffect {
  if (kind.endsWith('.create') || kind.endsWith('.add') || kind === 'enum.addValue') return 'add';
  if (kind.endsWith('.drop') || kind === 'grant.revoke') return 'drop';
  return 'change';
}

const STEP_HEADER = /^-- Step (\d+)\/\d+: /;

export function colourScript(script: string, steps: readonly ScriptStep[], colour: Palette): string {
  if (!colour.enabled) return script;
  let step: ScriptStep | undefined;
  let number = 0;
  let inHazards = false;
  return script.split('\n').map((line) => {
    const header = STEP_HEADER.exec(line);
    // A header is the next step's only: a function body that happens to hold such a line is not one.
    if (header && Number(header[1]) === number + 1) {
      number++;
      step = steps[number - 1];
      inHazards = false;
      return step?.hazardous ? colour.bold(colour.yellow(line)) : colour.bold(line);
    }
    if (step === undefined) {
      if (line === '-- Hazards:') inHazards = true;
      return inHazards && line.startsWith('--   ') ? colour.yellow(line) : inHazards && line === '-- Hazards:' ? colour.bold(colour.yellow(line)) : colour.dim(line);
    }
    if (line.startsWith('-- schemac:') || line === '') return colour.dim(line);
    if (step.effect === 'add') return colour.green(line);
    if (step.effect === 'drop') return colour.red(line);
    return line;
  }).join('\n');
}
