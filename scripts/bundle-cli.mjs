// The command line as one script: dist/cli/main.js and the compiler modules it reaches (statically or
// through import() of its own files), commander, pg and handlebars' runtime, bundled by esbuild into
// dist/schemac.cjs.
// bin/schemac.js runs it through V8's code cache (cli/launch.ts): a command then neither resolves and reads
// ~210 module files nor parses and compiles them again. pg is imported (by name) only when a command
// connects to a server, and the runtime with the renderer: in the bundle their modules still run only then.
//
// Everything else stays where it is and is loaded at run time, as from dist/: packages that are big or only
// some commands need (PGlite, ts-morph, the parser, esbuild, tsx), and the files
// next to the modules (catalog queries, templates, the dev database's worker). So that those are found:
//   - `import.meta.url` in a bundled module becomes the URL of that module's file in dist/;
//   - `import(x)` of anything but the bundle's own files and BUNDLED_IMPORTS goes through `__schemacImport`,
//     which the launcher passes in (import() inside a vm script would need an experimental Node.js option).
// Run by `npm run build`, after tsc and copy-assets.
import * as esbuild from 'esbuild';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const DIST = path.resolve('dist');
const OUT = path.join(DIST, 'schemac.cjs');
/** Packages whose import() the bundle includes (esbuild turns it into a lazy require of the bundled module). */
const BUNDLED_IMPORTS = ['pg'];
/** Loaded at run time: big, optional per command, ES modules, or with files of their own (pg-native: pg's optional driver, not installed). */
const EXTERNAL = ['pg-native', '@electric-sql/pglite', '@electric-sql/pglite/*', 'ts-morph', 'pg-query-emscripten', 'pg-query-emscripten/*', 'esbuild', 'tsx', 'tsx/*'];

const distModules = {
  name: 'dist-modules',
  setup(build) {
    build.onLoad({ filter: /\.js$/ }, (args) => {
      if (!args.path.startsWith(`${DIST}${path.sep}`)) return undefined;
      const relative = path.relative(DIST, args.path).split(path.sep).join('/');
      const contents = readFileSync(args.path, 'utf8')
        .replaceAll('import.meta.url', `__schemacModuleUrl(${JSON.stringify(relative)})`)
        // import() of a bundled file or package keeps its name (esbuild inlines it); any other goes to the launcher.
        .replace(new RegExp(`\\bimport\\((?!\\s*['"\`](?:\\.\\.?/|(?:${BUNDLED_IMPORTS.join('|')})['"\`]))`, 'g'), '__schemacImport(');
      return { contents, loader: 'js' };
    });
  },
};

const result = await esbuild.build({
  entryPoints: [path.join(DIST, 'cli/main.js')],
  outfile: OUT,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  plugins: [distModules],
  banner: {
    js: [
      '// Built by scripts/bundle-cli.mjs from dist/cli/main.js: run by bin/schemac.js (cli/launch.ts). Do not edit.',
      'const __schemacModuleUrl = (file) => require("node:url").pathToFileURL(require("node:path").join(__dirname, file)).href;',
    ].join('\n'),
  },
  legalComments: 'none',
  logLevel: 'warning',
  // import.meta left in a bundled module would be undefined in the script: fail the build instead.
  logOverride: { 'empty-import-meta': 'error' },
  metafile: true,
  write: false,
});

// An import() the bundle kept (not inlined, not routed through the launcher) would need Node's
// experimental vm option: fail the build instead.
const kept = Object.values(result.metafile.outputs).flatMap((output) => output.imports).filter((i) => i.kind === 'dynamic-import');
if (kept.length > 0) throw new Error(`scripts/bundle-cli.mjs: dist/schemac.cjs keeps import() of ${kept.map((i) => i.path).join(', ')}: see the comment at the top of this script`);
const text = result.outputFiles[0].text.replace(/^#!.*\n/, '');
// Replaced in one step: a command started while the build runs reads the old bundle or the new, never half of one.
writeFileSync(`${OUT}.${process.pid}.tmp`, text);
renameSync(`${OUT}.${process.pid}.tmp`, OUT);
console.log(`bundled ${Object.keys(result.metafile.inputs).length} modules into dist/schemac.cjs (${Math.round(text.length / 1024)} KiB)`);
