// Three levels, named by file suffix (DEVELOPERS.md): unit (pure), int (one real engine), e2e (running app).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
const { jestModuleNameMapper } = require('./scripts/path-aliases.cjs');
const moduleNameMapper = jestModuleNameMapper();
const project = (name, pattern, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  // content-disposition 3 (under @fastify/static) and jose ship ESM only: transpile them for jest.
  transform: { '^.+\\.(ts|js)$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition|jose)/)'],
  moduleNameMapper,
  testMatch: [`<rootDir>/{apps,libs,projections}/**/*.${pattern}.spec.ts`],
  setupFiles: ['reflect-metadata'],
  ...extra,
});
module.exports = {
  testTimeout: 60000,
  projects: [project('unit', 'unit'), project('int', 'int'), project('e2e', 'e2e')],
};
