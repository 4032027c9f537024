// Two projects: unit (pure rules, mocked electron for the shell) and integration (the real engine on
// real files in temp folders). Both compile TypeScript with SWC; type-checking is tsc's job.
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' }, module: { type: 'commonjs' } },
  ],
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
  ],
};
