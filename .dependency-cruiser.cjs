// Who may import whom (docs/ARCHITECTURE.md, "Layout"), checked on every `npm test`.
// A wrong arrow fails CI instead of waiting for a reviewer.
const SHARED = '^shared/';
const CORE = '^electron/core/';
const HOST = '^electron/core/host/';
const KERNEL = '^electron/core/kernel/';
const MAIN = '^electron/main/';
const PRELOAD = '^electron/preload';
const CLI = '^electron/cli/';
const RENDERER = '^renderer/';
const ELECTRON = '(^|/)node_modules/electron/';

const forbid = (name, comment, from, to) => ({ name, comment, severity: 'error', from, to });

module.exports = {
  forbidden: [
    forbid(
      'shared-is-pure',
      'shared/ is used by every side: no Node built-ins, no electron, no app code',
      { path: SHARED },
      {
        path: [CORE, MAIN, PRELOAD, CLI, RENDERER, ELECTRON],
      },
    ),
    forbid(
      'shared-no-node',
      'shared/ runs in the sandboxed renderer too: no Node built-ins',
      { path: SHARED },
      {
        dependencyTypes: ['core'],
      },
    ),
    forbid(
      'core-never-imports-electron',
      'electron/core runs in a worker and in plain Node (CLI, jest)',
      { path: CORE },
      {
        path: [ELECTRON, MAIN, PRELOAD, CLI, RENDERER],
      },
    ),
    forbid(
      'features-below-host',
      'core/host is the composition (engine, router, worker): the features and the kernel never import it',
      { path: CORE, pathNot: HOST },
      { path: HOST },
    ),
    forbid(
      'kernel-below-features',
      'core/kernel (engine error, job context, transactions) is what every feature uses: it imports no feature',
      { path: KERNEL },
      { path: CORE, pathNot: KERNEL },
    ),
    forbid(
      'main-uses-host-entry-only',
      'main starts the engine through electron/core/host/index.ts and its message types only',
      { path: MAIN },
      { path: CORE, pathNot: ['^electron/core/host/index\\.ts$', '^electron/core/host/protocol\\.ts$'] },
    ),
    forbid(
      'main-not-renderer',
      'main never imports renderer, preload or CLI code',
      { path: MAIN },
      {
        path: [RENDERER, PRELOAD, CLI],
      },
    ),
    forbid(
      'preload-minimal',
      'the preload sees only shared/ and electron',
      { path: PRELOAD },
      {
        path: [CORE, MAIN, CLI, RENDERER],
      },
    ),
    forbid(
      'preload-no-node',
      'a sandboxed preload has no Node built-ins',
      { path: PRELOAD },
      { dependencyTypes: ['core'] },
    ),
    forbid(
      'renderer-sandboxed',
      'the renderer talks to the engine only through window.closeout',
      { path: RENDERER },
      {
        path: [CORE, MAIN, PRELOAD, CLI, ELECTRON],
      },
    ),
    forbid(
      'renderer-no-node',
      'the renderer has no Node built-ins',
      { path: RENDERER, pathNot: '^renderer/vite\\.config\\.ts$' },
      {
        dependencyTypes: ['core'],
      },
    ),
    forbid(
      'cli-no-electron',
      'the CLI runs in plain Node',
      { path: CLI },
      { path: [ELECTRON, MAIN, PRELOAD, RENDERER] },
    ),
    forbid(
      'no-circular',
      'circular imports hide the layering',
      { path: '^(shared|electron|renderer/src)/' },
      { circular: true },
    ),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|renderer/dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
