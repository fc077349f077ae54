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
const moduleNameMapper = {
  '^@hub/(domain|event-store|read-store|messaging|access|testing)$': '<rootDir>/libs/$1/src',
  '^@hub/(domain|event-store|read-store|messaging|access|testing)/(.*)$':
    '<rootDir>/libs/$1/src/$2',
  '^@hub/projections/(.*)$': '<rootDir>/projections/$1',
  '^@hub/api/(.*)$': '<rootDir>/apps/hub-api/src/$1',
  '^@hub/projector/(.*)$': '<rootDir>/apps/projector/src/$1',
  '^@hub/ingest/(.*)$': '<rootDir>/apps/ingest/src/$1',
};
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
