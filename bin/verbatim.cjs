#!/usr/bin/env node
// The `verbatim` command: runs the bundled CLI, building it first when a fresh clone has no dist/ yet.
'use strict';
const { existsSync } = require('node:fs');
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
const cli = path.join(root, 'dist', 'cli.cjs');
if (!existsSync(cli)) {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
}
require(cli);
