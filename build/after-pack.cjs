// electron-builder afterPack hook: flips Electron's fuses on the packaged binary, after the app is
// copied in and before it is signed (signing must cover the flipped binary).
// CLOSEOUT_TEST_BUILD=1 builds the test-only variant for Playwright's _electron, which drives the app
// through the inspector and so needs EnableNodeCliInspectArguments; nothing else differs.

/** Fuse name → wanted state. Names are @electron/fuses' FuseV1Options keys. */
function fuseSettings({ testBuild }) {
  return {
    // The binary must not double as a Node interpreter (ELECTRON_RUN_AS_NODE).
    RunAsNode: false,
    EnableCookieEncryption: true,
    // NODE_OPTIONS and --inspect would let anyone who can start the app inject code into main.
    EnableNodeOptionsEnvironmentVariable: false,
    EnableNodeCliInspectArguments: testBuild,
    // Only the signed app.asar may run (macOS and Windows check its hash; Linux ignores the fuse).
    EnableEmbeddedAsarIntegrityValidation: true,
    OnlyLoadAppFromAsar: true,
    GrantFileProtocolExtraPrivileges: false,
  };
}

/** Builds the @electron/fuses config from the module's own enums, so an index is never hard-coded. */
function buildFuseConfig(fuses, { testBuild, resetAdHocDarwinSignature = false }) {
  const config = { version: fuses.FuseVersion.V1, resetAdHocDarwinSignature };
  for (const [name, value] of Object.entries(fuseSettings({ testBuild }))) {
    const index = fuses.FuseV1Options[name];
    if (typeof index !== 'number') throw new Error(`after-pack: @electron/fuses has no fuse named ${name}`);
    config[index] = value;
  }
  return config;
}

async function afterPack(context) {
  // @electron/fuses 2 is ESM only.
  const fuses = await import('@electron/fuses');
  const { Arch } = require('electron-builder');
  const testBuild = process.env.CLOSEOUT_TEST_BUILD === '1';
  const config = buildFuseConfig(fuses, {
    testBuild,
    // Flipping fuses breaks an arm64 Mac binary's ad-hoc signature; it must be re-signed.
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === Arch.arm64,
  });
  // The packager knows where the executable is for each platform (name, .app, .exe).
  await context.packager.addElectronFuses(context, config);
  console.log(
    `after-pack: fuses flipped (${testBuild ? 'test build: inspect arguments on' : 'release build'})`,
  );
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.fuseSettings = fuseSettings;
module.exports.buildFuseConfig = buildFuseConfig;
