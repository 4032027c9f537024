// Integration tests drive the bundled CLI and the engine worker from dist/: build them once first.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async () => {
  execFileSync(process.execPath, [path.join(__dirname, '..', '..', 'scripts', 'build-node.mjs')], {
    stdio: 'inherit',
  });
};
