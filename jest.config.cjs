// Three projects: unit (pure rules, mocked electron for the shell), integration (the real engine on
// real files in temp folders) and renderer (the window's hooks, routes and scaffolds in jsdom, behind a
// fake window.closeout built from the contract). All compile TypeScript with SWC; type-checking is tsc's.
const swc = (jsc) => [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022', ...jsc },
    module: { type: 'commonjs' },
  },
];
const transform = { '^.+\\.(t|j)sx?$': swc({}) };
// The renderer's JSX with React's automatic runtime, as Vite builds it.
const rendererTransform = {
  '^.+\\.(t|j)sx?$': swc({ transform: { react: { runtime: 'automatic' } } }),
};

// pkijs, asn1js and their helpers ship only ES modules: SWC compiles them to CommonJS like our own code.
const transformIgnorePatterns = [
  '/node_modules/(?!(pkijs|asn1js|bytestreamjs|@peculiar/utils|@noble/hashes)/)',
];

module.exports = {
  // A new vault makes an RSA-3072 company CA and every user an Argon2id slot: seconds on a loaded machine.
  testTimeout: 30_000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/unit'],
      testMatch: ['**/*.test.ts'],
      transform,
      transformIgnorePatterns,
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/integration'],
      testMatch: ['**/*.test.ts'],
      transform,
      transformIgnorePatterns,
      globalSetup: '<rootDir>/test/integration/global-setup.cjs',
    },
    {
      displayName: 'renderer',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/test/renderer'],
      testMatch: ['**/*.test.{ts,tsx}'],
      setupFilesAfterEnv: ['<rootDir>/test/renderer/support/setup-dom.ts'],
      transform: rendererTransform,
      // @ant-design/colors ships only ES modules under the icons' CommonJS build.
      transformIgnorePatterns: ['/node_modules/(?!(@ant-design/colors|@ant-design/fast-color)/)'],
    },
  ],
};
