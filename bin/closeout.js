#!/usr/bin/env node
// Launcher for the bundled CLI (built by `npm install` through the `prepare` script).
const path = require('node:path');
const fs = require('node:fs');

const entry = path.join(__dirname, '..', 'dist', 'cli', 'closeout.js');
if (!fs.existsSync(entry)) {
  process.stderr.write(
    'closeout: the CLI is not built yet; run `npm run build:node` in ' + path.dirname(__dirname) + '\n',
  );
  process.exit(70);
}
require(entry);
