#!/usr/bin/env node
// The installed entry point: the compiled CLI (built by `npm ci` through `prepare`).
await import('../dist/cli/main.js');
