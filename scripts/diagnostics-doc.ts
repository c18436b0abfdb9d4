// Writes docs/diagnostics.md from the codes catalogue (npm run docs:diagnostics).
import { mkdirSync, writeFileSync } from 'node:fs';
import { DIAGNOSTIC_CODES } from '../compiler/diagnostics/codes.ts';

const groups: Record<string, [string, string]> = {
  SC1: ['Configuration and loading', '2'],
  SC2: ['Declarations (validation)', '2 (`validate`: 1)'],
  SC3: ['The generated/ folder and migration history', '2'],
  SC4: ['Database', '2'],
  SC5: ['Drift', '1'],
  SC6: ['Migration lint', '1'],
  SC7: ['Compliance', '2 (`validate`: 1)'],
  SC9: ['Internal and usage', '2'],
};

let out = `# Diagnostics

Every problem schemac reports has a stable code. Messages name the object and, where known, the
declaring \`file:line\`; the hint says how to fix it. Codes never change meaning.

Output: \`file:line CODE severity: message\`, then \`hint: …\`. With \`--format json\` the same data
is printed as \`{ code, severity, message, hint, at: { file, line }, path }\`; with \`--format github\`
as workflow annotations on the declaring line.
`;
let last = '';
for (const [code, { title, hint }] of Object.entries(DIAGNOSTIC_CODES)) {
  const group = code.slice(0, 3);
  if (group !== last) {
    const [name, exit] = groups[group]!;
    out += `\n## ${name} (exit code ${exit})\n`;
    last = group;
  }
  out += `\n### ${code}: ${title}\n\n${hint}\n`;
}
writeFileSync(new URL('../docs/diagnostics.md', import.meta.url), out);

// One page per code (docs/diagnostics/<code>.md), the page every printed diagnostic links to; lint
// codes have their own, fuller pages in docs/lint/.
mkdirSync(new URL('../docs/diagnostics/', import.meta.url), { recursive: true });
for (const [code, { title, hint }] of Object.entries(DIAGNOSTIC_CODES)) {
  const [group, exit] = groups[code.slice(0, 3)]!;
  const lint = code.startsWith('SC6') && code !== 'SC600' ? `\nThe rule in full — why, the lock or rewrite it causes, the safe recipe, examples: [../lint/${code}.md](../lint/${code}.md).\n` : '';
  const page = `# ${code}: ${title}\n\n${group}; exit code ${exit}.\n\n**How to fix it:** ${hint}\n${lint}\nAll codes: [../diagnostics.md](../diagnostics.md).\n`;
  writeFileSync(new URL(`../docs/diagnostics/${code}.md`, import.meta.url), page);
}
