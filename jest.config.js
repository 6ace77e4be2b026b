// Two projects: unit specs (no database, no network) and integration specs (a real embedded
// PostgreSQL started once per run, a fresh migrated database per test file).
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
);
const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        target: 'es2022',
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        keepClassNames: true,
      },
      module: { type: 'commonjs' },
    },
  ],
};
// @fastify/cookie loads the ESM-only `cookie` package with a dynamic import(), which jest's CommonJS
// sandbox cannot run without --experimental-vm-modules: compile those two packages to CommonJS.
const esmPackages = '@fastify/cookie';
transform[`node_modules/${esmPackages}/.+\\.js$`] = [
  '@swc/jest',
  { jsc: { target: 'es2022', parser: { syntax: 'ecmascript' } }, module: { type: 'commonjs' } },
];
const transformIgnorePatterns = [`/node_modules/(?!${esmPackages}/)(?<!${esmPackages}/node_modules/)`];
const common = { rootDir: __dirname, transform, transformIgnorePatterns, moduleNameMapper, testEnvironment: 'node' };

module.exports = {
  // Jest reads the timeout only at the top level (a projects entry ignores it): integration tests start
  // servers and browsers and must pass on a busy machine.
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/libs/testing/src/jest/summary-reporter.js'],
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,scripts}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,scripts}/**/*.integration-spec.ts'],
      globalSetup: '<rootDir>/libs/db/src/testing/jest-global-setup.ts',
      globalTeardown: '<rootDir>/libs/db/src/testing/jest-global-teardown.ts',
    },
  ],
};
