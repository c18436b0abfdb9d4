#!/usr/bin/env node
// The installed entry point: the compiled CLI (built by `npm ci` through `prepare`), bundled into one
// script and run through V8's code cache (cli/launch.ts).
const { launch } = await import('../dist/cli/launch.js');
await launch();
