// Where the e2e harness finds the built renderer and puts the bridge it builds for the page.
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const RENDERER_DIST = path.join(REPO_ROOT, 'renderer', 'dist');
const HARNESS_BUILD_DIR = path.join(REPO_ROOT, 'test-results', 'e2e-harness');
export const BRIDGE_INIT_SCRIPT = path.join(HARNESS_BUILD_DIR, 'bridge-init.js');
