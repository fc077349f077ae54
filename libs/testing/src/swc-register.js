// Lets a plain `node` process (a test's child) run the project's TypeScript: swc transpiles each
// .ts file as it is required, and @hub/* aliases resolve as tsconfig.json's paths say (scripts/path-aliases.cjs).
// Usage: node -r libs/testing/src/swc-register.js some-file.ts args…
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

const { resolveAlias } = require('../../../scripts/path-aliases.cjs');

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, resolveAlias(request) ?? request, ...rest);
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
