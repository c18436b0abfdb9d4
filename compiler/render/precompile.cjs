// Handlebars templates (render/templates/*.hbs) precompiled to a template spec: the JavaScript
// source of an object that handlebars' runtime turns into a render function. One definition of the
// compile options, shared by the build (scripts/copy-assets.mjs writes dist/…/<name>.hbs.cjs) and
// by render/index.ts when it runs from source, where there are no precompiled specs.
'use strict';

/** noEscape: the output is SQL, not HTML. strict: a missing field is an error, not empty text. */
const OPTIONS = { noEscape: true, strict: true };

/** The template spec's source text (an object literal). */
function precompileTemplate(source) {
  return require('handlebars').precompile(source, OPTIONS);
}

module.exports = { precompileTemplate };
