// Lets a plain `node` process (a test's child) run the project's TypeScript: swc transpiles each
// .ts file as it is required, and @hub/* aliases resolve as in jest.config.js's moduleNameMapper.
// Usage: node -r libs/testing/src/swc-register.js some-file.ts args…
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { transformSync } = require('@swc/core');

const root = join(__dirname, '..', '..', '..');
const aliases = [
  [
    /^@hub\/(domain|event-store|read-store|messaging|access|testing)(\/.*)?$/,
    (m) => `libs/${m[1]}/src${m[2] ?? ''}`,
  ],
  [/^@hub\/projections\/(.*)$/, (m) => `projections/${m[1]}`],
  [/^@hub\/api\/(.*)$/, (m) => `apps/hub-api/src/${m[1]}`],
  [/^@hub\/projector\/(.*)$/, (m) => `apps/projector/src/${m[1]}`],
  [/^@hub\/ingest\/(.*)$/, (m) => `apps/ingest/src/${m[1]}`],
];

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  for (const [pattern, target] of aliases) {
    const match = pattern.exec(request);
    if (match) return resolveFilename.call(this, join(root, target(match)), ...rest);
  }
  return resolveFilename.call(this, request, ...rest);
};

Module._extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
